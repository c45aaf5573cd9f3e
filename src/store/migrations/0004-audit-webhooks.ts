import { sql, type Kysely } from 'kysely';

/**
 * The audit log of every write (who, from where, what BroadWorks received, how it ended), the
 * webhook subscriptions, and their outbox: one row per event and subscription, written in the
 * transaction of the audit record, so that no change is recorded without its deliveries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('time', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('request_id', 'text', (c) => c.notNull())
    // user name or machine token id; '' when the request had no valid credentials
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull().check(sql`actor_kind in ('user', 'machine', 'anonymous')`))
    .addColumn('actor_level', 'text')
    .addColumn('client_address', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('hunt_group_id', 'text')
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success', 'failure')`))
    .addColumn('error_code', 'text')
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('commands', 'jsonb', (c) => c.notNull())
    .execute();
  // The reads (newest first, a page at a time, keyset on id) by each filter and by each reach:
  // every one an index range scan whose cost is the page's, not the history's.
  await sql`create index audit_log_tenant_group on audit_log (tenant_id, group_id, id desc)`.execute(db);
  await sql`create index audit_log_tenant on audit_log (tenant_id, id desc)`.execute(db);
  await sql`create index audit_log_hunt_group on audit_log (hunt_group_id, id desc)`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor, id desc)`.execute(db);
  // Time ranges, and the retention's pruning of the oldest.
  await sql`create index audit_log_time on audit_log (time)`.execute(db);

  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    // The HMAC key: kept to sign, shown once when created, never answered again.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', 'jsonb', (c) => c.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'paused')`))
    .addColumn('paused_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('webhook_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // The event's id: the same for every subscription told of it; receivers deduplicate on it.
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('subscription_id', 'uuid', (c) => c.notNull().references('webhook_subscriptions.id').onDelete('cascade'))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'delivered', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // While a replica delivers it: until when the claim holds (a replica may die mid-delivery).
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .execute();
  // The worker's claim: the due pending rows, oldest first.
  await sql`create index webhook_outbox_due on webhook_outbox (next_attempt_at, id) where state = 'pending'`.execute(
    db,
  );
  await sql`create index webhook_outbox_subscription on webhook_outbox (subscription_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_outbox').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
  await db.schema.dropTable('audit_log').execute();
}
