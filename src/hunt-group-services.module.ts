import { Module } from '@nestjs/common';
import { OciHuntGroupServices } from './broadworks/oci-hunt-group-services.js';
import { HuntGroupServicesPort } from './domain/hunt-group-services/hunt-group-services.port.js';
import {
  HuntGroupServicesService,
  ServiceBodyValidator,
} from './domain/hunt-group-services/hunt-group-services.service.js';
import { AlternateNumbersController } from './http/hunt-group-services/alternate-numbers.controller.js';
import { CallForwardingController } from './http/hunt-group-services/call-forwarding.controller.js';
import { NumbersController } from './http/hunt-group-services/numbers.controller.js';
import { DtoServiceBodyValidator } from './http/hunt-group-services/service-body-validator.js';

/**
 * A hunt group's own services (call forwarding, alternate numbers) and the group's free numbers,
 * wired across the layers: controllers, the use cases, and their port over OCI-P.
 */
@Module({
  controllers: [CallForwardingController, AlternateNumbersController, NumbersController],
  providers: [
    HuntGroupServicesService,
    { provide: HuntGroupServicesPort, useClass: OciHuntGroupServices },
    { provide: ServiceBodyValidator, useClass: DtoServiceBodyValidator },
  ],
})
export class HuntGroupServicesModule {}
