import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ociConfig, type OciConfig } from '../../config/namespaces.js';
import { LoggingModule } from '../../logging/logging.module.js';
import { OciExchangeLog } from './observers/oci-exchange-log.js';
import { MetricsModule } from '../../metrics/metrics.module.js';
import { OciMetrics } from './observers/oci-metrics.js';
import { OciRequestJournal } from './observers/oci-request-journal.js';
import { OciPoolMetrics } from './observers/oci-pool-metrics.js';
import { InMemoryOciGateway } from './memory/in-memory-oci-gateway.js';
import { OciGateway } from './oci-gateway.js';
import { ObservedOciGateway, type OciExchangeObserver } from './observed-oci-gateway.js';
import { TcpOciGateway, tcpGatewayOptions } from './tcp/index.js';

/** Builds the gateway the validated configuration names; an unknown driver stops the boot. */
export function createOciGateway(config: OciConfig): OciGateway {
  switch (config.driver) {
    case 'memory':
      return InMemoryOciGateway.fromWorldFile(config.worldFile);
    case 'tcp':
      return new TcpOciGateway(tcpGatewayOptions(config));
    default:
      throw new Error(`OCI_DRIVER=${String(config.driver)}: unknown driver (memory | tcp)`);
  }
}

/**
 * The driver's own gateway. A provider of its own so that Nest runs its lifecycle hooks (TCP logs
 * in on init, out on destroy), and so that tests can swap the driver and still get the decorator.
 */
export const OCI_DRIVER_GATEWAY = Symbol('OCI_DRIVER_GATEWAY');

const driverProvider: Provider = { provide: OCI_DRIVER_GATEWAY, inject: [ociConfig.KEY], useFactory: createOciGateway };

/** What features inject: the driver's gateway, its documents metered and logged (debug) whichever driver runs. */
const gatewayProvider: Provider = {
  provide: OciGateway,
  inject: [OCI_DRIVER_GATEWAY, OciMetrics, OciExchangeLog, OciRequestJournal],
  useFactory: (driver: OciGateway, ...observers: OciExchangeObserver[]) => new ObservedOciGateway(driver, observers),
};

/** Provides the OciGateway port to every feature module; features never know which driver runs. */
@Module({})
export class OciModule {
  static register(): DynamicModule {
    return {
      module: OciModule,
      global: true,
      imports: [MetricsModule, LoggingModule],
      providers: [driverProvider, gatewayProvider, OciMetrics, OciExchangeLog, OciRequestJournal, OciPoolMetrics],
      exports: [OciGateway],
    };
  }
}
