/**
 * Typed OCI-P command and response objects, derived from the schema descriptions (schema.ts), so
 * that a command's shape is written once. `$type` is the xsi:type of the command (or of an
 * abstract type's concrete variant). In modify requests `undefined` leaves an element out
 * (unchanged) and `null` sends it as xsi:nil (cleared): only nillable elements accept null.
 * commands.spec.ts pins these types down: a drift fails `npm run typecheck`.
 */
import type * as schema from './schema.js';
import type { Command, ComplexType, Infer, OciTable } from './schema-types.js';

export type { OciTable };

/** A request or response object of a described command type. */
type Request<T extends ComplexType> = Command<T>;
type Response<T extends ComplexType> = Command<T>;

/** DepartmentKey is abstract: a value is one of its variants, which `$type` names. */
export type DepartmentKey = Infer<typeof schema.DepartmentKey>;
export type GroupDepartmentKey = Extract<DepartmentKey, { $type: 'GroupDepartmentKey' }>;
export type EnterpriseDepartmentKey = Extract<DepartmentKey, { $type: 'EnterpriseDepartmentKey' }>;

export type HuntPolicy = Infer<typeof schema.HuntPolicy>;

export type ServiceInstanceAddProfile = Infer<typeof schema.ServiceInstanceAddProfile>;
export type ServiceInstanceReadProfile19sp1 = Infer<typeof schema.ServiceInstanceReadProfile19sp1>;
export type ServiceInstanceModifyProfile = Infer<typeof schema.ServiceInstanceModifyProfile>;

export type SearchMode = Infer<typeof schema.SearchMode>;
/** The text criteria (last name, first name, user id, dn, extension) all have this shape. */
export type TextSearchCriteria = Infer<typeof schema.SearchCriteriaUserLastName>;

export type GroupHuntGroupAddInstanceRequest20 = Request<typeof schema.GroupHuntGroupAddInstanceRequest20>;
export type GroupHuntGroupGetInstanceRequest20 = Request<typeof schema.GroupHuntGroupGetInstanceRequest20>;
export type GroupHuntGroupGetInstanceResponse20 = Response<typeof schema.GroupHuntGroupGetInstanceResponse20>;
export type GroupHuntGroupModifyInstanceRequest = Request<typeof schema.GroupHuntGroupModifyInstanceRequest>;
export type GroupHuntGroupDeleteInstanceRequest = Request<typeof schema.GroupHuntGroupDeleteInstanceRequest>;
export type GroupHuntGroupConsolidatedAddInstanceRequest = Request<
  typeof schema.GroupHuntGroupConsolidatedAddInstanceRequest
>;
export type GroupHuntGroupConsolidatedModifyInstanceRequest = Request<
  typeof schema.GroupHuntGroupConsolidatedModifyInstanceRequest
>;
export type GroupHuntGroupConsolidatedDeleteInstanceRequest = Request<
  typeof schema.GroupHuntGroupConsolidatedDeleteInstanceRequest
>;
export type GroupHuntGroupGetInstanceListRequest = Request<typeof schema.GroupHuntGroupGetInstanceListRequest>;
export type GroupHuntGroupGetInstanceListResponse = Response<typeof schema.GroupHuntGroupGetInstanceListResponse>;
export type GroupHuntGroupGetAvailableUserListRequest = Request<
  typeof schema.GroupHuntGroupGetAvailableUserListRequest
>;
export type GroupHuntGroupGetAvailableUserListResponse = Response<
  typeof schema.GroupHuntGroupGetAvailableUserListResponse
>;
export type GroupHuntGroupGetInstancePagedSortedListRequest = Request<
  typeof schema.GroupHuntGroupGetInstancePagedSortedListRequest
>;
export type GroupHuntGroupGetInstancePagedSortedListResponse = Response<
  typeof schema.GroupHuntGroupGetInstancePagedSortedListResponse
>;
export type GroupHuntGroupGetAvailableUserPagedSortedListRequest = Request<
  typeof schema.GroupHuntGroupGetAvailableUserPagedSortedListRequest
>;
export type GroupHuntGroupGetAvailableUserPagedSortedListResponse = Response<
  typeof schema.GroupHuntGroupGetAvailableUserPagedSortedListResponse
>;
export type ResponsePagingControl = Infer<typeof schema.ResponsePagingControl>;
export type SortCriteria = Infer<typeof schema.SortByUserId>;
export type HuntGroupInstanceSortOrder = Infer<typeof schema.SortOrderGroupHuntGroupGetInstancePagedSortedList>;
export type AvailableUserSortOrder = Infer<typeof schema.SortOrderGroupHuntGroupGetAvailableUserPagedSortedList>;
export type GroupHuntGroupModifyInstanceWeightedCallDistributionRequest = Request<
  typeof schema.GroupHuntGroupModifyInstanceWeightedCallDistributionRequest
>;
export type GroupHuntGroupModifyActiveInstanceListRequest = Request<
  typeof schema.GroupHuntGroupModifyActiveInstanceListRequest
>;
export type UserModifyUserIdRequest = Request<typeof schema.UserModifyUserIdRequest>;
export type GroupGetRequest22V5 = Request<typeof schema.GroupGetRequest22V5>;
export type GroupGetResponse22V5 = Response<typeof schema.GroupGetResponse22V5>;
export type GroupDepartmentGetListRequest18 = Request<typeof schema.GroupDepartmentGetListRequest18>;
export type GroupDepartmentGetListResponse18 = Response<typeof schema.GroupDepartmentGetListResponse18>;
export type ServiceProviderGetRequest22V4 = Request<typeof schema.ServiceProviderGetRequest22V4>;
export type GroupGetListInServiceProviderRequest = Request<typeof schema.GroupGetListInServiceProviderRequest>;
export type GroupGetListInServiceProviderResponse = Response<typeof schema.GroupGetListInServiceProviderResponse>;
/** isEnterprise is present (always true) only for an enterprise. */
export type ServiceProviderGetResponse22V4 = Response<typeof schema.ServiceProviderGetResponse22V4>;
export type VerifySessionIsValidRequest = Request<typeof schema.VerifySessionIsValidRequest>;
export type SuccessResponse = Response<typeof schema.SuccessResponse>;

