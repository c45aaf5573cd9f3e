import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { auditConfig, type AuditConfig } from '../config/namespaces.js';
import { WebhooksRepository, type ClaimedDelivery } from '../store/repositories/webhooks.repository.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureOf, TIMESTAMP_HEADER } from './webhook-signature.js';

/** Deliveries one replica makes at once: a slow receiver holds some of them, never the API. */
const BATCH = 10;

/** The delay before attempt `attempts + 1`: base, 2×base, 4×base… up to max. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
}

/**
 * Sends the outbox's deliveries, in the background of every replica: each poll claims the due
 * rows (FOR UPDATE SKIP LOCKED, with a lease longer than a delivery may take), POSTs each one
 * signed, and marks it delivered, or due again after an exponential backoff. An event still
 * failing after WEBHOOK_RETRY_WINDOW_S pauses its subscription, with the reason. A delivery is
 * bounded by WEBHOOK_TIMEOUT_MS, so a hanging receiver costs one worker slot, not the API.
 */
@Injectable()
export class WebhookDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private polling: Promise<void> = Promise.resolve();
  /** Deliveries under way: a slow one holds its own slot, not the next round's claims. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Aborts the deliveries in flight at shutdown: their lease ends and another replica sends them. */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(auditConfig.KEY) private readonly config: AuditConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.shutdown.abort();
    await this.polling;
    await Promise.all([...this.inFlight]);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => this.schedule());
    }, this.config.webhookPollMs);
    this.timer.unref();
  }

  /** One round: claims what is due, as many as there are free slots, and starts their deliveries. */
  async poll(): Promise<void> {
    const free = BATCH - this.inFlight.size;
    if (free <= 0) return;
    try {
      const leaseMs = 2 * this.config.webhookTimeoutMs + 5000;
      for (const delivery of await this.webhooks.claim(free, leaseMs)) {
        const sending = this.deliver(delivery).catch((error: unknown) => {
          // The outcome could not be stored: the lease ends and the delivery is made again.
          if (!this.stopped) this.logger.warn(`Webhook delivery ${delivery.id} not settled: ${String(error)}`);
        });
        this.inFlight.add(sending);
        void sending.finally(() => this.inFlight.delete(sending));
      }
    } catch (error) {
      if (!this.stopped) this.logger.warn(`Webhook deliveries postponed: ${String(error)}`);
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const failure = await this.send(delivery);
    if (this.shutdown.signal.aborted) return;
    if (failure === undefined) {
      await this.webhooks.delivered(delivery.id);
      return;
    }
    const failingForS = (Date.now() - delivery.createdAt.getTime()) / 1000;
    if (failingForS >= this.config.webhookRetryWindowS) {
      const reason = `Event ${delivery.eventId} could not be delivered in ${delivery.attempts} attempts over ${Math.round(failingForS)} s; last: ${failure}`;
      this.logger.warn(`Webhook ${delivery.subscriptionId} paused: ${reason}`);
      await this.webhooks.giveUp(delivery, failure, reason);
      return;
    }
    const delay = backoffMs(delivery.attempts, this.config.webhookBackoffBaseMs, this.config.webhookBackoffMaxMs);
    await this.webhooks.retryLater(delivery.id, failure, new Date(Date.now() + delay));
  }

  /** POSTs the event, signed; undefined when the receiver took it (2xx), else why not. */
  private async send(delivery: ClaimedDelivery): Promise<string | undefined> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'apio-hunt-groups-webhooks',
          [EVENT_ID_HEADER]: delivery.eventId,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signatureOf(delivery.secret, timestamp, body),
        },
        body,
        // A redirect is not followed: the subscription names where events go.
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.config.webhookTimeoutMs), this.shutdown.signal]),
      });
      await res.body?.cancel();
      return res.ok ? undefined : `HTTP ${res.status}`;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if ((error as Error).name === 'TimeoutError') return `no answer within ${this.config.webhookTimeoutMs} ms`;
      return cause instanceof Error ? cause.message : (error as Error).message;
    }
  }
}
