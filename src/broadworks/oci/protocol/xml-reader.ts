/**
 * Reads OCI-P documents into command objects typed by the schema descriptions.
 *
 * Lenient on purpose: the simulator runs its schema check on what this returns, so values that do
 * not parse stay raw strings, elements the schema does not know are kept under their own name, and
 * unknown command types come back with their raw children. Only malformed XML is an error.
 *
 * sax (strict mode) feeds a small tree builder below: children keep document order (xs:sequence
 * order matters to the check) and text, whitespace-only included, is kept as child nodes. (xml2js
 * built the same tree at more than twice the cost, which made parsing the largest share of an
 * OCI-P round trip.) DOCTYPE is refused outright (OCI-P never has one; sax would not expand its
 * entities anyway), only the five XML entities are known, not sax's HTML set, and content after
 * the root element is refused.
 */
import sax from 'sax';
import type { AbstractType, ComplexType, ElementType, SimpleType } from '../schema-types.js';
import { isAbstract, isComplex, isList, isSimple, isTable } from '../schema-types.js';
import { commandType, elementsByName, localName } from './schema-lookup.js';
import { OciParseError } from './protocol-errors.js';

/** A command or response as read: `$type` is the xsi:type without its prefix. */
export interface OciReadCommand {
  $type: string;
  echo?: string;
  /** ErrorResponse: its `type` attribute (Error | Warning | Info). */
  level?: string;
  [field: string]: unknown;
}

export interface OciReadDocument {
  sessionId?: string;
  protocol?: string;
  commands: OciReadCommand[];
}

/** Junk nested deeper than this is refused rather than risking the stack. The real schema is ~5 deep. */
const MAX_DEPTH = 64;
const TEXT_NODE = '__text__';
const XML_ENTITIES = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }),
);

/** The tree parseXml builds: element name, attributes, children in order; text as TEXT_NODE children. */
interface XNode {
  '#name': string;
  $?: Record<string, string>;
  $$?: XNode[];
  _?: string;
}

/** Parses one document (a Buffer is decoded as declared: ISO-8859-1 unless it says UTF-8). */
export function readDocument(input: Buffer | string): OciReadDocument {
  const text = typeof input === 'string' ? input : decode(input);
  const root = parseXml(text);
  try {
    return toDocument(root);
  } catch (err) {
    // Conversion must never crash the server on garbage: anything unexpected is a parse error.
    if (err instanceof OciParseError) throw err;
    throw new OciParseError(`Cannot read OCI-P document: ${(err as Error).message}`, { cause: err });
  }
}

function decode(bytes: Buffer): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\uFEFF?\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  return declared === 'utf-8' || declared === 'utf8' ? bytes.toString('utf8') : bytes.toString('latin1');
}

