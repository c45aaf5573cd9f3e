/**
 * Reads OCI-P documents into command objects typed by the schema descriptions.
 *
 * Namespace-aware, as a conforming XML reader is: element and attribute names, and the QName of an
 * xsi:type value, are resolved through the namespace bindings in scope, never matched as prefix
 * text. `xsi:type="c:SuccessResponse"` (c bound to C) and `q:type="…"` (q bound to the XML Schema
 * instance namespace) both work; a name whose prefix is bound to nothing is malformed XML. A name in
 * a namespace the schema does not put it in is another name: it is kept as `{uri}local`.
 *
 * Lenient about content on purpose: values that do not parse stay raw strings, elements the schema
 * does not know are kept under their name, and unknown command types come back with their raw
 * children, so that the gateway can read any answer and the simulator's schema check can say
 * exactly what is wrong. Only malformed XML (namespaces included) is an error. What a
 * schema-validating reader refuses but a plain object cannot show is recorded beside the values:
 * `readInfoOf(object)` for each complex element of a known type (element order, unexpected
 * attributes, nil with content), `document.problem` for the envelope. The simulator refuses on
 * those; the gateway ignores them.
 *
 * saxes (a strict, well-formedness-checking XML 1.0 parser, four times as fast as sax here) feeds
 * a small tree builder below, which resolves namespaces itself (the parser's namespace mode costs
 * more than the rest of the parse). DOCTYPE is refused outright (OCI-P never has one, and refusing
 * it rules out entity tricks); saxes knows only the five XML entities and refuses content after the
 * root element.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { AbstractType, ComplexType, ElementSpec, ElementType, SimpleType } from '../schema-types.js';
import { isAbstract, isComplex, isList, isSimple, isTable } from '../schema-types.js';
import { startReadInfo, type ReadProblem } from './read-info.js';
import {
  C_NAMESPACE,
  commandType,
  elementsByName,
  isRequestType,
  namespaceOfType,
  XSI_NAMESPACE,
} from './schema-lookup.js';
import { OciParseError } from './protocol-errors.js';

/** A command or response as read: `$type` is the xsi:type, resolved (see `typeName`). */
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
  /** The document's trackingId, when it has one (the server returns the client's in its answer). */
  trackingId?: string;
  commands: OciReadCommand[];
  /** The first thing in the envelope that BroadWorks' schema refuses (order, unknown element or attribute). */
  problem?: string;
}

/** Junk nested deeper than this is refused rather than risking the stack. The real schema is ~5 deep. */
const MAX_DEPTH = 64;
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Prefix ('' for the default namespace) → namespace name, inheriting from the enclosing scope; no Object.prototype. */
type Scope = Record<string, string | undefined>;
const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: XML_NAMESPACE });
/** The elements that identify the sender, one of which opens the envelope (OCIMessage in OCISchemaBASE). */
const IDENTITY_ELEMENTS: ReadonlySet<string> = new Set([
  'sessionId',
  'userId',
  'phoneNumber',
  'linePort',
  'externalUserIdentity',
]);
/** XML Schema instance attributes any element may carry besides xsi:type and xsi:nil. */
const XSI_ANYWHERE: ReadonlySet<string> = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);

interface XAttribute {
  readonly name: string;
  readonly uri: string;
  readonly local: string;
  readonly value: string;
}

