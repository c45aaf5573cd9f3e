/** The paged-sorted hunt group list between the domain and OCI-P: single rows by id, and pages. */
import type { HuntGroupPageQuery, HuntGroupSortField } from '../domain/broadworks.port.js';
import type { Scope } from '../domain/model.js';
import type {
  GroupHuntGroupGetInstancePagedSortedListRequest,
  HuntGroupInstanceSortOrder,
  TextSearchCriteria,
} from '../ocip/commands.js';
import { ResponsePageSize } from '../ocip/schema.js';

/** BroadWorks' largest page (ResponsePageSize): a search by more ids than this takes several commands. */
export const MAX_PAGE_SIZE = ResponsePageSize.max!;

const exactId = (value: string): TextSearchCriteria => ({ mode: 'Equal To', value, isCaseInsensitive: false });

/**
 * The list rows of these hunt groups (activation and the department's full path live only there),
 * by exact user ids ORed: the row proves a hunt group is this group's without reading the whole list.
 */
export function rowsRequest(
  { tenantId, groupId }: Scope,
  ids: readonly string[],
): GroupHuntGroupGetInstancePagedSortedListRequest {
  return {
    $type: 'GroupHuntGroupGetInstancePagedSortedListRequest',
    serviceProviderId: tenantId,
    groupId,
    responsePagingControl: { responseStartIndex: 1, responsePageSize: Math.max(1, ids.length) },
    searchCriteriaUserId: ids.map(exactId),
    ...(ids.length > 1 ? { searchCriteriaModeOr: true } : {}),
  };
}

/** The rows requests for any number of ids, one per BroadWorks page. */
export function rowsRequests(scope: Scope, ids: readonly string[]): GroupHuntGroupGetInstancePagedSortedListRequest[] {
  const requests = [];
  for (let i = 0; i < ids.length; i += MAX_PAGE_SIZE)
    requests.push(rowsRequest(scope, ids.slice(i, i + MAX_PAGE_SIZE)));
  return requests;
}

const SORT_KEYS: Record<HuntGroupSortField, keyof HuntGroupInstanceSortOrder> = {
  serviceUserId: 'sortByUserId',
  name: 'sortByUserLastName',
  phoneNumber: 'sortByDn',
  extension: 'sortByExtension',
};

/**
 * A page as one command. One row more than the page is asked for (while BroadWorks' page allows
 * it), to tell whether another page follows without a total, which BroadWorks does not give.
 */
export function pageRequest(
  { tenantId, groupId }: Scope,
  query: HuntGroupPageQuery,
): GroupHuntGroupGetInstancePagedSortedListRequest {
  const { name, phoneNumber, extension, department, active } = query.filters;
  const text = (value: string, mode: TextSearchCriteria['mode'], isCaseInsensitive: boolean) => [
    { mode, value, isCaseInsensitive },
  ];
  return {
    $type: 'GroupHuntGroupGetInstancePagedSortedListRequest',
    serviceProviderId: tenantId,
    groupId,
    responsePagingControl: {
      responseStartIndex: query.offset + 1,
      responsePageSize: Math.min(query.limit + 1, MAX_PAGE_SIZE),
    },
    sortOrder: query.sort.map(({ field, descending }) => ({
      [SORT_KEYS[field]]: { isAscending: !descending, isCaseSensitive: field !== 'name' },
    })),
    ...(name !== undefined ? { searchCriteriaUserLastName: text(name, 'Contains', true) } : {}),
    ...(department !== undefined ? { searchCriteriaDepartmentName: text(department, 'Contains', true) } : {}),
    ...(phoneNumber !== undefined ? { searchCriteriaDn: text(phoneNumber, 'Equal To', false) } : {}),
    ...(extension !== undefined ? { searchCriteriaExtension: text(extension, 'Equal To', false) } : {}),
    ...(active !== undefined ? { searchCriteriaServiceStatus: { isActive: active } } : {}),
  };
}
