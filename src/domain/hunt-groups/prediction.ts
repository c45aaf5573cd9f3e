/**
 * What a hunt group will look like after a write, predicted from what was read: a dry-run's answer.
 * BroadWorks derives a few things this cannot know in advance (the display name of a new time zone,
 * the full path of a newly named department); those are left as they were, or empty.
 */
import {
  HUNT_GROUP_DEFAULTS,
  present,
  type Agent,
  type AvailableUser,
  type Department,
  type DepartmentRef,
  type HuntGroup,
  type HuntGroupChange,
  type HuntGroupFields,
  type HuntGroupProfile,
} from '../model.js';

/** The agents of a list of user ids: current agents keep their details and weight, new ones get weight 0. */
function agentsOf(userIds: readonly string[], current: readonly Agent[], found: readonly AvailableUser[]): Agent[] {
  return userIds.map((userId) => {
    const agent = current.find((a) => a.userId === userId);
    if (agent) return agent;
    const user = found.find((u) => u.userId === userId);
    return {
      userId,
      lastName: user?.lastName ?? '',
      firstName: user?.firstName ?? '',
      weight: 0,
      phoneNumber: user?.phoneNumber ?? '',
      extension: user?.extension ?? '',
      ...(user?.department ? { department: user.department } : {}),
      emailAddress: user?.emailAddress ?? '',
    };
  });
}

const sameDepartment = (a: Department | undefined, b: DepartmentRef): boolean =>
  a !== undefined && a.tenantId === b.tenantId && a.groupId === b.groupId && a.departmentName === b.departmentName;

/** A profile after the fields of a request: cleared ones empty, the rest as given or as they were. */
function profileAfter(
  before: HuntGroupProfile,
  fields: HuntGroupFields['serviceInstanceProfile'] = {},
): HuntGroupProfile {
  const after: HuntGroupProfile = { ...before, aliases: [...before.aliases] };
  const strings = [
    'name',
    'cliLastName',
    'cliFirstName',
    'language',
    'phoneNumber',
    'extension',
    'publicUserIdentity',
    'timeZone',
    'hiraganaLastName',
    'hiraganaFirstName',
    'callingLineIdPhoneNumber',
  ] as const;
  for (const key of strings) {
    const value = fields[key];
    if (value !== undefined) after[key] = present(value) ?? '';
  }
  if (fields.timeZone !== undefined && fields.timeZone !== before.timeZone) after.timeZoneDisplayName = '';
  if (fields.aliases !== undefined) after.aliases = fields.aliases ?? [];
  let department = before.department;
  if (fields.department === null) department = undefined;
  else if (fields.department !== undefined && !sameDepartment(before.department, fields.department)) {
    department = { ...fields.department };
  }
  const { name, cliLastName, cliFirstName, language, phoneNumber, extension, ...rest } = after;
  // In the order of an answer read from BroadWorks.
  return {
    name,
    cliLastName,
    cliFirstName,
    language,
    phoneNumber,
    extension,
    ...(department ? { department } : {}),
    publicUserIdentity: rest.publicUserIdentity,
    timeZone: rest.timeZone,
    timeZoneDisplayName: rest.timeZoneDisplayName,
    hiraganaLastName: rest.hiraganaLastName,
    hiraganaFirstName: rest.hiraganaFirstName,
    aliases: rest.aliases,
    callingLineIdPhoneNumber: rest.callingLineIdPhoneNumber,
  };
}

/** The settings after a request: cleared numbers empty, the rest as given or as they were. */
function settingsAfter(before: HuntGroup, fields: HuntGroupFields): HuntGroup {
  const after: HuntGroup = { ...before };
  const skipped = new Set(['serviceInstanceProfile', 'agents', 'serviceUserId', 'templateName']);
  for (const [key, value] of Object.entries(fields) as [string, unknown][]) {
    if (value === undefined || skipped.has(key)) continue;
    (after as unknown as Record<string, unknown>)[key] =
      typeof value === 'string' || value === null ? (present(value) ?? '') : value;
  }
  return after;
}

/** The hunt group an update gives: `before` with the change, renamed to `newId` when given. */
export function predictUpdate(
  before: HuntGroup,
  change: HuntGroupChange,
  newId: string | undefined,
  found: readonly AvailableUser[],
): HuntGroup {
  const s = settingsAfter(before, change);
  // In the order of an answer read from BroadWorks, so a dry-run reads like the real answer.
  return {
    serviceUserId: newId ?? before.serviceUserId,
    serviceInstanceProfile: profileAfter(before.serviceInstanceProfile, change.serviceInstanceProfile),
    policy: s.policy,
    huntAfterNoAnswer: s.huntAfterNoAnswer,
    allowMembersToControlGroupBusy: s.allowMembersToControlGroupBusy,
    notReachableForwardToPhoneNumber: s.notReachableForwardToPhoneNumber,
    enableNotReachableForwarding: s.enableNotReachableForwarding,
    makeBusyWhenNotReachable: s.makeBusyWhenNotReachable,
    agents: change.agents === undefined ? before.agents : agentsOf(change.agents, before.agents, found),
    useSystemHuntGroupCLIDSetting: s.useSystemHuntGroupCLIDSetting,
    noAnswerNumberOfRings: s.noAnswerNumberOfRings,
    enableGroupBusy: s.enableGroupBusy,
    forwardToPhoneNumber: s.forwardToPhoneNumber,
    forwardTimeoutSeconds: s.forwardTimeoutSeconds,
    forwardAfterTimeout: s.forwardAfterTimeout,
    allowCallWaitingForAgents: s.allowCallWaitingForAgents,
    applyGroupBusyWhenTerminatingToAgent: s.applyGroupBusyWhenTerminatingToAgent,
    includeHuntGroupNameInCLID: s.includeHuntGroupNameInCLID,
    ...(s.networkClassOfService ? { networkClassOfService: s.networkClassOfService } : {}),
    active: s.active,
  };
}

/** The hunt group a create gives: the fields, BroadWorks' defaults for the rest, active unless said. */
export function predictCreate(
  serviceUserId: string,
  fields: HuntGroupFields,
  found: readonly AvailableUser[],
): HuntGroup {
  const empty: HuntGroup = {
    serviceUserId,
    serviceInstanceProfile: {
      name: '',
      cliLastName: '',
      cliFirstName: '',
      language: '',
      phoneNumber: '',
      extension: '',
      publicUserIdentity: '',
      timeZone: '',
      timeZoneDisplayName: '',
      hiraganaLastName: '',
      hiraganaFirstName: '',
      aliases: [],
      callingLineIdPhoneNumber: '',
    },
    ...HUNT_GROUP_DEFAULTS,
    notReachableForwardToPhoneNumber: '',
    forwardToPhoneNumber: '',
    agents: [],
    active: true,
  };
  return predictUpdate(empty, fields, undefined, found);
}
