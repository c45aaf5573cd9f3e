/**
 * The OCI-P types and commands this service uses, described in schema order with the R25 facets.
 * Facts come from the BroadWorks R25 schema (OCISchemaDataTypes, OCISchemaSearchCriteria,
 * OCISchemaServiceHuntGroup, OCISchemaGroup, OCISchemaServiceProvider, OCISchemaLogin).
 */
import {
  abstract,
  bool,
  byName,
  commandMap,
  complex,
  int,
  list,
  nil,
  oneOf,
  opt,
  req,
  str,
  table,
  intOneOf,
  type StringType,
} from './schema-types.js';
import { HUNT_POLICIES } from '../domain/model.js';

// --- Simple types (name = schema type name) ---
export const ServiceProviderId = str(1, 30);
export const GroupId = str(1, 30);
export const UserId = str(1, 161);
export const DN = str(1, 23);
export const Extension17 = str(2, 20);
export const OutgoingDN = str(1, 30);
export const OutgoingDNorSIPURI = str(1, 161);
/** The policies are the domain's list (one place for the names the API, the DTOs and OCI-P share). */
export const HuntPolicy = oneOf(...HUNT_POLICIES);
export const HuntNoAnswerRings = int(1, 20);
export const HuntForwardTimeoutSeconds = int(0, 7200);
export const HuntWeight = int(0, 100);
export const NetworkClassOfServiceName = str(1, 40);
export const ServiceInstanceProfileName = str(1, 30);
export const CallingLineIdLastName = str(1, 30);
export const CallingLineIdFirstName = str(1, 30);
export const LastName = str(1, 30);
export const FirstName = str(1, 30);
export const HiraganaName = str(1, 30);
export const DepartmentName = str(1, 50);
export const Language = str(1, 40);
export const TimeZone = str(1, 127);
export const TimeZoneDisplayName = str(1, 127);
export const Password = str(1, 60);
export const SIPURI = str(1, 161);
export const NetAddress = str(1, 80);
export const GroupName = str(1, 80);
export const ServiceProviderName = str(1, 80);
export const CountryCode = str(1, 3);
export const NationalPrefix = str(1, 2);
export const EmailAddress = str(1, 80);
export const SearchMode = oneOf('Starts With', 'Contains', 'Equal To');
export const ResponseSizeLimit = int(1);

// --- Shared complex types ---
export const GroupDepartmentKey = complex(
  'GroupDepartmentKey',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  req('name', DepartmentName),
);
export const EnterpriseDepartmentKey = complex(
  'EnterpriseDepartmentKey',
  req('serviceProviderId', ServiceProviderId),
  req('name', DepartmentName),
);
export const DepartmentKey = abstract('DepartmentKey', GroupDepartmentKey, EnterpriseDepartmentKey);

export const ServiceInstanceAddProfile = complex(
  'ServiceInstanceAddProfile',
  req('name', ServiceInstanceProfileName),
  req('callingLineIdLastName', CallingLineIdLastName),
  req('callingLineIdFirstName', CallingLineIdFirstName),
  opt('hiraganaLastName', HiraganaName),
  opt('hiraganaFirstName', HiraganaName),
  opt('phoneNumber', DN),
  opt('extension', Extension17),
  opt('password', Password),
  opt('department', DepartmentKey),
  opt('language', Language),
  opt('timeZone', TimeZone),
  list('alias', SIPURI, 0, 3),
  opt('publicUserIdentity', SIPURI),
  opt('callingLineIdPhoneNumber', DN),
);

export const ServiceInstanceReadProfile19sp1 = complex(
  'ServiceInstanceReadProfile19sp1',
  req('name', ServiceInstanceProfileName),
  req('callingLineIdLastName', CallingLineIdLastName),
  req('callingLineIdFirstName', CallingLineIdFirstName),
  opt('hiraganaLastName', HiraganaName),
  opt('hiraganaFirstName', HiraganaName),
  opt('phoneNumber', DN),
  opt('extension', Extension17),
  opt('countryCode', CountryCode),
  opt('nationalPrefix', NationalPrefix),
  opt('department', DepartmentKey),
  opt('language', Language),
  opt('timeZone', TimeZone),
  opt('timeZoneDisplayName', TimeZoneDisplayName),
  list('alias', SIPURI, 0, 3),
  opt('publicUserIdentity', SIPURI),
  opt('callingLineIdPhoneNumber', DN),
);

export const ReplacementSIPAliasList = complex('ReplacementSIPAliasList', list('sipAlias', SIPURI, 1, 3));
export const ReplacementUserIdList = complex('ReplacementUserIdList', list('userId', UserId, 1, Infinity));

