import { Controller, Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ValidationFailed, type FieldProblem } from '../../domain/errors.js';
import { queryInteger } from '../../http/query-integer.js';
import { QueryParameters } from '../../http/request-shape.js';
import { GroupParamsDto } from '../../http/route-params.dto.js';
import { AuditTrail, type AuditRecord } from './audit-trail.service.js';

/** A route the plugin adds: the recent changes to a group's hunt groups. */
@Controller('api/v1/tenants/:tenantId/groups/:groupId/audit_trail')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @QueryParameters('limit')
  async recent(@Param() p: GroupParamsDto, @Req() req: Request): Promise<{ events: AuditRecord[] }> {
    const problems: FieldProblem[] = [];
    const limit = queryInteger((req.query as Record<string, unknown>).limit, 'limit', 1, 1000, problems);
    if (problems.length > 0) throw new ValidationFailed(problems);
    return { events: await this.trail.recent(p.tenantId, p.groupId, limit ?? 100) };
  }
}
