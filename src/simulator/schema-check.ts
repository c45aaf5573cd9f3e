/**
 * Checks an untrusted command object against its schema description, the way BroadWorks validates
 * a document against the OCI-P XML schema before it runs it. Input may come from the in-memory
 * gateway (typed objects) or from the XML reader (lenient: an int that did not parse stays a
 * string, unknown elements are kept, abstract types carry `$type`, lists are arrays, nil is null),
 * so nothing about its shape is assumed.
 *
 * A command read from XML also carries what the reader saw beyond its values (readInfoOf): the
 * order of its elements, checked here against the xs:sequence of each complex type (commands,
 * nested types, the variants of abstract types, list items alike), and what the reader found that
 * the schema refuses (an unexpected attribute, nil with content, text beside elements).
 *
 * On success it returns a cleaned copy: xs:token values whitespace-collapsed (as the XML schema's
 * token type and BroadWorks do), elements left `undefined` dropped. Handlers work on that copy only.
 */
import {
  isAbstract,
  isComplex,
  isList,
  isSimple,
  isTable,
  XS_INT_MAX,
  type ComplexType,
  type ElementSpec,
  type ElementType,
  type SimpleType,
} from '../ocip/schema-types.js';
import { readInfoOf } from '../ocip/protocol/index.js';

export type SchemaCheckResult =
  | { ok: true; value: Record<string, unknown> }
  /** `content`: the element's structure as read (order, attributes, text), not a value, is wrong. */
  | { ok: false; path: string; reason: string; kind: 'value' | 'content' };

/** Thrown internally to stop at the first problem; never leaves this module. */
class Problem extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly kind: 'value' | 'content' = 'value',
  ) {
    super(`${path}: ${reason}`);
  }
}

const INT_MIN = -2147483648;

export function checkCommand(command: unknown, type: ComplexType): SchemaCheckResult {
  try {
    const value = checkComplex(command, type, '', true);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Problem)
      return { ok: false, path: error.path || type.name, reason: error.reason, kind: error.kind };
    throw error;
  }
}

/** XML `token`: leading and trailing white space removed, inner runs collapsed to one space. */
export const collapseToken = (value: string): string => value.replace(/[\t\n\r ]+/g, ' ').trim();

const join = (path: string, name: string): string => (path === '' ? name : `${path}/${name}`);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function checkComplex(value: unknown, type: ComplexType, path: string, isCommand = false): Record<string, unknown> {
  // An empty XML element (`<profile/>`) may reach us as "" from a lenient reader: it is an empty complex value.
  if (value === '') value = {};
  if (!isPlainObject(value)) throw new Problem(path, `must be a complex element of type ${type.name}`);
  const known = new Map(type.elements.map((e) => [e.name, e]));
  for (const key of Object.keys(value)) {
    // `$`-prefixed keys are attributes ($type = xsi:type, echo, ...), never XML elements.
    if (key.startsWith('$')) continue;
    if (!known.has(key) && value[key] !== undefined)
      throw new Problem(join(path, key), `unexpected element in ${type.name}`, 'content');
  }
  checkAsRead(value, type, path, known);
  const typeAttribute = value.$type;
  if (typeAttribute !== undefined && typeAttribute !== type.name) {
    throw new Problem(path, `xsi:type must be ${type.name}, not ${describeType(typeAttribute)}`);
  }
  const result: Record<string, unknown> = isCommand || typeAttribute !== undefined ? { $type: type.name } : {};
  for (const spec of type.elements) {
    const raw = Object.hasOwn(value, spec.name) ? value[spec.name] : undefined;
    const checked = checkElement(raw, spec, join(path, spec.name));
    if (checked !== undefined) result[spec.name] = checked;
  }
  return result;
}

/** What the XML reader saw: its problems first, then every element known and in xs:sequence order. */
function checkAsRead(
  value: Record<string, unknown>,
  type: ComplexType,
  path: string,
  known: ReadonlyMap<string, ElementSpec>,
): void {
  const info = readInfoOf(value);
  if (!info) return;
  const [problem] = info.problems;
  if (problem) throw new Problem(join(path, problem.at), problem.reason, 'content');
  const position = new Map(type.elements.map((e, i) => [e.name, i]));
  let last: string | undefined;
  for (const name of info.order) {
    // An element the object does not show (an element named echo, masked by the attribute) is caught here.
    if (!known.has(name)) throw new Problem(join(path, name), `unexpected element in ${type.name}`, 'content');
    if (last !== undefined && position.get(name)! < position.get(last)!) {
      throw new Problem(join(path, name), `out of order: ${type.name} has it before ${last}`, 'content');
    }
    last = name;
  }
}

