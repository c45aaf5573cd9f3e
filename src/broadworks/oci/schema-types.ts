/**
 * A small description language for the part of the BroadWorks OCI-P schema this service uses.
 *
 * One description per command drives three things, so they can never disagree:
 * the XML writer (element order, xsi:nil, xsi:type), the XML reader (which elements are numbers,
 * booleans, lists or tables) and the simulator's schema check (required elements, ranges,
 * enumerations, nil only where nillable).
 */

export type SimpleType =
  | {
      readonly base: 'string';
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly enumeration?: readonly string[];
    }
  | { readonly base: 'int'; readonly min?: number; readonly max?: number }
  | { readonly base: 'boolean' };

export interface ComplexType {
  readonly name: string;
  readonly elements: readonly ElementSpec[];
}

/** An abstract type (xsi:type chooses the concrete one), e.g. DepartmentKey. */
export interface AbstractType {
  readonly name: string;
  readonly variants: readonly ComplexType[];
}

/** OCITable: colHeading+ then row*, each row col+; always strings. */
export interface TableType {
  readonly table: true;
}

export type ElementType = SimpleType | ComplexType | AbstractType | TableType;

export interface ElementSpec {
  readonly name: string;
  readonly type: ElementType;
  /** 0 for optional elements; 1 by default. */
  readonly minOccurs?: number;
  /** Above 1 (or Infinity) makes the element a list. 1 by default. */
  readonly maxOccurs?: number;
  /** Only nillable elements may be sent as xsi:nil (JSON null) to clear them. */
  readonly nillable?: boolean;
}

export const isComplex = (t: ElementType): t is ComplexType => 'elements' in t;
export const isAbstract = (t: ElementType): t is AbstractType => 'variants' in t;
export const isTable = (t: ElementType): t is TableType => 'table' in t;
export const isSimple = (t: ElementType): t is SimpleType => 'base' in t;
export const isList = (e: ElementSpec): boolean => (e.maxOccurs ?? 1) > 1;

/** Shorthands that keep the descriptions below readable. */
export const str = (minLength: number, maxLength: number): SimpleType => ({ base: 'string', minLength, maxLength });
export const int = (min: number, max: number): SimpleType => ({ base: 'int', min, max });
export const bool: SimpleType = { base: 'boolean' };
export const oneOf = (...enumeration: string[]): SimpleType => ({ base: 'string', enumeration });
export const table: TableType = { table: true };

export const req = (name: string, type: ElementType): ElementSpec => ({ name, type });
export const opt = (name: string, type: ElementType): ElementSpec => ({ name, type, minOccurs: 0 });
export const nil = (name: string, type: ElementType): ElementSpec => ({ name, type, minOccurs: 0, nillable: true });
export const list = (name: string, type: ElementType, minOccurs: number, maxOccurs: number): ElementSpec => ({
  name,
  type,
  minOccurs,
  maxOccurs,
});
export const complex = (name: string, ...elements: ElementSpec[]): ComplexType => ({ name, elements });
