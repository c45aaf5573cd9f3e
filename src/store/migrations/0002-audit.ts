import { sql, type Kysely } from 'kysely';

/** The audit-trail plugin's records: every hunt group change, read per group, newest first. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_records')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('time', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event', 'jsonb', (c) => c.notNull())
    .execute();
  // The route's read: one group's last N records, an index range scan whatever the history's size.
  await db.schema
    .createIndex('audit_records_group_recent')
    .on('audit_records')
    .columns(['tenant_id', 'group_id', 'id desc'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_records').execute();
}
