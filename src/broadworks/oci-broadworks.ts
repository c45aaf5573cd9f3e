import { Injectable } from '@nestjs/common';
import type { ReadRequest, ReadResult, UserSearch } from '../domain/broadworks.port.js';
import { BroadWorksPort } from '../domain/broadworks.port.js';
import type { ChangePlan } from '../domain/change-plan.js';
import { HuntGroupNotFound } from '../domain/errors.js';
import type { CommandView } from '../domain/writes.js';
import type { AvailableUser, GroupInfo, HuntGroup, HuntGroupSummary, Scope } from '../domain/model.js';
import { applyAllOrNothing, applyAllOrNothingAcross, applyEachAllOrNothing, type Step } from './all-or-nothing.js';
import { availabilityCheck, toAvailableUser, toAvailableUserListRequest } from './available-users.mapper.js';
import { consolidatedSteps } from './consolidated.js';
import { decodeError } from './decode-error.js';
import { DepartmentDirectory, departmentListRequest } from './departments.js';
import { commandOf, toHuntGroup, toSummary, viewOf } from './hunt-group.mapper.js';
import {
  tableRecords,
  type GroupGetRequest22V5,
  type GroupDepartmentGetListResponse18,
  type GroupGetResponse22V5,
  type GroupHuntGroupGetAvailableUserListResponse,
  type GroupHuntGroupGetInstanceListRequest,
  type GroupHuntGroupGetInstanceListResponse,
  type GroupHuntGroupGetInstanceRequest20,
  type GroupHuntGroupGetInstanceResponse20,
  type OciRequest,
  type OciResponse,
} from '../ocip/commands.js';
import { OciErrorResponse } from '../ocip/oci-errors.js';
import { OciGateway } from './oci/oci-gateway.js';
import { sendInDocuments } from './send-in-documents.js';

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
   * A hunt group is read with its group's list: activation and the department's full path live
   * only there, and the row proves the hunt group is this group's (BroadWorks addresses it by id
   * alone). The group and the agent checks ride in the same document while they fit.
   */
  async read(scope: Scope, request: ReadRequest): Promise<ReadResult> {
    const id = request.huntGroup;
    const agents = request.agents ?? [];
    const commands: OciRequest[] = [];
    if (id !== undefined && !request.existenceOnly) commands.push(getRequest(id));
    if (id !== undefined) commands.push(listRequest(scope));
    if (request.group) commands.push(groupRequest(scope));
    commands.push(...agents.map((userId) => availabilityCheck(scope, userId)));
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
    const row = id !== undefined ? rowOf(next<GroupHuntGroupGetInstanceListResponse>(), scope, id) : undefined;
    const group = request.group ? groupInfoOf(next<GroupGetResponse22V5>()) : undefined;
    const searches = agents.map(() => next<GroupHuntGroupGetAvailableUserListResponse>());
    const directory = describeAgents
      ? new DepartmentDirectory(scope.tenantId, scope.groupId, next<GroupDepartmentGetListResponse18>().departmentTable)
      : NO_DEPARTMENTS;
    const found = agents.map((userId, i) => listed(searches[i], userId, scope, directory));
    return {
      ...(instance && row ? { huntGroup: toHuntGroup(id!, scope.tenantId, instance, row) } : {}),
      ...(group ? { group } : {}),
      unavailableAgents: agents.filter((_, i) => found[i] === undefined),
      availableAgents: found.filter((user) => user !== undefined),
    };
  }

  /**
   * Many hunt groups: the group's list (activation, departments' paths, and the proof that each is
   * the group's) and one get per hunt group, 15 commands a document, the documents in parallel.
   */
  async readMany(scope: Scope, ids: readonly string[]): Promise<HuntGroup[]> {
    if (ids.length === 0) return [];
    const [list, ...instances] = await this.send([listRequest(scope), ...ids.map(getRequest)]);
    const rows = list as GroupHuntGroupGetInstanceListResponse;
    return ids.map((id, i) =>
      toHuntGroup(id, scope.tenantId, instances[i] as GroupHuntGroupGetInstanceResponse20, rowOf(rows, scope, id)),
    );
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

  /** The search and the departments in one document, with the tenant when a group filter needs its kind. */
  async availableUsers(
    scope: Scope,
    search: UserSearch,
  ): Promise<{ users: AvailableUser[]; tenantIsEnterprise?: boolean }> {
    const query = toAvailableUserListRequest(scope, search);
    const departmentList = departmentListRequest(scope.tenantId, scope.groupId);
    const tenantRequest = { $type: 'ServiceProviderGetRequest22V4', serviceProviderId: scope.tenantId } as const;
    // The tenant's kind only matters for a search in another group than the URL's.
    const [users, departments, tenant] =
      search.group !== undefined && search.group !== scope.groupId
        ? await this.decoded(() => this.oci.send(query, departmentList, tenantRequest))
        : [...(await this.decoded(() => this.oci.send(query, departmentList))), undefined];
    const directory = new DepartmentDirectory(scope.tenantId, scope.groupId, departments.departmentTable);
    return {
      users: tableRecords(users.userTable).map((row) => toAvailableUser(row, scope.tenantId, directory)),
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
    const [instance, list] = await this.decoded(() =>
      applyAllOrNothing(this.oci, steps, getRequest(readBack), listRequest(scope)),
    );
    return toHuntGroup(readBack, scope.tenantId, instance, rowOf(list, scope, readBack));
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

/** The hunt group's row of its group's list; HuntGroupNotFound when it is not one of this group's. */
function rowOf(
  list: GroupHuntGroupGetInstanceListResponse,
  scope: Scope,
  serviceUserId: string,
): Record<string, string> {
  const row = tableRecords(list.huntGroupTable).find((r) => r['Service User Id'] === serviceUserId);
  if (!row) throw new HuntGroupNotFound(scope.tenantId, scope.groupId, serviceUserId);
  return row;
}

/**
 * The user an exact user id search found, or undefined. A department the group's list does not
 * describe (or without the list) is described by its name and path only.
 */
function listed(
  answer: GroupHuntGroupGetAvailableUserListResponse,
  userId: string,
  scope: Scope,
  departments: DepartmentDirectory,
): AvailableUser | undefined {
  const row = tableRecords(answer.userTable).find((r) => r['User Id'] === userId);
  return row ? toAvailableUser(row, scope.tenantId, departments) : undefined;
}
const NO_DEPARTMENTS = new DepartmentDirectory('', '', { headings: [], rows: [] });
