/**
 * Typed OCI-P command and response objects. `$type` is the xsi:type of the command (or of an
 * abstract type's concrete variant). In modify requests `undefined` leaves an element out
 * (unchanged) and `null` sends it as xsi:nil (cleared): only nillable elements accept null.
 */

export interface OciTable {
  headings: string[];
  rows: string[][];
}

export interface GroupDepartmentKey {
  $type: 'GroupDepartmentKey';
  serviceProviderId: string;
  groupId: string;
  name: string;
}
export interface EnterpriseDepartmentKey {
  $type: 'EnterpriseDepartmentKey';
  serviceProviderId: string;
  name: string;
}
export type DepartmentKey = GroupDepartmentKey | EnterpriseDepartmentKey;

export type HuntPolicy = 'Circular' | 'Regular' | 'Simultaneous' | 'Uniform' | 'Weighted';
export const HUNT_POLICIES: readonly HuntPolicy[] = ['Circular', 'Regular', 'Simultaneous', 'Uniform', 'Weighted'];

export interface ServiceInstanceAddProfile {
  name: string;
  callingLineIdLastName: string;
  callingLineIdFirstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string;
  extension?: string;
  password?: string;
  department?: DepartmentKey;
  language?: string;
  timeZone?: string;
  alias?: string[];
  publicUserIdentity?: string;
  callingLineIdPhoneNumber?: string;
}

export interface ServiceInstanceReadProfile19sp1 {
  name: string;
  callingLineIdLastName: string;
  callingLineIdFirstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string;
  extension?: string;
  countryCode?: string;
  nationalPrefix?: string;
  department?: DepartmentKey;
  language?: string;
  timeZone?: string;
  timeZoneDisplayName?: string;
  alias?: string[];
  publicUserIdentity?: string;
  callingLineIdPhoneNumber?: string;
}

export interface ServiceInstanceModifyProfile {
  name?: string;
  callingLineIdLastName?: string;
  callingLineIdFirstName?: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string | null;
  extension?: string | null;
  password?: string;
  department?: DepartmentKey | null;
  language?: string;
  timeZone?: string;
  sipAliasList?: { sipAlias: string[] } | null;
  publicUserIdentity?: string | null;
  callingLineIdPhoneNumber?: string | null;
}

/** The settings every hunt group has, shared by add, get and (optionally) modify. */
export interface HuntGroupSettings {
  policy: HuntPolicy;
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
}

export interface GroupHuntGroupAddInstanceRequest20 extends HuntGroupSettings {
  $type: 'GroupHuntGroupAddInstanceRequest20';
  serviceProviderId: string;
  groupId: string;
  serviceUserId: string;
  serviceInstanceProfile: ServiceInstanceAddProfile;
  agentUserId?: string[];
}

export interface GroupHuntGroupGetInstanceRequest20 {
  $type: 'GroupHuntGroupGetInstanceRequest20';
  serviceUserId: string;
}
export interface GroupHuntGroupGetInstanceResponse20 extends HuntGroupSettings {
  $type: 'GroupHuntGroupGetInstanceResponse20';
  serviceInstanceProfile: ServiceInstanceReadProfile19sp1;
  agentUserTable: OciTable;
}

export interface GroupHuntGroupModifyInstanceRequest {
  $type: 'GroupHuntGroupModifyInstanceRequest';
  serviceUserId: string;
  serviceInstanceProfile?: ServiceInstanceModifyProfile;
  policy?: HuntPolicy;
  huntAfterNoAnswer?: boolean;
  noAnswerNumberOfRings?: number;
  forwardAfterTimeout?: boolean;
  forwardTimeoutSeconds?: number;
  forwardToPhoneNumber?: string | null;
  agentUserIdList?: { userId: string[] } | null;
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
}

export interface GroupHuntGroupDeleteInstanceRequest {
  $type: 'GroupHuntGroupDeleteInstanceRequest';
  serviceUserId: string;
}

export interface GroupHuntGroupGetInstanceListRequest {
  $type: 'GroupHuntGroupGetInstanceListRequest';
  serviceProviderId: string;
  groupId: string;
  groupDepartmentName?: string;
}
export interface GroupHuntGroupGetInstanceListResponse {
  $type: 'GroupHuntGroupGetInstanceListResponse';
  huntGroupTable: OciTable;
}

export type SearchMode = 'Starts With' | 'Contains' | 'Equal To';
export interface TextSearchCriteria {
  mode: SearchMode;
  value: string;
  isCaseInsensitive: boolean;
}

export interface GroupHuntGroupGetAvailableUserListRequest {
  $type: 'GroupHuntGroupGetAvailableUserListRequest';
  serviceProviderId: string;
  groupId: string;
  responseSizeLimit?: number;
  searchCriteriaUserLastName?: TextSearchCriteria[];
  searchCriteriaUserFirstName?: TextSearchCriteria[];
  searchCriteriaExactUserDepartment?: { departmentKey: DepartmentKey };
  searchCriteriaExactUserGroup?: { serviceProviderId: string; groupId: string };
  searchCriteriaUserId?: TextSearchCriteria[];
  searchCriteriaDn?: TextSearchCriteria[];
  searchCriteriaExtension?: TextSearchCriteria[];
}
export interface GroupHuntGroupGetAvailableUserListResponse {
  $type: 'GroupHuntGroupGetAvailableUserListResponse';
  userTable: OciTable;
}

