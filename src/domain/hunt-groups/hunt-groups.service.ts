import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { apioConfig, appConfig } from '../../config/namespaces.js';
import { BroadWorksPort, type HuntGroupPageQuery, type ReadResult } from '../broadworks.port.js';
import { planCreate, planUpdate, type ChangePlan } from '../change-plan.js';
import { AgentsUnavailable, ApiError, HuntGroupNotFound, IdTaken, ValidationFailed } from '../errors.js';
import { HuntGroupHooks, type HuntGroupEvent } from '../hooks.js';
import { IdGenerationService, MAX_ID_ATTEMPTS, type IdContext } from '../id-generation/id-generation.service.js';
import { toE164 } from '../id-generation/phone-parts.js';
import {
  present,
  type GroupInfo,
  type HuntGroup,
  type HuntGroupChange,
  type HuntGroupInput,
  type HuntGroupSummary,
  type Scope,
} from '../model.js';
import { PluginChecks } from '../plugin-checks.js';
import {
  assertIfMatch,
  changesBetween,
  PreconditionFailed,
  PreconditionRequired,
  type DryRun,
  type FieldChange,
  type WriteOptions,
} from '../writes.js';
import { predictCreate, predictUpdate } from './prediction.js';

/**
 * The hunt group use cases, each a straight line: read what the decision needs, let the plugins
 * check, decide (plan), apply all or nothing, tell the observers.
 */
@Injectable()
export class HuntGroupsService {
  constructor(
    private readonly broadworks: BroadWorksPort,
    private readonly ids: IdGenerationService,
    private readonly checks: PluginChecks,
    private readonly hooks: HuntGroupHooks,
    @Inject(apioConfig.KEY) private readonly settings: ConfigType<typeof apioConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** The group's hunt groups; with GROUP_NUMBERS_USE_CC_CLI, national numbers shown in E.164. */
  async list(scope: Scope): Promise<HuntGroupSummary[]> {
    const { huntGroups, group } = await this.broadworks.list(scope, this.settings.GROUP_NUMBERS_USE_CC_CLI);
    return group ? huntGroups.map((h) => ({ ...h, phoneNumber: inE164(h.phoneNumber, group) })) : huntGroups;
  }

  /** One page of the group's hunt groups, as the list shows them. */
  async listPage(scope: Scope, query: HuntGroupPageQuery): Promise<{ huntGroups: HuntGroupSummary[]; more: boolean }> {
    const { huntGroups, more, group } = await this.broadworks.listPage(
      scope,
      query,
      this.settings.GROUP_NUMBERS_USE_CC_CLI,
    );
    return {
      huntGroups: group ? huntGroups.map((h) => ({ ...h, phoneNumber: inE164(h.phoneNumber, group) })) : huntGroups,
      more,
    };
  }

  /** Every hunt group of the group in full, a batch at a time (BroadWorksPort.readAll). */
  export(scope: Scope): AsyncGenerator<HuntGroup[]> {
    return this.broadworks.readAll(scope);
  }

  async get(scope: Scope, serviceUserId: string): Promise<HuntGroup> {
    return (await this.broadworks.read(scope, { huntGroup: serviceUserId })).huntGroup!;
  }

  /**
   * A create. The id comes from the body, else the template (already applied), else the rule
   * (SUID_HUNT_GROUP_AUTO_GENERATE); a generated id that is taken is tried again with fresh random
   * digits. The group (for a bare or generated id) and the agent checks are read first, together.
   */
  async create(
    scope: Scope,
    input: HuntGroupInput,
    options: WriteOptions = {},
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    const dryRun = options.dryRun === true;
    this.assertAgentCount(input.agents);
    const body = await this.checks.checked('create', input, (b) => ({
      operation: 'create',
      ...scope,
      dryRun,
      body: b,
    }));
    assertProfileNames(body);
    this.assertAgentCount(body.agents);
    const given = body.serviceUserId;
    if (!given && !this.ids.autoGenerate) {
      throw ApiError.badRequest(
        'SERVICE_USER_ID_REQUIRED',
        'serviceUserId: required (no template gives one and SUID_HUNT_GROUP_AUTO_GENERATE is off)',
      );
    }
    const read = await this.broadworks.read(scope, {
      group: !given || !given.includes('@'),
      agents: body.agents,
      agentDetails: dryRun,
    });
    assertAgentsAvailable(read, scope);

    const add = async (serviceUserId: string, generated = false): Promise<HuntGroup | DryRun<HuntGroup>> => {
      const plan = planCreate(serviceUserId, body);
      if (dryRun) {
        // The id is not tried: whether it is taken is known only by adding it.
        const result = predictCreate(serviceUserId, body, read.availableAgents);
        return this.dryRunOf(scope, plan, result, changesBetween(null, result));
      }
      // A retry after a lost answer: the hunt group there means the first attempt created it.
      const settled = options.settle ? await this.existing(scope, serviceUserId) : undefined;
      if (settled) {
        this.hooks.emit({ type: 'created', ...scope, huntGroup: settled });
        return settled;
      }
      if (generated) await options.noteIntent?.({ serviceUserId });
      const created = await this.broadworks.apply(scope, plan, serviceUserId);
      this.hooks.emit({ type: 'created', ...scope, huntGroup: created });
      return created;
    };
    if (given) {
      const id = given.includes('@') ? given : withDomain(given, read.group!.defaultDomain);
      try {
        return await add(id);
      } catch (e) {
        // If-None-Match: * asked for a create only: the add itself found the id taken, at no extra cost.
        if (e instanceof IdTaken && options.ifNoneMatch?.trim() === '*') {
          throw new PreconditionFailed(`If-None-Match: * and ${id} exists already`);
        }
        throw e;
      }
    }

    // Settling a retry: the id the first attempt generated, not a new one.
    if (options.settle && options.intent?.serviceUserId) return add(options.intent.serviceUserId);
    const context = idContextOf(
      scope,
      read.group!,
      body.serviceInstanceProfile?.name,
      present(body.serviceInstanceProfile?.phoneNumber),
    );
    const attempts = this.ids.rule.hasRandomPart ? MAX_ID_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      const serviceUserId = this.ids.generate(context);
      try {
        return await add(serviceUserId, true);
      } catch (e) {
        if (!(e instanceof IdTaken)) throw e;
        if (attempt >= attempts) throw idsTaken(attempts, serviceUserId);
      }
    }
  }

