/**
 * The command types are derived from the schema descriptions (schema.ts, Infer in schema-types.ts).
 * This file pins them down at compile time: each derived type must equal the shape written out
 * below, and every line marked @ts-expect-error must fail to compile. A drift in a description, in
 * Infer or in commands.ts therefore fails `npm run typecheck`. The few runtime facts derived from
 * the descriptions (HUNT_POLICIES, the registries) are checked by the tests at the end.
 */
import { describe, expect, it } from '@jest/globals';
import type * as C from './commands.js';
import { tableRecords } from './commands.js';
import { HUNT_POLICIES } from '../domain/model.js';
import { COMMANDS, HuntPolicy, REQUEST_TYPES, RESPONSE_TYPES, SESSION_COMMANDS } from './schema.js';

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

type Policy = 'Circular' | 'Regular' | 'Simultaneous' | 'Uniform' | 'Weighted';
type GroupKey = { $type: 'GroupDepartmentKey'; serviceProviderId: string; groupId: string; name: string };
type EnterpriseKey = { $type: 'EnterpriseDepartmentKey'; serviceProviderId: string; name: string };
type Settings = {
  policy: Policy;
  huntAfterNoAnswer: boolean;
  noAnswerNumberOfRings: number;
  forwardAfterTimeout: boolean;
  forwardTimeoutSeconds: number;
  forwardToPhoneNumber?: string;
  allowCallWaitingForAgents: boolean;
  useSystemHuntGroupCLIDSetting: boolean;
  includeHuntGroupNameInCLID: boolean;
  enableNotReachableForwarding: boolean;
  notReachableForwardToPhoneNumber?: string;
  makeBusyWhenNotReachable: boolean;
  allowMembersToControlGroupBusy: boolean;
  enableGroupBusy: boolean;
  applyGroupBusyWhenTerminatingToAgent: boolean;
  networkClassOfService?: string;
};
type AddProfile = {
  name: string;
  callingLineIdLastName: string;
  callingLineIdFirstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string;
  extension?: string;
  password?: string;
  department?: GroupKey | EnterpriseKey;
  language?: string;
  timeZone?: string;
  alias?: string[];
  publicUserIdentity?: string;
  callingLineIdPhoneNumber?: string;
};
type ReadProfile = {
  name: string;
  callingLineIdLastName: string;
  callingLineIdFirstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string;
  extension?: string;
  countryCode?: string;
  nationalPrefix?: string;
  department?: GroupKey | EnterpriseKey;
  language?: string;
  timeZone?: string;
  timeZoneDisplayName?: string;
  alias?: string[];
  publicUserIdentity?: string;
  callingLineIdPhoneNumber?: string;
};
type ModifyProfile = {
  name?: string;
  callingLineIdLastName?: string;
  callingLineIdFirstName?: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string | null;
  extension?: string | null;
  password?: string;
  department?: GroupKey | EnterpriseKey | null;
  language?: string;
  timeZone?: string;
  sipAliasList?: { sipAlias: string[] } | null;
  publicUserIdentity?: string | null;
  callingLineIdPhoneNumber?: string | null;
};
type Table = { headings: string[]; rows: string[][] };
type TextCriteria = { mode: 'Starts With' | 'Contains' | 'Equal To'; value: string; isCaseInsensitive: boolean };

