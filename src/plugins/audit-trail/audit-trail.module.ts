import { Module } from '@nestjs/common';
import { AuditTrailController } from './audit-trail.controller.js';
import { AuditTrail } from './audit-trail.service.js';

/** Built-in plugin `audit-trail`: every hunt group change recorded in the store, and a route to read them. */
@Module({ controllers: [AuditTrailController], providers: [AuditTrail] })
export class AuditTrailModule {}
