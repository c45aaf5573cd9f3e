import { sql, type Kysely } from 'kysely';

/** Idempotency keys: a write's key, what it asked, how it ended, for a retention. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    // `user:<name>` or `machine:<token id>`: keys are per caller.
    .addColumn('caller', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // A hash of the method, the path and the canonical body: the same key with another request is refused.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    // running | done | unknown (BroadWorks' answer to the write was lost: the next try settles it)
    .addColumn('state', 'text', (c) => c.notNull())
    // While running: until when the request that holds the key is presumed alive (a replica may die).
    .addColumn('lease_until', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('headers', 'jsonb')
    .addColumn('body', 'jsonb')
    // What the write was about to create (a generated id), so a retry can find it.
    .addColumn('intent', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['caller', 'key'])
    .execute();
  // The pruning: expired keys, oldest first.
  await db.schema.createIndex('idempotency_keys_expiry').on('idempotency_keys').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
