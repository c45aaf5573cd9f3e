import { Injectable } from '@nestjs/common';
import type {
  HuntGroupPage,
  HuntGroupPageQuery,
  ReadRequest,
  ReadResult,
  UserSearch,
} from '../domain/broadworks.port.js';
import { BroadWorksPort } from '../domain/broadworks.port.js';
import type { ChangePlan } from '../domain/change-plan.js';
import { HuntGroupNotFound } from '../domain/errors.js';
import type { CommandView } from '../domain/writes.js';
import type { AvailableUser, GroupInfo, HuntGroup, HuntGroupSummary, Scope } from '../domain/model.js';
import { applyAllOrNothing, applyAllOrNothingAcross, applyEachAllOrNothing, type Step } from './all-or-nothing.js';
import {
  availabilityChecks,
  toAvailableUser,
  toAvailableUserListRequest,
  toAvailableUserPageRequest,
} from './available-users.mapper.js';
import { consolidatedSteps } from './consolidated.js';
import { decodeError } from './decode-error.js';
import { DepartmentDirectory, departmentListRequest } from './departments.js';
import { commandOf, toHuntGroup, toSummary, viewOf } from './hunt-group.mapper.js';
import { MAX_PAGE_SIZE, pageRequest, rowsRequest, rowsRequests } from './hunt-group-pages.mapper.js';
import {
  MAX_COMMANDS_PER_DOCUMENT,
  tableRecords,
  type GroupGetRequest22V5,
  type GroupDepartmentGetListResponse18,
  type GroupGetResponse22V5,
  type GroupHuntGroupGetAvailableUserPagedSortedListResponse,
  type GroupHuntGroupGetInstanceListRequest,
  type GroupHuntGroupGetInstancePagedSortedListResponse,
  type GroupHuntGroupGetInstanceRequest20,
  type GroupHuntGroupGetInstanceResponse20,
  type OciRequest,
  type OciResponse,
} from '../ocip/commands.js';
import { OciErrorResponse } from '../ocip/oci-errors.js';
import { OciGateway } from './oci/oci-gateway.js';
import { sendInDocuments, sendInDocumentsSettled } from './send-in-documents.js';

const getRequest = (serviceUserId: string): GroupHuntGroupGetInstanceRequest20 => ({
  $type: 'GroupHuntGroupGetInstanceRequest20',
  serviceUserId,
});
const listRequest = ({ tenantId, groupId }: Scope): GroupHuntGroupGetInstanceListRequest => ({
  $type: 'GroupHuntGroupGetInstanceListRequest',
  serviceProviderId: tenantId,
  groupId,
});
const groupRequest = ({ tenantId, groupId }: Scope): GroupGetRequest22V5 => ({
  $type: 'GroupGetRequest22V5',
  serviceProviderId: tenantId,
  groupId,
});
const groupInfoOf = (group: GroupGetResponse22V5): GroupInfo => ({
  defaultDomain: group.defaultDomain,
  callingLineIdPhoneNumber: group.callingLineIdPhoneNumber,
});

/**
 * The BroadWorks port over OCI-P: the one place that knows commands, their tables and BroadWorks'
 * errors. Independent reads go together in as few documents as BroadWorks allows (15 commands each);
 * a plan's changes go in one document with the read back; every failure leaves as a domain error.
 */
@Injectable()
export class OciBroadWorks extends BroadWorksPort {
  constructor(private readonly oci: OciGateway) {
    super();
  }

