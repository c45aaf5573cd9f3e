import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
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
  @ApiOperation({ summary: 'List the hunt groups of a group' })
  @ApiOkResponse({ type: HuntGroupListAnswerDto, example: LIST_ANSWER })
  async list(@Param() p: GroupParamsDto): Promise<{ hunt_groups: HuntGroupSummary[] }> {
    return { hunt_groups: await this.huntGroups.list(scopeOf(p)) };
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
