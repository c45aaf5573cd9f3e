import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { MachineTokensTable } from '../database.js';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** A machine token as the store keeps it: never the token itself, only its id (the JWT's jti). */
export interface MachineTokenRecord {
  id: string;
  name: string;
  level: MachineTokensTable['level'];
  tenants: string[];
  groups: { tenantId: string; groupId: string }[];
  created_by: string;
  created_at: string;
  expires_at: string;
}

export const MACHINE_TOKENS_TOPIC = 'machine_tokens';

/** The machine tokens in force: a token is accepted only while its id is here; revoking deletes it. */
@Injectable()
export class MachineTokensRepository {
  constructor(private readonly store: Store) {}

  find(id: string): Promise<MachineTokenRecord | undefined> {
    return storeCall(async () => {
      const row = await this.store.db.selectFrom('machine_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    });
  }

  /** The tokens in force, oldest first. */
  list(): Promise<MachineTokenRecord[]> {
    return storeCall(async () =>
      (await this.store.db.selectFrom('machine_tokens').selectAll().orderBy('created_at').orderBy('id').execute()).map(
        toRecord,
      ),
    );
  }

  add(record: MachineTokenRecord): Promise<void> {
    return storeCall(async () => {
      await this.store.db
        .insertInto('machine_tokens')
        .values({
          id: record.id,
          name: record.name,
          level: record.level,
          tenants: JSON.stringify(record.tenants),
          groups: JSON.stringify(record.groups),
          created_by: record.created_by,
          created_at: new Date(record.created_at),
          expires_at: new Date(record.expires_at),
        })
        .execute();
    });
  }

  /**
   * False when no token has this id. The deletion is committed before the answer and every
   * replica hears of it, so the token is refused everywhere from then on.
   */
  remove(id: string): Promise<boolean> {
    return storeCall(() =>
      this.store.db.transaction().execute(async (trx) => {
        const { numDeletedRows } = await trx.deleteFrom('machine_tokens').where('id', '=', id).executeTakeFirst();
        if (numDeletedRows === 0n) return false;
        await this.store.events.notify(trx, MACHINE_TOKENS_TOPIC);
        return true;
      }),
    );
  }
}

function toRecord(row: Selectable<MachineTokensTable>): MachineTokenRecord {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    tenants: row.tenants,
    groups: row.groups,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at.toISOString(),
  };
}
