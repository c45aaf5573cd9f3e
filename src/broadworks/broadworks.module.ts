import { Module } from '@nestjs/common';
import { BroadWorksPort } from '../domain/broadworks.port.js';
import { OciBroadWorks } from './oci-broadworks.js';

/** The BroadWorks port, carried out over the OciGateway (which OciModule provides, with its driver). */
@Module({
  providers: [{ provide: BroadWorksPort, useClass: OciBroadWorks }],
  exports: [BroadWorksPort],
})
export class BroadWorksModule {}
