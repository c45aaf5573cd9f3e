import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-auth.js';
import * as m0002 from './0002-audit.js';
import * as m0003 from './0003-idempotency.js';
import * as m0004 from './0004-audit-webhooks.js';
import * as m0005 from './0005-jobs.js';

/**
 * Every migration, in order, listed here rather than found by scanning a folder (the build is
 * ESM, and a listed import is checked by the compiler). To change the schema: add
 * `NNNN-what.ts` with `up` (and `down`), list it last below, update `../database.ts`. A migration
 * never changes once released: the names are recorded in the database as applied.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-auth': m0001,
  '0002-audit': m0002,
  '0003-idempotency': m0003,
  '0004-audit-webhooks': m0004,
  '0005-jobs': m0005,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
