import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../../config/namespaces.js';
import {
  BroadWorksPort,
  type AvailableUserSortField,
  type PageRequest,
  type TextField,
  type TextMode,
  type UserSearch,
} from '../broadworks.port.js';
import { planWeights } from '../change-plan.js';
import { ApiError, ValidationFailed, type FieldProblem } from '../errors.js';
import { HuntGroupHooks } from '../hooks.js';
import type { Agent, AgentWeight, AvailableUser, DepartmentRef, Scope } from '../model.js';
import { PluginChecks } from '../plugin-checks.js';
import { assertIfMatch, changesBetween, PreconditionRequired, type DryRun, type WriteOptions } from '../writes.js';

/** The largest available-users answer a caller may ask for (and the default); BroadWorks itself has no bound. */
export const MAX_AVAILABLE_USERS = 10000;

/** Who may be an agent: the search as the API states it. */
export interface AvailableUsersQuery {
  text: { field: TextField; mode: TextMode; value: string; caseInsensitive: boolean }[];
  department?: DepartmentRef;
  /** Only the users of this group (of this tenant: another tenant's users can never be agents). */
  userGroup?: { tenantId: string; groupId: string };
  /** Only the users of the group of the scope. */
  sameGroupOnly?: boolean;
  limit?: number;
  /** One page, searched and sorted by BroadWorks, instead of the whole answer. */
  page?: PageRequest<AvailableUserSortField>;
}

@Injectable()
export class AgentsService {
  constructor(
    private readonly broadworks: BroadWorksPort,
    private readonly checks: PluginChecks,
    private readonly hooks: HuntGroupHooks,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * The users who can be agents of a hunt group of this group: the group's, or in an enterprise
   * every group's. Searching another group of the tenant only makes sense in an enterprise.
   */
  async availableUsers(scope: Scope, query: AvailableUsersQuery): Promise<{ users: AvailableUser[]; more: boolean }> {
    assertPageable(query);
    const search: UserSearch = {
      text: query.text,
      department: query.department,
      group: groupOf(scope, query),
      limit: query.limit ?? MAX_AVAILABLE_USERS,
      ...(query.page ? { page: query.page } : {}),
    };
    const { users, more, tenantIsEnterprise } = await this.broadworks.availableUsers(scope, search);
    if (tenantIsEnterprise === false) {
      throw ApiError.badRequest(
        'GROUP_FILTER_NOT_IN_ENTERPRISE',
        `sensitiveUserGroupEquals: ${scope.tenantId} is a service provider, not an enterprise: only users of group ${scope.groupId} can be agents here`,
      );
    }
    return { users, more };
  }

  /** Every agent, in order, with its weight. */
  async weights(scope: Scope, serviceUserId: string): Promise<Agent[]> {
    return (await this.broadworks.read(scope, { huntGroup: serviceUserId })).huntGroup!.agents;
  }

  /**
   * New weights, checked against the current agents, set in one command. The answer is the agents
   * read before with the weights just set (agents left out get 0, BroadWorks' rule).
   */
  async setWeights(
    scope: Scope,
    serviceUserId: string,
    input: { agents: AgentWeight[] },
    options: WriteOptions = {},
  ): Promise<Agent[] | DryRun<Agent[]>> {
    const dryRun = options.dryRun === true;
    if (this.app.requireIfMatch && options.ifMatch === undefined) throw new PreconditionRequired();
    const before = (await this.broadworks.read(scope, { huntGroup: serviceUserId })).huntGroup!;
    // The weights' version is the GET weighted_distribution answer's.
    assertIfMatch(options, { agents: before.agents }, this.app.requireIfMatch);
    const body = await this.checks.checked('set-weights', input, (b) => ({
      operation: 'set-weights',
      ...scope,
      serviceUserId,
      dryRun,
      current: before.agents,
      body: b,
    }));
    assertWeights(body.agents, new Set(before.agents.map((a) => a.userId)));
    const plan = planWeights(before, body.agents);
    const weights = new Map(body.agents.map((a) => [a.userId, a.weight]));
    const after = before.agents.map((agent) => ({ ...agent, weight: weights.get(agent.userId) ?? 0 }));
    // Settling a retry (Idempotency-Key) whose first attempt set these weights already: nothing to send.
    if (options.settle && changesBetween(before.agents, after).length === 0) return after;
    if (dryRun) {
      return {
        dryRun: true,
        result: after,
        changes: changesBetween({ agents: before.agents }, { agents: after }),
        commands: this.broadworks.describe(scope, plan),
      };
    }
    await this.broadworks.apply(scope, plan);
    this.hooks.emit({ type: 'weights-changed', ...scope, serviceUserId, before: before.agents, after });
    return after;
  }
}

/**
 * A page has BroadWorks' paged search behind it, which matches a department by its name only (a
 * group's and an enterprise's department of the same name alike) and bounds its size itself.
 */
function assertPageable(query: AvailableUsersQuery): void {
  if (!query.page) return;
  const problems: FieldProblem[] = [];
  if (query.department) {
    problems.push({
      field: 'sensitiveDepartmentEquals',
      reasons: ['cannot be combined with limit, offset or sort (a page is searched by department name only)'],
    });
  }
  if (query.limit !== undefined) {
    problems.push({ field: 'responseSizeLimit', reasons: ['cannot be combined with limit, offset or sort'] });
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
}

/** The group to search in: sameGroupOnly means this group; a group filter must be of this tenant. */
function groupOf(scope: Scope, query: AvailableUsersQuery): string | undefined {
  const named = query.userGroup;
  if (named && named.tenantId !== scope.tenantId) {
    throw ApiError.badRequest(
      'GROUP_FILTER_OTHER_TENANT',
      `sensitiveUserGroupEquals.tenantId: users of tenant ${named.tenantId} can never be agents in tenant ${scope.tenantId}`,
    );
  }
  if (query.sameGroupOnly && named && named.groupId !== scope.groupId) {
    throw ApiError.badRequest(
      'CONTRADICTORY_FILTERS',
      `sameGroupOnly asks for group ${scope.groupId} but sensitiveUserGroupEquals names group ${named.groupId}`,
    );
  }
  return named?.groupId ?? (query.sameGroupOnly ? scope.groupId : undefined);
}

/** Weights name current agents once each and add up to 100 (when there are agents to weigh). */
function assertWeights(weights: AgentWeight[], currentAgents: Set<string>): void {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  weights.forEach((a, i) => {
    if (!currentAgents.has(a.userId)) {
      problems.push({ field: `agents[${i}].userId`, reasons: [`${a.userId} is not an agent of this hunt group`] });
    } else if (seen.has(a.userId)) {
      problems.push({ field: `agents[${i}].userId`, reasons: [`${a.userId} is listed more than once`] });
    }
    seen.add(a.userId);
  });
  const sum = weights.reduce((total, a) => total + a.weight, 0);
  if (currentAgents.size > 0 && sum !== 100) {
    problems.push({
      field: 'agents',
      reasons: [`the weights add up to ${sum}; they must add up to 100 (agents left out count as 0)`],
    });
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
}