export const ServiceInstanceModifyProfile = complex(
  'ServiceInstanceModifyProfile',
  opt('name', ServiceInstanceProfileName),
  opt('callingLineIdLastName', CallingLineIdLastName),
  opt('callingLineIdFirstName', CallingLineIdFirstName),
  opt('hiraganaLastName', HiraganaName),
  opt('hiraganaFirstName', HiraganaName),
  nil('phoneNumber', DN),
  nil('extension', Extension17),
  opt('password', Password),
  nil('department', DepartmentKey),
  opt('language', Language),
  opt('timeZone', TimeZone),
  nil('sipAliasList', ReplacementSIPAliasList),
  nil('publicUserIdentity', SIPURI),
  nil('callingLineIdPhoneNumber', DN),
);

const textCriteria = <const N extends string>(name: N, value: StringType) =>
  complex(name, req('mode', SearchMode), req('value', value), req('isCaseInsensitive', bool));
export const SearchCriteriaUserLastName = textCriteria('SearchCriteriaUserLastName', LastName);
export const SearchCriteriaUserFirstName = textCriteria('SearchCriteriaUserFirstName', FirstName);
export const SearchCriteriaUserId = textCriteria('SearchCriteriaUserId', UserId);
export const SearchCriteriaDn = textCriteria('SearchCriteriaDn', DN);
export const SearchCriteriaExtension = textCriteria('SearchCriteriaExtension', str(1, 20));
export const SearchCriteriaExactUserDepartment = complex(
  'SearchCriteriaExactUserDepartment',
  req('departmentKey', DepartmentKey),
);
export const SearchCriteriaExactUserGroup = complex(
  'SearchCriteriaExactUserGroup',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
);

/** Paging of a paged-sorted list (OCISchemaDataTypes): the first row is 1; at most 2000 rows a page. */
export const ResponseStartIndex = int(1);
export const ResponsePageSize = int(1, 2000);
export const ResponsePagingControl = complex(
  'ResponsePagingControl',
  req('responseStartIndex', ResponseStartIndex),
  req('responsePageSize', ResponsePageSize),
);
/** SortCriteria (OCISchemaSortCriteria): every SortBy… type is these two elements. */
const sortCriteria = <const N extends string>(name: N) =>
  complex(name, req('isAscending', bool), req('isCaseSensitive', bool));
export const SortByUserId = sortCriteria('SortByUserId');
export const SortByUserLastName = sortCriteria('SortByUserLastName');
export const SortByUserFirstName = sortCriteria('SortByUserFirstName');
export const SortByDn = sortCriteria('SortByDn');
export const SortByExtension = sortCriteria('SortByExtension');
/** An xs:choice in the schema: exactly one sortBy… element (the simulator's handlers check it). */
export const SortOrderGroupHuntGroupGetInstancePagedSortedList = complex(
  'SortOrderGroupHuntGroupGetInstancePagedSortedList',
  opt('sortByUserId', SortByUserId),
  opt('sortByUserLastName', SortByUserLastName),
  opt('sortByDn', SortByDn),
  opt('sortByExtension', SortByExtension),
);
/** An xs:choice in the schema: exactly one sortBy… element (the simulator's handlers check it). */
export const SortOrderGroupHuntGroupGetAvailableUserPagedSortedList = complex(
  'SortOrderGroupHuntGroupGetAvailableUserPagedSortedList',
  opt('sortByUserId', SortByUserId),
  opt('sortByUserLastName', SortByUserLastName),
  opt('sortByUserFirstName', SortByUserFirstName),
  opt('sortByDn', SortByDn),
  opt('sortByExtension', SortByExtension),
);
export const SearchCriteriaDepartmentName = textCriteria('SearchCriteriaDepartmentName', DepartmentName);
export const SearchCriteriaGroupId = textCriteria('SearchCriteriaGroupId', GroupId);
export const SearchCriteriaExactDnActivation = complex('SearchCriteriaExactDnActivation', req('activated', bool));
export const SearchCriteriaServiceStatus = complex('SearchCriteriaServiceStatus', req('isActive', bool));

export const HuntAgentWeight = complex('HuntAgentWeight', req('agentUserId', UserId), req('weight', HuntWeight));
export const ServiceActivation = complex('ServiceActivation', req('serviceUserId', UserId), req('isActive', bool));

