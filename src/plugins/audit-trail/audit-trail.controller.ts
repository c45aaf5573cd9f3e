import { Controller, Get, Param, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { GroupParamsDto } from '../../http/route-params.dto.js';
import { AuditTrail, type AuditRecord } from './audit-trail.service.js';

class AuditQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** A route the plugin adds: the recent changes to a group's hunt groups. */
@Controller('api/v1/tenants/:tenantId/groups/:groupId/audit_trail')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  async recent(@Param() p: GroupParamsDto, @Query() q: AuditQueryDto): Promise<{ events: AuditRecord[] }> {
    return { events: await this.trail.recent(p.tenantId, p.groupId, q.limit ?? 100) };
  }
}
