/**
 * GroupHuntGroupGetAvailableUserPagedSortedListRequest: the users a hunt group of the group may take
 * as agents (as GroupHuntGroupGetAvailableUserListRequest), searched, sorted and paged as R25
 * describes (paged-sorted.ts). A search by exact user ids ORed (how many agents are checked at once)
 * looks them up by id instead of scanning every user.
 */
import type {
  GroupHuntGroupGetAvailableUserPagedSortedListRequest,
  GroupHuntGroupGetAvailableUserPagedSortedListResponse,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import type { User, World } from '../world.js';
import type { Handler } from './handler.js';
import { comparatorOf, criteriaFilter, exactUserIds, modeOr, pageOf, textTests, type Field } from './paged-sorted.js';
import { findGroup, isAvailableAgent } from './rules.js';
import { departmentPath } from './views.js';

export const AVAILABLE_USER_PAGED_COLUMNS = [
  'User Id',
  'Last Name',
  'First Name',
  'Hiragana Last Name',
  'Hiragana First Name',
  'Phone Number',
  'Is Phone Number Activated',
  'Country Code',
  'National Prefix',
  'Extension',
  'Department',
  'Department Type',
  'Parent Department',
  'Parent Department Type',
  'Email Address',
  'IMP Id',
  'Mobile Number',
  'Group Id',
  'Group Name',
];

const SORT_FIELDS: Record<string, Field<User>> = {
  sortByUserId: (u) => u.userId,
  sortByUserLastName: (u) => u.lastName,
  sortByUserFirstName: (u) => u.firstName,
  sortByDn: (u) => u.phoneNumber,
  sortByExtension: (u) => u.extension,
};

export const listAvailableUsersPaged: Handler<GroupHuntGroupGetAvailableUserPagedSortedListRequest> = (
  world,
  command,
) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const compare = comparatorOf(command.sortOrder, SORT_FIELDS, (u) => u.userId, command.$type);
  if (compare instanceof OciErrorResponse) return compare;
  const or = modeOr(command.searchCriteriaModeOr, command.$type);
  if (or instanceof OciErrorResponse) return or;
  const department: Field<User> = (u) =>
    u.departmentKey === undefined ? undefined : world.departments.get(u.departmentKey)?.name;
  const tests = [
    ...textTests<User>(command.searchCriteriaUserLastName, (u) => u.lastName),
    ...textTests<User>(command.searchCriteriaUserFirstName, (u) => u.firstName),
    ...textTests<User>(command.searchCriteriaDepartmentName, department),
    ...textTests<User>(command.searchCriteriaGroupId, (u) => u.groupId),
    ...textTests<User>(command.searchCriteriaUserId, (u) => u.userId),
    ...textTests<User>(command.searchCriteriaDn, (u) => u.phoneNumber),
    ...textTests<User>(command.searchCriteriaExtension, (u) => u.extension),
    ...(command.searchCriteriaExactDnActivation === undefined
      ? []
      : [
          (u: User) =>
            (u.phoneNumber !== undefined && u.phoneNumberActivated) ===
            command.searchCriteriaExactDnActivation!.activated,
        ]),
  ];
  const ids = exactUserIds(
    command.searchCriteriaUserId,
    tests.length - (command.searchCriteriaUserId?.length ?? 0),
    or,
  );
  const candidates = ids ? ids.flatMap((id) => world.users.get(id) ?? []) : [...world.users.values()];
  const users = candidates
    .filter((u) => isAvailableAgent(world, group, u))
    // Looked up by exact id, the candidates are the matches already.
    .filter(ids ? () => true : criteriaFilter(tests, or))
    .sort(compare);
  const response: GroupHuntGroupGetAvailableUserPagedSortedListResponse = {
    $type: 'GroupHuntGroupGetAvailableUserPagedSortedListResponse',
    userTable: {
      headings: [...AVAILABLE_USER_PAGED_COLUMNS],
      rows: pageOf(users, command.responsePagingControl).map((u) => pagedUserRow(world, u)),
    },
  };
  return response;
};

function pagedUserRow(world: World, u: User): string[] {
  const department = u.departmentKey === undefined ? undefined : world.departments.get(u.departmentKey);
  const kind = (d: typeof department) => (d === undefined ? '' : d.groupId === undefined ? 'Enterprise' : 'Group');
  const parent = department?.parentKey === undefined ? undefined : world.departments.get(department.parentKey);
  return [
    u.userId,
    u.lastName,
    u.firstName,
    u.hiraganaLastName ?? '',
    u.hiraganaFirstName ?? '',
    u.phoneNumber ?? '',
    String(u.phoneNumber !== undefined && u.phoneNumberActivated),
    u.countryCode,
    world.nationalPrefixes.get(u.countryCode) ?? '',
    u.extension ?? '',
    departmentPath(world, u.departmentKey),
    kind(department),
    departmentPath(world, department?.parentKey),
    kind(parent),
    u.email ?? '',
    '',
    '',
    u.groupId,
    world.groupName(u.serviceProviderId, u.groupId),
  ];
}
