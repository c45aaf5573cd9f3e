import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';
import { BoundedByReach, CurrentPrincipal } from '../auth/public.decorator.js';
import { ValidationFailed, type FieldProblem } from '../domain/errors.js';
import { ApiErrorResponses } from '../http/openapi/error-responses.js';
import { queryInteger } from '../http/query-integer.js';
import { QueryParameters } from '../http/request-shape.js';
import {
  AuditLogRepository,
  type AuditFilter,
  type AuditLogRecord,
  type AuditReach,
} from '../store/repositories/audit-log.repository.js';
import { AuditRecorder } from './audit-recorder.js';
import { AuditRecordsPageDto } from './dto/audit-record.dto.js';

/** ISO 8601 date-time with a zone (`2026-11-30T05:50:00Z`, `…+01:00`), or a date (`2026-11-30`, UTC). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** The cursor is the last record's id, opaque to clients (at most 18 digits: within PostgreSQL's bigint). */
const CURSOR = /^c([1-9][0-9]{0,17})$/;
const TEXT_FILTERS = { tenant: 'tenantId', group: 'groupId', huntGroup: 'huntGroupId', actor: 'actor' } as const;

/** Whether `YYYY-MM-DD` names a day that exists (Date would take 2026-02-30 as March 2). */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function reachOf(principal: Principal): AuditReach {
  switch (principal.level) {
    case 'system':
      return { level: 'system' };
    case 'tenant':
      return { level: 'tenant', tenants: principal.tenants };
    case 'group':
      return { level: 'group', groups: principal.groups };
  }
}

/** The filters of the query string, checked; every bad one is named in one 400. */
function filterOf(query: Record<string, unknown>): { filter: AuditFilter; limit: number } {
  const problems: FieldProblem[] = [];
  const filter: AuditFilter = {};
  for (const [name, key] of Object.entries(TEXT_FILTERS)) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length < 1 || value.length > 161)
      problems.push({ field: name, reasons: [`${name} must be given once, 1 to 161 characters`] });
    else filter[key] = value;
  }
  const outcome = query.outcome;
  if (outcome !== undefined) {
    if (outcome === 'success' || outcome === 'failure') filter.outcome = outcome;
    else problems.push({ field: 'outcome', reasons: ['outcome must be success or failure'] });
  }
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    const time =
      typeof value === 'string' && ISO_8601.test(value) && isCalendarDate(value.slice(0, 10))
        ? new Date(value)
        : undefined;
    if (time === undefined || Number.isNaN(time.getTime()))
      problems.push({
        field: name,
        reasons: [`${name} must be an ISO 8601 date-time with a zone, e.g. 2026-11-30T06:00:00Z`],
      });
    else filter[name] = time;
  }
  const cursor = query.cursor;
  if (cursor !== undefined) {
    const match = typeof cursor === 'string' ? CURSOR.exec(cursor) : null;
    if (match) filter.beforeId = match[1];
    else problems.push({ field: 'cursor', reasons: ['cursor must be the `next` of an earlier page'] });
  }
  const limit = queryInteger(query.limit, 'limit', 1, 1000, problems) ?? 100;
  if (problems.length > 0) throw new ValidationFailed(problems);
  return { filter, limit };
}

/**
 * Every write and refused write, newest first, a page at a time: a system admin sees all, a tenant
 * admin their tenants', a group admin their groups'. Paged with a keyset cursor, so a page costs
 * the same however long the history.
 */
@ApiTags('audit')
@BoundedByReach()
@Controller('api/v1/audit_records')
export class AuditRecordsController {
  constructor(
    private readonly records: AuditLogRepository,
    private readonly recorder: AuditRecorder,
  ) {}

  @Get()
  @QueryParameters('tenant', 'group', 'huntGroup', 'actor', 'outcome', 'from', 'to', 'limit', 'cursor')
  @ApiOperation({ summary: 'Audit records of writes, newest first, within the caller’s reach' })
  @ApiQuery({ name: 'tenant', required: false })
  @ApiQuery({ name: 'group', required: false })
  @ApiQuery({ name: 'huntGroup', required: false, description: 'A hunt group’s serviceUserId' })
  @ApiQuery({ name: 'actor', required: false, description: 'A user name or a machine token id' })
  @ApiQuery({ name: 'outcome', required: false, enum: ['success', 'failure'] })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601; records at or after' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601; records before' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `next` of the previous page' })
  @ApiOkResponse({ type: AuditRecordsPageDto })
  @ApiErrorResponses(400)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<{ audit_records: AuditLogRecord[]; next: string | null }> {
    const { filter, limit } = filterOf(req.query);
    // A client reads its own writes: records this replica is still storing are waited for.
    await this.recorder.settled();
    // One more than the page says whether there is a next one.
    const rows = await this.records.page(filter, reachOf(principal), limit + 1);
    const page = rows.slice(0, limit);
    return { audit_records: page, next: rows.length > limit ? `c${page[page.length - 1].id}` : null };
  }
}