/** The tree parseXml builds: elements only, text concatenated; names resolved. */
interface XNode {
  /** The local name when in no namespace, `{uri}local` otherwise. */
  readonly key: string;
  readonly name: string;
  /** Namespace declarations left out. */
  readonly attributes: readonly XAttribute[];
  /** The namespace bindings in scope, for the QName in an xsi:type value. */
  readonly scope: Scope;
  readonly children: XNode[];
  text: string;
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
  // No line and column in errors (as with sax before): tracking them costs time on every character.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XNode[] = [];
  let root: XNode | undefined;
  let failure: unknown;
  parser.on('doctype', () => {
    throw new OciParseError('DOCTYPE is not allowed in OCI-P documents');
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH)
      throw new OciParseError(`OCI-P document is nested too deeply (more than ${MAX_DEPTH} levels)`);
    const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
    const node = toNode(tag, parent?.scope ?? ROOT_SCOPE);
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (value: string) => {
    if (stack.length > 0) stack[stack.length - 1].text += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (error) => {
    throw error;
  });
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

/**
 * An element with its names resolved as Namespaces in XML 1.0 says: its own declarations
 * (`xmlns`, `xmlns:p`) open a scope over its parent's; an unprefixed element takes the default
 * namespace, an unprefixed attribute none; a prefix bound to nothing, a name with more than one
 * colon, a reserved prefix misused or one attribute given twice under two prefixes is malformed.
 */
function toNode(tag: SaxesTagPlain, parentScope: Scope): XNode {
  const raw = tag.attributes;
  const names = Object.keys(raw);
  // Most elements have no attributes: their name is all there is to resolve.
  if (names.length === 0) {
    const { uri, local } = resolve(tag.name, parentScope, true);
    return {
      key: expandedName(uri, local),
      name: tag.name,
      attributes: [],
      scope: parentScope,
      children: [],
      text: '',
    };
  }
  let scope = parentScope;
  for (const name of names) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    if (scope === parentScope) scope = Object.create(parentScope) as Scope;
    const prefix = name === 'xmlns' ? '' : name.slice(6);
    scope[prefix] = checkBinding(prefix, raw[name]);
  }
  const attributes: XAttribute[] = [];
  for (const name of names) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const { uri, local } = resolve(name, scope, false);
    if (attributes.some((a) => a.uri === uri && a.local === local))
      throw new OciParseError(
        `Malformed OCI-P XML: attribute ${expandedName(uri, local)} is given twice on <${tag.name}>`,
      );
    attributes.push({ name, uri, local, value: raw[name] });
  }
  const { uri, local } = resolve(tag.name, scope, true);
  return { key: expandedName(uri, local), name: tag.name, attributes, scope, children: [], text: '' };
}

function checkBinding(prefix: string, uri: string): string {
  checkQName(prefix === '' ? 'xmlns' : `xmlns:${prefix}`);
  if (prefix === 'xmlns' || uri === XMLNS_NAMESPACE || (prefix === 'xml') !== (uri === XML_NAMESPACE)) {
    const declaration = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
    throw new OciParseError(`Malformed OCI-P XML: ${declaration}="${uri}" misuses a reserved prefix or namespace`);
  }
  if (prefix !== '' && uri === '')
    throw new OciParseError(`Malformed OCI-P XML: prefix ${prefix} bound to no namespace`);
  return uri;
}

/** A qualified name's namespace and local part; an element without prefix takes the default namespace. */
function resolve(name: string, scope: Scope, isElement: boolean): { uri: string; local: string } {
  checkQName(name);
  const colon = name.indexOf(':');
  if (colon < 0) return { uri: isElement ? (scope[''] ?? '') : '', local: name };
  const prefix = name.slice(0, colon);
  const uri = prefix === 'xmlns' ? undefined : scope[prefix];
  if (uri === undefined) throw new OciParseError(`Malformed OCI-P XML: unbound namespace prefix ${prefix} in ${name}`);
  return { uri, local: name.slice(colon + 1) };
}

function checkQName(name: string): void {
  const colon = name.indexOf(':');
  if (colon === 0 || colon === name.length - 1 || (colon > 0 && name.indexOf(':', colon + 1) > 0)) {
    throw new OciParseError(`Malformed OCI-P XML: ${name} is not a qualified name`);
  }
}

const expandedName = (uri: string, local: string): string => (uri === '' ? local : `{${uri}}${local}`);

function toDocument(root: XNode): OciReadDocument {
  const local = root.key.slice(root.key.indexOf('}') + 1);
  if (local !== 'BroadsoftDocument') throw new OciParseError(`Not an OCI-P document: root element is <${root.name}>`);
  const problems: string[] = [];
  if (root.key !== `{${C_NAMESPACE}}BroadsoftDocument`)
    problems.push(`BroadsoftDocument must be in namespace ${C_NAMESPACE}, not ${namespaceOf(root.key)}`);
  const doc: OciReadDocument = { commands: [] };
  for (const attribute of root.attributes) {
    if (attribute.uri === '' && attribute.local === 'protocol') doc.protocol = attribute.value;
    else if (!(attribute.uri === XSI_NAMESPACE && XSI_ANYWHERE.has(attribute.local)))
      problems.push(`unexpected attribute ${attribute.name} on BroadsoftDocument`);
  }
  if (root.text.trim() !== '') problems.push('BroadsoftDocument holds text beside its elements');
  // OCIMessage: (sessionId | userId | …) then trackingId? then command{1,15} (the count is the server's to judge).
  let stage = 0;
  for (const child of root.children) {
    if (IDENTITY_ELEMENTS.has(child.key)) {
      if (stage > 0) problems.push(`<${child.key}> must come first in BroadsoftDocument, once`);
      stage = Math.max(stage, 1);
      if (child.key === 'sessionId' && doc.sessionId === undefined) {
        doc.sessionId = child.text;
        if (child.children.length > 0) problems.push('sessionId must hold text only');
      }
    } else if (child.key === 'trackingId') {
      if (stage > 1) problems.push('<trackingId> must come once, after the session id and before the commands');
      stage = Math.max(stage, 2);
      doc.trackingId ??= child.text;
    } else if (child.key === 'command') {
      stage = 3;
      doc.commands.push(toCommand(child));
    } else {
      problems.push(unexpectedInEnvelope(child.key));
    }
  }
  if (problems.length > 0) doc.problem = problems[0];
  return doc;
}

