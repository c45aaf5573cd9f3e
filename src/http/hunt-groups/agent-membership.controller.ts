import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { PRINCIPAL, type Principal } from '../../auth/principal.js';
import { canReach } from '../../auth/reach.js';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AgentMembershipService, type Membership } from '../../domain/agents/agent-membership.service.js';
import type { HuntGroup } from '../../domain/model.js';
import type { DryRun, WriteOptions } from '../../domain/writes.js';
import { ApiErrorResponses, BROADWORKS_CALL_ERRORS } from '../openapi/error-responses.js';
import { DryRunAnswerDto } from '../openapi/dry-run.dto.js';
import { HUNT_GROUP_ANSWER } from '../openapi/examples.js';
import { scopeOf } from '../route-params.dto.js';
import { answerOf, Versioned, Write, WriteOpts } from '../writes.js';
import { AddAgentDto, AgentParamsDto, MembershipsAnswerDto, UserParamsDto } from './dto/agent-membership.dto.js';
import { HuntGroupAnswerDto } from './dto/hunt-group-response.dto.js';
import { HuntGroupParamsDto } from '../route-params.dto.js';

const HUNT_GROUP_OR_DRY_RUN = {
  description: 'The hunt group after the change, as GET answers it; with ?dryRun=true, what the change would do',
  content: {
    'application/json': {
      schema: { oneOf: [{ $ref: getSchemaPath(HuntGroupAnswerDto) }, { $ref: getSchemaPath(DryRunAnswerDto) }] },
      example: HUNT_GROUP_ANSWER,
    },
  },
};
const MEMBERSHIPS_EXAMPLE = {
  hunt_groups: [
    {
      serviceUserId: 'APIOTestHuntGroup@sip.netaxis.be',
      groupId: 'ApioGrpTest',
      name: 'APIOTestHuntGroup',
      position: 0,
      weight: 50,
    },
  ],
};

/** Which other groups of the tenant the caller reaches (the guard checked the URL's). */
const reachOf =
  (req: Request, tenantId: string) =>
  (groupId: string): boolean =>
    canReach((req as unknown as Record<string, Principal>)[PRINCIPAL], tenantId, groupId);

/**
 * One agent in or out of a hunt group, without resending (and racing) the whole list; and the
 * user's side: which hunt groups of the group a user is in, and taking them out of all of them.
 */
@ApiTags('agents')
@ApiBearerAuth()
@ApiErrorResponses(...BROADWORKS_CALL_ERRORS)
@ApiExtraModels(HuntGroupAnswerDto, DryRunAnswerDto)
@Controller('api/v1/tenants/:tenantId/groups/:groupId')
export class AgentMembershipController {
  constructor(private readonly membership: AgentMembershipService) {}

  @Post('services/hunt_groups/:name/agents')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add one agent to a hunt group',
    description:
      "The user goes in at `position` (0-based; default last); the other agents keep their order and weights, the new one gets weight 0 (BroadWorks' rule). " +
      'The user must be one who can be an agent here (as on PUT). 409 ALREADY_AN_AGENT when the user is an agent already.',
  })
  @ApiBody({ type: AddAgentDto, examples: { last: { value: { userId: 'ApioUserTest2@sip.netaxis.be' } } } })
  @ApiOkResponse(HUNT_GROUP_OR_DRY_RUN)
  @ApiErrorResponses(409, 412, 415, 428)
  @Write()
  @Versioned()
  addAgent(
    @Param() p: HuntGroupParamsDto,
    @Body() body: AddAgentDto,
    @WriteOpts() options: WriteOptions,
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    return this.membership.addAgent(scopeOf(p), p.name, body, options);
  }

  @Delete('services/hunt_groups/:name/agents/:userId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take one agent out of a hunt group',
    description:
      'The other agents keep their order. The weight of the agent who leaves is shared among the others in proportion to their weights (evenly when they all weigh 0), so weights that added up to 100 still do. 404 AGENT_NOT_FOUND when the user is not an agent.',
  })
  @ApiOkResponse(HUNT_GROUP_OR_DRY_RUN)
  @ApiErrorResponses(412, 428)
  @Write()
  @Versioned()
  removeAgent(@Param() p: AgentParamsDto, @WriteOpts() options: WriteOptions): Promise<HuntGroup | DryRun<HuntGroup>> {
    return this.membership.removeAgent(scopeOf(p), p.name, p.userId, options);
  }

  @Get('users/:userId/hunt_groups')
  @ApiOperation({
    summary: "The hunt groups that have this user as agent, with the user's position and weight",
    description:
      "The group's hunt groups; in an enterprise (whose users can be agents in any of its groups), those of every group of the enterprise the caller reaches too, the URL's group first. Each names its groupId.",
  })
  @ApiOkResponse({ type: MembershipsAnswerDto, example: MEMBERSHIPS_EXAMPLE })
  async memberships(@Param() p: UserParamsDto, @Req() req: Request): Promise<{ hunt_groups: Membership[] }> {
    return { hunt_groups: await this.membership.memberships(scopeOf(p), p.userId, reachOf(req, p.tenantId)) };
  }

  @Delete('users/:userId/hunt_groups')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Take the user out of every hunt group (all or nothing): of the group, or in an enterprise of every group the caller reaches',
    description:
      'When BroadWorks refuses one change, the hunt groups already changed are put back. The others keep their order; the leaving weight is shared as on DELETE …/agents/{userId}. ' +
      'Answers the memberships removed, as they were (an empty list when the user was in none).',
  })
  @ApiOkResponse({ type: MembershipsAnswerDto, example: MEMBERSHIPS_EXAMPLE })
  @Write({ ifMatch: false })
  async removeEverywhere(
    @Param() p: UserParamsDto,
    @Req() req: Request,
    @WriteOpts() options: WriteOptions,
  ): Promise<{ hunt_groups: Membership[] } | DryRun<{ hunt_groups: Membership[] }>> {
    const removed = await this.membership.removeEverywhere(scopeOf(p), p.userId, reachOf(req, p.tenantId), options);
    return answerOf(removed, (hunt_groups) => ({ hunt_groups }));
  }
}
