/** GroupHuntGroupGetInstanceListRequest: the group's hunt groups, ordered by service user id. */
import type {
  GroupHuntGroupGetInstanceListRequest,
  GroupHuntGroupGetInstanceListResponse,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { compareText } from '../canonical-json.js';
import { departmentKey } from '../world.js';
import type { Handler } from './handler.js';
import { findGroup } from './rules.js';
import { departmentPath } from './views.js';

export const HUNT_GROUP_LIST_COLUMNS = [
  'Service User Id',
  'Name',
  'Phone Number',
  'Extension',
  'Department',
  'Is Active',
  'Policy',
];

export const listHuntGroups: Handler<GroupHuntGroupGetInstanceListRequest> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  // groupDepartmentName names a department of this group: only hunt groups placed right in it are listed.
  const wanted =
    command.groupDepartmentName === undefined
      ? undefined
      : departmentKey(group.serviceProviderId, group.id, command.groupDepartmentName);
  const huntGroups = world
    .huntGroupsOf(group)
    .filter((h) => wanted === undefined || h.profile.departmentKey === wanted)
    .sort((a, b) => compareText(a.serviceUserId, b.serviceUserId));
  const response: GroupHuntGroupGetInstanceListResponse = {
    $type: 'GroupHuntGroupGetInstanceListResponse',
    huntGroupTable: {
      headings: [...HUNT_GROUP_LIST_COLUMNS],
      rows: huntGroups.map((h) => [
        h.serviceUserId,
        h.profile.name,
        h.profile.phoneNumber ?? '',
        h.profile.extension ?? '',
        departmentPath(world, h.profile.departmentKey),
        String(h.isActive),
        h.settings.policy,
      ]),
    },
  };
  return response;
};
