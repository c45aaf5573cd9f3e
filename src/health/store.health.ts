import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Store } from '../store/store.js';

/** Within the probe's bound (BroadWorks' check has 3 s; both run side by side). */
const STORE_TIMEOUT_MS = 2000;

/**
 * Ready needs the store too: without it no token can be checked, so a load balancer should send
 * requests to a replica that has it. Recovers by itself: the pool reconnects when PostgreSQL is back.
 */
@Injectable()
export class StoreHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly store: Store,
  ) {}

  async check(): Promise<HealthIndicatorResult<'store'>> {
    const indicator = this.indicators.check('store');
    try {
      await this.store.ping(STORE_TIMEOUT_MS);
      return indicator.up({ kind: this.store.kind });
    } catch (error) {
      return indicator.down({
        kind: this.store.kind,
        message: `PostgreSQL cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}
