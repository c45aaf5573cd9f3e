import { appendFile, readFile } from 'node:fs/promises';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { pluginsConfig } from '../../config/namespaces.js';
import { HuntGroupHooks, type HuntGroupEvent } from '../../domain/hooks.js';

/** One line of the audit trail: the event, when it happened. */
export type AuditRecord = HuntGroupEvent & { time: string };

/**
 * The audit trail plugin: every hunt group change, appended as one JSON line to AUDIT_TRAIL_FILE,
 * in the order the changes happened (appends are chained so lines never interleave).
 */
@Injectable()
export class AuditTrail implements OnModuleInit {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly hooks: HuntGroupHooks,
    @Inject(pluginsConfig.KEY) private readonly config: ConfigType<typeof pluginsConfig>,
  ) {}

  onModuleInit(): void {
    this.hooks.observe('audit-trail', (event) => this.append(event));
  }

  /** Resolves when the line is written; a write failure is the observer's failure (logged, never the request's). */
  append(event: HuntGroupEvent): Promise<void> {
    const line = `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`;
    const write = this.writing.then(() => appendFile(this.config.auditTrailFile, line, 'utf8'));
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** The last `limit` records of one group, oldest first. */
  async recent(tenantId: string, groupId: string, limit: number): Promise<AuditRecord[]> {
    await this.writing;
    let text = '';
    try {
      text = await readFile(this.config.auditTrailFile, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const records = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditRecord)
      .filter((r) => r.tenantId === tenantId && r.groupId === groupId);
    return records.slice(-limit);
  }
}
