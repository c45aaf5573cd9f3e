/**
 * A bulk upload into validated items: a JSON array of items, or a CSV file with a header row naming
 * the same fields. Each row is validated with the DTO of the single route it stands for, so a bulk
 * row is refused exactly when the single call would refuse its body.
 */
import { parse } from 'csv-parse/sync';
import { ApiError, ValidationFailed, type FieldProblem } from '../../domain/errors.js';
import { BULK_ACTIONS, MAX_BULK_ITEMS, type BulkAction, type BulkItem } from '../../domain/bulk/bulk.js';
import {
  BOOLEAN_SETTINGS,
  UNASSIGN_NUMBER_LEVELS,
  type HuntGroupChange,
  type HuntGroupInput,
  type Scope,
  type UnassignNumbersLevel,
} from '../../domain/model.js';
import { CreateHuntGroupDto, UpdateHuntGroupDto } from '../hunt-groups/dto/hunt-group-body.dto.js';
import type { HuntGroupTemplates } from '../hunt-groups/templates.js';
import { validateDto } from '../validation.js';
import { HuntGroupParamsDto } from '../route-params.dto.js';

/** A bad row: its 1-based number among the items (a CSV's header not counted), the field, why. */
export interface RowProblem extends FieldProblem {
  row: number;
}

/** The profile fields a CSV names without their `serviceInstanceProfile.` prefix. */
const PROFILE_COLUMNS = [
  'name',
  'cliLastName',
  'cliFirstName',
  'hiraganaLastName',
  'hiraganaFirstName',
  'phoneNumber',
  'extension',
  'password',
  'language',
  'timeZone',
  'aliases',
  'publicUserIdentity',
  'callingLineIdPhoneNumber',
] as const;
const BOOLEAN_COLUMNS = [...BOOLEAN_SETTINGS, 'active'] as const;
const NUMBER_COLUMNS = ['noAnswerNumberOfRings', 'forwardTimeoutSeconds'] as const;
const TEXT_COLUMNS = [
  'action',
  'serviceUserId',
  'templateName',
  'policy',
  'forwardToPhoneNumber',
  'notReachableForwardToPhoneNumber',
  'networkClassOfService',
  'unassignPhoneNumbers',
] as const;
/** Lists in a cell: values separated by `;`. */
const LIST_COLUMNS = new Set(['agents', 'aliases']);

/** Every column a CSV may have, in the order the README documents them. */
export const CSV_COLUMNS: readonly string[] = [
  ...TEXT_COLUMNS,
  ...PROFILE_COLUMNS,
  'agents',
  ...BOOLEAN_COLUMNS,
  ...NUMBER_COLUMNS,
];

/** The rows of a JSON body: an array of objects. */
export function rowsOfJson(body: unknown): Record<string, unknown>[] {
  if (!Array.isArray(body)) {
    throw new ValidationFailed([{ field: 'body', reasons: ['must be a JSON array of items {"action", …}'] }]);
  }
  assertRowCount(body.length);
  return body as Record<string, unknown>[];
}

/**
 * The rows of a CSV file, as the JSON items they stand for. An empty cell leaves the field out
 * (a field cannot be cleared from a CSV: use JSON's null). `true`/`false` and integers become
 * booleans and numbers where the field is one; anything else stays a string, for the DTO to refuse.
 */
