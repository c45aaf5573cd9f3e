import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ociConfig } from '../config/namespaces.js';
import { OciGateway } from '../broadworks/oci/oci-gateway.js';
import { ShutdownState } from './shutdown-state.js';

/** A probe must answer before the orchestrator gives up on it; BroadWorks may be slow, the probe may not. */
const READY_TIMEOUT_MS = 3000;

/** Ready = the gateway can serve: TCP has a session logged in that BroadWorks confirms; memory has its engine loaded. */
@Injectable()
export class BroadWorksHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly gateway: OciGateway,
    private readonly shutdown: ShutdownState,
    @Inject(ociConfig.KEY) private readonly oci: ConfigType<typeof ociConfig>,
  ) {}

  async check(): Promise<HealthIndicatorResult<'broadworks'>> {
    const indicator = this.indicators.check('broadworks');
    const driver = this.oci.driver;
    if (this.shutdown.draining) return indicator.down({ driver, message: 'shutting down' });
    const ready = await Promise.race([
      this.gateway.isReady().catch(() => false),
      sleep(READY_TIMEOUT_MS).then(() => 'timeout' as const),
    ]);
    if (ready === true) return indicator.up({ driver });
    const message =
      ready === 'timeout'
        ? `no answer within ${READY_TIMEOUT_MS} ms`
        : driver === 'tcp'
          ? 'no BroadWorks session is logged in'
          : 'the simulated BroadWorks is not loaded';
    return indicator.down({ driver, message });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
