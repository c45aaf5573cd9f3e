import { Injectable } from '@nestjs/common';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** The failures of some keys: their times (ms since the epoch), oldest first. */
export type FailureTimes = Map<string, number[]>;

/**
 * The failed-login counters every replica shares. `update` locks the rows of the keys it is given
 * (SELECT … FOR UPDATE, in key order so two logins never deadlock), hands their times to a
 * decision, and writes what the decision returns, in one transaction: two replicas checking the
 * same user name take turns, so the bound holds across replicas and parallel guesses.
 */
@Injectable()
export class LoginFailuresRepository {
  private lastSweep = 0;

  constructor(private readonly store: Store) {}

  async update<T>(keys: string[], decide: (times: FailureTimes) => { result: T; write: FailureTimes }): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    return storeCall(() =>
      this.store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('login_failures')
          .values(sorted.map((key) => ({ key, times: [], last_at: 0 })))
          .onConflict((c) => c.column('key').doNothing())
          .execute();
        const rows = await trx
          .selectFrom('login_failures')
          .select(['key', 'times'])
          .where('key', 'in', sorted)
          .orderBy('key')
          .forUpdate()
          .execute();
        const times: FailureTimes = new Map(sorted.map((key) => [key, []]));
        for (const row of rows) times.set(row.key, row.times.map(Number));
        const { result, write } = decide(times);
        for (const key of sorted) {
          const next = write.get(key) ?? times.get(key) ?? [];
          if (next.length === 0) await trx.deleteFrom('login_failures').where('key', '=', key).execute();
          else
            await trx
              .updateTable('login_failures')
              .set({ times: next, last_at: next[next.length - 1] })
              .where('key', '=', key)
              .execute();
        }
        return result;
      }),
    );
  }

  /** Forgets the failures of these keys (an operator lifting a lockout); true when there were some. */
  clear(keys: string[]): Promise<boolean> {
    return storeCall(async () => {
      const { numDeletedRows } = await this.store.db
        .deleteFrom('login_failures')
        .where('key', 'in', keys)
        .executeTakeFirst();
      return numDeletedRows > 0n;
    });
  }

  /**
   * Deletes the rows whose newest failure is older than `before` (at most once a minute per
   * replica), so names an attacker cycles through do not pile up. Rows being checked right now
   * are skipped, never waited for.
   */
  async sweep(before: number, now: number): Promise<void> {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    await storeCall(() =>
      this.store.db
        .deleteFrom('login_failures')
        .where('key', 'in', (eb) =>
          eb
            .selectFrom('login_failures')
            .select('key')
            .where('last_at', '<', String(before))
            .limit(1000)
            .forUpdate()
            .skipLocked(),
        )
        .execute(),
    );
  }
}
