import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BroadWorksHealthIndicator } from './broadworks.health.js';
import { HealthController } from './health.controller.js';
import { ShutdownState } from './shutdown-state.js';
import { StoreHealthIndicator } from './store.health.js';

/** `/health/live` and `/health/ready` for orchestrators and load balancers. */
@Module({
  // Probes fail often and on purpose (during an outage, while draining): the request log says so once.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [BroadWorksHealthIndicator, StoreHealthIndicator, ShutdownState],
  exports: [ShutdownState],
})
export class HealthModule {}
