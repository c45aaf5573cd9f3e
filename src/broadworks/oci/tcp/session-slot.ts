/**
 * One place in the pool: it owns at most one logged-in connection and keeps it so. When the
 * connection is lost it logs in again, at once if the session had been working, otherwise after an
 * exponential backoff (capped), so a server that accepts and drops us cannot cause a tight loop.
 * A refused login (wrong credentials) is retried only at the pace of the cap.
 */
import type { OciRequest } from '../../../ocip/commands.js';
import type { OciDocumentCommand, OciReadCommand } from '../../../ocip/protocol/index.js';
import { OciConnection } from './oci-connection.js';
import { logIn } from './session-login.js';
import { ConnectionLostError, LoginRefusedError } from './tcp-errors.js';
import type { GatewayLogger, TcpGatewayOptions } from './tcp-gateway-options.js';

/**
 * - idle: not started, or parked after a refused login while another slot retries;
 * - connecting: connecting and logging in; ready: logged in and free; busy: a document in flight;
 * - waiting: backing off before the next attempt; refused: the login was refused (bad credentials);
 * - closed: the gateway shut down.
 */
export type SlotState = 'idle' | 'connecting' | 'ready' | 'busy' | 'waiting' | 'refused' | 'closed';

/** The delay before attempt n+1 after n consecutive failures: base·2^(n-1), capped, with a little jitter. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(delay * (0.8 + Math.random() * 0.2));
}

export class SessionSlot {
  state: SlotState = 'idle';
  /** Why the last attempt failed or the last session ended; undefined while all is well. */
  lastError: string | undefined;
  private connection: OciConnection | undefined;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt: Promise<void> = Promise.resolve();
  private inFlight: Promise<unknown> = Promise.resolve();
  /** Logins after the first one: sessions re-established after a loss or a refusal (for /metrics). */
  reconnects = 0;
  private loggedInOnce = false;
  /** Whether the current session answered a document: only then is a loss followed by an immediate reconnect. */
  private served = false;
  private loggedInAt = 0;

  constructor(
    readonly index: number,
    private readonly options: TcpGatewayOptions,
    private readonly logger: GatewayLogger,
    /** Told of every state change, so the pool can hand the slot out or fail its waiters. */
    private readonly changed: (slot: SessionSlot) => void,
  ) {}

  /** Starts connecting (if idle); resolves when this attempt has succeeded or failed. */
  start(): Promise<void> {
    if (this.state === 'idle') this.connect();
    return this.attempt;
  }

  /** Tries to log in now instead of at the end of the backoff (another slot's login just worked). */
  wake(): void {
    if (this.state !== 'refused' && this.state !== 'waiting') return;
    clearTimeout(this.retryTimer);
    this.connect();
  }

  get isLoggedIn(): boolean {
    return this.state === 'ready' || this.state === 'busy';
  }

  /** Sends one document on the logged-in connection (the pool marked the slot busy). */
  exchange(commands: readonly OciRequest[], timeoutMs: number, trackingId?: string): Promise<OciReadCommand[]> {
    const connection = this.connection;
    if (!connection) return Promise.reject(new ConnectionLostError(this.lastError ?? 'not logged in', false));
    // Typed commands are plain data objects; the writer reads them through the schema descriptions.
    const answered = connection
      .exchange(commands as unknown as readonly OciDocumentCommand[], timeoutMs, trackingId)
      .then((answers) => {
        this.served = true;
        return answers;
      });
    this.inFlight = answered.catch(() => undefined);
    return answered;
  }

  /** Ends the current session (BroadWorks said it is invalid); the slot logs in again. */
  drop(reason: string): void {
    this.connection?.destroy(reason);
  }

  /** Logs out (reason "Client Logout") after the document in flight, if any, and closes; bounded by `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    this.state = 'closed';
    clearTimeout(this.retryTimer);
    const deadline = Date.now() + timeoutMs;
    await Promise.race([this.inFlight, sleep(timeoutMs)]);
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await this.logOut(connection, Math.max(10, deadline - Date.now()));
  }

  private connect(): void {
    this.state = 'connecting';
    this.changed(this);
    this.attempt = this.openSession().then(
      (connection) => this.onLoggedIn(connection),
      (error: unknown) => this.onAttemptFailed(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private async openSession(): Promise<OciConnection> {
    const { host, port, tls, connectTimeoutMs, requestTimeoutMs, userId, password } = this.options;
    const connection = await OciConnection.open({ host, port, tls, connectTimeoutMs });
    try {
      await logIn(connection, { userId, password }, requestTimeoutMs);
      return connection;
    } catch (error) {
      connection.destroy('login failed');
      throw error;
    }
  }

  private onLoggedIn(connection: OciConnection): void {
    if (this.state === 'closed') {
      void this.logOut(connection, 1000);
      return;
    }
    if (this.lastError !== undefined) this.logger.log(`BroadWorks session ${this.index} logged in again`);
    if (this.loggedInOnce) this.reconnects++;
    this.loggedInOnce = true;
    this.connection = connection;
    this.lastError = undefined;
    this.served = false;
    this.loggedInAt = Date.now();
    connection.onEnd((reason) => this.onLost(connection, reason));
    // A connection that ended between login and here is reported by onEnd already.
    if (this.connection === connection) {
      this.state = 'ready';
      this.changed(this);
    }
  }

  private onAttemptFailed(error: Error): void {
    if (this.state === 'closed') return;
    this.failures++;
    const refused = error instanceof LoginRefusedError && error.badCredentials;
    if (refused) {
      // Every slot is refused alike; one line says it, the slot that keeps retrying.
      if (this.lastError !== error.message && this.index === 0) {
        this.logger.error(
          `${error.message}: check OCI_USER and OCI_PASSWORD. Every call fails with 503 until a login succeeds; retrying every ${this.options.reconnectMaxMs} ms`,
        );
      }
    } else if (this.lastError !== error.message) {
      this.logger.warn(`BroadWorks session ${this.index}: ${error.message}; retrying with backoff`);
    }
    this.lastError = error.message;
    this.state = refused ? 'refused' : 'waiting';
    // Wrong credentials cannot heal by retrying fast, and failed logins may lock the account: one
    // slot retries at the slowest pace, the others stay parked until it succeeds.
    if (!refused || this.index === 0) {
      const delay = refused
        ? this.options.reconnectMaxMs
        : backoffDelay(this.failures, this.options.reconnectBaseMs, this.options.reconnectMaxMs);
      this.retryTimer = setTimeout(() => this.connect(), delay);
      this.retryTimer.unref();
    }
    this.changed(this);
  }

  private onLost(connection: OciConnection, reason: string): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    if (this.state === 'closed') return;
    this.lastError = reason;
    this.logger.warn(`BroadWorks session ${this.index} lost: ${reason}; logging in again`);
    // A session that worked (or lived long, e.g. closed for idleness) is replaced at once. Sessions
    // that keep dying unused (a server that accepts the login and drops us) are replaced ever more slowly.
    if (this.served || Date.now() - this.loggedInAt >= this.options.reconnectMaxMs) this.failures = 0;
    const delay =
      this.failures === 0 ? 0 : backoffDelay(this.failures, this.options.reconnectBaseMs, this.options.reconnectMaxMs);
    this.failures++;
    if (delay === 0) {
      this.connect();
      return;
    }
    this.state = 'waiting';
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.retryTimer.unref();
    this.changed(this);
  }

  private async logOut(connection: OciConnection, timeoutMs: number): Promise<void> {
    try {
      connection.sendOnly([{ $type: 'LogoutRequest', userId: this.options.userId, reason: 'Client Logout' }]);
    } catch {
      // A user id the writer refuses never logged in in the first place; just close.
    }
    await connection.close(timeoutMs);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