  /**
   * A hunt group is read with its row of the group's list, found by its id: activation and the
   * department's full path live only there, and the row proves the hunt group is this group's
   * (BroadWorks addresses it by id alone). The group and the agent check (one search for up to 2000
   * agents) ride in the same document.
   */
  async read(scope: Scope, request: ReadRequest): Promise<ReadResult> {
    const id = request.huntGroup;
    const agents = request.agents ?? [];
    const commands: OciRequest[] = [];
    if (id !== undefined && !request.existenceOnly) commands.push(getRequest(id));
    if (id !== undefined) commands.push(rowsRequest(scope, [id]));
    if (request.group) commands.push(groupRequest(scope));
    const checks = availabilityChecks(scope, agents);
    commands.push(...checks);
    // Rows name a department by its path: the group's department list tells its group (dry-run answers).
    const describeAgents = request.agentDetails === true && agents.length > 0;
    if (describeAgents) commands.push(departmentListRequest(scope.tenantId, scope.groupId));
    if (commands.length === 0) return { unavailableAgents: [], availableAgents: [] };

    const answers = await this.send(
      commands,
      id !== undefined ? () => new HuntGroupNotFound(scope.tenantId, scope.groupId, id) : undefined,
    );
    const next = (() => {
      let i = 0;
      return <T extends OciResponse>(): T => answers[i++] as T;
    })();
    const instance =
      id !== undefined && !request.existenceOnly ? next<GroupHuntGroupGetInstanceResponse20>() : undefined;
    const row = id !== undefined ? rowOf(next<RowsResponse>(), scope, id) : undefined;
    const group = request.group ? groupInfoOf(next<GroupGetResponse22V5>()) : undefined;
    const rows = new Map(
      checks
        .flatMap(() => tableRecords(next<GroupHuntGroupGetAvailableUserPagedSortedListResponse>().userTable))
        .map((r) => [r['User Id'], r]),
    );
    const directory = describeAgents
      ? new DepartmentDirectory(scope.tenantId, scope.groupId, next<GroupDepartmentGetListResponse18>().departmentTable)
      : NO_DEPARTMENTS;
    const found = agents.map((userId) => {
      const user = rows.get(userId);
      return user ? toAvailableUser(user, scope.tenantId, directory) : undefined;
    });
    return {
      ...(instance && row ? { huntGroup: toHuntGroup(id!, scope.tenantId, instance, row) } : {}),
      ...(group ? { group } : {}),
      unavailableAgents: agents.filter((_, i) => found[i] === undefined),
      availableAgents: found.filter((user) => user !== undefined),
    };
  }

  async tenantGroups(tenantId: string): Promise<{ isEnterprise: boolean; groupIds: string[] }> {
    const [tenant, groups] = await this.decoded(() =>
      this.oci.send(
        { $type: 'ServiceProviderGetRequest22V4', serviceProviderId: tenantId },
        { $type: 'GroupGetListInServiceProviderRequest', serviceProviderId: tenantId },
      ),
    );
    return {
      isEnterprise: tenant.isEnterprise === true,
      groupIds: tableRecords(groups.groupTable).map((row) => row['Group Id']),
    };
  }

  /** The list and the group's departments (to describe each row's) in one document, with the group when asked. */
  async list(scope: Scope, withGroup: boolean): Promise<{ huntGroups: HuntGroupSummary[]; group?: GroupInfo }> {
    const list = listRequest(scope);
    const departmentList = departmentListRequest(scope.tenantId, scope.groupId);
    const [huntGroups, departments, group] = withGroup
      ? await this.decoded(() => this.oci.send(list, departmentList, groupRequest(scope)))
      : [...(await this.decoded(() => this.oci.send(list, departmentList))), undefined];
    const directory = new DepartmentDirectory(scope.tenantId, scope.groupId, departments.departmentTable);
    return {
      huntGroups: tableRecords(huntGroups.huntGroupTable).map((row) =>
        toSummary(row, directory, row['Phone Number'] ?? ''),
      ),
      ...(group ? { group: groupInfoOf(group) } : {}),
    };
  }

  /** The page and the group's departments (to describe each row's) in one document, with the group when asked. */
  async listPage(scope: Scope, query: HuntGroupPageQuery, withGroup: boolean): Promise<HuntGroupPage> {
    const page = pageRequest(scope, query);
    const departmentList = departmentListRequest(scope.tenantId, scope.groupId);
    const [answer, departments, group] = withGroup
      ? await this.decoded(() => this.oci.send(page, departmentList, groupRequest(scope)))
      : [...(await this.decoded(() => this.oci.send(page, departmentList))), undefined];
    const directory = new DepartmentDirectory(scope.tenantId, scope.groupId, departments.departmentTable);
    const rows = tableRecords(answer.huntGroupTable);
    return {
      huntGroups: rows.slice(0, query.limit).map((row) => toSummary(row, directory, row['Phone Number'] ?? '')),
      more: rows.length > query.limit || rows.length === MAX_PAGE_SIZE,
      ...(group ? { group: groupInfoOf(group) } : {}),
    };
  }

