import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../database.js';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** One write or refused write, as the audit route answers it. */
export interface AuditLogRecord {
  id: string;
  time: string;
  requestId: string;
  actor: { kind: 'user' | 'machine' | 'anonymous'; id: string; level: string | null };
  clientAddress: string | null;
  method: string;
  route: string;
  path: string;
  tenantId: string | null;
  groupId: string | null;
  huntGroupId: string | null;
  dryRun: boolean;
  outcome: 'success' | 'failure';
  status: number;
  errorCode: string | null;
  /** The domain's events: the state before and after, for a success. */
  changes: unknown[];
  /** The OCI-P documents sent, commands and outcomes, secrets hidden. */
  commands: unknown[];
}

export type NewAuditLogRecord = Omit<AuditLogRecord, 'id' | 'time'>;

/** A change that subscriptions may be told of: its type and where it happened, and what goes in the body. */
export interface OutboxEvent {
  type: string;
  tenantId: string;
  groupId: string;
  huntGroupId: string;
  data: Record<string, unknown>;
}

/** What a reader may see: everything, some tenants, or some groups. */
export type AuditReach =
  | { level: 'system' }
  | { level: 'tenant'; tenants: string[] }
  | { level: 'group'; groups: { tenantId: string; groupId: string }[] };

export interface AuditFilter {
  tenantId?: string;
  groupId?: string;
  huntGroupId?: string;
  actor?: string;
  outcome?: 'success' | 'failure';
  from?: Date;
  to?: Date;
  /** Only records older than this id (the keyset cursor). */
  beforeId?: string;
}

type Where = ExpressionBuilder<Database, 'audit_log'>;

/**
 * The audit log, shared by every replica: appended with the webhook deliveries of its events in
 * one transaction, read newest first a page at a time (keyset on id, by an index for each filter),
 * and pruned of what is older than the retention.
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly store: Store) {}

  /**
   * Stores records (one for a request; a bulk job's chunk, one per item) and, in the same statement
   * (so in one transaction: a crash loses both or neither), one outbox row per event and active
   * subscription that wants it (by type, tenant and group). One statement rather than a transaction
   * of several: no connection is held between statements, so a database that stalls mid-way cannot
   * leave one checked out; and a chunk costs one round trip, not one per item. Ids follow the order given.
   */
  appendAll(entries: readonly { record: NewAuditLogRecord; events: readonly OutboxEvent[] }[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const records = entries.map(({ record: r }) => ({
      request_id: r.requestId,
      actor: r.actor.id,
      actor_kind: r.actor.kind,
      actor_level: r.actor.level,
      client_address: r.clientAddress,
      method: r.method,
      route: r.route,
      path: r.path,
      tenant_id: r.tenantId,
      group_id: r.groupId,
      hunt_group_id: r.huntGroupId,
      dry_run: r.dryRun,
      status: r.status,
      outcome: r.outcome,
      error_code: r.errorCode,
      changes: r.changes,
      commands: r.commands,
    }));
    const outbox = entries.flatMap(({ record, events }) =>
      events.map((event) => ({
        event_id: randomUUID(),
        type: event.type,
        tenant_id: event.tenantId,
        group_id: event.groupId,
        payload: {
          type: event.type,
          requestId: record.requestId,
          actor: record.actor.id,
          tenantId: event.tenantId,
          groupId: event.groupId,
          huntGroupId: event.huntGroupId,
          data: event.data,
        },
      })),
    );
    // A data-modifying WITH runs once, to completion, whether or not the outer statement reads it.
    return storeCall(async () => {
      await sql`with records as (
          insert into audit_log (request_id, actor, actor_kind, actor_level, client_address, method, route, path,
            tenant_id, group_id, hunt_group_id, dry_run, status, outcome, error_code, changes, commands)
          select v->>'request_id', v->>'actor', v->>'actor_kind', v->>'actor_level', v->>'client_address',
            v->>'method', v->>'route', v->>'path', v->>'tenant_id', v->>'group_id', v->>'hunt_group_id',
            (v->>'dry_run')::boolean, (v->>'status')::integer, v->>'outcome', v->>'error_code', v->'changes',
            v->'commands'
          from jsonb_array_elements(${JSON.stringify(records)}::jsonb) with ordinality as r(v, n)
          order by r.n
          returning 1)
        insert into webhook_outbox (event_id, subscription_id, payload, state)
        select e.event_id, s.id,
          jsonb_build_object('id', e.event_id,
            'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || e.payload,
          'pending'
        from jsonb_to_recordset(${JSON.stringify(outbox)}::jsonb)
          as e(event_id uuid, type text, tenant_id text, group_id text, payload jsonb)
        join webhook_subscriptions s on s.state = 'active' and s.events ? e.type
          and (s.tenant_id is null or s.tenant_id = e.tenant_id)
          and (s.group_id is null or s.group_id = e.group_id)`.execute(this.store.db);
    });
  }

  /** Up to `limit` records matching the filter within the reach, newest first. */
  page(filter: AuditFilter, reach: AuditReach, limit: number): Promise<AuditLogRecord[]> {
    return storeCall(async () => {
      let query = this.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => reachOf(eb, reach));
      if (filter.tenantId !== undefined) query = query.where('tenant_id', '=', filter.tenantId);
      if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
      if (filter.huntGroupId !== undefined) query = query.where('hunt_group_id', '=', filter.huntGroupId);
      if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
      if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
      if (filter.from !== undefined) query = query.where('time', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('time', '<', filter.to);
      if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        time: r.time.toISOString(),
        requestId: r.request_id,
        actor: { kind: r.actor_kind, id: r.actor, level: r.actor_level },
        clientAddress: r.client_address,
        method: r.method,
        route: r.route,
        path: r.path,
        tenantId: r.tenant_id,
        groupId: r.group_id,
        huntGroupId: r.hunt_group_id,
        dryRun: r.dry_run,
        outcome: r.outcome,
        status: r.status,
        errorCode: r.error_code,
        changes: r.changes,
        commands: r.commands,
      }));
    });
  }

  /** Deletes up to `batch` records older than `before`, oldest first; the number deleted. */
  prune(before: Date, batch = 5000): Promise<number> {
    return storeCall(async () => {
      const result = await this.store.db
        .deleteFrom('audit_log')
        .where('id', 'in', (eb) =>
          eb.selectFrom('audit_log').select('id').where('time', '<', before).orderBy('time').limit(batch),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }
}

/** The rows a reader may see: all (system), their tenants', or their groups'. */
function reachOf(eb: Where, reach: AuditReach): Expression<SqlBool> {
  switch (reach.level) {
    case 'system':
      return eb.lit(true);
    case 'tenant':
      return reach.tenants.length === 0 ? eb.lit(false) : eb('tenant_id', 'in', reach.tenants);
    case 'group':
      return eb.or(reach.groups.map((g) => eb.and([eb('tenant_id', '=', g.tenantId), eb('group_id', '=', g.groupId)])));
  }
}
