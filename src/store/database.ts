import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * The store's tables, as the queries see them. One interface per table; a migration that adds or
 * changes a table changes its interface here (see migrations/index.ts).
 */
export interface Database {
  users: UsersTable;
  machine_tokens: MachineTokensTable;
  login_failures: LoginFailuresTable;
  audit_records: AuditRecordsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_outbox: WebhookOutboxTable;
  jobs: JobsTable;
  job_items: JobItemsTable;
}

/** JSON columns: written as JSON text, read back parsed (pg parses jsonb). */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export interface UsersTable {
  username: string;
  level: 'system' | 'tenant' | 'group';
  tenants: Json<string[]>;
  groups: Json<{ tenantId: string; groupId: string }[]>;
  note: string | null;
  /** The scrypt hash with its parameters (never the password). */
  password: Json<{
    algorithm: 'scrypt';
    N: number;
    r: number;
    p: number;
    keylen: number;
    salt: string;
    hash: string;
  }>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface MachineTokensTable {
  /** The token's jti: only the id is kept, never the token. */
  id: string;
  name: string;
  level: 'system' | 'tenant' | 'group';
  tenants: Json<string[]>;
  groups: Json<{ tenantId: string; groupId: string }[]>;
  created_by: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, never>;
}

export interface LoginFailuresTable {
  /** `user:<name>` or `addr:<address>`. */
  key: string;
  /** The times of the failures within the window, in ms since the epoch, oldest first. */
  times: ColumnType<string[], number[], number[]>;
  /** The newest failure (ms since the epoch): rows older than the window are deleted. */
  last_at: ColumnType<string, number | string, number | string>;
}

export interface AuditRecordsTable {
  id: Generated<string>;
  time: ColumnType<Date, Date | undefined, never>;
  tenant_id: string;
  group_id: string;
  type: string;
  /** The whole event, as the audit route answers it. */
  event: Json<Record<string, unknown>>;
}

export type Db = Kysely<Database>;

export interface IdempotencyKeysTable {
  caller: string;
  key: string;
  fingerprint: string;
  state: 'running' | 'done' | 'unknown';
  lease_until: Date;
  status: ColumnType<number | null, number | null | undefined, number | null>;
  headers: NullableJson<Record<string, string>>;
  body: NullableJson<unknown>;
  intent: NullableJson<Record<string, unknown>>;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
}

/** One write or refused write (0004-audit-webhooks). */
export interface AuditLogTable {
  id: Generated<string>;
  time: ColumnType<Date, Date | undefined, never>;
  request_id: string;
  actor: string;
  actor_kind: 'user' | 'machine' | 'anonymous';
  actor_level: string | null;
  client_address: string | null;
  method: string;
  route: string;
  path: string;
  tenant_id: string | null;
  group_id: string | null;
  hunt_group_id: string | null;
  dry_run: boolean;
  status: number;
  outcome: 'success' | 'failure';
  error_code: string | null;
  changes: Json<unknown[]>;
  commands: Json<unknown[]>;
}

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  secret: string;
  events: Json<string[]>;
  tenant_id: string | null;
  group_id: string | null;
  state: 'active' | 'paused';
  paused_reason: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}

export interface WebhookOutboxTable {
  id: Generated<string>;
  event_id: string;
  subscription_id: string;
  payload: Json<Record<string, unknown>>;
  state: 'pending' | 'delivered' | 'failed';
  attempts: ColumnType<number, never, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  lease_until: ColumnType<Date | null, never, Date | null>;
  last_error: ColumnType<string | null, never, string | null>;
  created_at: ColumnType<Date, never, never>;
  delivered_at: ColumnType<Date | null, never, Date | null>;
}

export interface JobsTable {
  id: string;
  tenant_id: string;
  group_id: string;
  created_by: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  total: number;
  done: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  lease_owner: string | null;
  lease_until: Date | null;
  created_at: ColumnType<Date, never, never>;
  finished_at: Date | null;
}

export interface JobItemsTable {
  job_id: string;
  row: number;
  item: NullableJson<Record<string, unknown>>;
  status: 'pending' | 'done' | 'failed' | 'cancelled';
  service_user_id: string | null;
  error: NullableJson<Record<string, unknown>>;
}
