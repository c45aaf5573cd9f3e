import { once } from 'node:events';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiProduces,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { GroupParamsDto, HuntGroupParamsDto, scopeOf } from '../route-params.dto.js';
import { ApiErrorResponses, BROADWORKS_CALL_ERRORS } from '../openapi/error-responses.js';
import {
  CREATE_ANSWER,
  CREATE_REQUEST,
  HUNT_GROUP_ANSWER,
  LIST_ANSWER,
  UPDATE_ANSWER,
  UPDATE_DRY_RUN_ANSWER,
  UPDATE_REQUEST,
} from '../openapi/examples.js';
import { CreateHuntGroupDto, UpdateHuntGroupDto } from './dto/hunt-group-body.dto.js';
import { HuntGroupAnswerDto, HuntGroupListAnswerDto } from './dto/hunt-group-response.dto.js';
import type { HuntGroup, HuntGroupSummary } from '../../domain/model.js';
import { HuntGroupsService } from '../../domain/hunt-groups/hunt-groups.service.js';
import { HuntGroupTemplates } from './templates.js';
import type { DryRun, WriteOptions } from '../../domain/writes.js';
import { DryRunAnswerDto } from '../openapi/dry-run.dto.js';
import { Versioned, Write, WriteOpts } from '../writes.js';
import type { Request, Response } from 'express';
import { QueryParameters } from '../request-shape.js';
import { ApiListQuery } from './list-query.openapi.js';
import { LIST_QUERY_PARAMETERS, listQueryOf, MAX_LIST_PAGE, nextLink } from './list-query.js';