// prettier-ignore
export type Checks = [
  Expect<Equal<C.HuntPolicy, Policy>>,
  Expect<Equal<C.GroupDepartmentKey, GroupKey>>,
  Expect<Equal<C.EnterpriseDepartmentKey, EnterpriseKey>>,
  Expect<Equal<C.DepartmentKey, GroupKey | EnterpriseKey>>,
  Expect<Equal<C.OciTable, Table>>,
  Expect<Equal<C.ServiceInstanceAddProfile, AddProfile>>,
  Expect<Equal<C.ServiceInstanceReadProfile19sp1, ReadProfile>>,
  Expect<Equal<C.ServiceInstanceModifyProfile, ModifyProfile>>,
  Expect<Equal<C.HuntGroupSettings, Settings>>,
  Expect<Equal<C.SearchMode, TextCriteria['mode']>>,
  Expect<Equal<C.TextSearchCriteria, TextCriteria>>,
  Expect<Equal<C.GroupHuntGroupAddInstanceRequest20, { $type: 'GroupHuntGroupAddInstanceRequest20';
    serviceProviderId: string; groupId: string; serviceUserId: string; serviceInstanceProfile: AddProfile;
    policy: Policy; huntAfterNoAnswer: boolean; noAnswerNumberOfRings: number; forwardAfterTimeout: boolean;
    forwardTimeoutSeconds: number; forwardToPhoneNumber?: string; agentUserId?: string[];
    allowCallWaitingForAgents: boolean; useSystemHuntGroupCLIDSetting: boolean; includeHuntGroupNameInCLID: boolean;
    enableNotReachableForwarding: boolean; notReachableForwardToPhoneNumber?: string; makeBusyWhenNotReachable: boolean;
    allowMembersToControlGroupBusy: boolean; enableGroupBusy: boolean; applyGroupBusyWhenTerminatingToAgent: boolean;
    networkClassOfService?: string }>>,
  Expect<Equal<C.GroupHuntGroupGetInstanceRequest20, { $type: 'GroupHuntGroupGetInstanceRequest20'; serviceUserId: string }>>,
  Expect<Equal<C.GroupHuntGroupGetInstanceResponse20, { $type: 'GroupHuntGroupGetInstanceResponse20';
    serviceInstanceProfile: ReadProfile; policy: Policy; huntAfterNoAnswer: boolean; noAnswerNumberOfRings: number;
    forwardAfterTimeout: boolean; forwardTimeoutSeconds: number; forwardToPhoneNumber?: string; agentUserTable: Table;
    allowCallWaitingForAgents: boolean; useSystemHuntGroupCLIDSetting: boolean; includeHuntGroupNameInCLID: boolean;
    enableNotReachableForwarding: boolean; notReachableForwardToPhoneNumber?: string; makeBusyWhenNotReachable: boolean;
    allowMembersToControlGroupBusy: boolean; enableGroupBusy: boolean; applyGroupBusyWhenTerminatingToAgent: boolean;
    networkClassOfService?: string }>>,
  Expect<Equal<C.GroupHuntGroupModifyInstanceRequest, { $type: 'GroupHuntGroupModifyInstanceRequest';
    serviceUserId: string; serviceInstanceProfile?: ModifyProfile; policy?: Policy; huntAfterNoAnswer?: boolean;
    noAnswerNumberOfRings?: number; forwardAfterTimeout?: boolean; forwardTimeoutSeconds?: number;
    forwardToPhoneNumber?: string | null; agentUserIdList?: { userId: string[] } | null;
    allowCallWaitingForAgents?: boolean; useSystemHuntGroupCLIDSetting?: boolean; includeHuntGroupNameInCLID?: boolean;
    enableNotReachableForwarding?: boolean; notReachableForwardToPhoneNumber?: string | null;
    makeBusyWhenNotReachable?: boolean; allowMembersToControlGroupBusy?: boolean; enableGroupBusy?: boolean;
    applyGroupBusyWhenTerminatingToAgent?: boolean; networkClassOfService?: string }>>,
  Expect<Equal<C.GroupHuntGroupDeleteInstanceRequest, { $type: 'GroupHuntGroupDeleteInstanceRequest'; serviceUserId: string }>>,
  Expect<Equal<C.GroupHuntGroupGetInstanceListRequest, { $type: 'GroupHuntGroupGetInstanceListRequest';
    serviceProviderId: string; groupId: string; groupDepartmentName?: string }>>,
  Expect<Equal<C.GroupHuntGroupGetInstanceListResponse, { $type: 'GroupHuntGroupGetInstanceListResponse'; huntGroupTable: Table }>>,
  Expect<Equal<C.GroupHuntGroupGetAvailableUserListRequest, { $type: 'GroupHuntGroupGetAvailableUserListRequest';
    serviceProviderId: string; groupId: string; responseSizeLimit?: number; searchCriteriaUserLastName?: TextCriteria[];
    searchCriteriaUserFirstName?: TextCriteria[]; searchCriteriaExactUserDepartment?: { departmentKey: GroupKey | EnterpriseKey };
    searchCriteriaExactUserGroup?: { serviceProviderId: string; groupId: string }; searchCriteriaUserId?: TextCriteria[];
    searchCriteriaDn?: TextCriteria[]; searchCriteriaExtension?: TextCriteria[] }>>,
  Expect<Equal<C.GroupHuntGroupGetAvailableUserListResponse, { $type: 'GroupHuntGroupGetAvailableUserListResponse'; userTable: Table }>>,
  Expect<Equal<C.GroupHuntGroupModifyInstanceWeightedCallDistributionRequest, {
    $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest'; serviceUserId: string;
    agentWeight?: { agentUserId: string; weight: number }[] }>>,
  Expect<Equal<C.GroupHuntGroupModifyActiveInstanceListRequest, { $type: 'GroupHuntGroupModifyActiveInstanceListRequest';
    serviceActivation?: { serviceUserId: string; isActive: boolean }[] }>>,
  Expect<Equal<C.UserModifyUserIdRequest, { $type: 'UserModifyUserIdRequest'; userId: string; newUserId: string }>>,
  Expect<Equal<C.GroupGetRequest22V5, { $type: 'GroupGetRequest22V5'; serviceProviderId: string; groupId: string }>>,
  Expect<Equal<C.GroupGetResponse22V5, { $type: 'GroupGetResponse22V5'; defaultDomain: string; userLimit: number;
    userCount: number; groupName?: string; callingLineIdName?: string; callingLineIdPhoneNumber?: string;
    callingLineIdDisplayPhoneNumber?: string; timeZone: string; timeZoneDisplayName: string; locationDialingCode?: string;
    serviceProviderId: string; groupId: string }>>,
  Expect<Equal<C.GroupDepartmentGetListRequest18, { $type: 'GroupDepartmentGetListRequest18'; serviceProviderId: string;
    groupId: string; includeEnterpriseDepartments: boolean }>>,
  Expect<Equal<C.GroupDepartmentGetListResponse18, { $type: 'GroupDepartmentGetListResponse18'; departmentTable: Table }>>,
  Expect<Equal<C.ServiceProviderGetRequest22V4, { $type: 'ServiceProviderGetRequest22V4'; serviceProviderId: string }>>,
  Expect<Equal<C.ServiceProviderGetResponse22V4, { $type: 'ServiceProviderGetResponse22V4'; isEnterprise?: boolean;
    useCustomRoutingProfile?: boolean; defaultDomain: string; serviceProviderName?: string; supportEmail?: string;
    useServiceProviderLanguages: boolean; serviceProviderId: string }>>,
  Expect<Equal<C.VerifySessionIsValidRequest, { $type: 'VerifySessionIsValidRequest' }>>,
  Expect<Equal<C.SuccessResponse, { $type: 'SuccessResponse' }>>,
  Expect<Equal<C.OciCommandMap['GroupHuntGroupAddInstanceRequest20'], [C.GroupHuntGroupAddInstanceRequest20, C.SuccessResponse]>>,
  Expect<Equal<C.ResponseTo<C.GroupHuntGroupGetInstanceRequest20>, C.GroupHuntGroupGetInstanceResponse20>>,
  Expect<Equal<C.ResponseTo<C.GroupGetRequest22V5>, C.GroupGetResponse22V5>>,
  Expect<Equal<C.ResponsesTo<[C.GroupHuntGroupDeleteInstanceRequest, C.GroupDepartmentGetListRequest18]>,
    [C.SuccessResponse, C.GroupDepartmentGetListResponse18]>>,
  Expect<Equal<C.OciRequestName, 'GroupHuntGroupAddInstanceRequest20' | 'GroupHuntGroupGetInstanceRequest20'
    | 'GroupHuntGroupModifyInstanceRequest' | 'GroupHuntGroupDeleteInstanceRequest' | 'GroupHuntGroupGetInstanceListRequest'
    | 'GroupHuntGroupGetAvailableUserListRequest' | 'GroupHuntGroupGetInstancePagedSortedListRequest'
    | 'GroupHuntGroupGetAvailableUserPagedSortedListRequest' | 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest'
    | 'GroupHuntGroupConsolidatedAddInstanceRequest' | 'GroupHuntGroupConsolidatedModifyInstanceRequest'
    | 'GroupHuntGroupConsolidatedDeleteInstanceRequest' | 'GroupGetListInServiceProviderRequest'
    | 'GroupHuntGroupModifyActiveInstanceListRequest' | 'UserModifyUserIdRequest' | 'GroupGetRequest22V5'
    | 'GroupDepartmentGetListRequest18' | 'ServiceProviderGetRequest22V4' | 'VerifySessionIsValidRequest'
    | 'UserServiceAssignListRequest' | 'UserServiceUnassignListRequest' | 'UserServiceIsAssignedRequest'
    | 'UserCallForwardingAlwaysGetRequest' | 'UserCallForwardingAlwaysModifyRequest' | 'UserCallForwardingBusyGetRequest'
    | 'UserCallForwardingBusyModifyRequest' | 'UserCallForwardingNoAnswerGetRequest13mp16'
    | 'UserCallForwardingNoAnswerModifyRequest' | 'UserCallForwardingNotReachableGetRequest'
    | 'UserCallForwardingNotReachableModifyRequest' | 'UserAlternateNumbersGetRequest21'
    | 'UserAlternateNumbersModifyRequest' | 'GroupDnGetListRequest' | 'GroupDnGetAvailableListRequest'>>,
  Expect<Equal<C.UserServiceName, 'Alternate Numbers' | 'Call Forwarding Always' | 'Call Forwarding Busy'
    | 'Call Forwarding No Answer' | 'Call Forwarding Not Reachable'>>,
  Expect<Equal<C.UserCallForwardingAlwaysModifyRequest, { $type: 'UserCallForwardingAlwaysModifyRequest'; userId: string;
    isActive?: boolean; forwardToPhoneNumber?: string | null; isRingSplashActive?: boolean }>>,
  Expect<Equal<C.UserCallForwardingNoAnswerGetResponse13mp16, { $type: 'UserCallForwardingNoAnswerGetResponse13mp16';
    isActive: boolean; forwardToPhoneNumber?: string; numberOfRings: number }>>,
  Expect<Equal<C.AlternateNumberEntry21, { phoneNumber?: string | null; extension?: string | null;
    ringPattern?: 'Normal' | 'Long-Long' | 'Short-Short-Long' | 'Short-Long-Short' | null; description?: string | null }>>,
  Expect<Equal<C.UserServiceAssignListRequest, { $type: 'UserServiceAssignListRequest'; userId: string;
    serviceName?: C.UserServiceName[]; servicePackName?: string[] }>>,
  Expect<Equal<C.GroupDnGetAvailableListResponse, { $type: 'GroupDnGetAvailableListResponse'; phoneNumber?: string[] }>>,
  Expect<Equal<C.ResponseTo<C.UserAlternateNumbersGetRequest21>, C.UserAlternateNumbersGetResponse21>>,
];

