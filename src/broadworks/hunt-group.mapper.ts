import { agentFromRow, type AgentJson } from './agent.mapper.js';
import { departmentJsonOf, departmentKeyOf, type DepartmentDirectory, type DepartmentJson } from './departments.js';
import {
  tableRecords,
  type GroupHuntGroupAddInstanceRequest20,
  type GroupHuntGroupGetInstanceResponse20,
  type GroupHuntGroupModifyInstanceRequest,
  type HuntGroupSettings,
  type HuntPolicy,
  type ServiceInstanceModifyProfile,
} from './oci/commands.js';
import {
  GroupHuntGroupModifyInstanceRequest as ModifyRequestSchema,
  ServiceInstanceModifyProfile as ModifyProfileSchema,
} from './oci/schema.js';
import type { ComplexType } from './oci/schema-types.js';
import type { CreateHuntGroupDto, HuntGroupBodyDto } from '../http/hunt-groups/dto/hunt-group-body.dto.js';

/** BroadWorks' usual values for the required settings a POST body leaves out. */
export const HUNT_GROUP_DEFAULTS: Omit<
  HuntGroupSettings,
  'forwardToPhoneNumber' | 'notReachableForwardToPhoneNumber' | 'networkClassOfService'
> = {
  policy: 'Regular',
  huntAfterNoAnswer: false,
  noAnswerNumberOfRings: 5,
  forwardAfterTimeout: false,
  forwardTimeoutSeconds: 0,
  allowCallWaitingForAgents: false,
  useSystemHuntGroupCLIDSetting: true,
  includeHuntGroupNameInCLID: true,
  enableNotReachableForwarding: false,
  makeBusyWhenNotReachable: false,
  allowMembersToControlGroupBusy: false,
  enableGroupBusy: false,
  applyGroupBusyWhenTerminatingToAgent: false,
};

const BOOLEAN_SETTINGS = [
  'huntAfterNoAnswer',
  'forwardAfterTimeout',
  'allowCallWaitingForAgents',
  'useSystemHuntGroupCLIDSetting',
  'includeHuntGroupNameInCLID',
  'enableNotReachableForwarding',
  'makeBusyWhenNotReachable',
  'allowMembersToControlGroupBusy',
  'enableGroupBusy',
  'applyGroupBusyWhenTerminatingToAgent',
] as const;

/** `""` and `null` both mean "no value" in the API. */
const present = (value: string | null | undefined): string | undefined =>
  value === null || value === '' ? undefined : value;
/** In a modify: undefined leaves the element out, `""`/null clears it (xsi:nil). */
const clearable = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : (present(value) ?? null);

/** POST body (validated, template applied, profile names present) → GroupHuntGroupAddInstanceRequest20. */
export function toAddRequest(
  tenantId: string,
  groupId: string,
  serviceUserId: string,
  body: CreateHuntGroupDto,
): GroupHuntGroupAddInstanceRequest20 {
  const profile = body.serviceInstanceProfile ?? {};
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
    ...definedSettings(body),
    forwardToPhoneNumber: present(body.forwardToPhoneNumber),
    notReachableForwardToPhoneNumber: present(body.notReachableForwardToPhoneNumber),
    networkClassOfService: body.networkClassOfService,
    agentUserId: body.agents,
  };
}

/** The non-string settings the body carries (policy, booleans, numbers). */
function definedSettings(body: HuntGroupBodyDto): Partial<HuntGroupSettings> {
  const settings: Partial<Record<keyof HuntGroupSettings, unknown>> = {};
  for (const key of [...BOOLEAN_SETTINGS, 'policy', 'noAnswerNumberOfRings', 'forwardTimeoutSeconds'] as const) {
    if (body[key] !== undefined) settings[key] = body[key];
  }
  return settings as Partial<HuntGroupSettings>;
}

/** PUT body → GroupHuntGroupModifyInstanceRequest carrying only what the body changes, or undefined. */
export function toModifyRequest(
  serviceUserId: string,
  body: HuntGroupBodyDto,
): GroupHuntGroupModifyInstanceRequest | undefined {
  const request: GroupHuntGroupModifyInstanceRequest = {
    $type: 'GroupHuntGroupModifyInstanceRequest',
    serviceUserId,
    serviceInstanceProfile: toModifyProfile(body),
    ...definedSettings(body),
    forwardToPhoneNumber: clearable(body.forwardToPhoneNumber),
    notReachableForwardToPhoneNumber: clearable(body.notReachableForwardToPhoneNumber),
    networkClassOfService: body.networkClassOfService,
    agentUserIdList: body.agents === undefined ? undefined : body.agents.length > 0 ? { userId: body.agents } : null,
  };
  return hasChanges(request) ? request : undefined;
}

