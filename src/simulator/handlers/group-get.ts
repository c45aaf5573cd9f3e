/** GroupGetRequest22V5: the group's profile. userCount counts real users only, as BroadWorks does. */
import type { GroupGetRequest22V5, GroupGetResponse22V5 } from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { timeZoneDisplayName } from '../time-zones.js';
import type { Handler } from './handler.js';
import { findGroup } from './rules.js';

export const getGroup: Handler<GroupGetRequest22V5> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const response: GroupGetResponse22V5 = {
    $type: 'GroupGetResponse22V5',
    defaultDomain: group.defaultDomain,
    userLimit: group.userLimit,
    userCount: world.usersOf(group).length,
    timeZone: group.timeZone,
    timeZoneDisplayName: timeZoneDisplayName(group.timeZone),
    serviceProviderId: group.serviceProviderId,
    groupId: group.id,
  };
  if (group.name !== undefined) response.groupName = group.name;
  if (group.callingLineIdName !== undefined) response.callingLineIdName = group.callingLineIdName;
  if (group.callingLineIdPhoneNumber !== undefined) response.callingLineIdPhoneNumber = group.callingLineIdPhoneNumber;
  return response;
};
