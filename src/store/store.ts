import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreSettings } from '../config/namespaces.js';
import { clientConfig, redactUrl, waitForDatabase } from './connection.js';
import type { Database, Db } from './database.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
import { migrateToLatest } from './migrator.js';
import { StoreEvents, type EventsLogger } from './store-events.js';

export interface StoreLogger extends EventsLogger {
  debug?(message: string): void;
}

export interface OpenOptions {
  logger: StoreLogger;
  /** 'own' for the service, 'attach' for the command-line tools (see startEmbeddedPostgres). */
  embeddedMode?: 'own' | 'attach';
  /** Listen for other replicas' changes (the service); the CLIs only write. */
  listen?: boolean;
}

/**
 * The store: one PostgreSQL database (embedded, or DATABASE_URL), its schema migrated, a pool of
 * connections behind Kysely, and the change notifications between replicas. Repositories use
 * `db`; nothing else talks to PostgreSQL.
 */
export class Store {
  private constructor(
    readonly db: Db,
    readonly events: StoreEvents,
    /** Where the data is, for logs and readiness: the URL without its password, or the data directory. */
    readonly where: string,
    readonly kind: 'embedded' | 'server',
    /** The migrations this boot applied. */
    readonly applied: string[],
    private readonly server: RunningPostgres | undefined,
  ) {}

  /**
   * Starts the embedded server (without DATABASE_URL), waits up to DATABASE_BOOT_TIMEOUT_MS for
   * the database, migrates under the advisory lock, and opens the pool. Throws a message saying
   * why the store cannot be had; whatever was started is stopped again.
   */
  static async open(settings: StoreSettings, options: OpenOptions): Promise<Store> {
    const server = settings.databaseUrl
      ? undefined
      : await startEmbeddedPostgres({
          dataDir: settings.dataDir,
          mode: options.embeddedMode ?? 'own',
          log: (line) => options.logger.debug?.(line),
        });
    const url = settings.databaseUrl ?? server!.url;
    const where = server ? `embedded PostgreSQL in DATA_DIR=${settings.dataDir}` : redactUrl(url);
    const pool = new pg.Pool({ ...clientConfig(url, settings), max: settings.poolSize });
    // An idle connection that the server closes (restart, failover) must not crash the process:
    // the pool drops it and opens another when needed.
    pool.on('error', (error) => options.logger.warn(`Store connection lost: ${error.message}`));
    // A connection lost while it is checked out (a query in flight or between queries when the server
    // goes away) fails its query, whose caller sees the error; the client's 'error' event, which the
    // pool only listens to on idle clients, must not crash the process (the job runner and the audit
    // record, which run outside requests, meet this).
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      try {
        await waitForDatabase(pool, settings.bootTimeoutMs);
      } catch (error) {
        throw new Error(
          `the store cannot be reached (${where}) after ${settings.bootTimeoutMs} ms: ${reason(error)}` +
            (server ? '' : '; check DATABASE_URL, and that the server runs and accepts this host'),
        );
      }
      const events = new StoreEvents(
        { ...clientConfig(url, settings), keepAliveInitialDelayMillis: 10000 },
        `hunt_group_api_${settings.schema}`,
        options.logger,
      );
      // The listener connects while the schema is migrated: a connection costs tens of ms.
      const listening = options.listen === false ? Promise.resolve() : events.start();
      let applied: string[];
      try {
        applied = await migrateToLatest(pool, settings.schema);
      } catch (error) {
        await listening;
        await events.close();
        throw new Error(
          `the store's schema (${where}, schema ${settings.schema}) cannot be migrated: ${reason(error)}`,
        );
      }
      await listening;
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      return new Store(db, events, where, server ? 'embedded' : 'server', applied, server);
    } catch (error) {
      await pool.end().catch(() => undefined);
      await server?.stop().catch(() => undefined);
      throw error;
    }
  }

  /** A round trip to the database within `timeoutMs`; throws when it cannot be had. */
  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([sql`select 1`.execute(this.db), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the notifications, the pool, and stops the embedded server if this process started it. */
  async close(): Promise<void> {
    await this.events.close();
    await this.db.destroy().catch(() => undefined);
    await this.server?.stop();
  }
}

/** An error's message (by shape: driver errors may come from another realm under a test runner). */
function reason(error: unknown): string {
  const { errors, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    errors?: unknown;
    message?: unknown;
  };
  if (Array.isArray(errors) && errors.length > 0) return errors.map(reason).join('; ');
  return typeof message === 'string' && message !== '' ? message : String(error);
}
