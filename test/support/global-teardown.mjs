import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Removes the run's shared build, drops what its tests left on the server, and stops the
 * throwaway server if the setup started one.
 */
export default async function globalTeardown() {
  // The service built once for the run's test files (test/support/built-service.ts).
  rmSync(join(tmpdir(), `hunt-group-built-${process.pid}`), { recursive: true, force: true });
  const state = globalThis.__huntGroupTestDatabase;
  if (!state) return;
  const client = new pg.Client({ connectionString: state.url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query('select nspname as name from pg_namespace where nspname like $1', [
      `hgt\\_${process.pid}\\_%`,
    ]);
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(name)} CASCADE`);
  } catch {
    // The server may be gone already; nothing is left to drop then.
  } finally {
    await client.end().catch(() => undefined);
  }
  await state.server?.stop();
  if (state.dir) rmSync(state.dir, { recursive: true, force: true });
}