  /**
   * A partial update. The hunt group is read with the group (when a number change may rename it)
   * and the agent checks; plugin checks run next (one that changes the agents or the number costs
   * one more read); then the plan is applied all or nothing, read back in the same document.
   */
  async update(
    scope: Scope,
    serviceUserId: string,
    change: HuntGroupChange,
    options: WriteOptions = {},
  ): Promise<HuntGroup | DryRun<HuntGroup>> {
    const dryRun = options.dryRun === true;
    this.assertIfMatchGiven(options);
    this.assertAgentCount(change.agents);
    const needs = (c: HuntGroupChange) => ({
      group: this.ids.renameOnPhoneChange && c.serviceInstanceProfile?.phoneNumber !== undefined,
      agents: c.agents,
      agentDetails: dryRun,
    });
    const read = await this.broadworks.read(scope, { huntGroup: serviceUserId, ...needs(change) });
    const before = read.huntGroup!;
    assertIfMatch(options, before, this.app.requireIfMatch);
    const body = await this.checks.checked('update', change, (b) => ({
      operation: 'update',
      ...scope,
      serviceUserId,
      dryRun,
      current: before,
      body: b,
    }));
    this.assertAgentCount(body.agents);
    const sameNeeds = JSON.stringify(needs(body)) === JSON.stringify(needs(change));
    const context = sameNeeds ? read : await this.broadworks.read(scope, needs(body));
    assertAgentsAvailable(context, scope);

    const newId = context.group
      ? this.ids.renamedFor(
          serviceUserId,
          present(before.serviceInstanceProfile.phoneNumber),
          present(body.serviceInstanceProfile?.phoneNumber),
          idContextOf(scope, context.group, body.serviceInstanceProfile?.name ?? before.serviceInstanceProfile.name),
        )
      : undefined;
    const plan = planUpdate(before, body, newId);
    if (dryRun || options.settle) {
      const result = plan.length === 0 ? before : predictUpdate(before, body, newId, context.availableAgents);
      const changes = changesBetween(before, result);
      if (dryRun) return this.dryRunOf(scope, plan, result, changes);
      // Settling a retry: what the first attempt was to change is there already; nothing is sent.
      if (changes.length === 0) return before;
    }
    if (plan.length === 0) return before;
    const after = await this.broadworks.apply(scope, plan, newId ?? serviceUserId);
    this.emitUpdate(scope, before, after);
    return after;
  }

  /**
   * A delete, after proving the hunt group is this group's. With If-Match, that proof is the whole
   * hunt group (one document either way), to compare its version.
   */
  async remove(scope: Scope, serviceUserId: string, options: WriteOptions = {}): Promise<void | DryRun<null>> {
    const dryRun = options.dryRun === true;
    this.assertIfMatchGiven(options);
    // Settling a retry: a hunt group already gone was deleted by the first attempt.
    if (options.settle && !(await this.existing(scope, serviceUserId))) return;
    const read = await this.broadworks.read(scope, {
      huntGroup: serviceUserId,
      existenceOnly: options.ifMatch === undefined,
    });
    if (read.huntGroup) assertIfMatch(options, read.huntGroup, this.app.requireIfMatch);
    await this.checks.check({ operation: 'delete', ...scope, serviceUserId, dryRun });
    const plan: ChangePlan = [{ action: { kind: 'delete', serviceUserId }, undo: [] }];
    if (dryRun) return this.dryRunOf(scope, plan, null, [{ field: 'serviceUserId', from: serviceUserId, to: null }]);
    await this.broadworks.apply(scope, plan);
    // The whole hunt group was read only with If-Match; without it the read proved its existence.
    this.hooks.emit({
      type: 'deleted',
      ...scope,
      serviceUserId,
      ...(read.huntGroup ? { before: read.huntGroup } : {}),
    });
  }

