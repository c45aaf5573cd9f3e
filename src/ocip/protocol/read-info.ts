/**
 * What the XML reader saw of a complex element beyond the values a plain object can hold: the order
 * of its child elements, and what a schema-validating reader refuses there (an unexpected attribute,
 * nil with content, text beside elements). The reader attaches it to each object it builds for a
 * complex element of a known type, as a non-enumerable symbol property: invisible to JSON, to
 * spreading and to test equality, so readers of answers never see it. The simulator's schema check
 * reads it to refuse what BroadWorks' schema refuses.
 */

export interface ReadProblem {
  /** Where, relative to the element: '' for the element itself, `name` or `name[i]` for a child. */
  readonly at: string;
  readonly reason: string;
}

export interface ReadInfo {
  /** The child elements' names in document order, one entry per occurrence ({uri}local when in a namespace). */
  readonly order: readonly string[];
  readonly problems: readonly ReadProblem[];
}

const READ_INFO = Symbol('OCI-P read info');

/** The read info of a value the XML reader built, or undefined (not read from XML, or a copy). */
export function readInfoOf(value: unknown): ReadInfo | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as { [READ_INFO]?: ReadInfo })[READ_INFO];
}

/** Gives `copy` the read info of `original`, so that a copy made before checking keeps what was read. */
export function keepReadInfo<T extends object>(original: object, copy: T): T {
  const info = readInfoOf(original);
  if (info) attach(copy, info);
  return copy;
}

/** Attaches a fresh, mutable read info to `target` (the reader's side). */
export function startReadInfo(target: object): { order: string[]; problems: ReadProblem[] } {
  const info = { order: [] as string[], problems: [] as ReadProblem[] };
  attach(target, info);
  return info;
}

function attach(target: object, info: ReadInfo): void {
  Object.defineProperty(target, READ_INFO, { value: info, enumerable: false, writable: false, configurable: true });
}