const group: GroupKey = { $type: 'GroupDepartmentKey', serviceProviderId: 'sp', groupId: 'g', name: 'd' };
const add: C.GroupHuntGroupAddInstanceRequest20 = {
  $type: 'GroupHuntGroupAddInstanceRequest20',
  serviceProviderId: 'sp',
  groupId: 'g',
  serviceUserId: 'hg@example.com',
  serviceInstanceProfile: { name: 'n', callingLineIdLastName: 'l', callingLineIdFirstName: 'f', department: group },
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
const modify: C.GroupHuntGroupModifyInstanceRequest = {
  $type: 'GroupHuntGroupModifyInstanceRequest',
  serviceUserId: 'hg@example.com',
  forwardToPhoneNumber: null,
  agentUserIdList: null,
  serviceInstanceProfile: { phoneNumber: null, department: null, sipAliasList: { sipAlias: ['a@example.com'] } },
};

const busyWithNil = { $type: 'UserCallForwardingBusyModifyRequest', userId: 'u', isActive: null } as const;

const withoutPolicy: Omit<C.GroupHuntGroupAddInstanceRequest20, 'policy'> = add;

// Each line below must NOT compile: a required element left out, an element that does not exist,
// null where the element is not nillable, a value outside the enumeration, the wrong scalar, a list
// where one value goes (and the reverse), an abstract value without or with the wrong $type.
export const refused: unknown[] = [
  // @ts-expect-error policy is required in an add
  withoutPolicy satisfies C.GroupHuntGroupAddInstanceRequest20,
  // @ts-expect-error queueLength is no element of the add
  { ...add, queueLength: 3 } satisfies C.GroupHuntGroupAddInstanceRequest20,
  // @ts-expect-error networkClassOfService is not nillable
  { ...modify, networkClassOfService: null } satisfies C.GroupHuntGroupModifyInstanceRequest,
  // @ts-expect-error name is not nillable in the modify profile
  { ...modify, serviceInstanceProfile: { name: null } } satisfies C.GroupHuntGroupModifyInstanceRequest,
  // @ts-expect-error Random is no hunt policy
  { ...add, policy: 'Random' } satisfies C.GroupHuntGroupAddInstanceRequest20,
  // @ts-expect-error an int is a number
  { ...add, noAnswerNumberOfRings: '5' } satisfies C.GroupHuntGroupAddInstanceRequest20,
  // @ts-expect-error a boolean is a boolean
  { ...add, enableGroupBusy: 'true' } satisfies C.GroupHuntGroupAddInstanceRequest20,
  // @ts-expect-error agentUserId is a list
  { ...add, agentUserId: 'a@example.com' } satisfies C.GroupHuntGroupAddInstanceRequest20,
  // @ts-expect-error serviceUserId occurs once
  { ...modify, serviceUserId: ['a', 'b'] } satisfies C.GroupHuntGroupModifyInstanceRequest,
  // @ts-expect-error a department needs its $type
  { serviceProviderId: 'sp', groupId: 'g', name: 'd' } satisfies C.DepartmentKey,
  // @ts-expect-error an enterprise department has no groupId
  { $type: 'EnterpriseDepartmentKey', serviceProviderId: 'sp', groupId: 'g', name: 'd' } satisfies C.DepartmentKey,
  // @ts-expect-error a table is headings and rows
  { $type: 'GroupDepartmentGetListResponse18', departmentTable: [['x']] } satisfies C.GroupDepartmentGetListResponse18,
  // @ts-expect-error a login is no command of the gateway port
  { $type: 'LoginRequest22V5', userId: 'u', password: 'p' } satisfies C.OciRequest,
  // @ts-expect-error $type names the command
  { ...modify, $type: 'GroupHuntGroupAddInstanceRequest20' } satisfies C.GroupHuntGroupModifyInstanceRequest,
  // @ts-expect-error a ring pattern is one of the four
  { ringPattern: 'Loud' } satisfies C.AlternateNumberEntry21,
  // @ts-expect-error isActive is not nillable
  busyWithNil satisfies C.UserCallForwardingBusyModifyRequest,
];

describe('command types derived from the schema descriptions', () => {
  it('types valid commands (the checks above are compile-time)', () => {
    const commands: C.OciRequest[] = [add, modify];
    expect(commands.map((c) => c.$type)).toEqual([
      'GroupHuntGroupAddInstanceRequest20',
      'GroupHuntGroupModifyInstanceRequest',
    ]);
    expect(refused).toHaveLength(16);
  });

  it('describes HuntPolicy with the domain’s HUNT_POLICIES', () => {
    expect(HuntPolicy.enumeration).toEqual(HUNT_POLICIES);
    expect(HUNT_POLICIES).toEqual(['Circular', 'Regular', 'Simultaneous', 'Uniform', 'Weighted']);
  });

  it('keys the command map by request name, and registers every request and response of it', () => {
    for (const map of [COMMANDS, SESSION_COMMANDS]) {
      for (const [name, [request, response]] of Object.entries(map)) {
        expect(request.name).toBe(name);
        expect(REQUEST_TYPES[name]).toBe(request);
        expect(RESPONSE_TYPES[response.name]).toBe(response);
      }
    }
    expect(Object.keys(REQUEST_TYPES)).toHaveLength(Object.keys(COMMANDS).length + 3 + 1);
    expect(Object.keys(RESPONSE_TYPES).slice(0, 2)).toEqual(['SuccessResponse', 'ErrorResponse']);
  });
});

describe('tableRecords', () => {
  it('keys each row by column heading, a missing cell as empty, and keeps a __proto__ heading a plain key', () => {
    const records = tableRecords({
      headings: ['User Id', '__proto__', 'Name'],
      rows: [['u1', 'x', 'One'], ['u2']],
    });
    expect(records.map((r) => Object.entries(r))).toEqual([
      [
        ['User Id', 'u1'],
        ['__proto__', 'x'],
        ['Name', 'One'],
      ],
      [
        ['User Id', 'u2'],
        ['__proto__', ''],
        ['Name', ''],
      ],
    ]);
    expect(Object.getPrototypeOf(records[0])).toBe(Object.prototype);
  });
});
