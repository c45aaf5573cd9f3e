import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { HttpMetrics, HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics-registry.js';
import { OciMetrics } from './oci-metrics.js';
import { OciPoolMetrics } from './oci-pool-metrics.js';

/** `/metrics` in the Prometheus format; OciModule imports it to meter the gateway it builds. */
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, HttpMetrics, OciMetrics, OciPoolMetrics],
  exports: [MetricsRegistry, OciMetrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
