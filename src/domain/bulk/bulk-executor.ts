import { Injectable } from '@nestjs/common';
import { BroadWorksPort } from '../broadworks.port.js';
import { planCreate, planUpdate, type ChangePlan } from '../change-plan.js';
import { AgentsUnavailable, ApiError, HuntGroupNotFound, IdTaken } from '../errors.js';
import { HuntGroupHooks } from '../hooks.js';
import {
  assertProfileNames,
  idContextOf,
  idsTaken,
  updateEvents,
  withDomain,
} from '../hunt-groups/hunt-groups.service.js';
import { predictCreate, predictUpdate } from '../hunt-groups/prediction.js';
import { IdGenerationService, MAX_ID_ATTEMPTS } from '../id-generation/id-generation.service.js';
import {
  present,
  type GroupInfo,
  type HuntGroup,
  type HuntGroupChange,
  type HuntGroupInput,
  type Scope,
} from '../model.js';
import { PluginChecks } from '../plugin-checks.js';
import type { BulkAction, BulkItem, ItemError, ItemResult } from './bulk.js';

/** An item checked and planned, waiting for BroadWorks. */
interface Planned {
  item: BulkItem;
  serviceUserId: string;
  plan: ChangePlan;
  /** What to tell the observers once BroadWorks accepted the plan. */
  announce: () => void;
}

/**
 * Runs a chunk of a job's items as the single calls would, with their rules (plugin checks, the
 * profile names, agent availability, the hunt group being the group's), but sharing the work:
 * one read for the whole chunk (the group's list, its details when an id needs the domain, every
 * agent named, the hunt groups updated, 15 commands a document), then every item's plan, each all
 * or nothing, packed 15 commands a document, the documents in parallel. An item that fails fails
 * alone. Observers are told of each change with the hunt group as predicted (nothing is read back).
 *
 * Within a job a hunt group is named by one item at most (the HTTP edge refuses a file that names
 * one twice), so the items of a chunk never depend on each other.
 */
@Injectable()
export class BulkExecutor {
  constructor(
    private readonly broadworks: BroadWorksPort,
    private readonly ids: IdGenerationService,
    private readonly checks: PluginChecks,
    private readonly hooks: HuntGroupHooks,
  ) {}