export interface GroupHuntGroupModifyInstanceWeightedCallDistributionRequest {
  $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest';
  serviceUserId: string;
  agentWeight?: { agentUserId: string; weight: number }[];
}

export interface GroupHuntGroupModifyActiveInstanceListRequest {
  $type: 'GroupHuntGroupModifyActiveInstanceListRequest';
  serviceActivation?: { serviceUserId: string; isActive: boolean }[];
}

export interface UserModifyUserIdRequest {
  $type: 'UserModifyUserIdRequest';
  userId: string;
  newUserId: string;
}

export interface GroupGetRequest22V5 {
  $type: 'GroupGetRequest22V5';
  serviceProviderId: string;
  groupId: string;
}
export interface GroupGetResponse22V5 {
  $type: 'GroupGetResponse22V5';
  defaultDomain: string;
  userLimit: number;
  userCount: number;
  groupName?: string;
  callingLineIdName?: string;
  callingLineIdPhoneNumber?: string;
  callingLineIdDisplayPhoneNumber?: string;
  timeZone: string;
  timeZoneDisplayName: string;
  locationDialingCode?: string;
  serviceProviderId: string;
  groupId: string;
}

export interface GroupDepartmentGetListRequest18 {
  $type: 'GroupDepartmentGetListRequest18';
  serviceProviderId: string;
  groupId: string;
  includeEnterpriseDepartments: boolean;
}
export interface GroupDepartmentGetListResponse18 {
  $type: 'GroupDepartmentGetListResponse18';
  departmentTable: OciTable;
}

export interface ServiceProviderGetRequest22V4 {
  $type: 'ServiceProviderGetRequest22V4';
  serviceProviderId: string;
}
export interface ServiceProviderGetResponse22V4 {
  $type: 'ServiceProviderGetResponse22V4';
  /** Present (always true) only for an enterprise. */
  isEnterprise?: boolean;
  useCustomRoutingProfile?: boolean;
  defaultDomain: string;
  serviceProviderName?: string;
  supportEmail?: string;
  useServiceProviderLanguages: boolean;
  serviceProviderId: string;
}

export interface VerifySessionIsValidRequest {
  $type: 'VerifySessionIsValidRequest';
}

export interface SuccessResponse {
  $type: 'SuccessResponse';
}

/** Each request with the response it is answered by (ErrorResponse aside). */
export interface OciCommandMap {
  GroupHuntGroupAddInstanceRequest20: [GroupHuntGroupAddInstanceRequest20, SuccessResponse];
  GroupHuntGroupGetInstanceRequest20: [GroupHuntGroupGetInstanceRequest20, GroupHuntGroupGetInstanceResponse20];
  GroupHuntGroupModifyInstanceRequest: [GroupHuntGroupModifyInstanceRequest, SuccessResponse];
  GroupHuntGroupDeleteInstanceRequest: [GroupHuntGroupDeleteInstanceRequest, SuccessResponse];
  GroupHuntGroupGetInstanceListRequest: [GroupHuntGroupGetInstanceListRequest, GroupHuntGroupGetInstanceListResponse];
  GroupHuntGroupGetAvailableUserListRequest: [
    GroupHuntGroupGetAvailableUserListRequest,
    GroupHuntGroupGetAvailableUserListResponse,
  ];
  GroupHuntGroupModifyInstanceWeightedCallDistributionRequest: [
    GroupHuntGroupModifyInstanceWeightedCallDistributionRequest,
    SuccessResponse,
  ];
  GroupHuntGroupModifyActiveInstanceListRequest: [GroupHuntGroupModifyActiveInstanceListRequest, SuccessResponse];
  UserModifyUserIdRequest: [UserModifyUserIdRequest, SuccessResponse];
  GroupGetRequest22V5: [GroupGetRequest22V5, GroupGetResponse22V5];
  GroupDepartmentGetListRequest18: [GroupDepartmentGetListRequest18, GroupDepartmentGetListResponse18];
  ServiceProviderGetRequest22V4: [ServiceProviderGetRequest22V4, ServiceProviderGetResponse22V4];
  VerifySessionIsValidRequest: [VerifySessionIsValidRequest, SuccessResponse];
}

export type OciRequestName = keyof OciCommandMap;
export type OciRequest = { [K in OciRequestName]: OciCommandMap[K][0] }[OciRequestName];
export type OciResponse = { [K in OciRequestName]: OciCommandMap[K][1] }[OciRequestName];
export type ResponseTo<R extends OciRequest> = OciCommandMap[R['$type']][1];
export type ResponsesTo<T extends readonly OciRequest[]> = { -readonly [I in keyof T]: ResponseTo<T[I]> };

/** Reads an OCITable into one record per row, keyed by column heading (never by position). */
export function tableRecords(table: OciTable): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.headings.map((heading, i) => [heading, row[i] ?? ''])));
}
