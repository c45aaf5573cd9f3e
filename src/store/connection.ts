import pg from 'pg';
import type { StoreSettings } from '../config/namespaces.js';

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * The settings of every connection to the store: the schema first on the search path, and
 * bounds on connecting and on each statement, so that nothing waits on PostgreSQL unbounded.
 * `statementTimeoutMs: 0` (migrations: a replica may wait for another's) leaves statements unbounded.
 */
export function clientConfig(
  url: string,
  settings: Pick<StoreSettings, 'schema' | 'connectTimeoutMs' | 'statementTimeoutMs'>,
): pg.ClientConfig {
  const bounded = settings.statementTimeoutMs > 0;
  // Session settings the URL carries (?options=-c%20name%3Dvalue) are kept: pg would let them
  // replace the search path instead of adding to it.
  const { connectionString, options } = splitOptions(url);
  return {
    connectionString,
    application_name: 'hunt-group-api',
    options: [options, `-c search_path=${settings.schema}`].filter(Boolean).join(' '),
    connectionTimeoutMillis: settings.connectTimeoutMs,
    keepAlive: true,
    ...(bounded
      ? {
          // The server cancels a statement past its bound; the client gives up a little later in
          // case the server itself does not answer (a stalled host).
          statement_timeout: settings.statementTimeoutMs,
          query_timeout: settings.statementTimeoutMs + 1000,
          lock_timeout: settings.statementTimeoutMs,
          idle_in_transaction_session_timeout: Math.max(settings.statementTimeoutMs * 2, 10000),
        }
      : {}),
  };
}

function splitOptions(url: string): { connectionString: string; options?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { connectionString: url };
  }
  const options = parsed.searchParams.get('options') ?? undefined;
  if (options === undefined) return { connectionString: url };
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), options };
}

/**
 * Tries a round trip until it works or `timeoutMs` is over; throws the last reason. The
 * connection it opens stays in the pool for the migrations and the first requests.
 */
export async function waitForDatabase(pool: pg.Pool, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await pool.query('select 1');
      return;
    } catch (error) {
      if (Date.now() + 500 >= deadline) throw error;
      await new Promise((done) => setTimeout(done, 500));
    }
  }
}