// --- Commands: requests and their data responses ---
export const GroupHuntGroupAddInstanceRequest20 = complex(
  'GroupHuntGroupAddInstanceRequest20',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  req('serviceUserId', UserId),
  req('serviceInstanceProfile', ServiceInstanceAddProfile),
  req('policy', HuntPolicy),
  req('huntAfterNoAnswer', bool),
  req('noAnswerNumberOfRings', HuntNoAnswerRings),
  req('forwardAfterTimeout', bool),
  req('forwardTimeoutSeconds', HuntForwardTimeoutSeconds),
  opt('forwardToPhoneNumber', OutgoingDN),
  list('agentUserId', UserId, 0, Infinity),
  req('allowCallWaitingForAgents', bool),
  req('useSystemHuntGroupCLIDSetting', bool),
  req('includeHuntGroupNameInCLID', bool),
  req('enableNotReachableForwarding', bool),
  opt('notReachableForwardToPhoneNumber', OutgoingDNorSIPURI),
  req('makeBusyWhenNotReachable', bool),
  req('allowMembersToControlGroupBusy', bool),
  req('enableGroupBusy', bool),
  req('applyGroupBusyWhenTerminatingToAgent', bool),
  opt('networkClassOfService', NetworkClassOfServiceName),
);

export const GroupHuntGroupGetInstanceRequest20 = complex(
  'GroupHuntGroupGetInstanceRequest20',
  req('serviceUserId', UserId),
);
export const GroupHuntGroupGetInstanceResponse20 = complex(
  'GroupHuntGroupGetInstanceResponse20',
  req('serviceInstanceProfile', ServiceInstanceReadProfile19sp1),
  req('policy', HuntPolicy),
  req('huntAfterNoAnswer', bool),
  req('noAnswerNumberOfRings', HuntNoAnswerRings),
  req('forwardAfterTimeout', bool),
  req('forwardTimeoutSeconds', HuntForwardTimeoutSeconds),
  opt('forwardToPhoneNumber', OutgoingDN),
  req('agentUserTable', table),
  req('allowCallWaitingForAgents', bool),
  req('useSystemHuntGroupCLIDSetting', bool),
  req('includeHuntGroupNameInCLID', bool),
  req('enableNotReachableForwarding', bool),
  opt('notReachableForwardToPhoneNumber', OutgoingDNorSIPURI),
  req('makeBusyWhenNotReachable', bool),
  req('allowMembersToControlGroupBusy', bool),
  req('enableGroupBusy', bool),
  req('applyGroupBusyWhenTerminatingToAgent', bool),
  opt('networkClassOfService', NetworkClassOfServiceName),
);

export const GroupHuntGroupModifyInstanceRequest = complex(
  'GroupHuntGroupModifyInstanceRequest',
  req('serviceUserId', UserId),
  opt('serviceInstanceProfile', ServiceInstanceModifyProfile),
  opt('policy', HuntPolicy),
  opt('huntAfterNoAnswer', bool),
  opt('noAnswerNumberOfRings', HuntNoAnswerRings),
  opt('forwardAfterTimeout', bool),
  opt('forwardTimeoutSeconds', HuntForwardTimeoutSeconds),
  nil('forwardToPhoneNumber', OutgoingDN),
  nil('agentUserIdList', ReplacementUserIdList),
  opt('allowCallWaitingForAgents', bool),
  opt('useSystemHuntGroupCLIDSetting', bool),
  opt('includeHuntGroupNameInCLID', bool),
  opt('enableNotReachableForwarding', bool),
  nil('notReachableForwardToPhoneNumber', OutgoingDNorSIPURI),
  opt('makeBusyWhenNotReachable', bool),
  opt('allowMembersToControlGroupBusy', bool),
  opt('enableGroupBusy', bool),
  opt('applyGroupBusyWhenTerminatingToAgent', bool),
  opt('networkClassOfService', NetworkClassOfServiceName),
);

/** Where numbers freed by a consolidated command go (R25 UnassignPhoneNumbersLevel). */
export const UnassignPhoneNumbersLevel = oneOf('Group', 'Service Provider');

/**
 * The one-command create: the add of GroupHuntGroupAddInstanceRequest20 and its activation
 * (isActive) together. R25 also has, here, a choice of agentWeight* instead of agentUserId*,
 * service* (user services to assign) and the directoryNumberHunting* elements; this service sends
 * none of them, so they are left out (the simulator's schema check refuses them).
 */
export const GroupHuntGroupConsolidatedAddInstanceRequest = complex(
  'GroupHuntGroupConsolidatedAddInstanceRequest',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  req('serviceUserId', UserId),
  opt('addPhoneNumberToGroup', bool),
  req('serviceInstanceProfile', ServiceInstanceAddProfile),
  req('policy', HuntPolicy),
  req('huntAfterNoAnswer', bool),
  req('noAnswerNumberOfRings', HuntNoAnswerRings),
  req('forwardAfterTimeout', bool),
  req('forwardTimeoutSeconds', HuntForwardTimeoutSeconds),
  opt('forwardToPhoneNumber', OutgoingDN),
  list('agentUserId', UserId, 0, Infinity),
  req('allowCallWaitingForAgents', bool),
  req('useSystemHuntGroupCLIDSetting', bool),
  req('includeHuntGroupNameInCLID', bool),
  req('enableNotReachableForwarding', bool),
  opt('notReachableForwardToPhoneNumber', OutgoingDNorSIPURI),
  req('makeBusyWhenNotReachable', bool),
  req('allowMembersToControlGroupBusy', bool),
  req('enableGroupBusy', bool),
  req('applyGroupBusyWhenTerminatingToAgent', bool),
  opt('networkClassOfService', NetworkClassOfServiceName),
  req('isActive', bool),
);

