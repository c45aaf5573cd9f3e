/**
 * Writes OCI-P documents. Element order, xsi:nil and xsi:type come from the schema descriptions
 * (never from object-key order), so a command object cannot produce an out-of-order sequence.
 *
 * `writeDocument` returns a string whose code points are all at or below 0xFF (everything else is
 * a character reference); `encodeDocument` turns it into the latin1 bytes for the socket. Keeping
 * the string step lets logs and tests read the document as text.
 *
 * Not checked here: required elements and facets (lengths, ranges, enumerations). The server's
 * schema check judges those, and tests need to be able to send incomplete commands to it.
 */
import type { AbstractType, ComplexType, ElementSpec, ElementType, SimpleType } from '../schema-types.js';
import { isAbstract, isComplex, isList, isSimple, isTable } from '../schema-types.js';
import { C_NAMESPACE_TYPES, commandType, elementsByName, XSI_NAMESPACE } from './schema-lookup.js';
import { escapeAttribute, escapeText } from './xml-escape.js';
import { OciWriteError } from './protocol-errors.js';

export { XSI_NAMESPACE };
export const XML_DECLARATION = '<?xml version="1.0" encoding="ISO-8859-1"?>';

/** A command or response as the writer takes it: `$type` is the xsi:type. */
export interface OciDocumentCommand {
  readonly $type: string;
  /** Written as the `echo` attribute; the server returns it on the response. */
  readonly echo?: string;
  /** ErrorResponse only: the `type` attribute (Error | Warning | Info, default Error). */
  readonly level?: string;
  readonly [field: string]: unknown;
}

export interface WriteOptions {
  /** The `protocol` attribute of BroadsoftDocument; OCI unless a test wants something else. */
  readonly protocol?: string;
  /**
   * BroadsoftDocument's `trackingId` (R25 OCIMessage: an element after the session id, before the
   * commands; a NonEmptyToken). BroadWorks returns it in its answer and writes it in its own logs,
   * so one id follows a request from the client to BroadWorks and back.
   */
  readonly trackingId?: string;
}

/** xs:token with minLength 1: no tab, CR or LF, no leading, trailing or doubled space. */
const NON_EMPTY_TOKEN = /^\S+(?: \S+)*$/;

/** Whether `value` can be a BroadsoftDocument's trackingId as BroadWorks' schema has it. */
const isTrackingId = (value: string): boolean => NON_EMPTY_TOKEN.test(value);

/** Keys of a command object that are attributes of `<command>`, not elements. */
const COMMAND_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set(['$type', 'echo', 'level']);
const NESTED_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set(['$type']);

/** Serialises a whole BroadsoftDocument. Throws OciEncodingError (user input) or OciWriteError (bug). */
export function writeDocument(
  sessionId: string,
  commands: readonly OciDocumentCommand[],
  opts: WriteOptions = {},
): string {
  const out: string[] = [
    XML_DECLARATION,
    '\n',
    `<BroadsoftDocument protocol="${escapeAttribute(opts.protocol ?? 'OCI')}" xmlns="C" xmlns:xsi="${XSI_NAMESPACE}">`,
    `<sessionId xmlns="">${escapeText(sessionId)}</sessionId>`,
  ];
  if (opts.trackingId !== undefined) {
    if (!isTrackingId(opts.trackingId))
      throw new OciWriteError(`trackingId must be a NonEmptyToken: ${opts.trackingId}`);
    out.push(`<trackingId xmlns="">${escapeText(opts.trackingId)}</trackingId>`);
  }
  for (const command of commands) writeCommand(out, command);
  out.push('</BroadsoftDocument>');
  return out.join('');
}

function writeCommand(out: string[], command: OciDocumentCommand): void {
  const name = command.$type;
  const type = typeof name === 'string' ? commandType(name) : undefined;
  if (!type) throw new OciWriteError(`Unknown OCI-P command type: ${String(name)}`);

  let attributes = '';
  if (command.echo !== undefined) attributes += ` echo="${escapeAttribute(String(command.echo))}"`;
  if (C_NAMESPACE_TYPES.has(name)) {
    attributes += ` xsi:type="c:${name}" xmlns:c="C"`;
  } else {
    attributes += ` xsi:type="${name}"`;
  }
  if (name === 'ErrorResponse') attributes += ` type="${escapeAttribute(String(command.level ?? 'Error'))}"`;
  attributes += ' xmlns=""';

  const body = writeElements(type, command, name, COMMAND_ATTRIBUTE_KEYS);
  out.push(body === '' ? `<command${attributes}/>` : `<command${attributes}>${body}</command>`);
}

