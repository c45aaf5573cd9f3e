import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { apioConfig } from '../../config/namespaces.js';
import { BroadWorksPort, type ReadResult } from '../broadworks.port.js';
import { planCreate, planUpdate } from '../change-plan.js';
import { AgentsUnavailable, ApiError, IdTaken, ValidationFailed } from '../errors.js';
import { HuntGroupHooks } from '../hooks.js';
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
  ) {}

  /** The group's hunt groups; with GROUP_NUMBERS_USE_CC_CLI, national numbers shown in E.164. */
  async list(scope: Scope): Promise<HuntGroupSummary[]> {
    const { huntGroups, group } = await this.broadworks.list(scope, this.settings.GROUP_NUMBERS_USE_CC_CLI);
    return group ? huntGroups.map((h) => ({ ...h, phoneNumber: inE164(h.phoneNumber, group) })) : huntGroups;
  }

  async get(scope: Scope, serviceUserId: string): Promise<HuntGroup> {
    return (await this.broadworks.read(scope, { huntGroup: serviceUserId })).huntGroup!;
  }

  /**
   * A create. The id comes from the body, else the template (already applied), else the rule
   * (SUID_HUNT_GROUP_AUTO_GENERATE); a generated id that is taken is tried again with fresh random
   * digits. The group (for a bare or generated id) and the agent checks are read first, together.
   */
  async create(scope: Scope, input: HuntGroupInput): Promise<HuntGroup> {
    const body = await this.checks.checked('create', input, (b) => ({ operation: 'create', ...scope, body: b }));
    assertProfileNames(body);
    const given = body.serviceUserId;
    if (!given && !this.ids.autoGenerate) {
      throw ApiError.badRequest(
        'SERVICE_USER_ID_REQUIRED',
        'serviceUserId: required (no template gives one and SUID_HUNT_GROUP_AUTO_GENERATE is off)',
      );
    }
    const read = await this.broadworks.read(scope, { group: !given || !given.includes('@'), agents: body.agents });
    assertAgentsAvailable(read, scope);

    const add = async (serviceUserId: string): Promise<HuntGroup> => {
      const created = await this.broadworks.apply(scope, planCreate(serviceUserId, body), serviceUserId);
      this.hooks.emit({ type: 'created', ...scope, huntGroup: created });
      return created;
    };
    if (given) return add(given.includes('@') ? given : withDomain(given, read.group!.defaultDomain));

    const context = this.idContext(
      scope,
      read.group!,
      body.serviceInstanceProfile?.name,
      present(body.serviceInstanceProfile?.phoneNumber),
    );
    const attempts = this.ids.rule.hasRandomPart ? MAX_ID_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      const serviceUserId = this.ids.generate(context);
      try {
        return await add(serviceUserId);
      } catch (e) {
        if (!(e instanceof IdTaken)) throw e;
        if (attempt >= attempts) {
          throw ApiError.conflict(
            'SERVICE_USER_ID_TAKEN',
            `serviceUserId: the id rule gave only taken ids (${attempts} tried, the last ${serviceUserId})`,
          );
        }
      }
    }
  }

  /**
   * A partial update. The hunt group is read with the group (when a number change may rename it)
   * and the agent checks; plugin checks run next (one that changes the agents or the number costs
   * one more read); then the plan is applied all or nothing, read back in the same document.
   */
  async update(scope: Scope, serviceUserId: string, change: HuntGroupChange): Promise<HuntGroup> {
    const needs = (c: HuntGroupChange) => ({
      group: this.ids.renameOnPhoneChange && c.serviceInstanceProfile?.phoneNumber !== undefined,
      agents: c.agents,
    });
    const read = await this.broadworks.read(scope, { huntGroup: serviceUserId, ...needs(change) });
    const before = read.huntGroup!;
    const body = await this.checks.checked('update', change, (b) => ({
      operation: 'update',
      ...scope,
      serviceUserId,
      current: before,
      body: b,
    }));
    const sameNeeds = JSON.stringify(needs(body)) === JSON.stringify(needs(change));
    const context = sameNeeds ? read : await this.broadworks.read(scope, needs(body));
    assertAgentsAvailable(context, scope);

    const newId = context.group
      ? this.ids.renamedFor(
          serviceUserId,
          present(before.serviceInstanceProfile.phoneNumber),
          present(body.serviceInstanceProfile?.phoneNumber),
          this.idContext(scope, context.group, body.serviceInstanceProfile?.name ?? before.serviceInstanceProfile.name),
        )
      : undefined;
    const plan = planUpdate(before, body, newId);
    if (plan.length === 0) return before;
    const after = await this.broadworks.apply(scope, plan, newId ?? serviceUserId);
    this.emitUpdate(scope, before, after);
    return after;
  }

  async remove(scope: Scope, serviceUserId: string): Promise<void> {
    await this.broadworks.read(scope, { huntGroup: serviceUserId, existenceOnly: true });
    await this.checks.check({ operation: 'delete', ...scope, serviceUserId });
    await this.broadworks.apply(scope, [{ action: { kind: 'delete', serviceUserId }, undo: [] }]);
    this.hooks.emit({ type: 'deleted', ...scope, serviceUserId });
  }

  private emitUpdate(scope: Scope, before: HuntGroup, after: HuntGroup): void {
    this.hooks.emit({ type: 'updated', ...scope, before, after });
    if (before.serviceUserId !== after.serviceUserId) {
      this.hooks.emit({ type: 'renamed', ...scope, from: before.serviceUserId, to: after.serviceUserId });
    }
    const ids = (h: HuntGroup) => h.agents.map((a) => a.userId).join('\n');
    if (ids(before) !== ids(after)) {
      this.hooks.emit({
        type: 'agents-changed',
        ...scope,
        serviceUserId: after.serviceUserId,
        before: before.agents,
        after: after.agents,
      });
    }
  }

  private idContext(scope: Scope, group: GroupInfo, name?: string, phoneNumber?: string): IdContext {
    return { ...scope, domain: group.defaultDomain, groupNumber: group.callingLineIdPhoneNumber, name, phoneNumber };
  }
}

/** A list number as BroadWorks gave it, or a national one in E.164 (GROUP_NUMBERS_USE_CC_CLI). */
function inE164(number: string, group: GroupInfo): string {
  if (!number || number.startsWith('+')) return number;
  return toE164(number, group.callingLineIdPhoneNumber) ?? number;
}

/** 400 naming every user the read found unable to be an agent here. */
export function assertAgentsAvailable(read: ReadResult, scope: Scope): void {
  if (read.unavailableAgents.length > 0) throw new AgentsUnavailable(read.unavailableAgents, scope.groupId);
}

/** A hunt group id must carry a domain: a bare user part gets the group's default domain, as APIO does. */
function withDomain(userPart: string, domain: string): string {
  const id = `${userPart}@${domain}`;
  if (id.length > 161) {
    throw new ValidationFailed([{ field: 'serviceUserId', reasons: [`${id} is longer than 161 characters`] }]);
  }
  return id;
}

/** BroadWorks requires the name and both calling line id names of a new hunt group. */
function assertProfileNames(body: HuntGroupInput): void {
  const profile = body.serviceInstanceProfile;
  const missing = (['name', 'cliLastName', 'cliFirstName'] as const).filter((key) => !profile?.[key]);
  if (missing.length > 0) {
    throw new ValidationFailed(
      missing.map((k) => ({ field: `serviceInstanceProfile.${k}`, reasons: ['required to create a hunt group'] })),
    );
  }
}
