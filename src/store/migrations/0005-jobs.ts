import { sql, type Kysely } from 'kysely';

/**
 * Bulk jobs and their items. A job is run by the replica holding its lease (lease_owner until
 * lease_until); a lease that runs out, its replica gone, is taken over by another replica.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    // `user:<name>` or `machine:<token id>`: who submitted it.
    .addColumn('created_by', 'text', (c) => c.notNull())
    // queued | running | done | failed | cancelled
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // The runners' claim: the oldest job that is queued or running.
  await db.schema.createIndex('jobs_by_state').on('jobs').columns(['state', 'created_at']).execute();
  await db.schema
    .createTable('job_items')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('row', 'integer', (c) => c.notNull())
    // The validated item (null for a row refused at upload with ?partial=true).
    .addColumn('item', 'jsonb')
    // pending | done | failed | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('service_user_id', 'text')
    .addColumn('error', 'jsonb')
    .addPrimaryKeyConstraint('job_items_pk', ['job_id', 'row'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_items').execute();
  await db.schema.dropTable('jobs').execute();
}
