import { Injectable } from '@nestjs/common';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** One audit record: the event as the plugin received it, and when it was recorded. */
export interface AuditEntry {
  tenantId: string;
  groupId: string;
  type: string;
  time: string;
  [field: string]: unknown;
}

/** The audit records of the audit-trail plugin, shared by every replica. */
@Injectable()
export class AuditRepository {
  constructor(private readonly store: Store) {}

  append(event: { tenantId: string; groupId: string; type: string }): Promise<void> {
    return storeCall(async () => {
      await this.store.db
        .insertInto('audit_records')
        .values({
          tenant_id: event.tenantId,
          group_id: event.groupId,
          type: event.type,
          event: JSON.stringify(event),
        })
        .execute();
    });
  }

  /** The last `limit` records of one group, oldest first: an index range scan, never the whole history. */
  recent(tenantId: string, groupId: string, limit: number): Promise<AuditEntry[]> {
    return storeCall(async () => {
      const rows = await this.store.db
        .selectFrom('audit_records')
        .select(['time', 'event'])
        .where('tenant_id', '=', tenantId)
        .where('group_id', '=', groupId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map((r) => ({ time: r.time.toISOString(), ...r.event }) as AuditEntry);
    });
  }
}
