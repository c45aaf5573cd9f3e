/** Hunt groups between the domain and OCI-P: requests from domain fields, domain reads from answers. */
import type { Action } from '../domain/change-plan.js';
import {
  HUNT_GROUP_DEFAULTS,
  present,
  VALUE_SETTINGS,
  type Agent,
  type HuntGroup,
  type HuntGroupChange,
  type HuntGroupFields,
  type HuntGroupSummary,
  type Scope,
} from '../domain/model.js';
import type { CommandView } from '../domain/writes.js';
import { agentFromRow } from './agent.mapper.js';
import { departmentOf, departmentKeyOf, type DepartmentDirectory } from './departments.js';
import {
  tableRecords,
  type GroupHuntGroupAddInstanceRequest20,
  type GroupHuntGroupGetInstanceResponse20,
  type GroupHuntGroupModifyInstanceRequest,
  type HuntGroupSettings,
  type OciRequest,
  type ServiceInstanceModifyProfile,
} from '../ocip/commands.js';

/** In a modify: undefined leaves the element out, `""`/null clears it (xsi:nil). */
const clearable = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : (present(value) ?? null);

/** The policy, booleans and numbers the fields carry. */
function valueSettings(fields: HuntGroupFields): Partial<HuntGroupSettings> {
  const settings: Partial<Record<keyof HuntGroupSettings, unknown>> = {};
  for (const key of VALUE_SETTINGS) if (fields[key] !== undefined) settings[key] = fields[key];
  return settings as Partial<HuntGroupSettings>;
}

/** A create's fields (profile names present) → GroupHuntGroupAddInstanceRequest20, defaults filled in. */
export function toAddRequest(
  { tenantId, groupId }: Scope,
  serviceUserId: string,
  fields: HuntGroupFields,
): GroupHuntGroupAddInstanceRequest20 {
  const profile = fields.serviceInstanceProfile ?? {};
  return {
    $type: 'GroupHuntGroupAddInstanceRequest20',
    serviceProviderId: tenantId,
    groupId,
    serviceUserId,
    serviceInstanceProfile: {
      name: profile.name ?? '',
      callingLineIdLastName: profile.cliLastName ?? '',
      callingLineIdFirstName: profile.cliFirstName ?? '',
      hiraganaLastName: profile.hiraganaLastName,
      hiraganaFirstName: profile.hiraganaFirstName,
      phoneNumber: present(profile.phoneNumber),
      extension: present(profile.extension),
      password: profile.password,
      department: profile.department ? departmentKeyOf(profile.department) : undefined,
      language: profile.language,
      timeZone: profile.timeZone,
      alias: profile.aliases ?? undefined,
      publicUserIdentity: present(profile.publicUserIdentity),
      callingLineIdPhoneNumber: present(profile.callingLineIdPhoneNumber),
    },
    ...HUNT_GROUP_DEFAULTS,
    ...valueSettings(fields),
    forwardToPhoneNumber: present(fields.forwardToPhoneNumber),
    notReachableForwardToPhoneNumber: present(fields.notReachableForwardToPhoneNumber),
    networkClassOfService: fields.networkClassOfService,
    agentUserId: fields.agents,
  };
}

/** A change → GroupHuntGroupModifyInstanceRequest carrying only what it changes. */
export function toModifyRequest(serviceUserId: string, change: HuntGroupChange): GroupHuntGroupModifyInstanceRequest {
  return {
    $type: 'GroupHuntGroupModifyInstanceRequest',
    serviceUserId,
    serviceInstanceProfile: toModifyProfile(change),
    ...valueSettings(change),
    forwardToPhoneNumber: clearable(change.forwardToPhoneNumber),
    notReachableForwardToPhoneNumber: clearable(change.notReachableForwardToPhoneNumber),
    networkClassOfService: change.networkClassOfService,
    agentUserIdList:
      change.agents === undefined ? undefined : change.agents.length > 0 ? { userId: change.agents } : null,
  };
}

function toModifyProfile(change: HuntGroupChange): ServiceInstanceModifyProfile | undefined {
  const p = change.serviceInstanceProfile;
  if (!p) return undefined;
  return {
    name: p.name,
    callingLineIdLastName: p.cliLastName,
    callingLineIdFirstName: p.cliFirstName,
    hiraganaLastName: p.hiraganaLastName,
    hiraganaFirstName: p.hiraganaFirstName,
    phoneNumber: clearable(p.phoneNumber),
    extension: clearable(p.extension),
    password: p.password,
    department: p.department === undefined ? undefined : p.department === null ? null : departmentKeyOf(p.department),
    language: p.language,
    timeZone: p.timeZone,
    sipAliasList:
      p.aliases === undefined ? undefined : p.aliases && p.aliases.length > 0 ? { sipAlias: p.aliases } : null,
    publicUserIdentity: clearable(p.publicUserIdentity),
    callingLineIdPhoneNumber: clearable(p.callingLineIdPhoneNumber),
  };
}