  /**
   * The chunk's results, in item order. `retryLater`: BroadWorks could not be reached, so some items
   * were not sent and stay pending (their results say so), for the job to resume later.
   */
  async run(scope: Scope, items: readonly BulkItem[]): Promise<{ results: ItemResult[]; retryLater: boolean }> {
    const results = new Map<number, ItemResult>();
    let retryLater = false;
    // Nothing was sent for this item (BroadWorks unreachable): it stays pending, to run again.
    const postpone = (item: BulkItem): void => {
      retryLater = true;
      results.set(item.row, { row: item.row, status: 'pending', serviceUserId: null, error: null });
    };
    const inOrder = () => ({ results: items.map((i) => results.get(i.row)!), retryLater });
    const fail = (item: BulkItem, error: unknown, serviceUserId?: string): void => {
      results.set(item.row, {
        row: item.row,
        status: 'failed',
        serviceUserId:
          serviceUserId ?? ('serviceUserId' in item ? item.serviceUserId : (item.fields.serviceUserId ?? null)),
        error: itemErrorOf(error),
      });
    };

    // The plugins' checks first: they may change a body, which the read below must see.
    const checked: BulkItem[] = [];
    for (const item of items) {
      try {
        checked.push(await this.checked(scope, item));
      } catch (e) {
        fail(item, e);
      }
    }

    const creates = checked.filter((i) => i.action === 'create');
    const named = checked.filter((i) => i.action !== 'create');
    const agents = [...new Set(checked.flatMap((i) => (i.action === 'delete' ? [] : (i.fields.agents ?? []))))];
    // The group: for a create's id, and for an update whose number change may rename its hunt group.
    const needGroup =
      creates.some((i) => !i.fields.serviceUserId?.includes('@')) ||
      (this.ids.renameOnPhoneChange &&
        named.some((i) => i.action === 'update' && i.fields.serviceInstanceProfile?.phoneNumber !== undefined));
    let context: {
      group?: GroupInfo;
      unavailable: Set<string>;
      existing: Set<string>;
      befores: Map<string, HuntGroup>;
    };
    try {
      context = await this.readFor(scope, needGroup, agents, named);
    } catch (e) {
      // The chunk's read failed: nothing was sent. BroadWorks unreachable: the items wait for it;
      // any other failure (a timeout, an answer that is not OCI-P) fails them, as it would a single call.
      for (const item of checked) {
        if (notSent(e)) postpone(item);
        else fail(item, e);
      }
      return inOrder();
    }

    const planned: Planned[] = [];
    for (const unchecked of checked) {
      try {
        const item = await this.updateChecked(scope, unchecked, context.befores);
        planned.push(this.plan(scope, item, context));
      } catch (e) {
        fail(unchecked, e);
      }
    }
    for (const p of planned.filter((p) => p.plan.length === 0)) {
      results.set(p.item.row, { row: p.item.row, status: 'done', serviceUserId: p.serviceUserId, error: null });
    }
    // A create whose generated id turns out taken is planned again with a fresh one, as POST does,
    // up to MAX_ID_ATTEMPTS ids an item (one try when the id rule has no random part).
    let toApply = planned.filter((p) => p.plan.length > 0);
    const attempts = this.ids.rule.hasRandomPart ? MAX_ID_ATTEMPTS : 1;
    for (let attempt = 1; toApply.length > 0; attempt++) {
      const failures = await this.applyEach(scope, toApply);
      const again: Planned[] = [];
      toApply.forEach((p, i) => {
        const failure = failures[i];
        if (failure && notSent(failure)) return postpone(p.item);
        if (failure instanceof IdTaken && p.item.action === 'create' && !p.item.fields.serviceUserId) {
          if (attempt < attempts) return void again.push(this.plan(scope, p.item, context));
          return fail(p.item, idsTaken(attempts, p.serviceUserId), p.serviceUserId);
        }
        if (failure) return fail(p.item, failure, p.serviceUserId);
        results.set(p.item.row, { row: p.item.row, status: 'done', serviceUserId: p.serviceUserId, error: null });
        p.announce();
      });
      toApply = again;
    }
    return inOrder();
  }

  /** Each plan all or nothing, in documents of 15 commands; a failure of the whole call fails each. */
  private async applyEach(scope: Scope, planned: Planned[]): Promise<(Error | undefined)[]> {
    try {
      return await this.broadworks.applyEach(
        scope,
        planned.map((p) => p.plan),
      );
    } catch (e) {
      return planned.map(() => (e instanceof Error ? e : new Error(String(e))));
    }
  }

  /** The plugin checks of the single call the item stands for; they see a bulk item as that call. */
  private async checked(scope: Scope, item: BulkItem): Promise<BulkItem> {
    switch (item.action) {
      case 'create': {
        const fields = await this.checks.checked('create', item.fields, (b) => ({
          operation: 'create',
          ...scope,
          dryRun: false,
          body: b,
        }));
        return { ...item, fields };
      }
      case 'update':
        // An update's checks need the hunt group as it is: they run once the chunk's read is done (updateChecked).
        return item;
      case 'delete':
        await this.checks.check({ operation: 'delete', ...scope, serviceUserId: item.serviceUserId, dryRun: false });
        return item;
    }
  }

  /**
   * The plugin checks of an update, with the hunt group as read. Agents a check brings in are not
   * checked here: BroadWorks refuses them, failing the item.
   */
  private async updateChecked(scope: Scope, item: BulkItem, befores: Map<string, HuntGroup>): Promise<BulkItem> {
    if (item.action !== 'update') return item;
    const current = befores.get(item.serviceUserId);
    if (!current) return item;
    const fields = await this.checks.checked('update', item.fields, (b) => ({
      operation: 'update',
      ...scope,
      serviceUserId: item.serviceUserId,
      dryRun: false,
      current,
      body: b,
    }));
    return { ...item, fields };
  }

