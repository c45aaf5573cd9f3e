import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../../config/namespaces.js';
import { BroadWorksPort } from '../broadworks.port.js';
import { planAgentList, weightsAfter, type ChangePlan } from '../change-plan.js';
import { ApiError, ValidationFailed } from '../errors.js';
import { HuntGroupHooks } from '../hooks.js';
import { assertAgentsAvailable, HuntGroupsService } from '../hunt-groups/hunt-groups.service.js';
import { predictUpdate } from '../hunt-groups/prediction.js';
import type { Agent, HuntGroup, Scope } from '../model.js';
import { PluginChecks } from '../plugin-checks.js';
import { assertIfMatch, changesBetween, PreconditionRequired, type DryRun, type WriteOptions } from '../writes.js';

/** One hunt group a user is an agent of: where in the hunting order (0-based), with what weight. */
export interface Membership {
  serviceUserId: string;
  /** The hunt group's group: in an enterprise, any group of it within the caller's reach. */
  groupId: string;
  name: string;
  position: number;
  weight: number;
}

/**
 * Agent-centred use cases: one agent in or out of a hunt group without resending the list, and a
 * user's place in every hunt group of the group (to find it, or to take the user out of all of
 * them when they leave). Each is a write like a PUT of the agents: If-Match on the hunt group's
 * ETag, the plugin checks of an update, the same availability check, dry-run, all or nothing.
 */
