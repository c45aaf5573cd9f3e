/**
 * The store on a real PostgreSQL server: migrations (and their lock), notifications between
 * replicas, the embedded server of DATA_DIR, and what an unreachable database gives.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { UsersRepository, type UserRecord } from '../src/store/repositories/users.repository.js';
import { isStoreUnavailable } from '../src/store/store-errors.js';
import { Store } from '../src/store/store.js';
import { hashPassword, TEST_SCRYPT } from '../src/auth/password.js';
import { dropSchema, freshSchema, SILENT_STORE_LOGGER, testStoreSettings } from './support/test-database.js';

const user = async (username: string): Promise<UserRecord> => ({
  username,
  level: 'system',
  tenants: [],
  groups: [],
  password: await hashPassword(`${username}-password`, TEST_SCRYPT),
});

const open = (schema: string, overrides = {}): Promise<Store> =>
  Store.open(testStoreSettings({ schema, ...overrides }), { logger: SILENT_STORE_LOGGER });

describe('store', () => {
  const schemas: string[] = [];
  const fresh = (): string => {
    const schema = freshSchema();
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  describe('migrations', () => {
    it('creates the schema and its tables at the first boot, and applies nothing at the next', async () => {
      const schema = fresh();
      const first = await open(schema);
      expect(first.applied).toEqual(Object.keys(MIGRATIONS));
      const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables
        where schemaname = ${schema} order by tablename`.execute(first.db);
      // The migrator's own tables and, at least, those of auth, audit and idempotency keys (later
      // migrations add more).
      expect(rows.map((r) => r.name)).toEqual(
        expect.arrayContaining([
          'audit_log',
          'audit_records',
          'idempotency_keys',
          'kysely_migration',
          'kysely_migration_lock',
          'login_failures',
          'machine_tokens',
          'users',
          'webhook_outbox',
          'webhook_subscriptions',
        ]),
      );
      await first.close();
      const again = await open(schema);
      expect(again.applied).toEqual([]);
      await again.close();
    });

    it('applies each migration once when replicas boot together (the migrator holds an advisory lock)', async () => {
      const schema = fresh();
      const stores = await Promise.all(Array.from({ length: 5 }, () => open(schema)));
      try {
        // Exactly one boot applied the migrations; the others waited for the lock and found nothing to do.
        expect(stores.map((s) => s.applied.length).sort()).toEqual([0, 0, 0, 0, Object.keys(MIGRATIONS).length]);
        const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
          stores[0].db,
        );
        expect(rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('migrates while other schemas of the database are dropped (as other tests and services do)', async () => {
      // Another client makes and drops schemas with tables the whole time the stores boot: the
      // migrator must look at its own schema only, never at theirs half-dropped.
      const churnSchema = fresh();
      const churn = await open(churnSchema);
      let churning = true;
      const churner = (async () => {
        for (let i = 0; churning; i++) {
          const other = sql.id(`${churnSchema}_churn_${i % 4}`);
          await sql`create schema if not exists ${other}`.execute(churn.db);
          await sql`create table if not exists ${other}.t (id serial primary key, a text, b text)`.execute(churn.db);
          await sql`drop schema ${other} cascade`.execute(churn.db);
        }
      })();
      try {
        for (let round = 0; round < 4; round++) {
          const stores = await Promise.all(Array.from({ length: 4 }, () => open(fresh())));
          expect(stores.map((s) => s.applied.length)).toEqual(stores.map(() => Object.keys(MIGRATIONS).length));
          await Promise.all(stores.map((s) => s.close()));
        }
      } finally {
        churning = false;
        await churner;
        await churn.close();
      }
    });

    it('refuses to boot on a schema migrated by a newer version (a migration it does not know)', async () => {
      const schema = fresh();
      const store = await open(schema);
      await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', now()::text)`.execute(
        store.db,
      );
      await store.close();
      await expect(open(schema)).rejects.toThrow(/cannot be migrated: .*9999-from-the-future/);
    });
  });

  describe('notifications between replicas', () => {
    it('tells every store on the schema of a committed change, within milliseconds; not of a rolled back one', async () => {
      const schema = fresh();
      const a = await open(schema);
      const b = await open(schema);
      const elsewhere = await open(fresh());
      try {
        const heard: string[] = [];
        const heardElsewhere: string[] = [];
        b.events.subscribe((topic) => heard.push(topic));
        elsewhere.events.subscribe((topic) => heardElsewhere.push(topic));
        expect(b.events.listening).toBe(true);

        const rolledBack = a.db.transaction().execute(async (trx) => {
          await a.events.notify(trx, 'users');
          throw new Error('rolled back');
        });
        await expect(rolledBack).rejects.toThrow('rolled back');
        const started = performance.now();
        await new UsersRepository(a).save(await user('alice'));
        while (heard.length === 0 && performance.now() - started < 2000) await sleep(1);
        const latencyMs = performance.now() - started;
        expect(heard).toEqual(['users']);
        expect(latencyMs).toBeLessThan(500);
        await sleep(50);
        expect(heardElsewhere).toEqual([]);
      } finally {
        await Promise.all([a.close(), b.close(), elsewhere.close()]);
      }
    });
  });

  describe('an unreachable database', () => {
    it('stops the boot within DATABASE_BOOT_TIMEOUT_MS, saying where and why, never showing the password', async () => {
      const port = await closedPort();
      const started = Date.now();
      const boot = Store.open(
        testStoreSettings({
          databaseUrl: `postgres://app:s3cret@127.0.0.1:${port}/hg`,
          bootTimeoutMs: 1500,
          connectTimeoutMs: 500,
        }),
        { logger: SILENT_STORE_LOGGER },
      );
      const error = await boot.then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(
        new RegExp(
          `^the store cannot be reached \\(postgres://app:\\*\\*\\*@127.0.0.1:${port}/hg\\) after 1500 ms: .*ECONNREFUSED`,
        ),
      );
      expect(error?.message).not.toContain('s3cret');
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it.each([
      [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), true],
      [new Error('Connection terminated unexpectedly'), true],
      [new Error('timeout exceeded when trying to connect'), true],
      [new Error('Query read timeout'), true],
      [Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), true],
      [Object.assign(new Error('the database system is starting up'), { code: '57P03' }), true],
      [Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), false],
      [Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' }), false],
    ])('tells an outage (%s) from a bad query', (error, unavailable) => {
      expect(isStoreUnavailable(error)).toBe(unavailable);
    });
  });

  describe('the embedded PostgreSQL (no DATABASE_URL)', () => {
    it('starts its own server with its cluster in DATA_DIR, keeps the data across restarts, and stops it on close', async () => {
      const parent = mkdtempSync(join(tmpdir(), 'hg-embedded-'));
      // Run as root, the server runs as the user postgres, who must be able to enter the directory.
      chmodSync(parent, 0o755);
      const dataDir = join(parent, 'data');
      try {
        const settings = { databaseUrl: undefined, dataDir, schema: 'public', bootTimeoutMs: 15000 };
        const first = await Store.open(testStoreSettings(settings), { logger: SILENT_STORE_LOGGER });
        expect(first.kind).toBe('embedded');
        expect(first.where).toBe(`embedded PostgreSQL in DATA_DIR=${dataDir}`);
        expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
        const port = Number(
          (await sql<{ port: string }>`select setting as port from pg_settings where name = 'port'`.execute(first.db))
            .rows[0].port,
        );
        await new UsersRepository(first).save(await user('kept'));

        // A command-line tool attaches to the server the service runs, rather than starting another.
        const cli = await Store.open(testStoreSettings(settings), {
          logger: SILENT_STORE_LOGGER,
          embeddedMode: 'attach',
          listen: false,
        });
        expect((await new UsersRepository(cli).list()).map((u) => u.username)).toEqual(['kept']);
        await cli.close();
        expect(await accepts(port)).toBe(true);

        // A second service on the same DATA_DIR is refused: one embedded store serves one process.
        await expect(Store.open(testStoreSettings(settings), { logger: SILENT_STORE_LOGGER })).rejects.toThrow(
          /belongs to another running process.*DATABASE_URL/,
        );

        await first.close();
        expect(await accepts(port)).toBe(false);
        const second = await Store.open(testStoreSettings(settings), { logger: SILENT_STORE_LOGGER });
        expect(second.applied).toEqual([]);
        expect((await new UsersRepository(second).list()).map((u) => u.username)).toEqual(['kept']);
        await second.close();
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    }, 60000);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