  /**
   * The chunk's reads, sent together: the group when needed, the agent checks, the hunt groups
   * updated (in full; those not in the group are left out) and which hunt groups deleted exist.
   * Each is a search by id, so a chunk costs the same in a group of 10 or 10,000 hunt groups.
   */
  private async readFor(scope: Scope, needGroup: boolean, agents: string[], named: BulkItem[]) {
    const idsOf = (action: Exclude<BulkAction, 'create'>) =>
      named.flatMap((i) => (i.action === action ? [i.serviceUserId] : []));
    const [read, updated, existing] = await Promise.all([
      needGroup || agents.length > 0
        ? this.broadworks.read(scope, { group: needGroup, agents })
        : Promise.resolve(undefined),
      this.broadworks.readMany(scope, idsOf('update')),
      this.broadworks.existing(scope, idsOf('delete')),
    ]);
    const befores = new Map(updated.map((h) => [h.serviceUserId, h]));
    return { group: read?.group, unavailable: new Set(read?.unavailableAgents ?? []), existing, befores };
  }

  private plan(
    scope: Scope,
    item: BulkItem,
    context: { group?: GroupInfo; unavailable: Set<string>; existing: Set<string>; befores: Map<string, HuntGroup> },
  ): Planned {
    const assertAgents = (agents: string[] | undefined): void => {
      const unavailable = (agents ?? []).filter((a) => context.unavailable.has(a));
      if (unavailable.length > 0) throw new AgentsUnavailable(unavailable, scope.groupId);
    };
    switch (item.action) {
      case 'create': {
        const fields: HuntGroupInput = item.fields;
        assertProfileNames(fields);
        assertAgents(fields.agents);
        const id = this.idOf(scope, fields, context.group);
        return {
          item,
          serviceUserId: id,
          plan: planCreate(id, fields),
          announce: () => this.hooks.emit({ type: 'created', ...scope, huntGroup: predictCreate(id, fields, []) }),
        };
      }
      case 'update': {
        const before = context.befores.get(item.serviceUserId);
        if (!before) throw new HuntGroupNotFound(scope.tenantId, scope.groupId, item.serviceUserId);
        const change: HuntGroupChange = item.fields;
        assertAgents(change.agents);
        // Renamed as its PUT would be, when the id rule follows the number.
        const newId = context.group
          ? this.ids.renamedFor(
              item.serviceUserId,
              present(before.serviceInstanceProfile.phoneNumber),
              present(change.serviceInstanceProfile?.phoneNumber),
              idContextOf(
                scope,
                context.group,
                change.serviceInstanceProfile?.name ?? before.serviceInstanceProfile.name,
              ),
            )
          : undefined;
        return {
          item,
          serviceUserId: newId ?? item.serviceUserId,
          plan: planUpdate(before, change, newId),
          announce: () => {
            const after = predictUpdate(before, change, newId, []);
            for (const event of updateEvents(scope, before, after)) this.hooks.emit(event);
          },
        };
      }
      case 'delete': {
        const id = item.serviceUserId;
        if (!context.existing.has(id)) throw new HuntGroupNotFound(scope.tenantId, scope.groupId, id);
        return {
          item,
          serviceUserId: id,
          plan: [
            {
              action: { kind: 'delete', serviceUserId: id, unassignPhoneNumbers: item.unassignPhoneNumbers },
              undo: [],
            },
          ],
          announce: () => this.hooks.emit({ type: 'deleted', ...scope, serviceUserId: id }),
        };
      }
    }
  }

  /** The id of a create: the item's (a bare one gets the group's domain), else a fresh one of the rule's. */
  private idOf(scope: Scope, fields: HuntGroupInput, group: GroupInfo | undefined): string {
    const given = fields.serviceUserId;
    if (given) return given.includes('@') ? given : withDomain(given, group!.defaultDomain);
    if (!this.ids.autoGenerate) {
      throw ApiError.badRequest(
        'SERVICE_USER_ID_REQUIRED',
        'serviceUserId: required (no template gives one and SUID_HUNT_GROUP_AUTO_GENERATE is off)',
      );
    }
    return this.ids.generate(
      idContextOf(
        scope,
        group!,
        fields.serviceInstanceProfile?.name,
        present(fields.serviceInstanceProfile?.phoneNumber),
      ),
    );
  }
}

/** BroadWorks could not be reached (503): the command was never sent, so running it later is safe. */
const notSent = (error: unknown): boolean => error instanceof ApiError && error.kind === 'unavailable';

/** An item's error as the error envelope would say it. */
export function itemErrorOf(error: unknown): ItemError {
  if (error instanceof ApiError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details !== undefined ? { details: error.details } : {}),
    };
  }
  return { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) };
}
