import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type MigrationResult,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import { MIGRATIONS, migrationProvider } from './migrations/index.js';

/**
 * Brings the schema to the latest migration, on one connection of the store's pool. Kysely's
 * PostgreSQL migrator holds an advisory lock (pg_advisory_lock) while it reads what was applied
 * and applies the rest, in one transaction: replicas that boot together apply each migration
 * once, the others wait and find nothing to do. Returns the names applied by this call.
 */
export async function migrateToLatest(pool: pg.Pool, schema: string): Promise<string[]> {
  if (await upToDate(pool, schema)) return [];
  const client = await pool.connect();
  // Waiting for the lock while another replica migrates is expected, and a long migration must
  // not be cut: no statement or lock timeout on this connection while it migrates.
  await client.query('SET statement_timeout = 0; SET lock_timeout = 0');
  let broken = false;
  // The migrator's "pool" is this one connection (it takes one and keeps it until done).
  const borrowed = { query: client.query.bind(client), release: () => undefined } as unknown as pg.PoolClient;
  const db = new Kysely<unknown>({
    dialect: new SchemaScopedDialect(schema, {
      pool: { connect: () => Promise.resolve(borrowed), end: () => Promise.resolve() },
    }),
  });
  try {
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      // The migrator's own tables in the store's schema (without it, Kysely would take a
      // kysely_migration table of any schema of the database for its own).
      migrationTableSchema: schema,
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      broken = true;
      const failed = results?.find((r: MigrationResult) => r.status === 'Error')?.migrationName;
      const message = (error as { message?: unknown }).message;
      const why = typeof message === 'string' ? message : JSON.stringify(error);
      throw Object.assign(new Error(`migration ${failed ?? '(before any migration)'} failed: ${why}`), {
        cause: error,
      });
    }
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } finally {
    // Back to the pool with the pool's settings, or closed if it may be in a bad state.
    if (!broken)
      broken = !(await client.query('RESET statement_timeout; RESET lock_timeout').then(
        () => true,
        () => false,
      ));
    client.release(broken);
  }
}

/**
 * Whether the schema has exactly the migrations of this version applied: then there is nothing to
 * do, and a boot (every replica's, every test app's) saves the migrator's locking and
 * introspection round trips. Anything else (a new schema, a pending migration, one this version
 * does not know) goes through the migrator, which applies or refuses under its lock.
 */
async function upToDate(pool: pg.Pool, schema: string): Promise<boolean> {
  try {
    const { rows } = await pool.query<{ name: string }>(
      `select name from ${pg.escapeIdentifier(schema)}.kysely_migration order by name`,
    );
    const known = Object.keys(MIGRATIONS).sort();
    return rows.length === known.length && rows.every((row, i) => row.name === known[i]);
  } catch {
    return false;
  }
}

/**
 * PostgreSQL as the migrator sees it: only the store's schema. Kysely's own introspector lists the
 * tables of every schema of the database, with functions that parse each one's name, so it fails
 * ("schema … does not exist") when another schema is dropped meanwhile (tests drop theirs, other
 * services share the database); the migrator only asks whether its two tables exist in ours.
 */
class SchemaScopedDialect extends PostgresDialect {
  constructor(
    private readonly schema: string,
    config: ConstructorParameters<typeof PostgresDialect>[0],
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const schema = this.schema;
    return {
      async getSchemas(): Promise<SchemaMetadata[]> {
        const { rows } = await sql<SchemaMetadata>`
          select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
        return rows;
      },
      async getTables(): Promise<TableMetadata[]> {
        const { rows } = await sql<{ name: string }>`
          select tablename as name from pg_catalog.pg_tables where schemaname = ${schema}`.execute(db);
        return rows.map(({ name }) => ({ name, schema, isView: false, columns: [] }));
      },
      async getMetadata() {
        return { tables: await this.getTables() };
      },
    };
  }
}
