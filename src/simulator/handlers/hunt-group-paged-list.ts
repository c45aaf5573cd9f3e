/**
 * GroupHuntGroupGetInstancePagedSortedListRequest: the group's hunt groups, searched, sorted and
 * paged as R25 describes (paged-sorted.ts). The simulator's reading of the criteria on a hunt group
 * (a virtual user): "user last name" is the hunt group's name (the "Name" column), the department
 * name is the name of the hunt group's department, the service status is its activation, and DN
 * activation is that of its phone number (always activated here).
 */
import type {
  GroupHuntGroupGetInstancePagedSortedListRequest,
  GroupHuntGroupGetInstancePagedSortedListResponse,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import type { HuntGroup, World } from '../world.js';
import type { Handler } from './handler.js';
import { comparatorOf, criteriaFilter, exactUserIds, modeOr, pageOf, textTests, type Field } from './paged-sorted.js';
import { findGroup } from './rules.js';
import { departmentPath } from './views.js';

export const HUNT_GROUP_PAGED_LIST_COLUMNS = [
  'Service User Id',
  'Name',
  'Phone Number',
  'Is Phone Number Activated',
  'Country Code',
  'National Prefix',
  'Extension',
  'Department',
  'Department Type',
  'Parent Department',
  'Parent Department Type',
  'Is Active',
  'Policy',
];

const SORT_FIELDS: Record<string, Field<HuntGroup>> = {
  sortByUserId: (h) => h.serviceUserId,
  sortByUserLastName: (h) => h.profile.name,
  sortByDn: (h) => h.profile.phoneNumber,
  sortByExtension: (h) => h.profile.extension,
};

export const listHuntGroupsPaged: Handler<GroupHuntGroupGetInstancePagedSortedListRequest> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const compare = comparatorOf(command.sortOrder, SORT_FIELDS, (h) => h.serviceUserId, command.$type);
  if (compare instanceof OciErrorResponse) return compare;
  const or = modeOr(command.searchCriteriaModeOr, command.$type);
  if (or instanceof OciErrorResponse) return or;
  const department: Field<HuntGroup> = (h) =>
    h.profile.departmentKey === undefined ? undefined : world.departments.get(h.profile.departmentKey)?.name;
  const tests = [
    ...textTests<HuntGroup>(command.searchCriteriaUserLastName, (h) => h.profile.name),
    ...textTests<HuntGroup>(command.searchCriteriaDepartmentName, department),
    ...textTests<HuntGroup>(command.searchCriteriaUserId, (h) => h.serviceUserId),
    ...textTests<HuntGroup>(command.searchCriteriaDn, (h) => h.profile.phoneNumber),
    ...textTests<HuntGroup>(command.searchCriteriaExtension, (h) => h.profile.extension),
    ...(command.searchCriteriaExactDnActivation === undefined
      ? []
      : [
          (h: HuntGroup) =>
            (h.profile.phoneNumber !== undefined) === command.searchCriteriaExactDnActivation!.activated,
        ]),
    ...(command.searchCriteriaServiceStatus === undefined
      ? []
      : [(h: HuntGroup) => h.isActive === command.searchCriteriaServiceStatus!.isActive]),
  ];
  // A search by exact user ids (how a single hunt group is read) looks them up instead of scanning the group.
  const ids = exactUserIds(
    command.searchCriteriaUserId,
    tests.length - (command.searchCriteriaUserId?.length ?? 0),
    or,
  );
  const candidates = ids
    ? ids.flatMap((id) => {
        const h = world.huntGroups.get(id);
        return h && h.serviceProviderId === group.serviceProviderId && h.groupId === group.id ? [h] : [];
      })
    : world.huntGroupsOf(group);
  // Looked up by exact id, the candidates are the matches already.
  const matching = ids || tests.length === 0 ? candidates : candidates.filter(criteriaFilter(tests, or));
  // The group's hunt groups come by user id, BroadWorks' default order: only another order needs a sort.
  const sorted = ids || (command.sortOrder?.length ?? 0) > 0 ? [...matching].sort(compare) : matching;
  const rows = pageOf(sorted, command.responsePagingControl);
  const response: GroupHuntGroupGetInstancePagedSortedListResponse = {
    $type: 'GroupHuntGroupGetInstancePagedSortedListResponse',
    huntGroupTable: { headings: [...HUNT_GROUP_PAGED_LIST_COLUMNS], rows: rows.map((h) => pagedRow(world, h)) },
  };
  return response;
};

function pagedRow(world: World, h: HuntGroup): string[] {
  const department = h.profile.departmentKey === undefined ? undefined : world.departments.get(h.profile.departmentKey);
  const kind = (d: typeof department) => (d === undefined ? '' : d.groupId === undefined ? 'Enterprise' : 'Group');
  const parent = department?.parentKey === undefined ? undefined : world.departments.get(department.parentKey);
  const countryCode =
    h.profile.phoneNumber === undefined ? '' : (world.group(h.serviceProviderId, h.groupId)?.countryCode ?? '');
  return [
    h.serviceUserId,
    h.profile.name,
    h.profile.phoneNumber ?? '',
    String(h.profile.phoneNumber !== undefined),
    countryCode,
    world.nationalPrefixes.get(countryCode) ?? '',
    h.profile.extension ?? '',
    departmentPath(world, h.profile.departmentKey),
    kind(department),
    departmentPath(world, department?.parentKey),
    kind(parent),
    String(h.isActive),
    h.settings.policy,
  ];
}
