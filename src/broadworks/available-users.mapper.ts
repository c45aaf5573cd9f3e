import { departmentKeyOf, type DepartmentDirectory, type DepartmentJson } from './departments.js';
import type { GroupHuntGroupGetAvailableUserListRequest, TextSearchCriteria } from './oci/commands.js';
import { lastPathSegment } from './agent.mapper.js';
import {
  MAX_RESPONSE_SIZE,
  TEXT_CRITERIA,
  type AvailableUsersFilterDto,
} from '../http/agents/dto/available-users-filter.dto.js';

/** A user who can be an agent, as the REST API shows it. */
export interface AvailableUserJson {
  userId: string;
  lastName: string;
  firstName: string;
  phoneNumber: string;
  extension: string;
  department?: DepartmentJson;
  emailAddress: string;
}

type TextCriteriaElement =
  | 'searchCriteriaUserLastName'
  | 'searchCriteriaUserFirstName'
  | 'searchCriteriaUserId'
  | 'searchCriteriaDn'
  | 'searchCriteriaExtension';

/** The filters → GroupHuntGroupGetAvailableUserListRequest; criteria of one kind are ANDed by BroadWorks. */
export function toAvailableUserListRequest(
  tenantId: string,
  groupId: string,
  filter: AvailableUsersFilterDto,
  exactGroup: { serviceProviderId: string; groupId: string } | undefined,
): GroupHuntGroupGetAvailableUserListRequest {
  const request: GroupHuntGroupGetAvailableUserListRequest = {
    $type: 'GroupHuntGroupGetAvailableUserListRequest',
    serviceProviderId: tenantId,
    groupId,
    responseSizeLimit: filter.responseSizeLimit ?? MAX_RESPONSE_SIZE,
  };
  for (const criterion of TEXT_CRITERIA) {
    const value = filter[criterion.name];
    if (value === undefined) continue;
    const element: TextCriteriaElement = criterion.criteria;
    const entry: TextSearchCriteria = { mode: criterion.mode, value, isCaseInsensitive: criterion.isCaseInsensitive };
    (request[element] ??= []).push(entry);
  }
  if (filter.sensitiveDepartmentEquals) {
    request.searchCriteriaExactUserDepartment = { departmentKey: departmentKeyOf(filter.sensitiveDepartmentEquals) };
  }
  if (exactGroup) request.searchCriteriaExactUserGroup = exactGroup;
  return request;
}

/**
 * A row of the available user table. The table names a department by full path only: the group's
 * department list describes the ones it can see; a department of another group of the enterprise
 * is shown by name and path, without its group.
 */
export function toAvailableUserJson(
  row: Record<string, string>,
  tenantId: string,
  departments: DepartmentDirectory,
): AvailableUserJson {
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
