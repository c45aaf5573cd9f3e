import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
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
      'TEST_DATABASE_URL is unset: the Jest global setup (test/support/global-setup.mjs, in jest.config.js) sets it',
    );
  return url;
}

/** Every schema this test file made: dropped after it (`settleTestDatabase`). */
const issued = new Set<string>();

/**
 * `hgt_<run>_<worker>_<random>`: unique in the run (a worker runs many test files, each with its
 * own copy of this module); the run's pid lets a later run drop what a killed one left.
 */
export function freshSchema(): string {
  const run = process.env.TEST_RUN_ID ?? String(process.ppid);
  const schema = `hgt_${run}_${process.pid}_${randomBytes(5).toString('hex')}`;
  issued.add(schema);
  return schema;
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

function adminPool(): pg.Pool {
  if (!admin) {
    admin = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1, idleTimeoutMillis: 1000 });
    admin.on('error', () => undefined);
  }
  return admin;
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

interface SharedStore {
  store: Store;
  settings: StoreSettings;
  tables: string[];
}

/** Open stores of this test file that no app uses now, emptied. */
const idle: SharedStore[] = [];
const opened = new Set<SharedStore>();

/**
 * A store for one test app at a time: opened for real once (Store.open: a fresh schema, migrated,
 * listening), then handed from app to app within the test file, emptied in between. Opening one
 * costs two connections and a migration, 100-200 ms on a busy machine, against a millisecond to
 * empty it; hundreds of apps boot in a run. `release` gives it back once the app is closed.
 */
export async function acquireTestStore(): Promise<{ store: Store; settings: StoreSettings; release(): Promise<void> }> {
  let shared = idle.pop();
  if (!shared) {
    const settings = testStoreSettings();
    const store = await Store.open(settings, { logger: SILENT_STORE_LOGGER });
    const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables
      where schemaname = ${settings.schema} and tablename not like 'kysely\_%'`.execute(store.db);
    shared = { store, settings, tables: rows.map((r) => r.name) };
    opened.add(shared);
  }
  const taken = shared;
  return {
    store: taken.store,
    settings: taken.settings,
    release: async () => {
      try {
        for (const table of taken.tables) await sql`delete from ${sql.table(table)}`.execute(taken.store.db);
        idle.push(taken);
      } catch {
        opened.delete(taken);
        await taken.store.close();
        dropSchemaSoon(taken.settings.schema);
      }
    },
  };
}

/**
 * After each test file (jest-after-env.ts): its stores are closed, its schemas dropped and its
 * connection closed. The global teardown drops whatever a crashed file left.
 */
export async function settleTestDatabase(): Promise<void> {
  idle.length = 0;
  for (const shared of opened) await shared.store.close().catch(() => undefined);
  opened.clear();
  for (const schema of issued) dropSchemaSoon(schema);
  issued.clear();
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
