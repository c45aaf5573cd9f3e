import { Injectable } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { ApiError } from '../errors.js';
import { validateDto } from '../../http/validation.js';
import { HuntGroupHooks } from '../hooks.js';
import { DepartmentDirectory, departmentListRequest } from '../../broadworks/departments.js';
import { readHuntGroupOfGroup } from '../../broadworks/hunt-group-reader.js';
import {
  tableRecords,
  type GroupHuntGroupGetAvailableUserListRequest,
  type GroupHuntGroupGetAvailableUserListResponse,
  type OciResponse,
} from '../../broadworks/oci/commands.js';
import { OciGateway } from '../../broadworks/oci/oci-gateway.js';
import { agentFromRow, type AgentJson } from '../../broadworks/agent.mapper.js';
import {
  toAvailableUserJson,
  toAvailableUserListRequest,
  type AvailableUserJson,
} from '../../broadworks/available-users.mapper.js';
import type { AvailableUsersFilterDto } from '../../http/agents/dto/available-users-filter.dto.js';
import { WeightedDistributionDto } from '../../http/agents/dto/weighted-distribution.dto.js';

@Injectable()
export class AgentsService {
  constructor(
    private readonly oci: OciGateway,
    private readonly hooks: HuntGroupHooks,
  ) {}

  /**
   * The users who can be agents of a hunt group of this group: the group's, or in an enterprise
   * every group's. Search, departments and (when a group filter needs it) the tenant's kind in one
   * document.
   */
  async availableUsers(
    tenantId: string,
    groupId: string,
    filter: AvailableUsersFilterDto,
  ): Promise<{ available_users: AvailableUserJson[] }> {
    const exactGroup = this.exactGroupOf(tenantId, groupId, filter);
    const otherGroup = exactGroup !== undefined && exactGroup.groupId !== groupId;
    const search = toAvailableUserListRequest(tenantId, groupId, filter, exactGroup);
    const departmentList = departmentListRequest(tenantId, groupId);
    const [users, departments, tenant] = otherGroup
      ? await this.oci.send(search, departmentList, {
          $type: 'ServiceProviderGetRequest22V4',
          serviceProviderId: tenantId,
        })
      : [...(await this.oci.send(search, departmentList)), undefined];
    if (otherGroup && tenant?.isEnterprise !== true) {
      throw ApiError.badRequest(
        'GROUP_FILTER_NOT_IN_ENTERPRISE',
        `sensitiveUserGroupEquals: ${tenantId} is a service provider, not an enterprise: only users of group ${groupId} can be agents here`,
      );
    }
    const directory = new DepartmentDirectory(tenantId, groupId, departments.departmentTable);
    return {
      available_users: tableRecords(users.userTable).map((row) => toAvailableUserJson(row, tenantId, directory)),
    };
  }

  /** The group to search in: sameGroupOnly means this group; a group filter must be of this tenant. */
  private exactGroupOf(tenantId: string, groupId: string, filter: AvailableUsersFilterDto) {
    const named = filter.sensitiveUserGroupEquals;
    if (named && named.tenantId !== tenantId) {
      throw ApiError.badRequest(
        'GROUP_FILTER_OTHER_TENANT',
        `sensitiveUserGroupEquals.tenantId: users of tenant ${named.tenantId} can never be agents in tenant ${tenantId}`,
      );
    }
    if (filter.sameGroupOnly && named && named.groupId !== groupId) {
      throw ApiError.badRequest(
        'CONTRADICTORY_FILTERS',
        `sameGroupOnly asks for group ${groupId} but sensitiveUserGroupEquals names group ${named.groupId}`,
      );
    }
    if (named) return { serviceProviderId: tenantId, groupId: named.groupId };
    return filter.sameGroupOnly ? { serviceProviderId: tenantId, groupId } : undefined;
  }

  /** GET weighted_distribution: every agent, in order, with its weight. */
  async weightedDistribution(
    tenantId: string,
    groupId: string,
    serviceUserId: string,
  ): Promise<{ agents: AgentJson[] }> {
    const { instance } = await readHuntGroupOfGroup(this.oci, tenantId, groupId, serviceUserId);
    return { agents: tableRecords(instance.agentUserTable).map((row) => agentFromRow(row, tenantId)) };
  }

