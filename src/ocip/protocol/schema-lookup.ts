/**
 * Finds schema descriptions by name for the writer and the reader. Uses own-property checks:
 * the registries are plain objects, and a peer-chosen xsi:type such as "constructor" or
 * "__proto__" must not resolve to something inherited from Object.prototype.
 */
import { REQUEST_TYPES, RESPONSE_TYPES } from '../schema.js';
import type { ComplexType, ElementSpec } from '../schema-types.js';

/** The namespace of BroadsoftDocument and of the types of OCISchemaBASE (SuccessResponse, ErrorResponse, OCITable). */
export const C_NAMESPACE = 'C';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** Command types defined in namespace C; every other command type is in no namespace. */
export const C_NAMESPACE_TYPES: ReadonlySet<string> = new Set(['SuccessResponse', 'ErrorResponse']);

/** The namespace a type of that local name is defined in: C for the two above, none ('') for the rest. */
export const namespaceOfType = (local: string): string => (C_NAMESPACE_TYPES.has(local) ? C_NAMESPACE : '');

/** The description of a command or response type, or undefined when the registries do not know it. */
export function commandType(name: string): ComplexType | undefined {
  if (Object.hasOwn(REQUEST_TYPES, name)) return REQUEST_TYPES[name];
  if (Object.hasOwn(RESPONSE_TYPES, name)) return RESPONSE_TYPES[name];
  return undefined;
}

/** Whether a known command type is a request (false: a response). */
export const isRequestType = (name: string): boolean => Object.hasOwn(REQUEST_TYPES, name);

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