@Injectable()
export class AgentMembershipService {
  constructor(
    private readonly broadworks: BroadWorksPort,
    private readonly checks: PluginChecks,
    private readonly hooks: HuntGroupHooks,
    private readonly huntGroups: HuntGroupsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** Adds `userId` at `position` (0-based; default last). 409 when the user is an agent already. */
  addAgent(
    scope: Scope,
    serviceUserId: string,
    agent: { userId: string; position?: number },
    options: WriteOptions = {},
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    const settled = (ids: string[]) => ids.includes(agent.userId);
    return this.changeAgents(scope, serviceUserId, agent.userId, options, settled, (before) => {
      const ids = before.agents.map((a) => a.userId);
      if (ids.includes(agent.userId)) {
        throw ApiError.conflict(
          'ALREADY_AN_AGENT',
          `userId: ${agent.userId} is already an agent of ${serviceUserId} (position ${ids.indexOf(agent.userId)})`,
        );
      }
      const position = agent.position ?? ids.length;
      if (position > ids.length) {
        throw new ValidationFailed([
          { field: 'position', reasons: [`must be 0 to ${ids.length} (the hunt group has ${ids.length} agents)`] },
        ]);
      }
      return [...ids.slice(0, position), agent.userId, ...ids.slice(position)];
    });
  }

  /** Takes `userId` out; its weight is shared among the others (weightsAfter). 404 when not an agent. */
  removeAgent(
    scope: Scope,
    serviceUserId: string,
    userId: string,
    options: WriteOptions = {},
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    const settled = (ids: string[]) => !ids.includes(userId);
    return this.changeAgents(scope, serviceUserId, undefined, options, settled, (before) => {
      if (!before.agents.some((a) => a.userId === userId)) {
        throw ApiError.notFound('AGENT_NOT_FOUND', `${userId} is not an agent of ${serviceUserId}`);
      }
      return before.agents.map((a) => a.userId).filter((id) => id !== userId);
    });
  }

  /**
   * Every hunt group that has `userId` as agent: of the group, or in an enterprise of every group of
   * it that `reaches` (the caller's reach) allows, the URL's group first, each in its list order.
   */
  async memberships(scope: Scope, userId: string, reaches: (groupId: string) => boolean): Promise<Membership[]> {
    return (await this.huntGroupsOf(scope, userId, reaches)).map((h) => membershipOf(h, userId));
  }

  /**
   * Takes `userId` out of every hunt group of the group, all or nothing (one failure and the hunt
   * groups already changed are put back), the others' order kept and the leaving weight shared
   * out. Answers the memberships it removed, as they were.
   */
  async removeEverywhere(
    scope: Scope,
    userId: string,
    reaches: (groupId: string) => boolean,
    options: WriteOptions = {},
  ): Promise<Membership[] | DryRun<Membership[]>> {
    const dryRun = options.dryRun === true;
    const huntGroups = await this.huntGroupsOf(scope, userId, reaches);
    const changes: { before: HuntGroup & { groupId: string }; agents: string[] }[] = [];
    for (const before of huntGroups) {
      const wanted = { agents: before.agents.map((a) => a.userId).filter((id) => id !== userId) };
      const body = await this.checks.checked('update', wanted, (b) => ({
        operation: 'update',
        tenantId: scope.tenantId,
        groupId: before.groupId,
        serviceUserId: before.serviceUserId,
        dryRun,
        current: before,
        body: b,
      }));
      changes.push({ before, agents: body.agents ?? wanted.agents });
    }
    const plan: ChangePlan = changes.flatMap((c) => planAgentList(c.before, c.agents));
    const removed = huntGroups.map((h) => membershipOf(h, userId));
    if (dryRun) {
      return {
        dryRun: true,
        result: removed,
        changes: changes.flatMap(({ before, agents }) =>
          changesBetween({ agents: before.agents }, { agents: agentsAfter(before, agents) }, before.serviceUserId),
        ),
        commands: this.broadworks.describe(scope, plan),
      };
    }
    if (plan.length > 0) await this.broadworks.applyAcross(scope, plan);
    for (const { before, agents } of changes) {
      this.hooks.emit({
        type: 'agents-changed',
        tenantId: scope.tenantId,
        groupId: before.groupId,
        serviceUserId: before.serviceUserId,
        before: before.agents,
        after: agentsAfter(before, agents),
      });
    }
    return removed;
  }

  /**
   * The hunt groups with `userId` as agent, each with its group. In an enterprise, whose users can
   * be agents in any of its groups, every group the caller reaches is searched. Each group is read
   * as its export is (HuntGroupsService.export: a bounded number of documents in flight), one group
   * after another, so that a large enterprise never fills the queue that other callers share.
   */
  private async huntGroupsOf(
    scope: Scope,
    userId: string,
    reaches: (groupId: string) => boolean,
  ): Promise<(HuntGroup & { groupId: string })[]> {
    const tenant = await this.broadworks.tenantGroups(scope.tenantId);
    const others = tenant.isEnterprise ? tenant.groupIds.filter((g) => g !== scope.groupId && reaches(g)) : [];
    const found: (HuntGroup & { groupId: string })[] = [];
    for (const groupId of [scope.groupId, ...others]) {
      for await (const batch of this.huntGroups.export({ tenantId: scope.tenantId, groupId }))
        for (const h of batch) if (h.agents.some((a) => a.userId === userId)) found.push({ ...h, groupId });
    }
    return found;
  }

  /**
   * The straight line of a one-agent change: read the hunt group (with the added user's
   * availability), check If-Match, decide the new list, let the plugins check it as an update,
   * plan (list, then weights), then dry-run, or apply with the read back and tell the observers.
   */
  private async changeAgents(
    scope: Scope,
    serviceUserId: string,
    added: string | undefined,
    options: WriteOptions,
    settled: (agentIds: string[]) => boolean,
    decide: (before: HuntGroup) => string[],
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    const dryRun = options.dryRun === true;
    if (this.app.requireIfMatch && options.ifMatch === undefined) throw new PreconditionRequired();
    const read = await this.broadworks.read(scope, {
      huntGroup: serviceUserId,
      ...(added !== undefined ? { agents: [added], agentDetails: dryRun } : {}),
    });
    const before = read.huntGroup!;
    assertIfMatch(options, before, this.app.requireIfMatch);
    const currentIds = before.agents.map((a) => a.userId);
    // Settling a retry (Idempotency-Key) whose first attempt made the change: nothing to send.
    if (options.settle && settled(currentIds)) return before;
    const wanted = { agents: decide(before) };
    const body = await this.checks.checked('update', wanted, (b) => ({
      operation: 'update',
      ...scope,
      serviceUserId,
      dryRun,
      current: before,
      body: b,
    }));
    const agents = body.agents ?? wanted.agents;
    // A plugin that brought in other new agents: check them as a PUT would.
    const others = agents.filter((id) => id !== added && !currentIds.includes(id));
    const context =
      others.length > 0
        ? await this.broadworks.read(scope, { agents: [...others, ...(added ? [added] : [])], agentDetails: dryRun })
        : read;
    assertAgentsAvailable(context, scope);
    const plan = planAgentList(before, agents);
    if (dryRun) {
      const predicted = predictUpdate(before, { agents }, undefined, context.availableAgents);
      const result = { ...predicted, agents: withWeights(predicted.agents, weightsAfter(before.agents, agents)) };
      return {
        dryRun: true,
        result,
        changes: changesBetween(before, result),
        commands: this.broadworks.describe(scope, plan),
      };
    }
    const after = await this.broadworks.apply(scope, plan, serviceUserId);
    this.hooks.emit({ type: 'updated', ...scope, before, after });
    this.hooks.emit({ type: 'agents-changed', ...scope, serviceUserId, before: before.agents, after: after.agents });
    return after;
  }
}

function membershipOf(huntGroup: HuntGroup & { groupId: string }, userId: string): Membership {
  const position = huntGroup.agents.findIndex((a) => a.userId === userId);
  return {
    serviceUserId: huntGroup.serviceUserId,
    groupId: huntGroup.groupId,
    name: huntGroup.serviceInstanceProfile.name,
    position,
    weight: huntGroup.agents[position].weight,
  };
}

/** The agents of `before` that stay, in the new order, with their weights after the change. */
function agentsAfter(before: HuntGroup, agentIds: string[]): Agent[] {
  const byId = new Map(before.agents.map((a) => [a.userId, a]));
  return withWeights(
    agentIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    weightsAfter(before.agents, agentIds),
  );
}

function withWeights(agents: Agent[], weights: { userId: string; weight: number }[]): Agent[] {
  const weightOf = new Map(weights.map((w) => [w.userId, w.weight]));
  return agents.map((a) => ({ ...a, weight: weightOf.get(a.userId) ?? a.weight }));
}
