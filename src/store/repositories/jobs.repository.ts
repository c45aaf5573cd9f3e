import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  JobStore,
  type BulkItem,
  type ChunkOutcome,
  type ClaimedJob,
  type ItemResult,
  type Job,
} from '../../domain/bulk/bulk.js';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** Bulk jobs in the shared store: the JobStore of every replica. */
@Injectable()
export class JobsRepository extends JobStore {
  constructor(private readonly store: Store) {
    super();
  }

  create(
    job: { tenantId: string; groupId: string; createdBy: string },
    items: { item: BulkItem | null; result: ItemResult }[],
  ): Promise<Job> {
    return storeCall(async () => {
      const id = randomUUID();
      const failed = items.filter((i) => i.result.status === 'failed').length;
      const allRefused = failed === items.length;
      const created = await this.store.db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('jobs')
          .values({
            id,
            tenant_id: job.tenantId,
            group_id: job.groupId,
            created_by: job.createdBy,
            state: allRefused ? 'failed' : 'queued',
            total: items.length,
            failed,
            finished_at: allRefused ? new Date() : null,
          })
          .returning(['state', 'created_at', 'finished_at'])
          .executeTakeFirstOrThrow();
        // The items as one JSON parameter: one statement whatever their number (a statement takes at
        // most 65535 parameters), and a third of the time of 6 parameters an item.
        const rows = items.map(({ item, result }) => ({
          row: result.row,
          item,
          status: result.status,
          service_user_id: result.serviceUserId,
          error: result.error,
        }));
        await sql`insert into job_items (job_id, row, item, status, service_user_id, error)
          select ${id}, r.row, r.item, r.status, r.service_user_id, r.error
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as r(row integer, item jsonb, status text, service_user_id text, error jsonb)`.execute(tx);
        return row;
      });
      // Answered from what was written: reading a job of 5,000 items back would cost as much again.
      return {
        id,
        tenantId: job.tenantId,
        groupId: job.groupId,
        state: created.state,
        total: items.length,
        done: 0,
        failed,
        items: items.map(({ result }) => result),
        createdAt: created.created_at.toISOString(),
        finishedAt: created.finished_at?.toISOString() ?? null,
      };
    });
  }

  get(id: string): Promise<Job | undefined> {
    return storeCall(async () => {
      const job = await this.store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!job) return undefined;
      const items = await this.store.db
        .selectFrom('job_items')
        .select(['row', 'status', 'service_user_id', 'error'])
        .where('job_id', '=', id)
        .orderBy('row')
        .execute();
      return {
        id: job.id,
        tenantId: job.tenant_id,
        groupId: job.group_id,
        state: job.state,
        total: job.total,
        done: job.done,
        failed: job.failed,
        items: items.map((i) => ({
          row: i.row,
          status: i.status,
          serviceUserId: i.service_user_id,
          error: i.error as ItemResult['error'],
        })),
        createdAt: job.created_at.toISOString(),
        finishedAt: job.finished_at?.toISOString() ?? null,
      };
    });
  }

  cancel(id: string): Promise<Job | undefined> {
    return storeCall(async () => {
      await this.store.db.transaction().execute(async (tx) => {
        const job = await tx
          .updateTable('jobs')
          .set({ state: 'cancelled', finished_at: new Date(), lease_owner: null, lease_until: null })
          .where('id', '=', id)
          .where('state', 'in', ['queued', 'running'])
          .returning('id')
          .executeTakeFirst();
        if (!job) return;
        await tx
          .updateTable('job_items')
          .set({ status: 'cancelled' })
          .where('job_id', '=', id)
          .where('status', '=', 'pending')
          .execute();
      });
      return this.get(id);
    });
  }

  claim(owner: string, leaseMs: number): Promise<ClaimedJob | undefined> {
    return storeCall(async () => {
      // One statement: the row lock of the subquery makes exactly one replica the holder, and
      // SKIP LOCKED lets the others look at the next job instead of waiting.
      const claimed = await sql<{ id: string; tenant_id: string; group_id: string; created_by: string }>`
        update jobs set state = 'running', lease_owner = ${owner},
          lease_until = now() + make_interval(secs => ${leaseMs / 1000})
        where id = (
          select id from jobs
          where state = 'queued' or (state = 'running' and (lease_until is null or lease_until < now()))
          order by created_at
          for update skip locked
          limit 1
        )
        returning id, tenant_id, group_id, created_by`.execute(this.store.db);
      const row = claimed.rows[0];
      return row
        ? { id: row.id, tenantId: row.tenant_id, groupId: row.group_id, createdBy: row.created_by }
        : undefined;
    });
  }

  pending(jobId: string, limit: number, afterRow = 0): Promise<BulkItem[]> {
    return storeCall(async () => {
      const rows = await this.store.db
        .selectFrom('job_items')
        .select('item')
        .where('job_id', '=', jobId)
        .where('status', '=', 'pending')
        .where('row', '>', afterRow)
        .orderBy('row')
        .limit(limit)
        .execute();
      return rows.map((r) => r.item as unknown as BulkItem);
    });
  }

  record(jobId: string, owner: string, leaseMs: number, chunk: ItemResult[]): Promise<ChunkOutcome> {
    // Items still pending (not sent) keep their row as it is.
    const results = chunk.filter((r) => r.status !== 'pending');
    return storeCall(() =>
      this.store.db.transaction().execute(async (tx) => {
        const job = await tx
          .selectFrom('jobs')
          .select(['state', 'lease_owner'])
          .where('id', '=', jobId)
          .forUpdate()
          .executeTakeFirst();
        if (!job) return 'cancelled';
        // Cancelled while this chunk ran: its items did run, and are reported as they ended.
        const cancelled = job.state === 'cancelled';
        if (!cancelled && (job.state !== 'running' || job.lease_owner !== owner)) return 'lost';
        // One statement for the chunk's items, whatever their number.
        await sql`
          update job_items as i
          set status = v.status, service_user_id = v.service_user_id, error = v.error::jsonb
          from unnest(
            ${results.map((r) => r.row)}::integer[],
            ${results.map((r) => r.status)}::text[],
            ${results.map((r) => r.serviceUserId)}::text[],
            ${results.map((r) => (r.error ? JSON.stringify(r.error) : null))}::text[]
          ) as v(row, status, service_user_id, error)
          where i.job_id = ${jobId} and i.row = v.row`.execute(tx);
        await tx
          .updateTable('jobs')
          .set((eb) => ({
            done: eb('done', '+', results.filter((r) => r.status === 'done').length),
            failed: eb('failed', '+', results.filter((r) => r.status === 'failed').length),
            ...(cancelled ? {} : { lease_until: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})` }),
          }))
          .where('id', '=', jobId)
          .execute();
        return cancelled ? 'cancelled' : 'continue';
      }),
    );
  }

  prune(before: Date): Promise<number> {
    return storeCall(async () => {
      const deleted = await this.store.db
        .deleteFrom('jobs')
        .where('finished_at', '<', before)
        .where('state', 'in', ['done', 'failed', 'cancelled'])
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    });
  }

  finish(jobId: string, owner: string): Promise<void> {
    return storeCall(async () => {
      await this.store.db
        .updateTable('jobs')
        .set((eb) => ({
          state: eb
            .case()
            .when('done', '=', 0)
            .then(sql<'failed'>`'failed'`)
            .else(sql<'done'>`'done'`)
            .end(),
          finished_at: new Date(),
          lease_owner: null,
          lease_until: null,
        }))
        .where('id', '=', jobId)
        .where('lease_owner', '=', owner)
        .where('state', '=', 'running')
        .execute();
    });
  }
}
