/**
 * GroupDnGetListRequest (every number assigned to the group) and GroupDnGetAvailableListRequest
 * (those nobody holds: not a user's or a virtual user's number, nor anyone's alternate number). The
 * group's calling line id number stays available: using it as the group's CLID assigns it to nobody.
 */
import type {
  GroupDnGetAvailableListRequest,
  GroupDnGetAvailableListResponse,
  GroupDnGetListRequest,
  GroupDnGetListResponse,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { freeNumbers } from '../user-services.js';
import type { Handler } from './handler.js';
import { findGroup } from './rules.js';

export const listGroupNumbers: Handler<GroupDnGetListRequest> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const answer: GroupDnGetListResponse = {
    $type: 'GroupDnGetListResponse',
    phoneNumber: [...group.phoneNumbers].sort(),
  };
  return answer;
};

export const listAvailableGroupNumbers: Handler<GroupDnGetAvailableListRequest> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const answer: GroupDnGetAvailableListResponse = {
    $type: 'GroupDnGetAvailableListResponse',
    phoneNumber: freeNumbers(world, group),
  };
  return answer;
};
