import { applyDecorators, Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AVAILABLE_USER_SORT_FIELDS } from '../../domain/broadworks.port.js';
import { ValidationFailed, type FieldProblem } from '../../domain/errors.js';
import { nextLink, PAGE_PARAMETERS, pageRequestOf } from './list-query.js';
import { ApiPageQuery } from './list-query.openapi.js';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { GroupParamsDto, HuntGroupParamsDto, scopeOf } from '../route-params.dto.js';
import { QueryParameters } from '../request-shape.js';
import type { DryRun, WriteOptions } from '../../domain/writes.js';
import { answerOf, Versioned, Write, WriteOpts } from '../writes.js';
import { validateDto } from '../validation.js';
import { DepartmentDto } from './dto/department.dto.js';
import { ApiErrorResponses, BROADWORKS_CALL_ERRORS } from '../openapi/error-responses.js';
import {
  AVAILABLE_USERS_ANSWER,
  SAME_GROUP_ONLY_ANSWER,
  SAME_GROUP_ONLY_REQUEST,
  WEIGHTS_ANSWER,
  WEIGHTS_REQUEST,
} from '../openapi/examples.js';
import { AgentsService, MAX_AVAILABLE_USERS } from '../../domain/agents/agents.service.js';
import type { Agent, AvailableUser } from '../../domain/model.js';
import { AvailableUsersAnswerDto, WeightedDistributionAnswerDto } from './dto/agents-response.dto.js';
import {
  AvailableUsersFilterDto,
  FILTER_NAMES,
  queryOf,
  TEXT_CRITERIA,
  UserGroupDto,
} from './dto/available-users-filter.dto.js';
import { WeightedDistributionDto } from './dto/weighted-distribution.dto.js';
import { filterInput } from './filter-input.js';

/** The filters as query parameters; objects travel as JSON (`?sensitiveUserGroupEquals={"tenantId":…}`). */
const ApiFilterQuery = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({
      name: 'sameGroupOnly',
      required: false,
      schema: { type: 'boolean' },
      description: 'Only the users of the group of the URL',
    }),
    ApiQuery({
      name: 'responseSizeLimit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_AVAILABLE_USERS },
    }),
    ApiQuery({
      name: 'sensitiveDepartmentEquals',
      required: false,
      content: { 'application/json': { schema: { $ref: getSchemaPath(DepartmentDto) } } },
      description: 'A department, as JSON',
    }),
    ApiQuery({
      name: 'sensitiveUserGroupEquals',
      required: false,
      content: { 'application/json': { schema: { $ref: getSchemaPath(UserGroupDto) } } },
      description: 'A group {tenantId, groupId}, as JSON',
    }),
    ...TEXT_CRITERIA.map(({ name, maxLength, how, caseInsensitive }) =>
      ApiQuery({
        name,
        required: false,
        schema: { type: 'string', minLength: 1, maxLength },
        description: `${how}, ${caseInsensitive ? 'case-insensitive' : 'case-sensitive'}`,
      }),
    ),
  );

@ApiTags('agents')
@ApiBearerAuth()
@ApiErrorResponses(...BROADWORKS_CALL_ERRORS)
@Controller('api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  /** Filters from the JSON body (as the seed sends them, even on GET) or from the query string. */
  @Get('users/available')
  @QueryParameters(...FILTER_NAMES, ...PAGE_PARAMETERS)
  @ApiOperation({
    summary: 'Users that can be agents of a hunt group of this group',
    description:
      'The filters come from the JSON body (as APIO sends them, even on this GET) or from the query string; the body wins for a filter given in both. ' +
      'Searching by group (sensitiveUserGroupEquals) only makes sense in an enterprise; sameGroupOnly keeps the users of the group of the URL. ' +
      'With limit, offset or sort: one page searched and sorted by BroadWorks, and a Link header to the next page while more may follow ' +
      '(sensitiveDepartmentEquals and responseSizeLimit cannot be combined with them).',
  })
  @ApiExtraModels(DepartmentDto, UserGroupDto)
  @ApiFilterQuery()
  @ApiPageQuery(AVAILABLE_USER_SORT_FIELDS)
  @ApiBody({
    type: AvailableUsersFilterDto,
    required: false,
    examples: { sameGroupOnly: { summary: "The seed's sameGroupOnly example", value: SAME_GROUP_ONLY_REQUEST } },
  })
  @ApiExtraModels(AvailableUsersAnswerDto)
  @ApiOkResponse({
    description: 'The users, by name (a page: by user id, or as sorted)',
    headers: {
      Link: {
        description: '<…?limit=…&offset=…>; rel="next" on a page after which more users may follow',
        schema: { type: 'string' },
      },
    },
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(AvailableUsersAnswerDto) },
        examples: {
          all: { summary: 'No filter', value: AVAILABLE_USERS_ANSWER },
          sameGroupOnly: { summary: 'sameGroupOnly: true', value: SAME_GROUP_ONLY_ANSWER },
        },
      },
    },
  })
  async available(
    @Param() p: GroupParamsDto,
    @Query() query: Record<string, unknown>,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ available_users: AvailableUser[] }> {
    const { limit, offset, sort, ...filters } = query;
    const problems: FieldProblem[] = [];
    const paged = [limit, offset, sort].some((v) => v !== undefined);
    const page = paged ? pageRequestOf({ limit, offset, sort }, AVAILABLE_USER_SORT_FIELDS, problems) : undefined;
    if (problems.length > 0) throw new ValidationFailed(problems);
    const filter = await validateDto(AvailableUsersFilterDto, filterInput(filters, body), { forbidUnknown: true });
    const answer = await this.agents.availableUsers(scopeOf(p), { ...queryOf(filter), ...(page ? { page } : {}) });
    if (page && answer.more) res.setHeader('Link', nextLink(req.originalUrl, page));
    return { available_users: answer.users };
  }

  @Get(':name/weighted_distribution')
  @ApiOperation({ summary: 'The weight of each agent of a hunt group' })
  @ApiOkResponse({ type: WeightedDistributionAnswerDto, example: WEIGHTS_ANSWER })
  @Versioned()
  async weightedDistribution(@Param() p: HuntGroupParamsDto): Promise<{ agents: Agent[] }> {
    return { agents: await this.agents.weights(scopeOf(p), p.name) };
  }

  /** Weights 0..100 adding up to 100, current agents only, each once; agents left out get 0. */
  @Put(':name/weighted_distribution')
  @ApiOperation({
    summary: 'Set the weights of the agents (Weighted policy)',
    description:
      "Each weight 0..100, every user a current agent, each at most once, the weights adding up to 100. Agents left out get weight 0 (BroadWorks' rule).",
  })
  @ApiBody({
    type: WeightedDistributionDto,
    examples: { seed: { summary: 'Two agents, 60/40', value: WEIGHTS_REQUEST } },
  })
  @ApiOkResponse({
    type: WeightedDistributionAnswerDto,
    description: 'Every agent with its weight, as GET answers it',
    example: WEIGHTS_ANSWER,
  })
  @ApiErrorResponses(412, 415, 428)
  @Write()
  @Versioned()
  async setWeightedDistribution(
    @Param() p: HuntGroupParamsDto,
    @Body() body: WeightedDistributionDto,
    @WriteOpts() options: WriteOptions,
  ): Promise<{ agents: Agent[] } | DryRun<{ agents: Agent[] }>> {
    return answerOf(await this.agents.setWeights(scopeOf(p), p.name, body, options), (agents) => ({ agents }));
  }
}
