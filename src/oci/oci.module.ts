import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ociConfig, type OciConfig } from '../config/namespaces.js';
import { BroadWorksEngine } from '../simulator/engine.js';
import { LoggingModule } from '../logging/logging.module.js';
import { OciExchangeLog } from '../logging/oci-exchange-log.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { OciMetrics } from '../metrics/oci-metrics.js';
import { InMemoryOciGateway } from './memory/in-memory-oci-gateway.js';
import { OciGateway } from './oci-gateway.js';
import { ObservedOciGateway, type OciExchangeObserver } from './observed-oci-gateway.js';
import { TcpOciGateway, tcpGatewayOptions } from './tcp/index.js';

/** Builds the gateway the validated configuration names; an unknown driver stops the boot. */
export function createOciGateway(config: OciConfig): OciGateway {
  switch (config.driver) {
    case 'memory':
      return new InMemoryOciGateway(BroadWorksEngine.fromFile(config.worldFile));
    case 'tcp':
      return new TcpOciGateway(tcpGatewayOptions(config));
    default:
      throw new Error(`OCI_DRIVER=${String(config.driver)}: unknown driver (memory | tcp)`);
  }
}

/** Whichever driver runs, its documents are metered and logged (debug) by the same decorator. */
const gatewayProvider: Provider = {
  provide: OciGateway,
  inject: [ociConfig.KEY, OciMetrics, OciExchangeLog],
  useFactory: (config: OciConfig, ...observers: OciExchangeObserver[]) => new ObservedOciGateway(createOciGateway(config), observers),
};

/** Provides the OciGateway port to every feature module; features never know which driver runs. */
@Module({})
export class OciModule {
  static register(): DynamicModule {
    return { module: OciModule, global: true, imports: [MetricsModule, LoggingModule], providers: [gatewayProvider], exports: [OciGateway] };
  }
}
