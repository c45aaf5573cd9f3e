/**
 * GroupHuntGroupGetAvailableUserListRequest: the users a hunt group of the group may take as
 * agents (the group's users, or every group's users in an enterprise; never virtual users),
 * filtered by the search criteria (all ANDed). Ordered as people lists are shown in BroadWorks:
 * by last name, then first name, then user id (code point order, so the order never depends on
 * the order users were created or renamed in).
 */
import type {
  GroupHuntGroupGetAvailableUserListRequest,
  GroupHuntGroupGetAvailableUserListResponse,
  TextSearchCriteria,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { compareText } from '../canonical-json.js';
import { departmentKey, type User } from '../world.js';
import type { Handler } from './handler.js';
import { findGroup, isAvailableAgent } from './rules.js';
import { AVAILABLE_USER_COLUMNS, availableUserRow } from './views.js';

export const listAvailableUsers: Handler<GroupHuntGroupGetAvailableUserListRequest> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const textFilters: [TextSearchCriteria[] | undefined, (u: User) => string | undefined][] = [
    [command.searchCriteriaUserLastName, (u) => u.lastName],
    [command.searchCriteriaUserFirstName, (u) => u.firstName],
    [command.searchCriteriaUserId, (u) => u.userId],
    [command.searchCriteriaDn, (u) => u.phoneNumber],
    [command.searchCriteriaExtension, (u) => u.extension],
  ];
  const departmentKeyWanted = command.searchCriteriaExactUserDepartment?.departmentKey;
  const wantedDepartment =
    departmentKeyWanted === undefined
      ? undefined
      : departmentKey(
          departmentKeyWanted.serviceProviderId,
          departmentKeyWanted.$type === 'GroupDepartmentKey' ? departmentKeyWanted.groupId : undefined,
          departmentKeyWanted.name,
        );
  const wantedGroup = command.searchCriteriaExactUserGroup;

  const users = [...world.users.values()]
    .filter((u) => isAvailableAgent(world, group, u))
    .filter((u) => textFilters.every(([criteria, field]) => (criteria ?? []).every((c) => matches(c, field(u)))))
    .filter((u) => wantedDepartment === undefined || u.departmentKey === wantedDepartment)
    .filter(
      (u) =>
        wantedGroup === undefined ||
        (u.serviceProviderId === wantedGroup.serviceProviderId && u.groupId === wantedGroup.groupId),
    )
    .sort(
      (a, b) =>
        compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName) || compareText(a.userId, b.userId),
    )
    .slice(0, command.responseSizeLimit ?? Infinity);

  const response: GroupHuntGroupGetAvailableUserListResponse = {
    $type: 'GroupHuntGroupGetAvailableUserListResponse',
    userTable: { headings: [...AVAILABLE_USER_COLUMNS], rows: users.map((u) => availableUserRow(world, u)) },
  };
  return response;
};

/** A user without the field (no phone number, say) matches no criterion on it. */
export function matches(criteria: TextSearchCriteria, field: string | undefined): boolean {
  if (field === undefined) return false;
  const value = criteria.isCaseInsensitive ? criteria.value.toLowerCase() : criteria.value;
  const text = criteria.isCaseInsensitive ? field.toLowerCase() : field;
  switch (criteria.mode) {
    case 'Equal To':
      return text === value;
    case 'Starts With':
      return text.startsWith(value);
    case 'Contains':
      return text.includes(value);
  }
}