/**
 * The one-command update: GroupHuntGroupModifyInstanceRequest's elements and the activation
 * (isActive). Left out as above: agentWeightList (the other branch of the agents' choice),
 * serviceList and the directoryNumberHunting* elements.
 */
export const GroupHuntGroupConsolidatedModifyInstanceRequest = complex(
  'GroupHuntGroupConsolidatedModifyInstanceRequest',
  req('serviceUserId', UserId),
  opt('unassignPhoneNumbers', UnassignPhoneNumbersLevel),
  opt('addPhoneNumberToGroup', bool),
  opt('serviceInstanceProfile', ServiceInstanceModifyProfile),
  opt('policy', HuntPolicy),
  opt('huntAfterNoAnswer', bool),
  opt('noAnswerNumberOfRings', HuntNoAnswerRings),
  opt('forwardAfterTimeout', bool),
  opt('forwardTimeoutSeconds', HuntForwardTimeoutSeconds),
  nil('forwardToPhoneNumber', OutgoingDN),
  nil('agentUserIdList', ReplacementUserIdList),
  opt('allowCallWaitingForAgents', bool),
  opt('useSystemHuntGroupCLIDSetting', bool),
  opt('includeHuntGroupNameInCLID', bool),
  opt('enableNotReachableForwarding', bool),
  nil('notReachableForwardToPhoneNumber', OutgoingDNorSIPURI),
  opt('makeBusyWhenNotReachable', bool),
  opt('allowMembersToControlGroupBusy', bool),
  opt('enableGroupBusy', bool),
  opt('applyGroupBusyWhenTerminatingToAgent', bool),
  opt('networkClassOfService', NetworkClassOfServiceName),
  opt('isActive', bool),
);

/**
 * The one-command delete that can also give the hunt group's numbers (its primary and alternate
 * numbers) back: with unassignPhoneNumbers `Group` they leave the group, with `Service Provider`
 * the service provider too; left out, they stay the group's, as with the plain delete.
 */
export const GroupHuntGroupConsolidatedDeleteInstanceRequest = complex(
  'GroupHuntGroupConsolidatedDeleteInstanceRequest',
  req('serviceUserId', UserId),
  opt('unassignPhoneNumbers', UnassignPhoneNumbersLevel),
);

export const GroupHuntGroupDeleteInstanceRequest = complex(
  'GroupHuntGroupDeleteInstanceRequest',
  req('serviceUserId', UserId),
);

export const GroupHuntGroupGetInstanceListRequest = complex(
  'GroupHuntGroupGetInstanceListRequest',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  opt('groupDepartmentName', DepartmentName),
);
export const GroupHuntGroupGetInstanceListResponse = complex(
  'GroupHuntGroupGetInstanceListResponse',
  req('huntGroupTable', table),
);

export const GroupHuntGroupGetAvailableUserListRequest = complex(
  'GroupHuntGroupGetAvailableUserListRequest',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  opt('responseSizeLimit', ResponseSizeLimit),
  list('searchCriteriaUserLastName', SearchCriteriaUserLastName, 0, Infinity),
  list('searchCriteriaUserFirstName', SearchCriteriaUserFirstName, 0, Infinity),
  opt('searchCriteriaExactUserDepartment', SearchCriteriaExactUserDepartment),
  opt('searchCriteriaExactUserGroup', SearchCriteriaExactUserGroup),
  list('searchCriteriaUserId', SearchCriteriaUserId, 0, Infinity),
  list('searchCriteriaDn', SearchCriteriaDn, 0, Infinity),
  list('searchCriteriaExtension', SearchCriteriaExtension, 0, Infinity),
);
export const GroupHuntGroupGetAvailableUserListResponse = complex(
  'GroupHuntGroupGetAvailableUserListResponse',
  req('userTable', table),
);

/**
 * The paged-sorted lists (R25): without responsePagingControl BroadWorks answers from row 1 with the
 * largest page; without sortOrder by user id ascending; criteria are ANDed unless searchCriteriaModeOr.
 * The answers carry no total row count.
 */
