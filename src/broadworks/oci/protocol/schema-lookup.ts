/**
 * Finds schema descriptions by name for the writer and the reader. Uses own-property checks:
 * the registries are plain objects, and a peer-chosen xsi:type such as "constructor" or
 * "__proto__" must not resolve to something inherited from Object.prototype.
 */
import { REQUEST_TYPES, RESPONSE_TYPES } from '../schema.js';
import type { ComplexType, ElementSpec } from '../schema-types.js';

/** Command types defined in namespace C; every other command type is in no namespace. */
export const C_NAMESPACE_TYPES: ReadonlySet<string> = new Set(['SuccessResponse', 'ErrorResponse']);

/** The description of a command or response type, or undefined when the registries do not know it. */
export function commandType(name: string): ComplexType | undefined {
  if (Object.hasOwn(REQUEST_TYPES, name)) return REQUEST_TYPES[name];
  if (Object.hasOwn(RESPONSE_TYPES, name)) return RESPONSE_TYPES[name];
  return undefined;
}

const elementMaps = new WeakMap<ComplexType, ReadonlyMap<string, ElementSpec>>();

/** The element specs of a complex type by name, built once per type. */
export function elementsByName(type: ComplexType): ReadonlyMap<string, ElementSpec> {
  let map = elementMaps.get(type);
  if (!map) {
    map = new Map(type.elements.map((e) => [e.name, e]));
    elementMaps.set(type, map);
  }
  return map;
}

/** `c:SuccessResponse` → `SuccessResponse`. */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}
