/**
 * The pool of separately logged-in sessions and the FIFO queue of calls waiting for one. A call
 * gets a free session at once, or waits in line (bounded by queueLimit and by the request
 * timeout), or fails at once when no session is logged in or about to be.
 */
import type { OciTransportError } from '../../../ocip/oci-errors.js';
import type { OciGatewayStats } from '../oci-gateway.js';
import { SessionSlot } from './session-slot.js';
import { CLIENT_MESSAGES, transportFailure } from './tcp-errors.js';
import type { GatewayLogger, TcpGatewayOptions } from './tcp-gateway-options.js';

/** A call may make a backing-off session reconnect at least this often (see reconnectNow). */
const CALL_RECONNECT_MIN_INTERVAL_MS = 1000;

interface Waiter {
  readonly resolve: (slot: SessionSlot) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class SessionPool {
  private readonly slots: SessionSlot[];
  private readonly waiters: Waiter[] = [];
  private started = false;
  private closed = false;
  /** When a call last made a waiting slot reconnect before its backoff ended (reconnectNow). */
  private lastCallReconnectAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: TcpGatewayOptions,
    logger: GatewayLogger,
  ) {
    this.slots = Array.from(
      { length: options.poolSize },
      (_, i) => new SessionSlot(i, options, logger, (slot) => this.onSlotChanged(slot)),
    );
  }

  /** Starts every session; resolves when each first attempt has succeeded or failed. */
  start(): Promise<void> {
    this.started = true;
    return Promise.all(this.slots.map((slot) => slot.start())).then(() => undefined);
  }

  /** The numbers /metrics shows: size, sessions carrying a document, calls waiting, reconnects. */
  stats(): OciGatewayStats {
    return {
      poolSize: this.slots.length,
      busySessions: this.slots.filter((slot) => slot.state === 'busy').length,
      queueLength: this.waiters.length,
      reconnects: this.slots.reduce((sum, slot) => sum + slot.reconnects, 0),
    };
  }

  get loggedIn(): number {
    return this.slots.filter((slot) => slot.isLoggedIn).length;
  }

  /** A logged-in session marked busy; give it back with `release`. `first` jumps the queue (a retry). */
  acquire(first = false): Promise<SessionSlot> {
    if (this.closed) return Promise.reject(this.shuttingDown());
    if (!this.started) void this.start();
    const free = this.slots.find((slot) => slot.state === 'ready');
    if (free && (first || this.waiters.length === 0)) {
      free.state = 'busy';
      return Promise.resolve(free);
    }
    if (!this.anySessionLiveOrComing() && !this.reconnectNow()) return Promise.reject(this.unreachable());
    // The call must wait: a session still backing off after BroadWorks came back may as well log in now.
    if (!free) this.reconnectNow();
    if (!first && this.waiters.length >= this.options.queueLimit) {
      return Promise.reject(
        transportFailure(
          'unreachable',
          CLIENT_MESSAGES.busy,
          `queue full: ${this.waiters.length} calls already wait for one of the ${this.slots.length} BroadWorks sessions`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const timeoutMs = this.options.requestTimeoutMs;
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(
            transportFailure(
              'timeout',
              CLIENT_MESSAGES.noFreeSession,
              `no BroadWorks session became free within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs),
      };
      if (first) this.waiters.unshift(waiter);
      else this.waiters.push(waiter);
    });
  }

  /** Gives a session back after its document; the next caller in line gets it. */
  release(slot: SessionSlot): void {
    if (slot.state !== 'busy') return;
    slot.state = 'ready';
    this.onSlotChanged(slot);
  }

  /** Refuses new calls, fails those waiting, and logs every session out, bounded by `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failWaiters(this.shuttingDown());
    await Promise.all(this.slots.map((slot) => slot.close(timeoutMs)));
  }

  private onSlotChanged(slot: SessionSlot): void {
    if (this.closed) return;
    if (slot.state === 'ready') {
      // A login succeeded: the slots parked after a refused login may log in too.
      for (const parked of this.slots) if (parked.state === 'refused') parked.wake();
      this.dispatch();
    }
    if (!this.anySessionLiveOrComing()) this.failWaiters(this.unreachable());
  }

  private dispatch(): void {
    for (;;) {
      const free = this.slots.find((slot) => slot.state === 'ready');
      const waiter = free && this.waiters.shift();
      if (!free || !waiter) return;
      clearTimeout(waiter.timer);
      free.state = 'busy';
      waiter.resolve(free);
    }
  }

  /**
   * A call arrived while no session is logged in or logging in (or while every live one is busy):
   * rather than leave it to the backoff timers (up to reconnectMaxMs), one waiting slot tries now
   * and the call waits for it (or for any session that frees up first). At most once
   * per reconnectBaseMs (and at least once a second), so calls against a BroadWorks that is down do
   * not become a connect storm;
   * a refused login (wrong credentials) is never retried this way.
   */
  private reconnectNow(): boolean {
    const waiting = this.slots.find((slot) => slot.state === 'waiting');
    const now = Date.now();
    if (
      !waiting ||
      now - this.lastCallReconnectAt < Math.min(this.options.reconnectBaseMs, CALL_RECONNECT_MIN_INTERVAL_MS)
    )
      return false;
    this.lastCallReconnectAt = now;
    waiting.wake();
    return this.anySessionLiveOrComing();
  }

  private anySessionLiveOrComing(): boolean {
    return this.slots.some((slot) => slot.state === 'ready' || slot.state === 'busy' || slot.state === 'connecting');
  }

  private failWaiters(error: Error): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  /** Why no session is logged in, in words: a refused login first, since only a configuration fix helps. */
  whyUnreachable(): string {
    const refused = this.slots.find((slot) => slot.state === 'refused');
    if (refused) return `login refused: ${refused.lastError ?? 'wrong credentials'}`;
    return this.slots.find((slot) => slot.lastError !== undefined)?.lastError ?? 'not logged in yet';
  }

  /** The client reads that BroadWorks cannot be reached; why (refused login, connection error) goes to the log only. */
  private unreachable(): OciTransportError {
    const reason = this.whyUnreachable();
    const cause = reason.startsWith('login refused')
      ? reason
      : `no BroadWorks session is logged in (${reason}); reconnecting in the background`;
    return transportFailure('unreachable', CLIENT_MESSAGES.unavailable, cause);
  }

  private shuttingDown(): OciTransportError {
    return transportFailure('unreachable', CLIENT_MESSAGES.shuttingDown, 'the gateway is shutting down');
  }
}
