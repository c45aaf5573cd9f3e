import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { JobAudit } from '../domain/bulk/bulk.js';
import { AuditMiddleware } from './audit.middleware.js';
import { AuditRecorder } from './audit-recorder.js';
import { AuditRecordsController } from './audit-records.controller.js';
import { AuditRetention } from './audit-retention.js';
import { WebhookDelivery } from './webhook-delivery.js';
import { WebhooksController } from './webhooks.controller.js';

/**
 * Who changed what: every write recorded (the middleware, for every route, present and future),
 * the records' route, and webhooks told of the changes through the store's outbox.
 */
@Global()
@Module({
  controllers: [AuditRecordsController, WebhooksController],
  providers: [
    AuditRecorder,
    AuditRetention,
    WebhookDelivery,
    AuditMiddleware,
    // Bulk jobs record their changes here (JobRunner), outside any request.
    { provide: JobAudit, useExisting: AuditRecorder },
  ],
  exports: [JobAudit],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
