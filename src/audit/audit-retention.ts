import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { auditConfig, type AuditConfig } from '../config/namespaces.js';
import { AuditLogRepository } from '../store/repositories/audit-log.repository.js';
import { WebhooksRepository } from '../store/repositories/webhooks.repository.js';

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Deletes audit records older than AUDIT_RETENTION_DAYS, and the webhook deliveries made or given
 * up as long ago, every few minutes, a bounded batch at a time.
 */
@Injectable()
export class AuditRetention implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly records: AuditLogRepository,
    private readonly webhooks: WebhooksRepository,
    @Inject(auditConfig.KEY) private readonly config: AuditConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * One pruning round (any replica may run it: a delete of what is past the retention is
   * idempotent); the number of audit records deleted.
   */
  async prune(now = Date.now()): Promise<number> {
    const before = new Date(now - this.config.retentionDays * 86_400_000);
    try {
      await this.webhooks.pruneEnded(before);
      return await this.records.prune(before);
    } catch (error) {
      this.logger.warn(`Pruning audit records failed: ${String(error)}`);
      return 0;
    }
  }
}