  /** The hunt group of this group with this id, or undefined. */
  private async existing(scope: Scope, serviceUserId: string): Promise<HuntGroup | undefined> {
    try {
      return (await this.broadworks.read(scope, { huntGroup: serviceUserId })).huntGroup;
    } catch (e) {
      if (e instanceof HuntGroupNotFound) return undefined;
      throw e;
    }
  }

  /**
   * At most HUNT_GROUP_MAX_AGENTS agents, checked before anything is sent: a list without bound
   * would cost BroadWorks (and the other tenants sharing its sessions) for nothing.
   */
  private assertAgentCount(agents: readonly string[] | null | undefined): void {
    const max = this.app.maxAgents;
    if (agents && agents.length > max) {
      throw new ValidationFailed([
        { field: 'agents', reasons: [`at most ${max} agents (HUNT_GROUP_MAX_AGENTS); ${agents.length} given`] },
      ]);
    }
  }

  /** 428 before anything is read when If-Match is required and missing. */
  private assertIfMatchGiven(options: WriteOptions): void {
    if (this.app.requireIfMatch && options.ifMatch === undefined) throw new PreconditionRequired();
  }

  private dryRunOf<T>(scope: Scope, plan: ChangePlan, result: T, changes: FieldChange[]): DryRun<T> {
    return { dryRun: true, result, changes, commands: this.broadworks.describe(scope, plan) };
  }

  private emitUpdate(scope: Scope, before: HuntGroup, after: HuntGroup): void {
    for (const event of updateEvents(scope, before, after)) this.hooks.emit(event);
  }
}

/** A list number as BroadWorks gave it, or a national one in E.164 (GROUP_NUMBERS_USE_CC_CLI). */
function inE164(number: string, group: GroupInfo): string {
  if (!number || number.startsWith('+')) return number;
  return toE164(number, group.callingLineIdPhoneNumber) ?? number;
}

/** What observers are told of an update (a PUT's, or a bulk update's): the update, and a rename and the agents' change when there were. */
export function updateEvents(scope: Scope, before: HuntGroup, after: HuntGroup): HuntGroupEvent[] {
  const events: HuntGroupEvent[] = [{ type: 'updated', ...scope, before, after }];
  if (before.serviceUserId !== after.serviceUserId) {
    events.push({ type: 'renamed', ...scope, from: before.serviceUserId, to: after.serviceUserId });
  }
  const ids = (h: HuntGroup) => h.agents.map((a) => a.userId).join('\n');
  if (ids(before) !== ids(after)) {
    events.push({
      type: 'agents-changed',
      ...scope,
      serviceUserId: after.serviceUserId,
      before: before.agents,
      after: after.agents,
    });
  }
  return events;
}

/** What the id rule's placeholders are filled with, for a hunt group of this group. */
export function idContextOf(scope: Scope, group: GroupInfo, name?: string, phoneNumber?: string): IdContext {
  return { ...scope, domain: group.defaultDomain, groupNumber: group.callingLineIdPhoneNumber, name, phoneNumber };
}

/** 409: every id the rule gave was taken (a POST's, or a bulk create's, last try). */
export function idsTaken(attempts: number, lastId: string): ApiError {
  return ApiError.conflict(
    'SERVICE_USER_ID_TAKEN',
    `serviceUserId: the id rule gave only taken ids (${attempts} tried, the last ${lastId})`,
  );
}

/** 400 naming every user the read found unable to be an agent here. */
export function assertAgentsAvailable(read: ReadResult, scope: Scope): void {
  if (read.unavailableAgents.length > 0) throw new AgentsUnavailable(read.unavailableAgents, scope.groupId);
}

/** A hunt group id must carry a domain: a bare user part gets the group's default domain, as APIO does. */
export function withDomain(userPart: string, domain: string): string {
  const id = `${userPart}@${domain}`;
  if (id.length > 161) {
    throw new ValidationFailed([{ field: 'serviceUserId', reasons: [`${id} is longer than 161 characters`] }]);
  }
  return id;
}

/** BroadWorks requires the name and both calling line id names of a new hunt group. */
export function assertProfileNames(body: HuntGroupInput): void {
  const profile = body.serviceInstanceProfile;
  const missing = (['name', 'cliLastName', 'cliFirstName'] as const).filter((key) => !profile?.[key]);
  if (missing.length > 0) {
    throw new ValidationFailed(
      missing.map((k) => ({ field: `serviceInstanceProfile.${k}`, reasons: ['required to create a hunt group'] })),
    );
  }
}
