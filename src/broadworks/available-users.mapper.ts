/** Available users between the domain and OCI-P. */
import type { UserSearch } from '../domain/broadworks.port.js';
import type { AvailableUser, Scope } from '../domain/model.js';
import { lastPathSegment } from './agent.mapper.js';
import { departmentKeyOf, type DepartmentDirectory } from './departments.js';
import type { GroupHuntGroupGetAvailableUserListRequest, SearchMode } from '../ocip/commands.js';

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

/** The exact user id searches that tell whether each user can be an agent here. */
export function availabilityCheck(
  { tenantId, groupId }: Scope,
  userId: string,
): GroupHuntGroupGetAvailableUserListRequest {
  return {
    $type: 'GroupHuntGroupGetAvailableUserListRequest',
    serviceProviderId: tenantId,
    groupId,
    searchCriteriaUserId: [{ mode: 'Equal To', value: userId, isCaseInsensitive: false }],
  };
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
