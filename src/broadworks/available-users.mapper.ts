/** Available users between the domain and OCI-P. */
import type { AvailableUserSortField, PageRequest, UserSearch } from '../domain/broadworks.port.js';
import type { AvailableUser, Scope } from '../domain/model.js';
import { lastPathSegment } from './agent.mapper.js';
import { departmentKeyOf, type DepartmentDirectory } from './departments.js';
import type {
  GroupHuntGroupGetAvailableUserListRequest,
  AvailableUserSortOrder,
  GroupHuntGroupGetAvailableUserPagedSortedListRequest,
  SearchMode,
} from '../ocip/commands.js';
import { MAX_PAGE_SIZE } from './hunt-group-pages.mapper.js';

const MODES: Record<UserSearch['text'][number]['mode'], SearchMode> = {
  Starts: 'Starts With',
  Contains: 'Contains',
  Equals: 'Equal To',
};

/** A search → GroupHuntGroupGetAvailableUserListRequest; criteria of one kind are ANDed by BroadWorks. */
export function toAvailableUserListRequest(
  { tenantId, groupId }: Scope,
  search: UserSearch,
): GroupHuntGroupGetAvailableUserListRequest {
  const request: GroupHuntGroupGetAvailableUserListRequest = {
    $type: 'GroupHuntGroupGetAvailableUserListRequest',
    serviceProviderId: tenantId,
    groupId,
    responseSizeLimit: search.limit,
  };
  for (const { field, mode, value, caseInsensitive } of search.text) {
    (request[`searchCriteria${field}`] ??= []).push({ mode: MODES[mode], value, isCaseInsensitive: caseInsensitive });
  }
  if (search.department) {
    request.searchCriteriaExactUserDepartment = { departmentKey: departmentKeyOf(search.department) };
  }
  if (search.group !== undefined) {
    request.searchCriteriaExactUserGroup = { serviceProviderId: tenantId, groupId: search.group };
  }
  return request;
}

const SORT_KEYS: Record<AvailableUserSortField, keyof AvailableUserSortOrder> = {
  userId: 'sortByUserId',
  lastName: 'sortByUserLastName',
  firstName: 'sortByUserFirstName',
  phoneNumber: 'sortByDn',
  extension: 'sortByExtension',
};

/**
 * A page of the search → GroupHuntGroupGetAvailableUserPagedSortedListRequest, asked one row longer
 * (while BroadWorks' page allows) to tell whether another page follows. Its criteria have no exact
 * department (the domain refuses that filter with a page); the group is an exact group id.
 */
export function toAvailableUserPageRequest(
  { tenantId, groupId }: Scope,
  search: UserSearch,
  page: PageRequest<AvailableUserSortField>,
): GroupHuntGroupGetAvailableUserPagedSortedListRequest {
  const request: GroupHuntGroupGetAvailableUserPagedSortedListRequest = {
    $type: 'GroupHuntGroupGetAvailableUserPagedSortedListRequest',
    serviceProviderId: tenantId,
    groupId,
    responsePagingControl: {
      responseStartIndex: page.offset + 1,
      responsePageSize: Math.min(page.limit + 1, MAX_PAGE_SIZE),
    },
    sortOrder: page.sort.map(({ field, descending }) => ({
      [SORT_KEYS[field]]: { isAscending: !descending, isCaseSensitive: field === 'userId' },
    })),
  };
  for (const { field, mode, value, caseInsensitive } of search.text) {
    (request[`searchCriteria${field}`] ??= []).push({ mode: MODES[mode], value, isCaseInsensitive: caseInsensitive });
  }
  if (search.group !== undefined) {
    request.searchCriteriaGroupId = [{ mode: 'Equal To', value: search.group, isCaseInsensitive: false }];
  }
  return request;
}

/**
 * The searches that tell which of these users can be agents here: exact user ids ORed, as many as
 * one BroadWorks page holds in each (2000), so a long agent list costs one command, not one per agent.
 */
export function availabilityChecks(
  { tenantId, groupId }: Scope,
  userIds: readonly string[],
): GroupHuntGroupGetAvailableUserPagedSortedListRequest[] {
  const unique = [...new Set(userIds)];
  const checks: GroupHuntGroupGetAvailableUserPagedSortedListRequest[] = [];
  for (let i = 0; i < unique.length; i += MAX_PAGE_SIZE) {
    const ids = unique.slice(i, i + MAX_PAGE_SIZE);
    checks.push({
      $type: 'GroupHuntGroupGetAvailableUserPagedSortedListRequest',
      serviceProviderId: tenantId,
      groupId,
      responsePagingControl: { responseStartIndex: 1, responsePageSize: ids.length },
      searchCriteriaUserId: ids.map((value) => ({ mode: 'Equal To', value, isCaseInsensitive: false })),
      ...(ids.length > 1 ? { searchCriteriaModeOr: true } : {}),
    });
  }
  return checks;
}

/**
 * A row of the available user table. The table names a department by full path only: the group's
 * department list describes the ones it can see; a department of another group of the enterprise
 * is shown by name and path, without its group.
 */
export function toAvailableUser(
  row: Record<string, string>,
  tenantId: string,
  departments: DepartmentDirectory,
): AvailableUser {
  const path = row['Department'] ?? '';
  const department = path
    ? (departments.find(path) ?? { tenantId, departmentName: lastPathSegment(path), fullPathName: path })
    : undefined;
  return {
    userId: row['User Id'],
    lastName: row['Last Name'] ?? '',
    firstName: row['First Name'] ?? '',
    phoneNumber: row['Phone Number'] ?? '',
    extension: row['Extension'] ?? '',
    ...(department ? { department } : {}),
    emailAddress: row['Email Address'] ?? '',
  };
}