export const GroupHuntGroupGetInstancePagedSortedListRequest = complex(
  'GroupHuntGroupGetInstancePagedSortedListRequest',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  opt('responsePagingControl', ResponsePagingControl),
  list('sortOrder', SortOrderGroupHuntGroupGetInstancePagedSortedList, 0, 3),
  list('searchCriteriaUserLastName', SearchCriteriaUserLastName, 0, Infinity),
  list('searchCriteriaDepartmentName', SearchCriteriaDepartmentName, 0, Infinity),
  list('searchCriteriaUserId', SearchCriteriaUserId, 0, Infinity),
  list('searchCriteriaDn', SearchCriteriaDn, 0, Infinity),
  list('searchCriteriaExtension', SearchCriteriaExtension, 0, Infinity),
  opt('searchCriteriaExactDnActivation', SearchCriteriaExactDnActivation),
  opt('searchCriteriaServiceStatus', SearchCriteriaServiceStatus),
  // xs:boolean fixed="true": present means ORed; the simulator's handlers refuse false.
  opt('searchCriteriaModeOr', bool),
);
export const GroupHuntGroupGetInstancePagedSortedListResponse = complex(
  'GroupHuntGroupGetInstancePagedSortedListResponse',
  req('huntGroupTable', table),
);

export const GroupHuntGroupGetAvailableUserPagedSortedListRequest = complex(
  'GroupHuntGroupGetAvailableUserPagedSortedListRequest',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  opt('responsePagingControl', ResponsePagingControl),
  list('sortOrder', SortOrderGroupHuntGroupGetAvailableUserPagedSortedList, 0, 3),
  list('searchCriteriaUserLastName', SearchCriteriaUserLastName, 0, Infinity),
  list('searchCriteriaUserFirstName', SearchCriteriaUserFirstName, 0, Infinity),
  list('searchCriteriaDepartmentName', SearchCriteriaDepartmentName, 0, Infinity),
  list('searchCriteriaGroupId', SearchCriteriaGroupId, 0, Infinity),
  list('searchCriteriaUserId', SearchCriteriaUserId, 0, Infinity),
  list('searchCriteriaDn', SearchCriteriaDn, 0, Infinity),
  list('searchCriteriaExtension', SearchCriteriaExtension, 0, Infinity),
  opt('searchCriteriaExactDnActivation', SearchCriteriaExactDnActivation),
  // xs:boolean fixed="true": present means ORed; the simulator's handlers refuse false.
  opt('searchCriteriaModeOr', bool),
);
export const GroupHuntGroupGetAvailableUserPagedSortedListResponse = complex(
  'GroupHuntGroupGetAvailableUserPagedSortedListResponse',
  req('userTable', table),
);

export const GroupHuntGroupModifyInstanceWeightedCallDistributionRequest = complex(
  'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
  req('serviceUserId', UserId),
  list('agentWeight', HuntAgentWeight, 0, Infinity),
);

export const GroupHuntGroupModifyActiveInstanceListRequest = complex(
  'GroupHuntGroupModifyActiveInstanceListRequest',
  list('serviceActivation', ServiceActivation, 0, Infinity),
);

export const UserModifyUserIdRequest = complex(
  'UserModifyUserIdRequest',
  req('userId', UserId),
  req('newUserId', UserId),
);

export const GroupGetRequest22V5 = complex(
  'GroupGetRequest22V5',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
);

export const GroupDepartmentGetListRequest18 = complex(
  'GroupDepartmentGetListRequest18',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
  req('includeEnterpriseDepartments', bool),
);
export const GroupDepartmentGetListResponse18 = complex(
  'GroupDepartmentGetListResponse18',
  req('departmentTable', table),
);

export const GroupGetResponse22V5 = complex(
  'GroupGetResponse22V5',
  req('defaultDomain', NetAddress),
  req('userLimit', int(1, 999999)),
  req('userCount', int(0, 999999)),
  opt('groupName', GroupName),
  opt('callingLineIdName', str(1, 80)),
  opt('callingLineIdPhoneNumber', DN),
  opt('callingLineIdDisplayPhoneNumber', DN),
  req('timeZone', TimeZone),
  req('timeZoneDisplayName', TimeZoneDisplayName),
  opt('locationDialingCode', str(1, 15)),
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
);

/**
 * The groups of a service provider or enterprise ("Group Id", "Group Name", "User Limit"). R25's
 * searchCriteriaGroupId* and searchCriteriaGroupName* follow responseSizeLimit; this service does
 * not search, so they are left out.
 */
export const GroupGetListInServiceProviderRequest = complex(
  'GroupGetListInServiceProviderRequest',
  req('serviceProviderId', ServiceProviderId),
  opt('responseSizeLimit', ResponseSizeLimit),
);
export const GroupGetListInServiceProviderResponse = complex(
  'GroupGetListInServiceProviderResponse',
  req('groupTable', table),
);

export const ServiceProviderGetRequest22V4 = complex(
  'ServiceProviderGetRequest22V4',
  req('serviceProviderId', ServiceProviderId),
);

