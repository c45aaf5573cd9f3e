import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HuntGroupHooks, type HuntGroupEvent } from '../../domain/hooks.js';
import { AuditRepository } from '../../store/repositories/audit.repository.js';

/** One audit record: the event, when it was recorded. */
export type AuditRecord = HuntGroupEvent & { time: string };

/**
 * The audit trail plugin: every hunt group change, recorded in the store (table audit_records),
 * so that every replica reads the same trail. Records are written after the answer, like every
 * observer's work (HuntGroupHooks.emit), in the order of the changes; a read on this replica
 * first waits for its own writes still under way, so a client reads its own changes.
 */
@Injectable()
export class AuditTrail implements OnModuleInit {
  /** The writes of this replica, one after the other, so that records keep the order of the changes. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly hooks: HuntGroupHooks,
    private readonly records: AuditRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.observe('audit-trail', (event) => this.append(event));
  }

  /** Resolves when the record is stored; a failure is the observer's failure (logged, never the request's). */
  append(event: HuntGroupEvent): Promise<void> {
    const write = this.writing.then(() => this.records.append(event));
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** The last `limit` records of one group, oldest first. */
  async recent(tenantId: string, groupId: string, limit: number): Promise<AuditRecord[]> {
    await this.writing;
    return (await this.records.recent(tenantId, groupId, limit)) as unknown as AuditRecord[];
  }
}