  /**
   * Each hunt group's details and, for all of them, their rows (by ids ORed, 2000 a command), packed
   * 15 commands a document and sent at once over the pool. A hunt group gone meanwhile is left out.
   */
  async readMany(scope: Scope, ids: readonly string[]): Promise<HuntGroup[]> {
    if (ids.length === 0) return [];
    const rowCommands = rowsRequests(scope, ids);
    const outcomes = await this.decoded(() =>
      sendInDocumentsSettled(this.oci, [...ids.map(getRequest), ...rowCommands]),
    );
    const rows = new Map<string, Record<string, string>>();
    for (const outcome of outcomes.slice(ids.length)) {
      if (outcome instanceof OciErrorResponse) throw decodeError(outcome);
      for (const row of tableRecords((outcome as RowsResponse).huntGroupTable)) rows.set(row['Service User Id'], row);
    }
    return ids.flatMap((id, i) => {
      const instance = outcomes[i];
      const row = rows.get(id);
      if (instance instanceof OciErrorResponse) {
        if (instance.errorCode === 4008) return [];
        throw decodeError(instance);
      }
      return row ? [toHuntGroup(id, scope.tenantId, instance as GroupHuntGroupGetInstanceResponse20, row)] : [];
    });
  }

  /** The ids' rows, searched by the ids ORed (2000 a command), packed 15 commands a document. */
  async existing(scope: Scope, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const answers = await this.decoded(() => sendInDocuments(this.oci, rowsRequests(scope, ids)));
    return new Set(
      answers.flatMap((a) => tableRecords((a as RowsResponse).huntGroupTable).map((r) => r['Service User Id'])),
    );
  }

  /**
   * The group's list a BroadWorks page (2000 rows) at a time, the next page read ahead, and the
   * details 15 hunt groups a document, EXPORT_DOCUMENTS_AHEAD documents queued: enough to keep a
   * pool of sessions busy, few enough not to fill the queue other callers share. The page's rows
   * give what the details lack (activation, department path), so each document is turned into hunt
   * groups as soon as it is answered: its answers, far bigger than what they become, die young
   * instead of outliving garbage collections (which is what makes a process grow).
   */
  async *readAll(scope: Scope): AsyncGenerator<HuntGroup[]> {
    const queued: Promise<HuntGroup[]>[] = [];
    // Rows carried over from one list page to the next, so that every document but the last is full.
    let rows: Record<string, string>[] = [];
    const send = (count: number) => {
      const document = this.details(scope, rows.slice(0, count));
      rows = rows.slice(count);
      // A consumer that stops early never awaits the documents still queued: their failures must not go unhandled.
      document.catch(() => undefined);
      queued.push(document);
    };
    for await (const page of this.listRows(scope)) {
      rows = rows.concat(page);
      while (rows.length >= MAX_COMMANDS_PER_DOCUMENT) {
        send(MAX_COMMANDS_PER_DOCUMENT);
        if (queued.length >= EXPORT_DOCUMENTS_AHEAD) yield await queued.shift()!;
      }
    }
    if (rows.length > 0) send(rows.length);
    while (queued.length > 0) yield await queued.shift()!;
  }

  /** The group's list rows, a page at a time, the next page asked for while this one is used. */
  private async *listRows(scope: Scope): AsyncGenerator<Record<string, string>[]> {
    const pageAt = (offset: number) =>
      this.decoded(() =>
        this.oci.send(pageRequest(scope, { offset, limit: MAX_PAGE_SIZE, sort: [], filters: {} })),
      ).then(([answer]) => tableRecords(answer.huntGroupTable));
    let page = pageAt(0);
    for (let offset = 0; ;) {
      const rows = await page;
      offset += rows.length;
      // A full page may have a next one (BroadWorks' largest page cannot be asked one row longer).
      const more = rows.length === MAX_PAGE_SIZE;
      if (more) {
        page = pageAt(offset);
        page.catch(() => undefined);
      }
      yield rows;
      if (!more) return;
    }
  }

  /** One document of details for these rows of the list; a hunt group gone meanwhile (4008) is left out. */
  private async details(scope: Scope, rows: Record<string, string>[]): Promise<HuntGroup[]> {
    const outcomes = await this.decoded(() => this.oci.execute(rows.map((r) => getRequest(r['Service User Id']))));
    return rows.flatMap((row, i) => {
      const instance = outcomes[i];
      if (instance instanceof OciErrorResponse) {
        if (instance.errorCode === 4008) return [];
        throw decodeError(instance);
      }
      return [
        toHuntGroup(row['Service User Id'], scope.tenantId, instance as GroupHuntGroupGetInstanceResponse20, row),
      ];
    });
  }

