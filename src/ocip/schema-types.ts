/**
 * A small description language for the part of the BroadWorks OCI-P schema this service uses.
 *
 * One description per command drives four things, so they can never disagree: the XML writer
 * (element order, xsi:nil, xsi:type), the XML reader (which elements are numbers, booleans, lists or
 * tables), the simulator's schema check (required elements, ranges, enumerations, nil only where
 * nillable) and, at compile time, the TypeScript types of commands and responses (`Infer`, below;
 * commands.ts). The builders are generic so that a description keeps its literal names and facets
 * in its type: `req('policy', oneOf('Circular', 'Regular'))` is typed
 * `{ name: 'policy'; type: { base: 'string'; enumeration: readonly ['Circular', 'Regular'] } }`.
 */

export interface StringType<E extends string = string> {
  readonly base: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly enumeration?: readonly E[];
}
export interface IntType {
  readonly base: 'int';
  readonly min?: number;
  readonly max?: number;
  /** An xs:int restricted by enumeration (e.g. CallForwardingNoAnswerNumberOfRings): only these values. */
  readonly enumeration?: readonly number[];
}
export interface BooleanType {
  readonly base: 'boolean';
}
export type SimpleType = StringType | IntType | BooleanType;

export interface ComplexType<N extends string = string, E extends readonly ElementSpec[] = readonly ElementSpec[]> {
  readonly name: N;
  readonly elements: E;
}

/** An abstract type (xsi:type chooses the concrete one), e.g. DepartmentKey. */
export interface AbstractType<N extends string = string, V extends readonly ComplexType[] = readonly ComplexType[]> {
  readonly name: N;
  readonly variants: V;
}

/** OCITable: colHeading+ then row*, each row col+; always strings. */
export interface TableType {
  readonly table: true;
}

export type ElementType = SimpleType | ComplexType | AbstractType | TableType;

export interface ElementSpec<N extends string = string, T extends ElementType = ElementType> {
  readonly name: N;
  readonly type: T;
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

/** Shorthands that keep the descriptions readable; each keeps its literal facts in its type. */
export const str = (minLength?: number, maxLength?: number): StringType<string> => ({
  base: 'string',
  ...(minLength === undefined ? {} : { minLength }),
  ...(maxLength === undefined ? {} : { maxLength }),
});
/** xs:int's largest value: where an int type names no max, this is it. */
export const XS_INT_MAX = 2147483647;

export const int = (min?: number, max?: number): IntType => ({
  base: 'int',
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
export const bool: BooleanType = { base: 'boolean' };
/** An int enumeration: min and max are its bounds, and only its values are valid. */
export const intOneOf = (...enumeration: readonly number[]): IntType => ({
  base: 'int',
  min: Math.min(...enumeration),
  max: Math.max(...enumeration),
  enumeration,
});
/** A string enumeration: its values become a string-literal union. */
export const oneOf = <const E extends readonly string[]>(
  ...enumeration: E
): { readonly base: 'string'; readonly enumeration: E } => ({ base: 'string', enumeration });
export const table: TableType = { table: true };

/** Required, once. */
export const req = <const N extends string, T extends ElementType>(
  name: N,
  type: T,
): { readonly name: N; readonly type: T } => ({ name, type });
/** Optional (minOccurs 0), once. */
export const opt = <const N extends string, T extends ElementType>(
  name: N,
  type: T,
): { readonly name: N; readonly type: T; readonly minOccurs: 0 } => ({ name, type, minOccurs: 0 });
/** Optional and nillable: left out means unchanged, nil (null) means cleared. */
export const nil = <const N extends string, T extends ElementType>(
  name: N,
  type: T,
): { readonly name: N; readonly type: T; readonly minOccurs: 0; readonly nillable: true } => ({
  name,
  type,
  minOccurs: 0,
  nillable: true,
});
/** A list of minOccurs..maxOccurs items (maxOccurs Infinity for unbounded). */
export const list = <const N extends string, T extends ElementType, const Min extends number, const Max extends number>(
  name: N,
  type: T,
  minOccurs: Min,
  maxOccurs: Max,
): { readonly name: N; readonly type: T; readonly minOccurs: Min; readonly maxOccurs: Max } => ({
  name,
  type,
  minOccurs,
  maxOccurs,
});
export const complex = <const N extends string, const E extends readonly ElementSpec[]>(
  name: N,
  ...elements: E
): ComplexType<N, E> => ({ name, elements });
export const abstract = <const N extends string, const V extends readonly ComplexType[]>(
  name: N,
  ...variants: V
): AbstractType<N, V> => ({ name, variants });

/** A request and the response that answers it (ErrorResponse aside). */
export type CommandPair = readonly [request: ComplexType, response: ComplexType];

/** Request/response pairs by request name: the keys come from the descriptions' names, never written twice. */
export function commandMap<const P extends readonly CommandPair[]>(
  ...pairs: P
): { readonly [E in P[number] as E[0]['name']]: E } {
  return Object.fromEntries(pairs.map((pair) => [pair[0].name, pair])) as {
    readonly [E in P[number] as E[0]['name']]: E;
  };
}

/** Descriptions by name, for lookups of untrusted names (with Object.hasOwn). */
export function byName(...types: readonly ComplexType[]): Readonly<Record<string, ComplexType>> {
  return Object.fromEntries(types.map((t) => [t.name, t]));
}

// --- Types derived from descriptions (compile time only) ---

/** OCITable as read and written: find a column by its heading, never by position. */
export interface OciTable {
  headings: string[];
  rows: string[][];
}

/** Flattens an intersection into one object type, so that types read (and compare) as plain objects. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * The TypeScript type of a value of a described type: enumerations as string-literal unions, ints
 * as number, booleans as boolean, OCITable as OciTable, complex types as objects (InferElements),
 * abstract types as the union of their variants, each carrying `$type`.
 */
export type Infer<T> = T extends TableType
  ? OciTable
  : T extends AbstractType<string, infer V>
    ? Variant<V[number]>
    : T extends ComplexType<string, infer E>
      ? InferElements<E>
      : T extends { readonly base: 'int' }
        ? number
        : T extends { readonly base: 'boolean' }
          ? boolean
          : T extends { readonly enumeration: readonly (infer L)[] }
            ? L
            : T extends { readonly base: 'string' }
              ? string
              : never;

type Variant<C> = C extends ComplexType ? Flatten<{ $type: C['name'] } & InferElements<C['elements']>> : never;

/** Optional when minOccurs is 0, an array when maxOccurs is not 1, `| null` only where nillable. */
type IsOptional<S> = S extends { readonly minOccurs: 0 } ? true : false;
type ElementValue<S extends ElementSpec> =
  | (S extends { readonly maxOccurs: number }
      ? S['maxOccurs'] extends 1
        ? Infer<S['type']>
        : Infer<S['type']>[]
      : Infer<S['type']>)
  | (S extends { readonly nillable: true } ? null : never);

/** The object of a complex type's elements (no `$type`: nested values do not carry one). */
export type InferElements<E extends readonly ElementSpec[]> = Flatten<
  { -readonly [S in E[number] as IsOptional<S> extends true ? never : S['name']]: ElementValue<S> } & {
    -readonly [S in E[number] as IsOptional<S> extends true ? S['name'] : never]?: ElementValue<S>;
  }
>;

/** A command (request or response) of a described type: its elements and `$type`, its xsi:type. */
export type Command<T extends ComplexType> = Flatten<{ $type: T['name'] } & InferElements<T['elements']>>;