  /**
   * PUT weighted_distribution: checked against the current agents, then set in one command. The
   * answer is the agents read before with the weights just set (agents left out get 0).
   */
  async setWeightedDistribution(
    tenantId: string,
    groupId: string,
    serviceUserId: string,
    dto: WeightedDistributionDto,
  ): Promise<{ agents: AgentJson[] }> {
    const { instance } = await readHuntGroupOfGroup(this.oci, tenantId, groupId, serviceUserId);
    const agents = tableRecords(instance.agentUserTable).map((row) => agentFromRow(row, tenantId));
    let body = dto;
    if (this.hooks.hasChecks) {
      const plain = instanceToPlain(dto);
      await this.hooks.check({
        operation: 'set-weights',
        tenantId,
        groupId,
        serviceUserId,
        current: agents,
        body: plain,
      });
      body = await validateDto(WeightedDistributionDto, plain);
    }
    assertWeights(body, new Set(agents.map((a) => a.userId)));
    await this.oci.send({
      $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
      serviceUserId,
      agentWeight: body.agents.map((a) => ({ agentUserId: a.userId, weight: a.weight })),
    });
    const weights = new Map(body.agents.map((a) => [a.userId, a.weight]));
    const after = agents.map((agent) => ({ ...agent, weight: weights.get(agent.userId) ?? 0 }));
    this.hooks.emit({ type: 'weights-changed', tenantId, groupId, serviceUserId, before: agents, after });
    return { agents: after };
  }

  /**
   * The searches that tell whether each user can be an agent of a hunt group of this group: an
   * exact user id search of the available users per agent. They are reads, so callers send them in
   * the document that reads what else they need, before anything is changed.
   */
  availabilityChecks(
    tenantId: string,
    groupId: string,
    userIds: readonly string[] = [],
  ): GroupHuntGroupGetAvailableUserListRequest[] {
    return userIds.map((userId) => ({
      $type: 'GroupHuntGroupGetAvailableUserListRequest',
      serviceProviderId: tenantId,
      groupId,
      searchCriteriaUserId: [{ mode: 'Equal To', value: userId, isCaseInsensitive: false }],
    }));
  }

  /**
   * 400 naming every user the checks did not find. An unknown user and a user of another group or
   * tenant look the same here, on purpose: the answer must not reveal users outside the caller's reach.
   */
  assertAvailable(groupId: string, userIds: readonly string[] = [], answers: readonly OciResponse[]): void {
    const found = (i: number): boolean => {
      const answer = answers[i] as GroupHuntGroupGetAvailableUserListResponse | undefined;
      return answer !== undefined && tableRecords(answer.userTable).some((row) => row['User Id'] === userIds[i]);
    };
    const missing = userIds.filter((_, i) => !found(i));
    if (missing.length > 0) {
      throw ApiError.badRequest(
        'AGENT_NOT_AVAILABLE',
        `agents: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not a user who can be an agent of hunt groups in group ${groupId}`,
        missing.map((userId) => ({
          field: 'agents',
          userId,
          reasons: ['unknown user, or not available to this hunt group'],
        })),
      );
    }
  }
}

/** Weights name current agents once each and add up to 100 (when there are agents to weigh). */
function assertWeights(body: WeightedDistributionDto, currentAgents: Set<string>): void {
  const problems: { field: string; reasons: string[] }[] = [];
  const seen = new Set<string>();
  body.agents.forEach((a, i) => {
    if (!currentAgents.has(a.userId))
      problems.push({ field: `agents[${i}].userId`, reasons: [`${a.userId} is not an agent of this hunt group`] });
    else if (seen.has(a.userId))
      problems.push({ field: `agents[${i}].userId`, reasons: [`${a.userId} is listed more than once`] });
    seen.add(a.userId);
  });
  const sum = body.agents.reduce((total, a) => total + a.weight, 0);
  if (currentAgents.size > 0 && sum !== 100) {
    problems.push({
      field: 'agents',
      reasons: [`the weights add up to ${sum}; they must add up to 100 (agents left out count as 0)`],
    });
  }
  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.field}: ${p.reasons.join(', ')}`).join('; ');
    throw ApiError.badRequest('VALIDATION_FAILED', `Invalid request: ${summary}`, problems);
  }
}