/** Writes the elements of `value` in the order of `type`; `path` names the value in error messages. */
function writeElements(type: ComplexType, value: object, path: string, attributeKeys: ReadonlySet<string>): string {
  const record = value as Record<string, unknown>;
  const specs = elementsByName(type);
  for (const key of Object.keys(record)) {
    if (!specs.has(key) && !attributeKeys.has(key) && record[key] !== undefined) {
      throw new OciWriteError(`${path}.${key} is not an element of ${type.name}`);
    }
  }
  const parts: string[] = [];
  for (const spec of type.elements) {
    const v = record[spec.name];
    if (v === undefined) continue;
    const at = `${path}.${spec.name}`;
    if (v === null) {
      if (!spec.nillable)
        throw new OciWriteError(`${at} is not nillable in ${type.name}: leave it out instead of null`);
      parts.push(`<${spec.name} xsi:nil="true"/>`);
    } else if (isList(spec)) {
      if (!Array.isArray(v)) throw new OciWriteError(`${at} is a list and must be an array`);
      v.forEach((item, i) => parts.push(writeElement(spec, item, `${at}[${i}]`)));
    } else {
      if (Array.isArray(v)) throw new OciWriteError(`${at} occurs once and must not be an array`);
      parts.push(writeElement(spec, v, at));
    }
  }
  return parts.join('');
}

function writeElement(spec: ElementSpec, value: unknown, path: string): string {
  const { name, type } = spec;
  if (value === null || value === undefined) throw new OciWriteError(`${path}: list items cannot be null or undefined`);
  if (isSimple(type)) return wrap(name, '', escapeText(simpleText(type, value, path)));
  if (isTable(type)) return wrap(name, '', tableBody(value, path));
  if (isAbstract(type)) return abstractElement(name, type, value, path);
  if (isComplex(type)) {
    if (typeof value !== 'object') throw new OciWriteError(`${path} must be an object (${type.name})`);
    return wrap(name, '', writeElements(type, value, path, NESTED_ATTRIBUTE_KEYS));
  }
  return unreachable(type);
}

function abstractElement(name: string, type: AbstractType, value: unknown, path: string): string {
  const concrete = typeof value === 'object' ? (value as { $type?: unknown }).$type : undefined;
  const variant = type.variants.find((v) => v.name === concrete);
  if (!variant) {
    const names = type.variants.map((v) => v.name).join(' | ');
    throw new OciWriteError(`${path} needs $type ${names} (abstract ${type.name}), got ${String(concrete)}`);
  }
  const body = writeElements(variant, value as object, path, NESTED_ATTRIBUTE_KEYS);
  return wrap(name, ` xsi:type="${variant.name}"`, body);
}

function simpleText(type: SimpleType, value: unknown, path: string): string {
  switch (type.base) {
    case 'string':
      if (typeof value !== 'string') throw new OciWriteError(`${path} must be a string, got ${typeof value}`);
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw new OciWriteError(`${path} must be an integer, got ${String(value)}`);
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw new OciWriteError(`${path} must be a boolean, got ${typeof value}`);
      return value ? 'true' : 'false';
  }
}

function tableBody(value: unknown, path: string): string {
  const t = value as { headings?: unknown; rows?: unknown };
  const isStrings = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === 'string');
  if (typeof value !== 'object' || !isStrings(t.headings) || !Array.isArray(t.rows) || !t.rows.every(isStrings)) {
    throw new OciWriteError(`${path} must be a table { headings: string[]; rows: string[][] }`);
  }
  const headings = t.headings.map((h) => wrap('colHeading', '', escapeText(h))).join('');
  const rows = t.rows.map((row) => wrap('row', '', row.map((c) => wrap('col', '', escapeText(c))).join(''))).join('');
  return headings + rows;
}

function wrap(name: string, attributes: string, body: string): string {
  return body === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${body}</${name}>`;
}

function unreachable(type: ElementType): never {
  throw new OciWriteError(`Unsupported schema type ${JSON.stringify(type)}`);
}