export const ServiceProviderGetResponse22V4 = complex(
  'ServiceProviderGetResponse22V4',
  // An xs:choice in the schema: an enterprise answers isEnterprise (fixed true), a service provider useCustomRoutingProfile.
  opt('isEnterprise', bool),
  opt('useCustomRoutingProfile', bool),
  req('defaultDomain', NetAddress),
  opt('serviceProviderName', ServiceProviderName),
  opt('supportEmail', EmailAddress),
  req('useServiceProviderLanguages', bool),
  req('serviceProviderId', ServiceProviderId),
);

export const VerifySessionIsValidRequest = complex('VerifySessionIsValidRequest');

// --- A user's (here: a hunt group's) own services (OCISchemaUser, OCISchemaGroup, Services/…) ---
/**
 * UserService is an enumeration of every user service of R25; described here are the ones this
 * service and the simulator use (any other name is refused by the schema check).
 */
export const UserService = oneOf(
  'Alternate Numbers',
  'Call Forwarding Always',
  'Call Forwarding Busy',
  'Call Forwarding No Answer',
  'Call Forwarding Not Reachable',
);
export const ServicePackName = str(1, 80);
/** 0 or 2..20 (an xs:int enumeration: 1 is not a value). */
export const CallForwardingNoAnswerNumberOfRings = intOneOf(0, ...Array.from({ length: 19 }, (_, i) => i + 2));
export const RingPattern = oneOf('Normal', 'Long-Long', 'Short-Short-Long', 'Short-Long-Short');
export const AlternateNumberDescription = str(1, 40);

export const UserServiceAssignListRequest = complex(
  'UserServiceAssignListRequest',
  req('userId', UserId),
  list('serviceName', UserService, 0, Infinity),
  list('servicePackName', ServicePackName, 0, Infinity),
);
export const UserServiceUnassignListRequest = complex(
  'UserServiceUnassignListRequest',
  req('userId', UserId),
  list('serviceName', UserService, 0, Infinity),
  list('servicePackName', ServicePackName, 0, Infinity),
);
export const UserServiceIsAssignedRequest = complex(
  'UserServiceIsAssignedRequest',
  req('userId', UserId),
  // An xs:choice in the schema: exactly one of the two (the simulator's handler checks it).
  opt('serviceName', UserService),
  opt('servicePackName', ServicePackName),
);
export const UserServiceIsAssignedResponse = complex('UserServiceIsAssignedResponse', req('isAssigned', bool));

export const UserCallForwardingAlwaysGetRequest = complex('UserCallForwardingAlwaysGetRequest', req('userId', UserId));
export const UserCallForwardingAlwaysGetResponse = complex(
  'UserCallForwardingAlwaysGetResponse',
  req('isActive', bool),
  opt('forwardToPhoneNumber', OutgoingDNorSIPURI),
  req('isRingSplashActive', bool),
);
export const UserCallForwardingAlwaysModifyRequest = complex(
  'UserCallForwardingAlwaysModifyRequest',
  req('userId', UserId),
  opt('isActive', bool),
  nil('forwardToPhoneNumber', OutgoingDNorSIPURI),
  opt('isRingSplashActive', bool),
);
export const UserCallForwardingBusyGetRequest = complex('UserCallForwardingBusyGetRequest', req('userId', UserId));
export const UserCallForwardingBusyGetResponse = complex(
  'UserCallForwardingBusyGetResponse',
  req('isActive', bool),
  opt('forwardToPhoneNumber', OutgoingDNorSIPURI),
);
export const UserCallForwardingBusyModifyRequest = complex(
  'UserCallForwardingBusyModifyRequest',
  req('userId', UserId),
  opt('isActive', bool),
  nil('forwardToPhoneNumber', OutgoingDNorSIPURI),
);
export const UserCallForwardingNoAnswerGetRequest13mp16 = complex(
  'UserCallForwardingNoAnswerGetRequest13mp16',
  req('userId', UserId),
);
export const UserCallForwardingNoAnswerGetResponse13mp16 = complex(
  'UserCallForwardingNoAnswerGetResponse13mp16',
  req('isActive', bool),
  opt('forwardToPhoneNumber', OutgoingDNorSIPURI),
  req('numberOfRings', CallForwardingNoAnswerNumberOfRings),
);
export const UserCallForwardingNoAnswerModifyRequest = complex(
  'UserCallForwardingNoAnswerModifyRequest',
  req('userId', UserId),
  opt('isActive', bool),
  nil('forwardToPhoneNumber', OutgoingDNorSIPURI),
  opt('numberOfRings', CallForwardingNoAnswerNumberOfRings),
);
export const UserCallForwardingNotReachableGetRequest = complex(
  'UserCallForwardingNotReachableGetRequest',
  req('userId', UserId),
);
export const UserCallForwardingNotReachableGetResponse = complex(
  'UserCallForwardingNotReachableGetResponse',
  req('isActive', bool),
  opt('forwardToPhoneNumber', OutgoingDNorSIPURI),
);
export const UserCallForwardingNotReachableModifyRequest = complex(
  'UserCallForwardingNotReachableModifyRequest',
  req('userId', UserId),
  opt('isActive', bool),
  nil('forwardToPhoneNumber', OutgoingDNorSIPURI),
);

