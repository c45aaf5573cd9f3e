import pg from 'pg';
import type { StoreSettings } from '../../src/config/namespaces.js';
import { Store } from '../../src/store/store.js';

/**
 * The PostgreSQL server of the test run: found (or started) once by the Jest global setup
 * (test/support/global-setup.ts), which hands its URL to every worker in TEST_DATABASE_URL.
 * Every application, store or service a test starts gets a schema of its own on it (created by
 * the migrations, dropped when it closes): isolated, and far cheaper than a database each.
 */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is unset: the Jest global setup (test/support/global-setup.ts, in jest.config.js) sets it',
    );
  return url;
}

let counter = 0;

/** `hgt_<run>_<worker>_<n>`: unique in the run; the run's pid lets a later run drop what a killed one left. */
export function freshSchema(): string {
  const run = process.env.TEST_RUN_ID ?? String(process.ppid);
  return `hgt_${run}_${process.pid}_${++counter}`;
}

/** Store settings for a fresh schema on the run's server, with short bounds. */
export function testStoreSettings(overrides: Partial<StoreSettings> = {}): StoreSettings {
  return {
    databaseUrl: testDatabaseUrl(),
    schema: freshSchema(),
    dataDir: 'data-unused-by-tests',
    poolSize: 4,
    connectTimeoutMs: 2000,
    statementTimeoutMs: 5000,
    bootTimeoutMs: 5000,
    ...overrides,
  };
}

/** The environment of a built service (node dist/main.js) on a fresh schema of the run's server. */
export function testStoreEnv(): { DATABASE_URL: string; DATABASE_SCHEMA: string } {
  return { DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: freshSchema() };
}

/** Runs `work` on a plain connection to the run's server (test set-up and checks only). */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>, url = testDatabaseUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function dropSchema(schema: string, url = testDatabaseUrl()): Promise<void> {
  return withAdminClient(async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
  }, url);
}

let admin: pg.Pool | undefined;
const pendingDrops = new Set<Promise<void>>();
/** Schemas of closed apps, emptied, ready for the next app of this test file. */
const recycled: string[] = [];

function adminPool(): pg.Pool {
  if (!admin) {
    admin = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1, idleTimeoutMillis: 1000 });
    admin.on('error', () => undefined);
  }
  return admin;
}

/**
 * A schema for a test app: one a closed app of this test file left, emptied, else a fresh one
 * (migrated when the app boots). Creating the tables costs 100-200 ms on a busy machine;
 * emptying them a few.
 */
export function schemaForApp(): string {
  return recycled.pop() ?? freshSchema();
}

/**
 * Empties a closed app's schema (every table but the migrator's) for the next app; drops it
 * when that fails. On one connection kept per test file: a new connection costs 20-50 ms.
 */
export async function recycleSchema(schema: string): Promise<void> {
  try {
    const { rows } = await adminPool().query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = $1 and tablename not like 'kysely\\_%'",
      [schema],
    );
    if (rows.length > 0)
      await adminPool().query(
        `TRUNCATE ${rows.map((r) => `${escapeIdentifier(schema)}.${escapeIdentifier(r.name)}`).join(', ')} RESTART IDENTITY`,
      );
    recycled.push(schema);
  } catch {
    dropSchemaSoon(schema);
  }
}

/** Drops a schema in the background; `settleTestDatabase` waits for it. */
export function dropSchemaSoon(schema: string): void {
  const drop: Promise<void> = adminPool()
    .query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`)
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => pendingDrops.delete(drop));
  pendingDrops.add(drop);
}

/**
 * After each test file (jest-after-env.ts): its schemas are dropped and its connection closed.
 * The global teardown drops whatever a crashed file left.
 */
export async function settleTestDatabase(): Promise<void> {
  for (const schema of recycled.splice(0)) dropSchemaSoon(schema);
  await Promise.all(pendingDrops);
  await admin?.end();
  admin = undefined;
}

function escapeIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export const SILENT_STORE_LOGGER = { log: () => undefined, warn: () => undefined };

/** A migrated store on a fresh schema, and how to close it (the schema goes too). */
export async function openTestStore(
  overrides: Partial<StoreSettings> = {},
): Promise<{ store: Store; settings: StoreSettings; close(): Promise<void> }> {
  const settings = testStoreSettings(overrides);
  const store = await Store.open(settings, { logger: SILENT_STORE_LOGGER });
  return {
    store,
    settings,
    close: async () => {
      await store.close();
      await dropSchema(settings.schema);
    },
  };
}