function checkElement(value: unknown, spec: ElementSpec, path: string): unknown {
  const minOccurs = spec.minOccurs ?? 1;
  if (value === undefined) {
    if (minOccurs > 0) throw new Problem(path, 'is required but missing', 'content');
    return undefined;
  }
  if (value === null) {
    if (!spec.nillable) throw new Problem(path, 'may not be nil');
    return null;
  }
  if (!isList(spec)) {
    if (Array.isArray(value)) throw new Problem(path, 'may occur only once', 'content');
    return checkValue(value, spec.type, path);
  }
  const items = Array.isArray(value) ? value : [value];
  const maxOccurs = spec.maxOccurs ?? 1;
  if (items.length < minOccurs)
    throw new Problem(path, `must occur at least ${minOccurs} time(s), not ${items.length}`, 'content');
  if (items.length > maxOccurs)
    throw new Problem(path, `may occur at most ${maxOccurs} times, not ${items.length}`, 'content');
  return items.map((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (item === null || item === undefined) throw new Problem(itemPath, 'may not be nil');
    return checkValue(item, spec.type, itemPath);
  });
}

function checkValue(value: unknown, type: ElementType, path: string): unknown {
  if (isSimple(type)) return checkSimple(value, type, path);
  if (isComplex(type)) return checkComplex(value, type, path);
  if (isAbstract(type)) {
    if (!isPlainObject(value)) throw new Problem(path, `must be a complex element of abstract type ${type.name}`);
    const names = type.variants.map((v) => v.name);
    const variant = type.variants.find((v) => v.name === value.$type);
    if (!variant) {
      const given = value.$type === undefined ? 'none' : describeType(value.$type);
      throw new Problem(path, `xsi:type must be one of ${names.join(', ')} (abstract type ${type.name}), not ${given}`);
    }
    return checkComplex(value, variant, path);
  }
  if (isTable(type)) return checkTable(value, path);
  throw new Problem(path, 'has a type the simulator cannot check');
}

function checkSimple(value: unknown, type: SimpleType, path: string): unknown {
  switch (type.base) {
    case 'boolean':
      if (typeof value !== 'boolean')
        throw new Problem(path, `must be a boolean (true or false), not ${describe(value)}`);
      return value;
    case 'int': {
      if (typeof value !== 'number' || !Number.isInteger(value))
        throw new Problem(path, `must be an integer, not ${describe(value)}`);
      const min = type.min ?? INT_MIN;
      const max = type.max ?? XS_INT_MAX;
      if (value < min || value > max) throw new Problem(path, `must be in ${min}..${max}, not ${value}`);
      if (type.enumeration && !type.enumeration.includes(value))
        throw new Problem(path, `must be one of ${type.enumeration.join(', ')}, not ${value}`);
      return value;
    }
    case 'string': {
      if (typeof value !== 'string') throw new Problem(path, `must be text, not ${describe(value)}`);
      const token = collapseToken(value);
      if (type.minLength !== undefined && token.length < type.minLength) {
        throw new Problem(
          path,
          token === '' ? 'must not be empty or only white space' : `must be at least ${type.minLength} characters`,
        );
      }
      if (type.maxLength !== undefined && token.length > type.maxLength) {
        throw new Problem(path, `must be at most ${type.maxLength} characters, not ${token.length}`);
      }
      if (type.enumeration && !type.enumeration.includes(token)) {
        throw new Problem(path, `must be one of ${type.enumeration.map((e) => `'${e}'`).join(', ')}, not '${token}'`);
      }
      return token;
    }
  }
}

function checkTable(value: unknown, path: string): unknown {
  const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (
    !isPlainObject(value) ||
    !isStrings(value.headings) ||
    !Array.isArray(value.rows) ||
    !value.rows.every(isStrings)
  ) {
    throw new Problem(path, 'must be a table of headings and rows of text');
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the text '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a complex element';
  return String(value);
}

/** xsi:type as given: normally a name, but untrusted input may put anything there. */
const describeType = (value: unknown): string => (typeof value === 'string' ? value : describe(value));