function parseXml(text: string): XNode {
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false, position: false });
  // Only the five XML entities; DOCTYPE never (OCI-P has none, and refusing it rules out entity tricks).
  parser.ENTITIES = Object.create(XML_ENTITIES) as Record<string, string>;
  const stack: XNode[] = [];
  let root: XNode | undefined;
  let failure: unknown;
  parser.ondoctype = () => {
    throw new OciParseError('DOCTYPE is not allowed in OCI-P documents');
  };
  parser.onopentag = (tag) => {
    if (root && stack.length === 0) throw new OciParseError('Content after the root element');
    if (stack.length >= MAX_DEPTH)
      throw new OciParseError(`OCI-P document is nested too deeply (more than ${MAX_DEPTH} levels)`);
    const node: XNode = { '#name': tag.name, $: tag.attributes as Record<string, string>, $$: [] };
    if (stack.length > 0) stack[stack.length - 1].$$!.push(node);
    else root = node;
    stack.push(node);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const onText = (value: string) => {
    if (stack.length > 0) stack[stack.length - 1].$$!.push({ '#name': TEXT_NODE, _: value });
    else if (root && value.trim() !== '') throw new OciParseError('Content after the root element');
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onerror = (error) => {
    throw error;
  };
  try {
    parser.write(text).close();
  } catch (err) {
    failure = err;
  }
  if (failure !== undefined || !root || stack.length > 0) {
    if (failure instanceof OciParseError) throw failure;
    const message = failure instanceof Error ? failure.message.split('\n')[0] : 'empty or incomplete document';
    throw new OciParseError(`Malformed OCI-P XML: ${message}`, { cause: failure });
  }
  return root;
}

function toDocument(root: XNode): OciReadDocument {
  if (localName(root['#name']) !== 'BroadsoftDocument') {
    throw new OciParseError(`Not an OCI-P document: root element is <${root['#name']}>`);
  }
  const doc: OciReadDocument = { commands: [] };
  const protocol = root.$?.['protocol'];
  if (protocol !== undefined) doc.protocol = protocol;
  for (const child of elements(root)) {
    const name = localName(child['#name']);
    if (name === 'sessionId' && doc.sessionId === undefined) doc.sessionId = textOf(child);
    else if (name === 'command') doc.commands.push(toCommand(child));
  }
  return doc;
}

function toCommand(node: XNode): OciReadCommand {
  const attributes = node.$ ?? {};
  const $type = localName(attributes['xsi:type'] ?? '');
  const command: OciReadCommand = { $type };
  const type = commandType($type);
  if (type) readComplexInto(command, node, type, 1);
  else readRawInto(command, node, 1);
  // Attributes are set last so that a stray element named echo/level cannot mask them.
  if (attributes['echo'] !== undefined) command.echo = attributes['echo'];
  if ($type === 'ErrorResponse' && attributes['type'] !== undefined) command.level = attributes['type'];
  return command;
}

/** Fills `target` with the children of `node`, typed by `type` where the schema knows them. */
function readComplexInto(target: Record<string, unknown>, node: XNode, type: ComplexType, depth: number): void {
  const specs = elementsByName(type);
  for (const child of elements(node)) {
    const name = child['#name'];
    const spec = specs.get(name);
    if (!spec) {
      assign(target, name, readRaw(child, depth + 1));
      continue;
    }
    const value = isNil(child) ? null : readTyped(child, spec.type, depth + 1);
    if (isList(spec)) {
      const list = target[name];
      if (Array.isArray(list)) list.push(value);
      else target[name] = [value];
    } else {
      assign(target, name, value);
    }
  }
}

function readTyped(node: XNode, type: ElementType, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new OciParseError('OCI-P document is nested too deeply');
  if (isSimple(type)) return elements(node).length > 0 ? readRaw(node, depth) : readSimple(textOf(node), type);
  if (isTable(type)) return readTable(node);
  if (isAbstract(type)) return readAbstract(node, type, depth);
  if (isComplex(type)) {
    // Text where a structure belongs is kept raw so the check can say what is wrong.
    if (elements(node).length === 0 && textOf(node).trim() !== '') return textOf(node);
    const value: Record<string, unknown> = {};
    readComplexInto(value, node, type, depth);
    return value;
  }
  return readRaw(node, depth);
}

/** xs:int and xs:boolean allow surrounding whitespace (collapse); strings are kept exactly. */
function readSimple(text: string, type: SimpleType): unknown {
  switch (type.base) {
    case 'string':
      return text;
    case 'int': {
      const trimmed = text.trim();
      const n = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
      return Number.isSafeInteger(n) ? n : text;
    }
    case 'boolean': {
      const trimmed = text.trim();
      if (trimmed === 'true' || trimmed === '1') return true;
      if (trimmed === 'false' || trimmed === '0') return false;
      return text;
    }
  }
}

function readAbstract(node: XNode, type: AbstractType, depth: number): Record<string, unknown> {
  const concrete = localName(node.$?.['xsi:type'] ?? '');
  const value: Record<string, unknown> = { $type: concrete };
  const variant = type.variants.find((v) => v.name === concrete);
  if (variant) readComplexInto(value, node, variant, depth);
  else readRawInto(value, node, depth);
  return value;
}

function readTable(node: XNode): { headings: string[]; rows: string[][] } {
  const headings: string[] = [];
  const rows: string[][] = [];
  for (const child of elements(node)) {
    if (child['#name'] === 'colHeading') headings.push(textOf(child));
    else if (child['#name'] === 'row')
      rows.push(
        elements(child)
          .filter((c) => c['#name'] === 'col')
          .map(textOf),
      );
  }
  return { headings, rows };
}

/** An element the schema does not describe: text, null (nil), or an object of its children. */
function readRaw(node: XNode, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new OciParseError('OCI-P document is nested too deeply');
  if (isNil(node)) return null;
  if (elements(node).length === 0) return textOf(node);
  const value: Record<string, unknown> = {};
  readRawInto(value, node, depth);
  return value;
}

function readRawInto(target: Record<string, unknown>, node: XNode, depth: number): void {
  for (const child of elements(node)) assign(target, child['#name'], readRaw(child, depth + 1));
}

/** Sets a field; a repeated name becomes an array so nothing is lost. defineProperty keeps `__proto__` a plain key. */
function assign(target: Record<string, unknown>, name: string, value: unknown): void {
  if (Object.hasOwn(target, name)) {
    const previous = target[name];
    target[name] = Array.isArray(previous) ? [...(previous as unknown[]), value] : [previous, value];
    return;
  }
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function elements(node: XNode): XNode[] {
  return (node.$$ ?? []).filter((c) => c['#name'] !== TEXT_NODE);
}

function textOf(node: XNode): string {
  return (node.$$ ?? [])
    .filter((c) => c['#name'] === TEXT_NODE)
    .map((c) => c._ ?? '')
    .join('');
}

function isNil(node: XNode): boolean {
  const nilAttribute = node.$?.['xsi:nil']?.trim();
  return nilAttribute === 'true' || nilAttribute === '1';
}