  /** The search and the departments in one document, with the tenant when a group filter needs its kind. */
  async availableUsers(
    scope: Scope,
    search: UserSearch,
  ): Promise<{ users: AvailableUser[]; more: boolean; tenantIsEnterprise?: boolean }> {
    const page = search.page;
    const query = page ? toAvailableUserPageRequest(scope, search, page) : toAvailableUserListRequest(scope, search);
    const departmentList = departmentListRequest(scope.tenantId, scope.groupId);
    const tenantRequest = { $type: 'ServiceProviderGetRequest22V4', serviceProviderId: scope.tenantId } as const;
    // The tenant's kind only matters for a search in another group than the URL's.
    const [users, departments, tenant] =
      search.group !== undefined && search.group !== scope.groupId
        ? await this.decoded(() => this.oci.send(query, departmentList, tenantRequest))
        : [...(await this.decoded(() => this.oci.send(query, departmentList))), undefined];
    const directory = new DepartmentDirectory(scope.tenantId, scope.groupId, departments.departmentTable);
    const rows = tableRecords(users.userTable);
    const shown = page ? rows.slice(0, page.limit) : rows;
    return {
      users: shown.map((row) => toAvailableUser(row, scope.tenantId, directory)),
      more: page !== undefined && (rows.length > page.limit || rows.length === MAX_PAGE_SIZE),
      ...(tenant ? { tenantIsEnterprise: tenant.isEnterprise === true } : {}),
    };
  }

  apply(scope: Scope, plan: ChangePlan, readBack: string): Promise<HuntGroup>;
  apply(scope: Scope, plan: ChangePlan): Promise<void>;
  async apply(scope: Scope, plan: ChangePlan, readBack?: string): Promise<HuntGroup | void> {
    const steps: Step[] = plan.map((s) => this.stepOf(scope, s));
    if (readBack === undefined) {
      await this.decoded(() => applyAllOrNothing(this.oci, steps));
      return;
    }
    const [instance, rows] = await this.decoded(() =>
      applyAllOrNothing(this.oci, steps, getRequest(readBack), rowsRequest(scope, [readBack])),
    );
    return toHuntGroup(readBack, scope.tenantId, instance, rowOf(rows, scope, readBack));
  }

  async applyAcross(scope: Scope, plan: ChangePlan): Promise<void> {
    await this.decoded(() =>
      applyAllOrNothingAcross(
        this.oci,
        plan.map((s) => this.stepOf(scope, s)),
      ),
    );
  }

  async applyEach(scope: Scope, plans: readonly ChangePlan[]): Promise<(Error | undefined)[]> {
    const steps = plans.map((plan) => consolidatedSteps(scope, plan, (s) => this.stepOf(scope, s)));
    const failures = await applyEachAllOrNothing(this.oci, steps);
    return failures.map((failure) => {
      if (failure === undefined) return undefined;
      const decoded = decodeError(failure);
      return decoded instanceof Error ? decoded : new Error(String(decoded));
    });
  }

  describe(scope: Scope, plan: ChangePlan): CommandView[] {
    return plan.map((step) => viewOf(commandOf(scope, step.action)));
  }

  private stepOf(scope: Scope, step: ChangePlan[number]): Step {
    return {
      command: commandOf(scope, step.action),
      undo: step.undo.map((a) => commandOf(scope, a)),
      irreversible: step.irreversible,
    };
  }

  /** Independent commands in as few documents as they fit; 4008 (user not found) means `notFound` when given. */
  private async send(commands: OciRequest[], notFound?: () => Error): Promise<OciResponse[]> {
    try {
      return await sendInDocuments(this.oci, commands);
    } catch (e) {
      if (notFound && e instanceof OciErrorResponse && e.errorCode === 4008) throw notFound();
      throw decodeError(e);
    }
  }

  private async decoded<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw decodeError(e);
    }
  }
}

type RowsResponse = GroupHuntGroupGetInstancePagedSortedListResponse;

/** The hunt group's row of its group's list; HuntGroupNotFound when it is not one of this group's. */
function rowOf(list: RowsResponse, scope: Scope, serviceUserId: string): Record<string, string> {
  const row = tableRecords(list.huntGroupTable).find((r) => r['Service User Id'] === serviceUserId);
  if (!row) throw new HuntGroupNotFound(scope.tenantId, scope.groupId, serviceUserId);
  return row;
}

/** Detail documents queued by the export: two a session of a pool of 8, one in flight and the next ready. */
const EXPORT_DOCUMENTS_AHEAD = 16;

const NO_DEPARTMENTS = new DepartmentDirectory('', '', { headings: [], rows: [] });