function toModifyProfile(body: HuntGroupBodyDto): ServiceInstanceModifyProfile | undefined {
  const p = body.serviceInstanceProfile;
  if (!p) return undefined;
  const profile: ServiceInstanceModifyProfile = {
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
  return hasChanges(profile) ? profile : undefined;
}

function hasChanges(object: object): boolean {
  return Object.entries(object).some(
    ([key, value]) => key !== '$type' && key !== 'serviceUserId' && value !== undefined,
  );
}

/**
 * The modify that puts back what `applied` changed, from the state read before it. Used to undo a
 * change when a later step of the same request fails. A value that was absent is cleared where the
 * schema allows it; where it does not (networkClassOfService, language, a hiragana name), BroadWorks
 * cannot go back to "absent", and `complete` is false.
 */
export function toRestoreRequest(
  before: GroupHuntGroupGetInstanceResponse20,
  applied: GroupHuntGroupModifyInstanceRequest,
): { request: GroupHuntGroupModifyInstanceRequest; complete: boolean } {
  let complete = true;
  const restoreValue = (
    target: Record<string, unknown>,
    key: string,
    old: unknown,
    nillableKeys: ReadonlySet<string>,
  ): void => {
    if (old !== undefined) target[key] = old;
    else if (nillableKeys.has(key)) target[key] = null;
    else complete = false;
  };
  const restore: Record<string, unknown> = {
    $type: 'GroupHuntGroupModifyInstanceRequest',
    serviceUserId: applied.serviceUserId,
  };
  const settings = before as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(applied)) {
    if (
      value === undefined ||
      key === '$type' ||
      key === 'serviceUserId' ||
      key === 'serviceInstanceProfile' ||
      key === 'agentUserIdList'
    )
      continue;
    restoreValue(restore, key, settings[key], NILLABLE_SETTINGS);
  }
  if (applied.agentUserIdList !== undefined) {
    const agents = tableRecords(before.agentUserTable).map((row) => row['User Id']);
    restore.agentUserIdList = agents.length > 0 ? { userId: agents } : null;
  }
  if (applied.serviceInstanceProfile) {
    const old = before.serviceInstanceProfile;
    const oldProfile = old as unknown as Record<string, unknown>;
    const profile: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(applied.serviceInstanceProfile)) {
      // A password cannot be read back, so it cannot be put back either.
      if (value === undefined || key === 'password') continue;
      if (key === 'sipAliasList')
        profile.sipAliasList = old.alias && old.alias.length > 0 ? { sipAlias: old.alias } : null;
      else restoreValue(profile, key, oldProfile[key], NILLABLE_PROFILE);
    }
    restore.serviceInstanceProfile = profile;
  }
  return { request: restore as unknown as GroupHuntGroupModifyInstanceRequest, complete };
}

/** What the modify may clear with xsi:nil, read from the schema descriptions. */
const nillable = (type: ComplexType): ReadonlySet<string> =>
  new Set(type.elements.filter((e) => e.nillable).map((e) => e.name));
const NILLABLE_SETTINGS = nillable(ModifyRequestSchema);
const NILLABLE_PROFILE = nillable(ModifyProfileSchema);

/** The instance answer (GET one, POST, PUT), in the seed's order. */
export interface HuntGroupJson {
  serviceUserId: string;
  serviceInstanceProfile: {
    name: string;
    cliLastName: string;
    cliFirstName: string;
    language: string;
    phoneNumber: string;
    extension: string;
    department?: DepartmentJson;
    publicUserIdentity: string;
    timeZone: string;
    timeZoneDisplayName: string;
    hiraganaLastName: string;
    hiraganaFirstName: string;
    aliases: string[];
    callingLineIdPhoneNumber: string;
  };
  policy: HuntPolicy;
  huntAfterNoAnswer: boolean;
  allowMembersToControlGroupBusy: boolean;
  notReachableForwardToPhoneNumber: string;
  enableNotReachableForwarding: boolean;
  makeBusyWhenNotReachable: boolean;
  agents: AgentJson[];
  useSystemHuntGroupCLIDSetting: boolean;
  noAnswerNumberOfRings: number;
  enableGroupBusy: boolean;
  forwardToPhoneNumber: string;
  forwardTimeoutSeconds: number;
  forwardAfterTimeout: boolean;
  allowCallWaitingForAgents: boolean;
  applyGroupBusyWhenTerminatingToAgent: boolean;
  includeHuntGroupNameInCLID: boolean;
  networkClassOfService?: string;
  active: boolean;
}

/** GroupHuntGroupGetInstanceResponse20 + the list row (activation, department path) → the instance answer. */
export function toHuntGroupJson(
  serviceUserId: string,
  tenantId: string,
  instance: GroupHuntGroupGetInstanceResponse20,
  listRow: Record<string, string>,
): HuntGroupJson {
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
      ...(p.department ? { department: departmentJsonOf(p.department, listRow['Department']) } : {}),
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
    agents: tableRecords(instance.agentUserTable).map((row) => agentFromRow(row, tenantId)),
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

/** A row of the list answer. */
export interface HuntGroupListRowJson {
  serviceUserId: string;
  name: string;
  phoneNumber: string;
  extension: string;
  department?: DepartmentJson;
  active: boolean;
  policy: string;
}

export function toListRowJson(
  row: Record<string, string>,
  departments: DepartmentDirectory,
  phoneNumber: string,
): HuntGroupListRowJson {
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