/** An alternate number slot; in a modify, nil clears an element (no number and no extension: the slot is free). */
export const AlternateNumberEntry21 = complex(
  'AlternateNumberEntry21',
  nil('phoneNumber', DN),
  nil('extension', Extension17),
  nil('ringPattern', RingPattern),
  nil('description', AlternateNumberDescription),
);
export const UserAlternateNumbersGetRequest21 = complex('UserAlternateNumbersGetRequest21', req('userId', UserId));
export const UserAlternateNumbersGetResponse21 = complex(
  'UserAlternateNumbersGetResponse21',
  req('distinctiveRing', bool),
  opt('alternateEntry01', AlternateNumberEntry21),
  opt('alternateEntry02', AlternateNumberEntry21),
  opt('alternateEntry03', AlternateNumberEntry21),
  opt('alternateEntry04', AlternateNumberEntry21),
  opt('alternateEntry05', AlternateNumberEntry21),
  opt('alternateEntry06', AlternateNumberEntry21),
  opt('alternateEntry07', AlternateNumberEntry21),
  opt('alternateEntry08', AlternateNumberEntry21),
  opt('alternateEntry09', AlternateNumberEntry21),
  opt('alternateEntry10', AlternateNumberEntry21),
);
export const UserAlternateNumbersModifyRequest = complex(
  'UserAlternateNumbersModifyRequest',
  req('userId', UserId),
  opt('distinctiveRing', bool),
  opt('alternateEntry01', AlternateNumberEntry21),
  opt('alternateEntry02', AlternateNumberEntry21),
  opt('alternateEntry03', AlternateNumberEntry21),
  opt('alternateEntry04', AlternateNumberEntry21),
  opt('alternateEntry05', AlternateNumberEntry21),
  opt('alternateEntry06', AlternateNumberEntry21),
  opt('alternateEntry07', AlternateNumberEntry21),
  opt('alternateEntry08', AlternateNumberEntry21),
  opt('alternateEntry09', AlternateNumberEntry21),
  opt('alternateEntry10', AlternateNumberEntry21),
);

export const GroupDnGetListRequest = complex(
  'GroupDnGetListRequest',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
);
export const GroupDnGetListResponse = complex('GroupDnGetListResponse', list('phoneNumber', DN, 0, Infinity));
export const GroupDnGetAvailableListRequest = complex(
  'GroupDnGetAvailableListRequest',
  req('serviceProviderId', ServiceProviderId),
  req('groupId', GroupId),
);
export const GroupDnGetAvailableListResponse = complex(
  'GroupDnGetAvailableListResponse',
  list('phoneNumber', DN, 0, Infinity),
);

