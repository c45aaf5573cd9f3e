/**
 * What every write can carry besides its body: a dry-run, and the version of the resource the
 * client read (If-Match). The use cases apply them the same way on every write route.
 */
import { createHash } from 'node:crypto';
import { ApiError } from './errors.js';

export interface WriteOptions {
  /** Run everything but the writes, and answer what the write would do (DryRun). */
  dryRun?: boolean;
  /** If-Match: the ETags the client accepts for the current resource (`*`: any existing one). */
  ifMatch?: string;
  /** If-None-Match on a create: `*` refuses the create when the id exists (412). */
  ifNoneMatch?: string;
  /**
   * A retry of a write whose earlier attempt (same Idempotency-Key) ended without a known outcome:
   * read BroadWorks first; if the intended change is there, answer as the success would have,
   * without sending it again; otherwise run it.
   */
  settle?: boolean;
  /** What the earlier attempt noted it was about to create (`noteIntent`). */
  intent?: { serviceUserId?: string };
  /** Keeps what the write is about to create (a generated id), for a retry to settle. */
  noteIntent?: (intent: { serviceUserId: string }) => Promise<void>;
}

/** One field a write changes, `a.b` for nested ones. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** An OCI-P command as a dry-run shows it: its type and elements, secrets hidden. */
export type CommandView = { type: string } & Record<string, unknown>;

/** What a write would do: the answer it would give, what it changes, the commands it would send. */
export interface DryRun<T> {
  dryRun: true;
  result: T;
  changes: FieldChange[];
  commands: CommandView[];
}

export const isDryRun = <T>(answer: T | DryRun<T>): answer is DryRun<T> =>
  typeof answer === 'object' && answer !== null && (answer as { dryRun?: unknown }).dryRun === true;

/**
 * The strong ETag of a resource as answered: a hash of its JSON. The same read gives the same ETag,
 * so a write compares the If-Match it got with the read it makes anyway, at no extra cost.
 */
export function etagOf(resource: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(resource)).digest('base64url').slice(0, 32)}"`;
}

/** The current ETag did not match If-Match (or If-None-Match: * found the resource): 412 with the ETag. */
export class PreconditionFailed extends ApiError {
  constructor(message: string, etag?: string) {
    super('precondition-failed', 'PRECONDITION_FAILED', message, { etag: etag ?? null });
  }
}

/** An update or delete without If-Match while API_REQUIRE_IF_MATCH is on: 428. */
export class PreconditionRequired extends ApiError {
  constructor() {
    super(
      'precondition-required',
      'PRECONDITION_REQUIRED',
      'If-Match is required on this service: read the resource, then send its ETag in If-Match',
    );
  }
}

/**
 * Checks If-Match against the resource as read (RFC 9110: a strong comparison; `*` matches any
 * existing resource; a list matches when one of its tags does). Throws before anything is written.
 */
export function assertIfMatch(options: WriteOptions, current: unknown, required: boolean): void {
  const header = options.ifMatch;
  if (header === undefined) {
    if (required) throw new PreconditionRequired();
    return;
  }
  if (header.trim() === '*') return;
  const etag = etagOf(current);
  const tags = header.split(',').map((t) => t.trim());
  if (!tags.includes(etag)) {
    throw new PreconditionFailed(
      `If-Match ${header} does not match the current version ${etag}: it changed since it was read`,
      etag,
    );
  }
}

/** The leaf fields that differ between two versions of a resource (lists compared whole). */
export function changesBetween(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => changesBetween(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ field: prefix, from: before ?? null, to: after ?? null }];
}
