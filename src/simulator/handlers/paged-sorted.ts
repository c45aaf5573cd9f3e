/**
 * What the R25 paged-sorted list commands share: sort orders (an xs:choice of one sortBy… element
 * each, at most three), search criteria ANDed or, with searchCriteriaModeOr, ORed, and paging
 * (responseStartIndex from 1; without paging control, from row 1 with the largest page, 2000).
 */
import type { ResponsePagingControl, SortCriteria, TextSearchCriteria } from '../../ocip/commands.js';
import { compareText } from '../canonical-json.js';
import { schemaRefusal } from '../errors.js';
import type { OciErrorResponse } from '../../ocip/oci-errors.js';
import { matches } from './hunt-group-available-users.js';

/** The largest responsePageSize of the schema: the page BroadWorks answers when none is asked for. */
export const MAX_RESPONSE_PAGE_SIZE = 2000;

/** A row's value for a sort key or a text criterion; undefined when the row has none. */
export type Field<T> = (row: T) => string | undefined;

/** One sortOrder element: its single sortBy… element, by name. */
type SortOrder = Partial<Record<string, SortCriteria>>;

/**
 * The comparator of the request's sort orders, ties broken by `tieBreak` (the user id, BroadWorks'
 * default order), or an ErrorResponse when a sortOrder carries no or several sortBy… elements.
 */
export function comparatorOf<T>(
  sortOrders: readonly SortOrder[] | undefined,
  fields: Readonly<Record<string, Field<T>>>,
  tieBreak: Field<T>,
  path: string,
): ((a: T, b: T) => number) | OciErrorResponse {
  const keys: { field: Field<T>; ascending: boolean; caseSensitive: boolean }[] = [];
  for (const [i, order] of (sortOrders ?? []).entries()) {
    const chosen = Object.entries(order).filter(([, v]) => v !== undefined);
    if (chosen.length !== 1) {
      return schemaRefusal({
        path: `${path}/sortOrder[${i + 1}]`,
        reason: `exactly one of ${Object.keys(fields).join(', ')} expected (an xs:choice), ${chosen.length} given`,
        kind: 'content',
      });
    }
    const [name, criteria] = chosen[0] as [string, SortCriteria];
    keys.push({ field: fields[name], ascending: criteria.isAscending, caseSensitive: criteria.isCaseSensitive });
  }
  return (a, b) => {
    for (const { field, ascending, caseSensitive } of keys) {
      const [x, y] = [field(a) ?? '', field(b) ?? ''].map((v) => (caseSensitive ? v : v.toLowerCase()));
      const order = compareText(x, y);
      if (order !== 0) return ascending ? order : -order;
    }
    return compareText(tieBreak(a) ?? '', tieBreak(b) ?? '');
  };
}

/** A filter of the request's criteria, each a test of one row; all must hold, or one with `or`. */
export function criteriaFilter<T>(tests: readonly ((row: T) => boolean)[], or: boolean): (row: T) => boolean {
  if (tests.length === 0) return () => true;
  return or ? (row) => tests.some((t) => t(row)) : (row) => tests.every((t) => t(row));
}

/** One test per text criterion of a kind. */
export function textTests<T>(
  criteria: readonly TextSearchCriteria[] | undefined,
  field: Field<T>,
): ((row: T) => boolean)[] {
  return (criteria ?? []).map((c) => (row: T) => matches(c, field(row)));
}

/** The page the paging control asks for (rows are numbered from 1). */
export function pageOf<T>(rows: readonly T[], paging: ResponsePagingControl | undefined): T[] {
  const start = (paging?.responseStartIndex ?? 1) - 1;
  return rows.slice(start, start + (paging?.responsePageSize ?? MAX_RESPONSE_PAGE_SIZE));
}

/**
 * The ids a search names exactly when it names rows only by exact, case-sensitive user ids (ORed,
 * or a single one): the handler can then look them up by id instead of scanning every row.
 */
export function exactUserIds(
  userIdCriteria: readonly TextSearchCriteria[] | undefined,
  otherCriteria: number,
  or: boolean,
): string[] | undefined {
  const ids = userIdCriteria ?? [];
  if (ids.length === 0 || otherCriteria > 0) return undefined;
  if (!ids.every((c) => c.mode === 'Equal To' && !c.isCaseInsensitive)) return undefined;
  if (!or && ids.length > 1) return new Set(ids.map((c) => c.value)).size === 1 ? [ids[0].value] : [];
  return [...new Set(ids.map((c) => c.value))];
}

/** searchCriteriaModeOr is fixed="true": present means ORed; false is refused as the schema check would. */
export function modeOr(value: boolean | undefined, path: string): boolean | OciErrorResponse {
  if (value === false) {
    return schemaRefusal({ path: `${path}/searchCriteriaModeOr`, reason: 'fixed value true expected', kind: 'value' });
  }
  return value === true;
}
