/**
 * The hunt group domain: what a hunt group, an agent and a change are, in the API's own vocabulary
 * (APIO's names). Nothing here knows OCI-P; the BroadWorks adapter maps these to commands.
 *
 * A hunt group's read model is the representation the API answers: APIO's API is a faithful view of
 * BroadWorks' hunt group, so the domain keeps that shape and the HTTP edge sends it as it is.
 * Absent strings are `""`, as APIO shows them.
 */

/** Where a hunt group lives: a tenant (service provider or enterprise) and one of its groups. */
export interface Scope {
  tenantId: string;
  groupId: string;
}

export const HUNT_POLICIES = ['Circular', 'Regular', 'Simultaneous', 'Uniform', 'Weighted'] as const;
export type HuntPolicy = (typeof HUNT_POLICIES)[number];

/** A department as answered: `groupId` only for a group department. */
export interface Department {
  tenantId: string;
  groupId?: string;
  departmentName: string;
  fullPathName?: string;
}

/** A department named in a request: with `groupId` a group department, without it the enterprise's. */
export interface DepartmentRef {
  tenantId: string;
  groupId?: string;
  departmentName: string;
}

/** An agent of a hunt group, in hunting order. */
export interface Agent {
  userId: string;
  lastName: string;
  firstName: string;
  weight: number;
  phoneNumber: string;
  extension: string;
  department?: Department;
  emailAddress: string;
}

export interface AgentWeight {
  userId: string;
  weight: number;
}

export interface HuntGroupProfile {
  name: string;
  cliLastName: string;
  cliFirstName: string;
  language: string;
  phoneNumber: string;
  extension: string;
  department?: Department;
  publicUserIdentity: string;
  timeZone: string;
  timeZoneDisplayName: string;
  hiraganaLastName: string;
  hiraganaFirstName: string;
  aliases: string[];
  callingLineIdPhoneNumber: string;
}

/** A hunt group as read, in the seed's order. */
export interface HuntGroup {
  serviceUserId: string;
  serviceInstanceProfile: HuntGroupProfile;
  policy: HuntPolicy;
  huntAfterNoAnswer: boolean;
  allowMembersToControlGroupBusy: boolean;
  notReachableForwardToPhoneNumber: string;
  enableNotReachableForwarding: boolean;
  makeBusyWhenNotReachable: boolean;
  agents: Agent[];
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

/** One hunt group of a group's list. */
export interface HuntGroupSummary {
  serviceUserId: string;
  name: string;
  phoneNumber: string;
  extension: string;
  department?: Department;
  active: boolean;
  policy: string;
}

/** A user who can be an agent of the group's hunt groups. */
export interface AvailableUser {
  userId: string;
  lastName: string;
  firstName: string;
  phoneNumber: string;
  extension: string;
  department?: Department;
  emailAddress: string;
}

/** What the hunt group rules need of the group itself. */
export interface GroupInfo {
  defaultDomain: string;
  /** The group's calling line id number: the country of national numbers. */
  callingLineIdPhoneNumber?: string;
}

/**
 * The profile fields of a request. In a change, `undefined` leaves a field as it is; `null` or
 * `""` clear it where BroadWorks can (see CLEARABLE_PROFILE_FIELDS).
 */
export interface ProfileFields {
  name?: string;
  cliLastName?: string;
  cliFirstName?: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string | null;
  extension?: string | null;
  password?: string;
  department?: DepartmentRef | null;
  language?: string;
  timeZone?: string;
  /** Derived by BroadWorks from timeZone: accepted in requests and ignored. */
  timeZoneDisplayName?: string;
  aliases?: string[] | null;
  publicUserIdentity?: string | null;
  callingLineIdPhoneNumber?: string | null;
}

/** The settings of a request, every one optional (a default on create, "unchanged" on update). */
export interface HuntGroupFields {
  serviceInstanceProfile?: ProfileFields;
  policy?: HuntPolicy;
  huntAfterNoAnswer?: boolean;
  noAnswerNumberOfRings?: number;
  forwardAfterTimeout?: boolean;
  forwardTimeoutSeconds?: number;
  forwardToPhoneNumber?: string | null;
  allowCallWaitingForAgents?: boolean;
  useSystemHuntGroupCLIDSetting?: boolean;
  includeHuntGroupNameInCLID?: boolean;
  enableNotReachableForwarding?: boolean;
  notReachableForwardToPhoneNumber?: string | null;
  makeBusyWhenNotReachable?: boolean;
  allowMembersToControlGroupBusy?: boolean;
  enableGroupBusy?: boolean;
  applyGroupBusyWhenTerminatingToAgent?: boolean;
  networkClassOfService?: string;
  /** Agent user ids in hunting order; in a change the list replaces the current one. */
  agents?: string[];
  active?: boolean;
}

/** A create request: the fields, the id (or none, for the rules to make one) and a template name. */
export interface HuntGroupInput extends HuntGroupFields {
  serviceUserId?: string;
  templateName?: string;
}

/** An update request: only what it carries changes. */
export type HuntGroupChange = HuntGroupFields;

/** Where a deleted hunt group's numbers go: left out, they stay the group's; else out of the group, or of its service provider too. */
export const UNASSIGN_NUMBER_LEVELS = ['Group', 'Service Provider'] as const;
export type UnassignNumbersLevel = (typeof UNASSIGN_NUMBER_LEVELS)[number];

/** The boolean settings of a hunt group. */
export const BOOLEAN_SETTINGS = [
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

/** The settings that are neither strings nor agents: the policy, the booleans and the numbers. */
export const VALUE_SETTINGS = [
  ...BOOLEAN_SETTINGS,
  'policy',
  'noAnswerNumberOfRings',
  'forwardTimeoutSeconds',
] as const;

/** BroadWorks' usual values for the required settings a create leaves out. */
export const HUNT_GROUP_DEFAULTS = {
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
} as const satisfies Required<Pick<HuntGroupFields, (typeof VALUE_SETTINGS)[number]>>;

/**
 * What BroadWorks can clear once set (the modify's nillable elements); any other field, once
 * given a value, can be changed but never emptied again. The BroadWorks adapter's tests hold these
 * lists to the schema.
 */
export const CLEARABLE_PROFILE_FIELDS: ReadonlySet<keyof ProfileFields> = new Set([
  'phoneNumber',
  'extension',
  'department',
  'aliases',
  'publicUserIdentity',
  'callingLineIdPhoneNumber',
]);
export const CLEARABLE_SETTINGS: ReadonlySet<keyof HuntGroupFields> = new Set([
  'forwardToPhoneNumber',
  'notReachableForwardToPhoneNumber',
  'agents',
]);

/** `""` and `null` both mean "no value" in the API. */
export const present = (value: string | null | undefined): string | undefined =>
  value === null || value === '' ? undefined : value;