/** APIO's hunt group routes; every one answers with and without the trailing slash. */
@ApiTags('hunt groups')
@ApiBearerAuth()
@ApiErrorResponses(...BROADWORKS_CALL_ERRORS)
@Controller('api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups')
export class HuntGroupsController {
  constructor(
    private readonly huntGroups: HuntGroupsService,
    private readonly templates: HuntGroupTemplates,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a hunt group',
    description: 'All or nothing: when a later step (activation) fails, the new hunt group is deleted again.',
  })
  @ApiBody({ type: CreateHuntGroupDto, examples: { seed: { summary: "The seed's example", value: CREATE_REQUEST } } })
  @ApiCreatedResponse({
    type: HuntGroupAnswerDto,
    description: 'The new hunt group, as GET answers it',
    example: CREATE_ANSWER,
  })
  @ApiErrorResponses(409, 412, 415)
  @Write({ ifMatch: false, ifNoneMatch: true })
  create(
    @Param() p: GroupParamsDto,
    @Body() body: CreateHuntGroupDto,
    @WriteOpts() options: WriteOptions,
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    return this.huntGroups.create(scopeOf(p), this.templates.resolve(body, scopeOf(p)), options);
  }

  @Get()
  @QueryParameters(...LIST_QUERY_PARAMETERS)
  @ApiOperation({
    summary: 'List the hunt groups of a group',
    description:
      'Without query parameters, every hunt group (as APIO answers). With any of limit, offset, sort or a filter, one page ' +
      `searched and sorted by BroadWorks (limit 1..${MAX_LIST_PAGE}, default ${MAX_LIST_PAGE}), and a Link header to the next page while there may be more. ` +
      'Filters all apply: name and department (its name) match a part, case-insensitively; phoneNumber and extension match exactly; active is true or false. ' +
      'No total count is given: BroadWorks does not tell it.',
  })
  @ApiListQuery()
  @ApiOkResponse({
    type: HuntGroupListAnswerDto,
    example: LIST_ANSWER,
    headers: {
      Link: {
        description: '<…?limit=…&offset=…>; rel="next" on a page after which more rows may follow',
        schema: { type: 'string' },
      },
    },
  })
  async list(
    @Param() p: GroupParamsDto,
    // Through the global pipe (not req.query): a filter value XML cannot carry is refused at the door.
    @Query() params: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ hunt_groups: HuntGroupSummary[] }> {
    const query = listQueryOf(params);
    if (!query) return { hunt_groups: await this.huntGroups.list(scopeOf(p)) };
    const page = await this.huntGroups.listPage(scopeOf(p), query);
    if (page.more) res.setHeader('Link', nextLink(req.originalUrl, query));
    return { hunt_groups: page.huntGroups };
  }

  /** Declared before `:name`, which would take `export` for a hunt group id. */
  @Get('export')
  @ApiOperation({
    summary: 'Export every hunt group of a group, in full',
    description:
      'JSON lines (application/x-ndjson), streamed: one hunt group a line, as GET of one answers it, by service user id. ' +
      'BroadWorks is read in documents of 15 commands sent in parallel over the session pool. ' +
      'A failure before the first line is an error answer; after it, the stream is cut short (the last line is then incomplete).',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'One hunt group a line',
    content: { 'application/x-ndjson': { schema: { $ref: getSchemaPath(HuntGroupAnswerDto) } } },
  })
  async export(@Param() p: GroupParamsDto, @Res() res: Response): Promise<void> {
    const batches = this.huntGroups.export(scopeOf(p));
    // The first batch before the headers: a failure then still gets its error answer.
    let batch = await batches.next();
    res.status(200).type('application/x-ndjson');
    try {
      // Written EXPORT_WRITE_BYTES at a time: a write a line (or a batch) costs more in chunk framing
      // and system calls than making the JSON.
      let pending = '';
      while (!batch.done) {
        for (const huntGroup of batch.value) pending += `${JSON.stringify(huntGroup)}\n`;
        batch = await batches.next();
        if (pending.length < EXPORT_WRITE_BYTES && !batch.done) continue;
        const flushed = res.write(pending);
        pending = '';
        if (!flushed) await drainedOrClosed(res);
        if (res.destroyed) return void (await batches.return(undefined));
      }
      res.end();
    } catch {
      // The status is sent: the only way left to say the export is incomplete is to cut it.
      res.destroy();
    }
  }

  @Get(':name')
  @ApiOperation({ summary: 'Get a hunt group' })
  @ApiOkResponse({ type: HuntGroupAnswerDto, example: HUNT_GROUP_ANSWER })
  @Versioned()
  get(@Param() p: HuntGroupParamsDto): Promise<HuntGroup> {
    return this.huntGroups.get(scopeOf(p), p.name);
  }

  @Put(':name')
  @ApiOperation({
    summary: 'Update a hunt group (partial)',
    description:
      'Only what the body carries changes; serviceInstanceProfile is merged field by field; agents replaces the whole list. Unknown fields are ignored. ' +
      'With SERVICE_USERS_UPDATE_ID_PHONE_NUMBER on, a new phone number may rename the hunt group: the answer carries the new id.',
  })
  @ApiBody({
    type: UpdateHuntGroupDto,
    examples: { seed: { summary: "The seed's example (queueLength is ignored)", value: UPDATE_REQUEST } },
  })
  @ApiExtraModels(HuntGroupAnswerDto, DryRunAnswerDto)
  @ApiOkResponse({
    description: 'The hunt group after the change, as GET answers it; with ?dryRun=true, what the PUT would do',
    content: {
      'application/json': {
        schema: { oneOf: [{ $ref: getSchemaPath(HuntGroupAnswerDto) }, { $ref: getSchemaPath(DryRunAnswerDto) }] },
        examples: {
          updated: { summary: 'The seed example applied', value: UPDATE_ANSWER },
          dryRun: { summary: '?dryRun=true: what it would do; nothing written', value: UPDATE_DRY_RUN_ANSWER },
        },
      },
    },
  })
  @ApiErrorResponses(409, 412, 415, 428)
  @Write()
  @Versioned()
  update(
    @Param() p: HuntGroupParamsDto,
    @Body() body: UpdateHuntGroupDto,
    @WriteOpts() options: WriteOptions,
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    return this.huntGroups.update(scopeOf(p), p.name, body, options);
  }

  @Delete(':name')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a hunt group' })
  @ApiOkResponse({ description: 'Deleted; empty body (with ?dryRun=true, what the delete would send)' })
  @ApiErrorResponses(412, 428)
  @Write()
  remove(@Param() p: HuntGroupParamsDto, @WriteOpts() options: WriteOptions): Promise<void | DryRun<null>> {
    return this.huntGroups.remove(scopeOf(p), p.name, options);
  }
}

/** How much of the export is gathered before a write: a socket's worth. */
const EXPORT_WRITE_BYTES = 64 * 1024;

/** Waits until the client takes more, or is gone; the listener of the other event is removed. */
async function drainedOrClosed(res: Response): Promise<void> {
  const stop = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: stop.signal }), once(res, 'close', { signal: stop.signal })]);
  } finally {
    stop.abort();
  }
}