function unexpectedInEnvelope(key: string): string {
  const local = key.slice(key.indexOf('}') + 1);
  if (local !== key && (local === 'command' || local === 'trackingId' || IDENTITY_ELEMENTS.has(local))) {
    return `<${local}> must be in no namespace (xmlns=""), not in ${namespaceOf(key)}`;
  }
  return `unexpected element <${key}> in BroadsoftDocument`;
}

const namespaceOf = (key: string): string => (key.startsWith('{') ? key.slice(1, key.indexOf('}')) : 'no namespace');

function toCommand(node: XNode): OciReadCommand {
  const typeAttribute = attributeOf(node, XSI_NAMESPACE, 'type');
  const $type = typeAttribute === undefined ? '' : typeName(typeAttribute.value, node.scope);
  const command: OciReadCommand = { $type };
  const type = commandType($type);
  const problems = type ? readComplexInto(command, node, type, 1) : undefined;
  if (!type) readRawInto(command, node, 1);
  // Attributes are set last so that a stray element named echo/level cannot mask them.
  for (const attribute of node.attributes) {
    const { uri, local } = attribute;
    if (uri === '' && local === 'echo') command.echo = attribute.value;
    else if (uri === '' && local === 'type' && $type === 'ErrorResponse') command.level = attribute.value;
    else if (!isCommandAttribute(attribute, $type))
      problems?.push({ at: '', reason: `unexpected attribute ${attribute.name}` });
  }
  return command;
}

/** Besides echo: xsi attributes, OCIRequest's requestLocale, OCIResponse's debugInfo. */
function isCommandAttribute({ uri, local }: XAttribute, $type: string): boolean {
  if (uri === XSI_NAMESPACE) return local === 'type' || XSI_ANYWHERE.has(local);
  if (uri !== '') return false;
  return isRequestType($type) ? local === 'requestLocale' : local === 'debugInfo';
}

/**
 * An xsi:type value (a QName) resolved with the bindings in scope: the bare type name when it is in
 * the namespace the schema defines it in (C for SuccessResponse and ErrorResponse, none for the
 * rest), `{uri}local` when in another one, and the text as written when its prefix is bound to
 * nothing. The last two name no known type, so they are refused as unknown.
 */
function typeName(value: string, scope: Scope): string {
  const qname = value.trim();
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const local = qname.slice(colon + 1);
  const uri = prefix === 'xmlns' ? undefined : (scope[prefix] ?? (prefix === '' ? '' : undefined));
  if (uri === undefined || local === '' || local.includes(':')) return qname;
  return uri === namespaceOfType(local) ? local : `{${uri}}${local}`;
}

function attributeOf(node: XNode, uri: string, local: string): XAttribute | undefined {
  return node.attributes.find((a) => a.uri === uri && a.local === local);
}

/**
 * Fills `target` with the children of `node`, typed by `type` where the schema knows them, and
 * attaches what was read (order, problems) to it. Returns the problem list, for the caller to add to.
 */
function readComplexInto(target: Record<string, unknown>, node: XNode, type: ComplexType, depth: number) {
  const info = startReadInfo(target);
  if (node.text.trim() !== '') info.problems.push({ at: '', reason: 'must hold elements only, not text' });
  const specs = elementsByName(type);
  const counts = new Map<string, number>();
  for (const child of node.children) {
    const name = child.key;
    info.order.push(name);
    const spec = specs.get(name);
    if (!spec) {
      assign(target, name, readRaw(child, depth + 1));
      continue;
    }
    const count = counts.get(name) ?? 0;
    counts.set(name, count + 1);
    const at = isList(spec) ? `${name}[${count}]` : name;
    checkAttributes(child, spec, at, info.problems);
    const value = readNil(child, at, info.problems) ? null : readTyped(child, spec.type, depth + 1);
    if (isList(spec)) {
      const list = target[name];
      if (Array.isArray(list)) list.push(value);
      else target[name] = [value];
    } else {
      assign(target, name, value);
    }
  }
  return info.problems;
}

