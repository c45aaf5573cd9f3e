import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PRINCIPAL, type Principal } from '../../auth/principal.js';
import { BoundedByReach } from '../../auth/public.decorator.js';
import { canReach } from '../../auth/reach.js';
import { BulkJobsService } from '../../domain/bulk/bulk-jobs.service.js';
import { MAX_BULK_ITEMS, type Job } from '../../domain/bulk/bulk.js';
import { ApiError, ValidationFailed } from '../../domain/errors.js';
import { HuntGroupTemplates } from '../hunt-groups/templates.js';
import { ApiErrorResponses } from '../openapi/error-responses.js';
import { BodyMediaTypes, QueryParameters } from '../request-shape.js';
import { GroupParamsDto, scopeOf } from '../route-params.dto.js';
import { Idempotent } from '../writes.js';
import { CSV_COLUMNS, rowsOfCsv, rowsOfJson, validateRows } from './bulk-rows.js';
import { JobAnswerDto, JobIdParamsDto } from './job.dto.js';

const JOB_EXAMPLE = {
  id: '6f1c2a7e-3b0d-4a55-9a8e-1d2f3c4b5a69',
  state: 'running',
  total: 3,
  done: 1,
  failed: 1,
  items: [
    { row: 1, status: 'done', serviceUserId: 'sales@sip.netaxis.be', error: null },
    {
      row: 2,
      status: 'failed',
      serviceUserId: 'support@sip.netaxis.be',
      error: { code: 'CONFLICT', message: 'BroadWorks refused the request: …' },
    },
    { row: 3, status: 'pending', serviceUserId: 'old@sip.netaxis.be', error: null },
  ],
  tenantId: 'ApioSpTest',
  groupId: 'ApioGrpTest',
  createdAt: '2026-11-30T05:50:00.000Z',
  finishedAt: null,
};

/** Bulk uploads of hunt group creates, updates and deletes, run as background jobs. */
@ApiTags('bulk jobs')
@ApiBearerAuth()
@Controller('api/v1')
export class JobsController {
  constructor(
    private readonly jobs: BulkJobsService,
    private readonly templates: HuntGroupTemplates,
  ) {}

  @Post('tenants/:tenantId/groups/:groupId/services/hunt_groups/bulk')
  @HttpCode(202)
  @BodyMediaTypes('application/json', 'text/csv')
  @QueryParameters('partial')
  @Idempotent()
  @ApiOperation({
    summary: 'Create, update and delete many hunt groups as one background job',
    description:
      `A JSON array of items {"action": "create"|"update"|"delete", …the fields of the single route} (update and delete name serviceUserId), ` +
      `or text/csv with a header row naming the columns (${CSV_COLUMNS.join(', ')}; agents and aliases as ;-separated lists; an empty cell leaves the field out). ` +
      `At most ${MAX_BULK_ITEMS} items; a hunt group named by one row only. Every row is validated first, as the single route validates its body: ` +
      'a bad row is a 400 naming its row and field, and no job starts, unless ?partial=true (the bad rows are then failed items of the job). ' +
      'Each item is all or nothing, as its single call. Follow the job at Location.',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    schema: { type: 'array', items: { type: 'object', required: ['action'] } },
    examples: {
      json: {
        value: [
          {
            action: 'create',
            serviceUserId: 'sales@sip.netaxis.be',
            serviceInstanceProfile: { name: 'Sales', cliLastName: 'Sales', cliFirstName: 'Line' },
            agents: ['ApioUserTest@sip.netaxis.be'],
          },
          { action: 'update', serviceUserId: 'support@sip.netaxis.be', policy: 'Circular' },
          { action: 'delete', serviceUserId: 'old@sip.netaxis.be' },
        ],
      },
    },
  })
  @ApiQuery({
    name: 'partial',
    required: false,
    schema: { type: 'boolean' },
    description: 'true: start the job with the valid rows; the bad ones are its failed items',
  })
  @ApiAcceptedResponse({
    type: JobAnswerDto,
    description: 'The job, queued; Location: /api/v1/jobs/{id}',
    example: JOB_EXAMPLE,
  })
  @ApiErrorResponses(400, 401, 403, 415)
  async submit(
    @Param() p: GroupParamsDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Job> {
    const partial = partialOf((req.query as Record<string, unknown>).partial);
    // The body as parsed, not through the global pipe: a CSV is one string of many lines, whose
    // rows are each checked (XML-safe, DTO) once split.
    const body = req.body as unknown;
    const rows = typeof body === 'string' ? rowsOfCsv(body) : rowsOfJson(body);
    const scope = scopeOf(p);
    const { items, problems } = await validateRows(rows, scope, this.templates);
    if (problems.length > 0 && !partial) throw new ValidationFailed(problems, 'INVALID_ROWS');
    const entries = items.map((item, i) => {
      const row = i + 1;
      const refused = problems.filter((pr) => pr.row === row);
      const id = item ? (item.action === 'create' ? (item.fields.serviceUserId ?? null) : item.serviceUserId) : null;
      return {
        item,
        result: {
          row,
          status: item ? ('pending' as const) : ('failed' as const),
          serviceUserId: id,
          error: item ? null : { code: 'VALIDATION_FAILED', message: 'Invalid row', details: refused },
        },
      };
    });
    const job = await this.jobs.submit(scope, callerOf(req), entries);
    res.setHeader('Location', `/api/v1/jobs/${job.id}`);
    return job;
  }

  @Get('jobs/:id')
  @BoundedByReach()
  @ApiOperation({
    summary: 'A bulk job: its state, its progress and the result of each item',
    description:
      'state: queued, running, done (every item ran; some may have failed), failed (no item succeeded) or cancelled. Only jobs of a group the caller reaches.',
  })
  @ApiParam({ name: 'id', description: 'The job id, from the bulk upload' })
  @ApiOkResponse({ type: JobAnswerDto, example: JOB_EXAMPLE })
  @ApiErrorResponses(400, 401, 404)
  get(@Param() p: JobIdParamsDto, @Req() req: Request): Promise<Job> {
    return this.jobs.get(p.id, reachOf(req));
  }

  @Delete('jobs/:id')
  @BoundedByReach()
  @ApiOperation({
    summary: 'Cancel a bulk job',
    description:
      'The items not started are cancelled; those under way finish. Answers the job; a finished job is answered as it is.',
  })
  @ApiParam({ name: 'id', description: 'The job id' })
  @ApiOkResponse({ type: JobAnswerDto, example: { ...JOB_EXAMPLE, state: 'cancelled' } })
  @ApiErrorResponses(400, 401, 404)
  cancel(@Param() p: JobIdParamsDto, @Req() req: Request): Promise<Job> {
    return this.jobs.cancel(p.id, reachOf(req));
  }
}

const principalOf = (req: Request): Principal => (req as unknown as Record<string, Principal>)[PRINCIPAL];
const callerOf = (req: Request): string => `${principalOf(req).kind}:${principalOf(req).id}`;
const reachOf =
  (req: Request) =>
  (job: Job): boolean =>
    canReach(principalOf(req), job.tenantId, job.groupId);

function partialOf(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw ApiError.badRequest('VALIDATION_FAILED', 'partial must be true or false', [
    { field: 'partial', reasons: ['must be true or false'] },
  ]);
}