// --- Login and session (OCISchemaLogin) ---
export const AuthenticationRequest = complex('AuthenticationRequest', req('userId', UserId));
export const AuthenticationResponse = complex(
  'AuthenticationResponse',
  req('userId', UserId),
  req('nonce', str(1)),
  req('passwordAlgorithm', oneOf('MD5')),
);
export const LoginRequest14sp4 = complex(
  'LoginRequest14sp4',
  req('userId', UserId),
  opt('signedPassword', str(1)),
  opt('plainTextPassword', Password),
);
const loginType = oneOf(
  'System',
  'Provisioning',
  'Reseller',
  'Service Provider',
  'Group',
  'Group Department',
  'User',
  'Lawful Intercept',
);
const loginResponseElements = [
  req('loginType', loginType),
  req('locale', str(1, 20)),
  req('encoding', str(1, 40)),
  opt('groupId', GroupId),
  opt('serviceProviderId', ServiceProviderId),
  req('isEnterprise', bool),
  opt('passwordExpiresDays', int(-2147483648, 2147483647)),
  req('userDomain', NetAddress),
] as const;
export const LoginResponse14sp4 = complex('LoginResponse14sp4', ...loginResponseElements);
export const LoginRequest22V5 = complex(
  'LoginRequest22V5',
  req('userId', UserId),
  opt('password', Password),
  opt('signedPassword', str(1)),
);
export const LoginResponse22V5 = complex(
  'LoginResponse22V5',
  ...loginResponseElements,
  opt('resellerId', str(1, 36)),
  opt('tokenRevocationTime', int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
);
export const LogoutRequest = complex(
  'LogoutRequest',
  req('userId', UserId),
  opt('reason', oneOf('Client Logout', 'Server Connection Failure', 'Open Client Server Forced Logout')),
);

// --- Responses common to every command (namespace C) ---
export const SuccessResponse = complex('SuccessResponse');
/** The `type` attribute (Error | Warning | Info) is carried beside the elements. */
export const ErrorResponse = complex(
  'ErrorResponse',
  opt('errorCode', int(-2147483648, 2147483647)),
  req('summary', str()),
  req('summaryEnglish', str()),
  opt('detail', str()),
);

/**
 * Each command the OciGateway port carries, with the response that answers it (ErrorResponse
 * aside): the one place this pairing is written. commands.ts derives OciCommandMap from it.
 */
export const COMMANDS = commandMap(
  [GroupHuntGroupAddInstanceRequest20, SuccessResponse],
  [GroupHuntGroupGetInstanceRequest20, GroupHuntGroupGetInstanceResponse20],
  [GroupHuntGroupModifyInstanceRequest, SuccessResponse],
  [GroupHuntGroupDeleteInstanceRequest, SuccessResponse],
  [GroupHuntGroupConsolidatedAddInstanceRequest, SuccessResponse],
  [GroupHuntGroupConsolidatedModifyInstanceRequest, SuccessResponse],
  [GroupHuntGroupConsolidatedDeleteInstanceRequest, SuccessResponse],
  [GroupHuntGroupGetInstanceListRequest, GroupHuntGroupGetInstanceListResponse],
  [GroupHuntGroupGetAvailableUserListRequest, GroupHuntGroupGetAvailableUserListResponse],
  [GroupHuntGroupGetInstancePagedSortedListRequest, GroupHuntGroupGetInstancePagedSortedListResponse],
  [GroupHuntGroupGetAvailableUserPagedSortedListRequest, GroupHuntGroupGetAvailableUserPagedSortedListResponse],
  [GroupHuntGroupModifyInstanceWeightedCallDistributionRequest, SuccessResponse],
  [GroupHuntGroupModifyActiveInstanceListRequest, SuccessResponse],
  [UserModifyUserIdRequest, SuccessResponse],
  [GroupGetRequest22V5, GroupGetResponse22V5],
  [GroupDepartmentGetListRequest18, GroupDepartmentGetListResponse18],
  [ServiceProviderGetRequest22V4, ServiceProviderGetResponse22V4],
  [GroupGetListInServiceProviderRequest, GroupGetListInServiceProviderResponse],
  [VerifySessionIsValidRequest, SuccessResponse],
  [UserServiceAssignListRequest, SuccessResponse],
  [UserServiceUnassignListRequest, SuccessResponse],
  [UserServiceIsAssignedRequest, UserServiceIsAssignedResponse],
  [UserCallForwardingAlwaysGetRequest, UserCallForwardingAlwaysGetResponse],
  [UserCallForwardingAlwaysModifyRequest, SuccessResponse],
  [UserCallForwardingBusyGetRequest, UserCallForwardingBusyGetResponse],
  [UserCallForwardingBusyModifyRequest, SuccessResponse],
  [UserCallForwardingNoAnswerGetRequest13mp16, UserCallForwardingNoAnswerGetResponse13mp16],
  [UserCallForwardingNoAnswerModifyRequest, SuccessResponse],
  [UserCallForwardingNotReachableGetRequest, UserCallForwardingNotReachableGetResponse],
  [UserCallForwardingNotReachableModifyRequest, SuccessResponse],
  [UserAlternateNumbersGetRequest21, UserAlternateNumbersGetResponse21],
  [UserAlternateNumbersModifyRequest, SuccessResponse],
  [GroupDnGetListRequest, GroupDnGetListResponse],
  [GroupDnGetAvailableListRequest, GroupDnGetAvailableListResponse],
);

/** The login commands, which the connection sends itself before any other. (LogoutRequest has no answer.) */
export const SESSION_COMMANDS = commandMap(
  [AuthenticationRequest, AuthenticationResponse],
  [LoginRequest14sp4, LoginResponse14sp4],
  [LoginRequest22V5, LoginResponse22V5],
);

const pairs = [...Object.values(COMMANDS), ...Object.values(SESSION_COMMANDS)];

/** Every request this service sends, by name: the writer, the reader and the simulator look them up here. */
export const REQUEST_TYPES = byName(...pairs.map(([request]) => request), LogoutRequest);

/** Every response, by name (SuccessResponse and ErrorResponse first). */
export const RESPONSE_TYPES = byName(
  ...new Set([SuccessResponse, ErrorResponse, ...pairs.map(([, response]) => response)]),
);