/** The OCI-P command that carries out one planned action. */
export function commandOf(scope: Scope, action: Action): OciRequest {
  switch (action.kind) {
    case 'add':
      return toAddRequest(scope, action.serviceUserId, action.fields);
    case 'modify':
      return toModifyRequest(action.serviceUserId, action.change);
    case 'activate':
      return {
        $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
        serviceActivation: [{ serviceUserId: action.serviceUserId, isActive: action.active }],
      };
    case 'rename':
      return { $type: 'UserModifyUserIdRequest', userId: action.from, newUserId: action.to };
    case 'set-weights':
      return {
        $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
        serviceUserId: action.serviceUserId,
        agentWeight: action.weights.map((w) => ({ agentUserId: w.userId, weight: w.weight })),
      };
    case 'delete':
      // Numbers given back with the delete: R25's one-command form.
      return action.unassignPhoneNumbers
        ? {
            $type: 'GroupHuntGroupConsolidatedDeleteInstanceRequest',
            serviceUserId: action.serviceUserId,
            unassignPhoneNumbers: action.unassignPhoneNumbers,
          }
        : { $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId: action.serviceUserId };
  }
}

/** The agents of an instance answer, in hunting order. */
export const agentsOf = (instance: GroupHuntGroupGetInstanceResponse20, tenantId: string): Agent[] =>
  tableRecords(instance.agentUserTable).map((row) => agentFromRow(row, tenantId));

/** GroupHuntGroupGetInstanceResponse20 + the list row (activation, department path) → the hunt group. */
export function toHuntGroup(
  serviceUserId: string,
  tenantId: string,
  instance: GroupHuntGroupGetInstanceResponse20,
  listRow: Record<string, string>,
): HuntGroup {
  const p = instance.serviceInstanceProfile;
  return {
    serviceUserId,
    serviceInstanceProfile: {
      name: p.name,
      cliLastName: p.callingLineIdLastName,
      cliFirstName: p.callingLineIdFirstName,
      language: p.language ?? '',
      phoneNumber: p.phoneNumber ?? '',
      extension: p.extension ?? '',
      ...(p.department ? { department: departmentOf(p.department, listRow['Department']) } : {}),
      publicUserIdentity: p.publicUserIdentity ?? '',
      timeZone: p.timeZone ?? '',
      timeZoneDisplayName: p.timeZoneDisplayName ?? '',
      hiraganaLastName: p.hiraganaLastName ?? '',
      hiraganaFirstName: p.hiraganaFirstName ?? '',
      aliases: p.alias ?? [],
      callingLineIdPhoneNumber: p.callingLineIdPhoneNumber ?? '',
    },
    policy: instance.policy,
    huntAfterNoAnswer: instance.huntAfterNoAnswer,
    allowMembersToControlGroupBusy: instance.allowMembersToControlGroupBusy,
    notReachableForwardToPhoneNumber: instance.notReachableForwardToPhoneNumber ?? '',
    enableNotReachableForwarding: instance.enableNotReachableForwarding,
    makeBusyWhenNotReachable: instance.makeBusyWhenNotReachable,
    agents: agentsOf(instance, tenantId),
    useSystemHuntGroupCLIDSetting: instance.useSystemHuntGroupCLIDSetting,
    noAnswerNumberOfRings: instance.noAnswerNumberOfRings,
    enableGroupBusy: instance.enableGroupBusy,
    forwardToPhoneNumber: instance.forwardToPhoneNumber ?? '',
    forwardTimeoutSeconds: instance.forwardTimeoutSeconds,
    forwardAfterTimeout: instance.forwardAfterTimeout,
    allowCallWaitingForAgents: instance.allowCallWaitingForAgents,
    applyGroupBusyWhenTerminatingToAgent: instance.applyGroupBusyWhenTerminatingToAgent,
    includeHuntGroupNameInCLID: instance.includeHuntGroupNameInCLID,
    ...(instance.networkClassOfService ? { networkClassOfService: instance.networkClassOfService } : {}),
    active: listRow['Is Active'] === 'true',
  };
}

/** A row of the group's hunt group list (huntGroupTable) → a summary; the number as the caller shows it. */
export function toSummary(
  row: Record<string, string>,
  departments: DepartmentDirectory,
  phoneNumber: string,
): HuntGroupSummary {
  const department = departments.find(row['Department']);
  return {
    serviceUserId: row['Service User Id'],
    name: row['Name'],
    phoneNumber,
    extension: row['Extension'] ?? '',
    ...(department ? { department } : {}),
    active: row['Is Active'] === 'true',
    policy: row['Policy'],
  };
}

/**
 * A command as a dry-run shows it: `type` for `$type` (an abstract element's variant too), the
 * elements left out when unset, passwords hidden.
 */
export function viewOf(command: OciRequest): CommandView {
  const view = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(view);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (key === '$type') out.type = v;
      else out[key] = /password/i.test(key) ? '[REDACTED]' : view(v);
    }
    return out;
  };
  return view(command) as CommandView;
}