// --- A user's own services (call forwarding, alternate numbers) and the group's numbers ---
export type UserServiceName = Infer<typeof schema.UserService>;
export type RingPattern = Infer<typeof schema.RingPattern>;
export type AlternateNumberEntry21 = Infer<typeof schema.AlternateNumberEntry21>;
export type UserServiceAssignListRequest = Command<typeof schema.UserServiceAssignListRequest>;
export type UserServiceUnassignListRequest = Command<typeof schema.UserServiceUnassignListRequest>;
export type UserServiceIsAssignedRequest = Command<typeof schema.UserServiceIsAssignedRequest>;
export type UserServiceIsAssignedResponse = Command<typeof schema.UserServiceIsAssignedResponse>;
export type UserCallForwardingAlwaysGetRequest = Command<typeof schema.UserCallForwardingAlwaysGetRequest>;
export type UserCallForwardingAlwaysGetResponse = Command<typeof schema.UserCallForwardingAlwaysGetResponse>;
export type UserCallForwardingAlwaysModifyRequest = Command<typeof schema.UserCallForwardingAlwaysModifyRequest>;
export type UserCallForwardingBusyGetRequest = Command<typeof schema.UserCallForwardingBusyGetRequest>;
export type UserCallForwardingBusyGetResponse = Command<typeof schema.UserCallForwardingBusyGetResponse>;
export type UserCallForwardingBusyModifyRequest = Command<typeof schema.UserCallForwardingBusyModifyRequest>;
export type UserCallForwardingNoAnswerGetRequest13mp16 = Command<
  typeof schema.UserCallForwardingNoAnswerGetRequest13mp16
>;
export type UserCallForwardingNoAnswerGetResponse13mp16 = Command<
  typeof schema.UserCallForwardingNoAnswerGetResponse13mp16
>;
export type UserCallForwardingNoAnswerModifyRequest = Command<typeof schema.UserCallForwardingNoAnswerModifyRequest>;
export type UserCallForwardingNotReachableGetRequest = Command<typeof schema.UserCallForwardingNotReachableGetRequest>;
export type UserCallForwardingNotReachableGetResponse = Command<
  typeof schema.UserCallForwardingNotReachableGetResponse
>;
export type UserCallForwardingNotReachableModifyRequest = Command<
  typeof schema.UserCallForwardingNotReachableModifyRequest
>;
export type UserAlternateNumbersGetRequest21 = Command<typeof schema.UserAlternateNumbersGetRequest21>;
export type UserAlternateNumbersGetResponse21 = Command<typeof schema.UserAlternateNumbersGetResponse21>;
export type UserAlternateNumbersModifyRequest = Command<typeof schema.UserAlternateNumbersModifyRequest>;
export type GroupDnGetListRequest = Command<typeof schema.GroupDnGetListRequest>;
export type GroupDnGetListResponse = Command<typeof schema.GroupDnGetListResponse>;
export type GroupDnGetAvailableListRequest = Command<typeof schema.GroupDnGetAvailableListRequest>;
export type GroupDnGetAvailableListResponse = Command<typeof schema.GroupDnGetAvailableListResponse>;

/** The settings every hunt group has: what add and get have in common but the profile. Modify has them optional. */
export type HuntGroupSettings = Pick<
  GroupHuntGroupGetInstanceResponse20,
  Exclude<
    keyof GroupHuntGroupGetInstanceResponse20 & keyof GroupHuntGroupAddInstanceRequest20,
    '$type' | 'serviceInstanceProfile'
  >
>;

type Commands = typeof schema.COMMANDS;
/** Each request with the response it is answered by (ErrorResponse aside), from schema.COMMANDS. */
export type OciCommandMap = {
  -readonly [K in keyof Commands]: [Request<Commands[K][0]>, Response<Commands[K][1]>];
};

export type OciRequestName = keyof OciCommandMap;
export type OciRequest = { [K in OciRequestName]: OciCommandMap[K][0] }[OciRequestName];
export type OciResponse = { [K in OciRequestName]: OciCommandMap[K][1] }[OciRequestName];
export type ResponseTo<R extends OciRequest> = OciCommandMap[R['$type']][1];
export type ResponsesTo<T extends readonly OciRequest[]> = { -readonly [I in keyof T]: ResponseTo<T[I]> };

/**
 * Reads an OCITable into one record per row, keyed by column heading (never by position). A loop,
 * not Object.fromEntries: an export reads 10,000 rows. A heading `__proto__` stays a plain key.
 */
export function tableRecords(table: OciTable): Record<string, string>[] {
  const { headings } = table;
  return table.rows.map((row) => {
    const record: Record<string, string> = {};
    for (let i = 0; i < headings.length; i++) {
      const value = row[i] ?? '';
      if (headings[i] === '__proto__')
        Object.defineProperty(record, '__proto__', { value, enumerable: true, writable: true, configurable: true });
      else record[headings[i]] = value;
    }
    return record;
  });
}

/** BroadWorks accepts at most this many commands in one OCI-P document. */
export const MAX_COMMANDS_PER_DOCUMENT = 15;

/** What one command of a document came back with. */
export type OciOutcome = OciResponse | import('./oci-errors.js').OciErrorResponse;
