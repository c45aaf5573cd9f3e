import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from './database.js';

const HEARTBEAT_MS = 5000;

export interface EventsLogger {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * Change notifications between replicas, over PostgreSQL's LISTEN/NOTIFY: a write that others
 * may have cached (a user, a machine token) notifies in its own transaction, so the notice goes
 * out when, and only if, the change is committed; every replica listening on the same schema
 * hears it within milliseconds.
 *
 * One dedicated connection listens. While it is down, `listening` is false (caches must not be
 * trusted: a notice may be missed) and it reconnects with a backoff; every (re)connection and
 * every loss is reported to the subscribers as a change too.
 */
export class StoreEvents {
  private client: pg.Client | undefined;
  private connected = false;
  private closed = false;
  private retryMs = 100;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly subscribers = new Set<(topic: string) => void>();

  constructor(
    private readonly config: pg.ClientConfig,
    /** The channel: one per schema, so stores sharing a database do not hear each other. */
    readonly channel: string,
    private readonly logger: EventsLogger,
  ) {}

  /** Whether notifications are being received now. */
  get listening(): boolean {
    return this.connected;
  }

  /** Starts listening; resolves after the first attempt, whether or not it connected. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Called with the topic of every change, and with '*' when notices may have been missed. */
  subscribe(subscriber: (topic: string) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Notifies every replica (this one included) once `db`'s transaction commits. */
  async notify(db: Db, topic: string): Promise<void> {
    await sql`select pg_notify(${this.channel}, ${topic})`.execute(db);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    this.connected = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.config);
    this.client = client;
    let lost = false;
    const onLost = (reason: string): void => {
      if (lost || this.closed) return;
      lost = true;
      if (this.connected) this.logger.warn(`Store notifications lost (${reason}): caches off until reconnected`);
      this.connected = false;
      clearInterval(this.heartbeat);
      this.emit('*');
      void client.end().catch(() => undefined);
      this.schedule();
    };
    client.on('error', (error) => onLost(error.message));
    client.on('end', () => onLost('connection ended'));
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.emit(message.payload ?? '*');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      if (lost || this.closed) return;
      this.connected = true;
      this.retryMs = 100;
      // A server that vanished without closing the connection (a host down) sends no error: a
      // query now and then finds out, within its query timeout.
      this.heartbeat = setInterval(() => {
        client.query('select 1').catch((error: Error) => onLost(error.message));
      }, HEARTBEAT_MS);
      this.heartbeat.unref();
      // Whatever changed while nobody listened is unknown: subscribers start afresh.
      this.emit('*');
    } catch (error) {
      onLost(error instanceof Error ? error.message : String(error));
    }
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 5000);
  }

  private emit(topic: string): void {
    for (const subscriber of this.subscribers) subscriber(topic);
  }
}