/** An element of a known type may carry xsi:nil and, naming its own type, xsi:type; nothing else. */
function checkAttributes(node: XNode, spec: ElementSpec, at: string, problems: ReadProblem[]): void {
  for (const attribute of node.attributes) {
    if (attribute.uri === XSI_NAMESPACE) {
      if (attribute.local === 'nil' || XSI_ANYWHERE.has(attribute.local)) continue;
      if (attribute.local === 'type') {
        // Abstract types: readAbstract reads the variant. Simple types and tables are not named in the descriptions.
        if (!isComplex(spec.type)) continue;
        const named = typeName(attribute.value, node.scope);
        if (named !== spec.type.name)
          problems.push({ at, reason: `xsi:type must be ${spec.type.name}, not ${named.slice(0, 100)}` });
        continue;
      }
    }
    problems.push({ at, reason: `unexpected attribute ${attribute.name.slice(0, 100)}` });
  }
}

/** Whether the element is nil (xsi:nil true); a nil element must be empty. */
function readNil(node: XNode, at: string, problems: ReadProblem[]): boolean {
  const attribute = attributeOf(node, XSI_NAMESPACE, 'nil');
  if (!attribute) return false;
  const value = attribute.value.trim();
  if (value === 'true' || value === '1') {
    if (node.children.length > 0 || node.text.trim() !== '')
      problems.push({ at, reason: 'is nil (xsi:nil="true") and must be empty' });
    return true;
  }
  if (value !== 'false' && value !== '0')
    problems.push({ at, reason: `xsi:nil must be true or false, not '${value.slice(0, 20)}'` });
  return false;
}

function readTyped(node: XNode, type: ElementType, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new OciParseError('OCI-P document is nested too deeply');
  if (isSimple(type)) return node.children.length > 0 ? readRaw(node, depth) : readSimple(node.text, type);
  if (isTable(type)) return readTable(node);
  if (isAbstract(type)) return readAbstract(node, type, depth);
  if (isComplex(type)) {
    // Text where a structure belongs is kept raw so the check can say what is wrong.
    if (node.children.length === 0 && node.text.trim() !== '') return node.text;
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
  const typeAttribute = attributeOf(node, XSI_NAMESPACE, 'type');
  const concrete = typeAttribute === undefined ? '' : typeName(typeAttribute.value, node.scope);
  const value: Record<string, unknown> = { $type: concrete };
  const variant = type.variants.find((v) => v.name === concrete);
  if (variant) readComplexInto(value, node, variant, depth);
  else readRawInto(value, node, depth);
  return value;
}

/** OCITable (responses only): read leniently, columns by heading. */
function readTable(node: XNode): { headings: string[]; rows: string[][] } {
  const headings: string[] = [];
  const rows: string[][] = [];
  for (const child of node.children) {
    if (child.key === 'colHeading') headings.push(child.text);
    else if (child.key === 'row') rows.push(child.children.filter((c) => c.key === 'col').map((c) => c.text));
  }
  return { headings, rows };
}

/** An element the schema does not describe: text, null (nil), or an object of its children. */
function readRaw(node: XNode, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new OciParseError('OCI-P document is nested too deeply');
  const nil = attributeOf(node, XSI_NAMESPACE, 'nil')?.value.trim();
  if (nil === 'true' || nil === '1') return null;
  if (node.children.length === 0) return node.text;
  const value: Record<string, unknown> = {};
  readRawInto(value, node, depth);
  return value;
}

function readRawInto(target: Record<string, unknown>, node: XNode, depth: number): void {
  for (const child of node.children) assign(target, child.key, readRaw(child, depth + 1));
}

/**
 * Sets a field; a repeated name becomes an array so nothing is lost. defineProperty keeps `__proto__`
 * a plain key; every other name is set plainly, which keeps the object fast to build and read.
 */
function assign(target: Record<string, unknown>, name: string, value: unknown): void {
  if (Object.hasOwn(target, name)) {
    const previous = target[name];
    target[name] = Array.isArray(previous) ? [...(previous as unknown[]), value] : [previous, value];
  } else if (name === '__proto__') {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[name] = value;
  }
}
