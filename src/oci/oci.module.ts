import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ociConfig, type OciConfig } from '../config/namespaces.js';
import { BroadWorksEngine } from '../simulator/engine.js';
import { InMemoryOciGateway } from './memory/in-memory-oci-gateway.js';
import { OciGateway } from './oci-gateway.js';
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

const gatewayProvider: Provider = {
  provide: OciGateway,
  inject: [ociConfig.KEY],
  useFactory: createOciGateway,
};

/** Provides the OciGateway port to every feature module; features never know which driver runs. */
@Module({})
export class OciModule {
  static register(): DynamicModule {
    return { module: OciModule, global: true, providers: [gatewayProvider], exports: [OciGateway] };
  }
}
