/** Which handler answers which command. Commands not listed here are answered "unknown". */
import type { OciCommandMap, OciRequestName } from '../../ocip/commands.js';
import { getGroup } from './group-get.js';
import { listGroupsOfServiceProvider } from './group-list.js';
import { listGroupDepartments } from './group-departments.js';
import type { Handler } from './handler.js';
import { modifyActiveHuntGroups } from './hunt-group-activation.js';
import { addHuntGroup } from './hunt-group-add.js';
import {
  consolidatedAddHuntGroup,
  consolidatedDeleteHuntGroup,
  consolidatedModifyHuntGroup,
} from './hunt-group-consolidated.js';
import { listAvailableUsers } from './hunt-group-available-users.js';
import { listAvailableUsersPaged } from './hunt-group-available-users-paged.js';
import { deleteHuntGroup } from './hunt-group-delete.js';
import { getHuntGroup } from './hunt-group-get.js';
import { listHuntGroups } from './hunt-group-list.js';
import { listHuntGroupsPaged } from './hunt-group-paged-list.js';
import { modifyHuntGroup } from './hunt-group-modify.js';
import { modifyAgentWeights } from './hunt-group-weights.js';
import { getServiceProvider } from './service-provider-get.js';
import { modifyUserId } from './user-modify-user-id.js';
import { verifySession } from './verify-session.js';
import { assignUserServices, isUserServiceAssigned, unassignUserServices } from './user-service-assignment.js';
import {
  getCallForwardingAlways,
  getCallForwardingBusy,
  getCallForwardingNoAnswer,
  getCallForwardingNotReachable,
  modifyCallForwardingAlways,
  modifyCallForwardingBusy,
  modifyCallForwardingNoAnswer,
  modifyCallForwardingNotReachable,
} from './call-forwarding.js';
import { getAlternateNumbers, modifyAlternateNumbers } from './alternate-numbers.js';
import { listAvailableGroupNumbers, listGroupNumbers } from './group-dn.js';

const handlers: { [K in OciRequestName]: Handler<OciCommandMap[K][0]> } = {
  GroupHuntGroupAddInstanceRequest20: addHuntGroup,
  GroupHuntGroupGetInstanceRequest20: getHuntGroup,
  GroupHuntGroupModifyInstanceRequest: modifyHuntGroup,
  GroupHuntGroupDeleteInstanceRequest: deleteHuntGroup,
  GroupHuntGroupConsolidatedAddInstanceRequest: consolidatedAddHuntGroup,
  GroupHuntGroupConsolidatedModifyInstanceRequest: consolidatedModifyHuntGroup,
  GroupHuntGroupConsolidatedDeleteInstanceRequest: consolidatedDeleteHuntGroup,
  GroupHuntGroupGetInstanceListRequest: listHuntGroups,
  GroupHuntGroupGetAvailableUserListRequest: listAvailableUsers,
  GroupHuntGroupGetInstancePagedSortedListRequest: listHuntGroupsPaged,
  GroupHuntGroupGetAvailableUserPagedSortedListRequest: listAvailableUsersPaged,
  GroupHuntGroupModifyInstanceWeightedCallDistributionRequest: modifyAgentWeights,
  GroupHuntGroupModifyActiveInstanceListRequest: modifyActiveHuntGroups,
  UserModifyUserIdRequest: modifyUserId,
  GroupGetRequest22V5: getGroup,
  GroupDepartmentGetListRequest18: listGroupDepartments,
  ServiceProviderGetRequest22V4: getServiceProvider,
  GroupGetListInServiceProviderRequest: listGroupsOfServiceProvider,
  VerifySessionIsValidRequest: verifySession,
  UserServiceAssignListRequest: assignUserServices,
  UserServiceUnassignListRequest: unassignUserServices,
  UserServiceIsAssignedRequest: isUserServiceAssigned,
  UserCallForwardingAlwaysGetRequest: getCallForwardingAlways,
  UserCallForwardingAlwaysModifyRequest: modifyCallForwardingAlways,
  UserCallForwardingBusyGetRequest: getCallForwardingBusy,
  UserCallForwardingBusyModifyRequest: modifyCallForwardingBusy,
  UserCallForwardingNoAnswerGetRequest13mp16: getCallForwardingNoAnswer,
  UserCallForwardingNoAnswerModifyRequest: modifyCallForwardingNoAnswer,
  UserCallForwardingNotReachableGetRequest: getCallForwardingNotReachable,
  UserCallForwardingNotReachableModifyRequest: modifyCallForwardingNotReachable,
  UserAlternateNumbersGetRequest21: getAlternateNumbers,
  UserAlternateNumbersModifyRequest: modifyAlternateNumbers,
  GroupDnGetListRequest: listGroupNumbers,
  GroupDnGetAvailableListRequest: listAvailableGroupNumbers,
};

/** A Map, so a command named `constructor` or `__proto__` finds nothing. */
export const HANDLERS: ReadonlyMap<string, Handler<unknown>> = new Map(
  Object.entries(handlers) as unknown as [string, Handler<unknown>][],
);
