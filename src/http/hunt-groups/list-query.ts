/**
 * Paged lists' query strings: paging (`limit`, `offset`), sorting (`sort=name,-extension`) and, for
 * the hunt group list, filters named after the fields. Every bad value is a 400 naming its parameter; bounds come
 * from the OCI-P schema (the search criteria's values, the page size), so BroadWorks never refuses them.
 */
import { HUNT_GROUP_SORT_FIELDS, type HuntGroupPageQuery, type PageRequest } from '../../domain/broadworks.port.js';
import { ValidationFailed, type FieldProblem } from '../../domain/errors.js';
import {
  DN,
  DepartmentName,
  LastName,
  ResponsePageSize,
  ResponseStartIndex,
  SearchCriteriaExtension,
} from '../../ocip/schema.js';
import { XS_INT_MAX } from '../../ocip/schema-types.js';
import { queryInteger } from '../query-integer.js';

/** The largest page: BroadWorks' own (ResponsePageSize). */
export const MAX_LIST_PAGE = ResponsePageSize.max!;
/** The largest offset: BroadWorks' page starts at offset + 1, an xs:int (responseStartIndex). */
export const MAX_LIST_OFFSET = (ResponseStartIndex.max ?? XS_INT_MAX) - 1;
/** At most this many sort keys (BroadWorks takes three sortOrder elements). */
export const MAX_SORT_KEYS = 3;

const extensionValue = SearchCriteriaExtension.elements.find((e) => e.name === 'value')!.type as {
  maxLength?: number;
};
/** Each text filter with the longest value the matching search criterion takes. */
export const TEXT_FILTERS = {
  name: LastName.maxLength!,
  phoneNumber: DN.maxLength!,
  extension: extensionValue.maxLength!,
  department: DepartmentName.maxLength!,
} as const;
type TextFilter = keyof typeof TEXT_FILTERS;

/** The paging parameters every paged list takes. */
export const PAGE_PARAMETERS = ['limit', 'offset', 'sort'] as const;
export const LIST_QUERY_PARAMETERS = [...PAGE_PARAMETERS, ...Object.keys(TEXT_FILTERS), 'active'];

/** limit (default: the largest page), offset (default 0) and sort over `fields`; problems named after each parameter. */
export function pageRequestOf<F extends string>(
  query: Record<string, unknown>,
  fields: readonly F[],
  problems: FieldProblem[],
): PageRequest<F> {
  return {
    limit: queryInteger(query.limit, 'limit', 1, MAX_LIST_PAGE, problems) ?? MAX_LIST_PAGE,
    offset: queryInteger(query.offset, 'offset', 0, MAX_LIST_OFFSET, problems) ?? 0,
    sort: sortOf(query.sort, fields, problems),
  };
}

/** The page the query asks for, or undefined when it names none of the parameters (the whole list, as APIO answers it). */
export function listQueryOf(query: Record<string, unknown>): HuntGroupPageQuery | undefined {
  if (!LIST_QUERY_PARAMETERS.some((name) => query[name] !== undefined)) return undefined;
  const problems: FieldProblem[] = [];
  const { limit, offset, sort } = pageRequestOf(query, HUNT_GROUP_SORT_FIELDS, problems);
  const filters: HuntGroupPageQuery['filters'] = {};
  for (const [name, maxLength] of Object.entries(TEXT_FILTERS) as [TextFilter, number][]) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length < 1 || value.length > maxLength) {
      problems.push({ field: name, reasons: [`${name} must be one text of 1 to ${maxLength} characters`] });
    } else filters[name] = value;
  }
  if (query.active !== undefined) {
    if (query.active === 'true' || query.active === 'false') filters.active = query.active === 'true';
    else problems.push({ field: 'active', reasons: ['active must be true or false'] });
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
  return { limit, offset, sort, filters };
}

function sortOf<F extends string>(
  value: unknown,
  fields: readonly F[],
  problems: FieldProblem[],
): PageRequest<F>['sort'] {
  if (value === undefined) return [];
  const reason = `sort must be up to ${MAX_SORT_KEYS} of ${fields.join(', ')}, comma-separated, each once, "-" before one for descending`;
  if (typeof value !== 'string') {
    problems.push({ field: 'sort', reasons: [reason] });
    return [];
  }
  const keys = value.split(',').map((key) => ({
    field: key.replace(/^-/, '') as F,
    descending: key.startsWith('-'),
  }));
  const unknown = keys.filter((k) => !fields.includes(k.field));
  const repeated = new Set(keys.map((k) => k.field)).size !== keys.length;
  if (unknown.length > 0 || repeated || keys.length > MAX_SORT_KEYS) {
    const detail = unknown.length > 0 ? ` (${unknown.map((k) => JSON.stringify(k.field)).join(', ')} is not one)` : '';
    problems.push({ field: 'sort', reasons: [reason + detail] });
    return [];
  }
  return keys;
}

/** The Link header's next page: the same query with the offset after this page. */
export function nextLink(originalUrl: string, query: { limit: number; offset: number }): string {
  const [path, search = ''] = originalUrl.split('?');
  const params = new URLSearchParams(search);
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset + query.limit));
  return `<${path}?${params.toString()}>; rel="next"`;
}
