import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ErrorEnvelopeFilter } from './http/error-envelope.filter.js';
import { RequestShapeInterceptor } from './http/request-shape.js';
import { IdempotencyInterceptor } from './http/idempotency.js';
import { WriteAnswerInterceptor } from './http/writes.js';
import { createValidationPipe } from './http/validation.js';
import { AppConfigModule } from './config/config.module.js';
import { HealthModule } from './health/health.module.js';
import { HuntGroupsModule } from './hunt-groups.module.js';
import { BulkJobsModule } from './bulk-jobs.module.js';
import { HuntGroupServicesModule } from './hunt-group-services.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OpenApiModule } from './http/openapi/openapi.module.js';
import { OciModule } from './broadworks/oci/oci.module.js';
import { PluginsModule } from './plugins/plugins.module.js';
import { StoreModule } from './store/store.module.js';

/** Global pipe, filter and interceptor are providers here, so tests built from AppModule run the same pipeline. */
@Module({
  imports: [
    AppConfigModule,
    StoreModule,
    AuthModule,
    LoggingModule,
    // After LoggingModule: its middleware gives each request the id the audit journal takes.
    AuditModule,
    MetricsModule,
    OpenApiModule,
    OciModule.register(),
    PluginsModule.forRoot(),
    HealthModule,
    HuntGroupsModule,
    BulkJobsModule,
    HuntGroupServicesModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ErrorEnvelopeFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestShapeInterceptor },
    // Outermost of the two: it records the answer as WriteAnswerInterceptor shaped it (status, ETag).
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: WriteAnswerInterceptor },
  ],
})
export class AppModule {}