export function rowsOfCsv(text: string): Record<string, unknown>[] {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (e) {
    throw ApiError.badRequest('INVALID_CSV', `The CSV cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ValidationFailed([{ field: 'body', reasons: ['the CSV has no header row'] }]);
  const columns = header.map((h) => h.replace(/^serviceInstanceProfile\./, ''));
  const unknown = columns.filter((c) => !CSV_COLUMNS.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (unknown.length > 0 || repeated.length > 0 || !columns.includes('action')) {
    throw new ValidationFailed([
      ...unknown.map((c) => ({ field: `header.${c}`, reasons: [`not a column (columns: ${CSV_COLUMNS.join(', ')})`] })),
      ...repeated.map((c) => ({ field: `header.${c}`, reasons: ['named twice'] })),
      ...(columns.includes('action') ? [] : [{ field: 'header.action', reasons: ['required'] }]),
    ]);
  }
  assertRowCount(rows.length);
  return rows.map((cells) => {
    const item: Record<string, unknown> = {};
    const profile: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = cells[i];
      if (cell === undefined || cell === '') return;
      const value = cellValue(column, cell);
      if ((PROFILE_COLUMNS as readonly string[]).includes(column)) profile[column] = value;
      else item[column] = value;
    });
    if (Object.keys(profile).length > 0) item.serviceInstanceProfile = profile;
    return item;
  });
}

function cellValue(column: string, cell: string): unknown {
  if (LIST_COLUMNS.has(column))
    return cell
      .split(';')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  if ((BOOLEAN_COLUMNS as readonly string[]).includes(column) && /^(true|false)$/i.test(cell))
    return cell.toLowerCase() === 'true';
  if ((NUMBER_COLUMNS as readonly string[]).includes(column) && /^-?\d+$/.test(cell)) return Number(cell);
  return cell;
}

function assertRowCount(count: number): void {
  if (count === 0) throw new ValidationFailed([{ field: 'body', reasons: ['no items'] }]);
  if (count > MAX_BULK_ITEMS) {
    throw new ValidationFailed([
      { field: 'body', reasons: [`${count} items; a job takes at most ${MAX_BULK_ITEMS}: split the file`] },
    ]);
  }
}

/**
 * Every row validated: the items (null for a bad row) and the problems, each naming its row and
 * field. A hunt group may be named by one row only (the rows of a job run in parallel).
 */
export async function validateRows(
  rows: Record<string, unknown>[],
  scope: Scope,
  templates: HuntGroupTemplates,
): Promise<{ items: (BulkItem | null)[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const items: (BulkItem | null)[] = [];
  const rowOf = new Map<string, number>();
  for (const [index, raw] of rows.entries()) {
    const row = index + 1;
    try {
      const item = await itemOf(row, raw, scope, templates);
      const id = item.action === 'create' ? item.fields.serviceUserId : item.serviceUserId;
      const earlier = id !== undefined ? rowOf.get(id) : undefined;
      if (earlier !== undefined) {
        throw new ValidationFailed([{ field: 'serviceUserId', reasons: [`${id} is named by row ${earlier} already`] }]);
      }
      if (id !== undefined) rowOf.set(id, row);
      items.push(item);
    } catch (e) {
      items.push(null);
      problems.push(...problemsOf(e).map((p) => ({ row, ...p })));
    }
  }
  return { items, problems };
}

async function itemOf(
  row: number,
  raw: Record<string, unknown>,
  scope: Scope,
  templates: HuntGroupTemplates,
): Promise<BulkItem> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationFailed([{ field: 'item', reasons: ['must be an object {"action", …}'] }]);
  }
  const { action, ...fields } = raw;
  if (!BULK_ACTIONS.includes(action as BulkAction)) {
    throw new ValidationFailed([{ field: 'action', reasons: [`must be one of ${BULK_ACTIONS.join(', ')}`] }]);
  }
  if (action === 'create') {
    const body = await validateDto(CreateHuntGroupDto, fields);
    const resolved: HuntGroupInput = templates.resolve(body, scope);
    return { row, action, fields: plain(resolved) };
  }
  const id = await serviceUserIdOf(fields.serviceUserId, scope);
  if (action === 'delete') {
    const level = fields.unassignPhoneNumbers;
    if (level === undefined) return { row, action, serviceUserId: id };
    if (!UNASSIGN_NUMBER_LEVELS.includes(level as UnassignNumbersLevel)) {
      throw new ValidationFailed([
        { field: 'unassignPhoneNumbers', reasons: [`must be one of ${UNASSIGN_NUMBER_LEVELS.join(', ')}`] },
      ]);
    }
    return { row, action, serviceUserId: id, unassignPhoneNumbers: level as UnassignNumbersLevel };
  }
  const { serviceUserId: _id, unassignPhoneNumbers: _deleteOnly, ...change } = fields;
  const body: HuntGroupChange = await validateDto(UpdateHuntGroupDto, change);
  return { row, action: 'update', serviceUserId: id, fields: plain(body) };
}

/** An update or delete names its hunt group as the single routes' path does. */
async function serviceUserIdOf(value: unknown, scope: Scope): Promise<string> {
  if (value === undefined) throw new ValidationFailed([{ field: 'serviceUserId', reasons: ['required'] }]);
  try {
    const params = await validateDto(HuntGroupParamsDto, { ...scope, name: value });
    return params.name;
  } catch (e) {
    if (!(e instanceof ValidationFailed)) throw e;
    throw new ValidationFailed(
      e.problems.map((p) => ({
        field: 'serviceUserId',
        reasons: p.reasons.map((r) => r.replace('hunt_group_name', 'serviceUserId')),
      })),
    );
  }
}

/** A DTO instance as the plain JSON the store keeps. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function problemsOf(error: unknown): FieldProblem[] {
  if (error instanceof ValidationFailed) return error.problems;
  if (error instanceof ApiError) return [{ field: 'item', reasons: [error.message] }];
  throw error;
}
