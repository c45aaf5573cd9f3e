import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** A key's record as a retry finds it. */
export interface IdempotencyRecord {
  fingerprint: string;
  state: 'running' | 'done' | 'unknown';
  leaseUntil: Date;
  status: number | null;
  headers: Record<string, string> | null;
  body: unknown;
  intent: Record<string, unknown> | null;
}

/** What a write that took a key may do next. */
export type Claim =
  /** The key is new: this request runs, holding it until `finish` or `release`. */
  | { kind: 'new' }
  /** The key was used before (or is held by a request still running, on any replica). */
  | { kind: 'existing'; record: IdempotencyRecord }
  /** The key's earlier write ended without a known outcome, or its replica died: this request settles it. */
  | { kind: 'settle'; record: IdempotencyRecord };

/**
 * Idempotency keys of writes, shared by every replica. A key is claimed with one insert (the
 * primary key makes exactly one request its holder, whichever replica it reached), finished with
 * the answer to replay, or released when nothing happened (so the same key may run again).
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly store: Store) {}

  /**
   * Takes the key for this request, or says what became of it. A record past its retention counts
   * as absent; one left running past its lease, or ended `unknown`, is taken over to be settled.
   */
  claim(caller: string, key: string, fingerprint: string, leaseMs: number, retentionMs: number): Promise<Claim> {
    return storeCall(() =>
      this.store.db.transaction().execute(async (tx) => {
        const now = new Date();
        await tx
          .deleteFrom('idempotency_keys')
          .where('caller', '=', caller)
          .where('key', '=', key)
          .where('expires_at', '<=', now)
          .execute();
        const inserted = await tx
          .insertInto('idempotency_keys')
          .values({
            caller,
            key,
            fingerprint,
            state: 'running',
            lease_until: new Date(now.getTime() + leaseMs),
            expires_at: new Date(now.getTime() + retentionMs),
          })
          .onConflict((c) => c.columns(['caller', 'key']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'new' } as const;
        const row = await tx
          .selectFrom('idempotency_keys')
          .selectAll()
          .where('caller', '=', caller)
          .where('key', '=', key)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const record: IdempotencyRecord = {
          fingerprint: row.fingerprint,
          state: row.state,
          leaseUntil: row.lease_until,
          status: row.status,
          headers: row.headers,
          body: row.body,
          intent: row.intent,
        };
        const abandoned = row.state === 'running' && row.lease_until <= now;
        if (row.fingerprint !== fingerprint || !(row.state === 'unknown' || abandoned)) {
          return { kind: 'existing', record } as const;
        }
        await tx
          .updateTable('idempotency_keys')
          .set({ state: 'running', lease_until: new Date(now.getTime() + leaseMs) })
          .where('caller', '=', caller)
          .where('key', '=', key)
          .execute();
        return { kind: 'settle', record } as const;
      }),
    );
  }

  /** What the write is about to create, kept so that a retry after a lost answer can find it. */
  noteIntent(caller: string, key: string, intent: Record<string, unknown>): Promise<void> {
    return storeCall(async () => {
      await this.store.db
        .updateTable('idempotency_keys')
        .set({ intent: JSON.stringify(intent) })
        .where('caller', '=', caller)
        .where('key', '=', key)
        .execute();
    });
  }

  /** The write ended: `done` with the answer to replay, or `unknown` when BroadWorks' answer was lost. */
  finish(
    caller: string,
    key: string,
    state: 'done' | 'unknown',
    answer: { status: number; headers: Record<string, string>; body: unknown },
  ): Promise<void> {
    return storeCall(async () => {
      await this.store.db
        .updateTable('idempotency_keys')
        .set({
          state,
          status: answer.status,
          headers: JSON.stringify(answer.headers),
          body: JSON.stringify(answer.body ?? null),
        })
        .where('caller', '=', caller)
        .where('key', '=', key)
        .execute();
    });
  }

  /** Nothing was written (the request was refused before BroadWorks, or BroadWorks was unreachable): the key is free again. */
  release(caller: string, key: string): Promise<void> {
    return storeCall(async () => {
      await this.store.db.deleteFrom('idempotency_keys').where('caller', '=', caller).where('key', '=', key).execute();
    });
  }

  /** Forgets keys past their retention, at most `limit` at a time (a bounded delete). */
  prune(limit = 1000): Promise<number> {
    return storeCall(async () => {
      const result = await sql<{ count: string }>`
        with gone as (
          delete from idempotency_keys
          where ctid in (select ctid from idempotency_keys where expires_at <= now() order by expires_at limit ${limit})
          returning 1
        ) select count(*)::text as count from gone`.execute(this.store.db);
      return Number(result.rows[0]?.count ?? 0);
    });
  }
}
