import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../database.js';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** A user as the store keeps it: the reach, and the scrypt hash (never the password). */
export interface UserRecord {
  username: string;
  level: UsersTable['level'];
  tenants: string[];
  groups: { tenantId: string; groupId: string }[];
  note?: string;
  password: Selectable<UsersTable>['password'];
}

/** Topic of the change notifications about users (see StoreEvents). */
export const USERS_TOPIC = 'users';

/** Seeding takes this advisory lock, so replicas booting together on an empty store import once. */
const SEED_LOCK = 0x68_67_75_73; // "hgus"

@Injectable()
export class UsersRepository {
  constructor(private readonly store: Store) {}

  find(username: string): Promise<UserRecord | undefined> {
    return storeCall(async () => {
      const row = await this.store.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row && toRecord(row);
    });
  }

  /** Every user, by name. */
  list(): Promise<UserRecord[]> {
    return storeCall(async () =>
      (await this.store.db.selectFrom('users').selectAll().orderBy('username').execute()).map(toRecord),
    );
  }

  /** One user's scrypt parameters, for the timing of logins with unknown names. */
  anyPasswordHash(): Promise<UserRecord['password'] | undefined> {
    return storeCall(async () => {
      const row = await this.store.db
        .selectFrom('users')
        .select('password')
        .orderBy('username')
        .limit(1)
        .executeTakeFirst();
      return row?.password;
    });
  }

  /** Adds the user, or replaces the one of that name; true when it replaced one. Every replica hears of it. */
  save(user: UserRecord): Promise<boolean> {
    return storeCall(() =>
      this.store.db.transaction().execute(async (trx) => {
        const values = {
          username: user.username,
          level: user.level,
          tenants: JSON.stringify(user.tenants),
          groups: JSON.stringify(user.groups),
          note: user.note ?? null,
          password: JSON.stringify(user.password),
        };
        const row = await trx
          .insertInto('users')
          .values(values)
          .onConflict((c) => c.column('username').doUpdateSet({ ...values, updated_at: new Date() }))
          // xmax is 0 for a row this statement inserted, the updating transaction's id otherwise.
          .returning(sql<boolean>`xmax <> 0`.as('replaced'))
          .executeTakeFirstOrThrow();
        await this.store.events.notify(trx, USERS_TOPIC);
        return row.replaced;
      }),
    );
  }

  /** False when no user has that name. Every replica hears of it: the user's tokens stop working. */
  remove(username: string): Promise<boolean> {
    return storeCall(() =>
      this.store.db.transaction().execute(async (trx) => {
        const { numDeletedRows } = await trx.deleteFrom('users').where('username', '=', username).executeTakeFirst();
        if (numDeletedRows === 0n) return false;
        await this.store.events.notify(trx, USERS_TOPIC);
        return true;
      }),
    );
  }

  /**
   * Imports `users` when the store holds none (the seed: env/users.json gives the demo login);
   * returns how many were imported (0 when the store already had users).
   */
  importWhenEmpty(users: UserRecord[]): Promise<number> {
    return storeCall(() =>
      this.store.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
        const { count } = await trx
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .executeTakeFirstOrThrow();
        if (Number(count) > 0 || users.length === 0) return 0;
        await trx
          .insertInto('users')
          .values(
            users.map((u) => ({
              username: u.username,
              level: u.level,
              tenants: JSON.stringify(u.tenants),
              groups: JSON.stringify(u.groups),
              note: u.note ?? null,
              password: JSON.stringify(u.password),
            })),
          )
          .execute();
        await this.store.events.notify(trx, USERS_TOPIC);
        return users.length;
      }),
    );
  }
}

function toRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    username: row.username,
    level: row.level,
    tenants: row.tenants,
    groups: row.groups,
    ...(row.note !== null ? { note: row.note } : {}),
    password: row.password,
  };
}
