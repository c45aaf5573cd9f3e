/**
 * JSON with object keys sorted at every level, so two equal states always give the same text
 * (insertion order of Maps and objects differs between a loaded and a mutated-then-restored state).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Map) {
    const entries = [...(value as Map<unknown, unknown>).entries()];
    return entries.sort(([a], [b]) => compareText(String(a), String(b))).map(([k, v]): unknown[] => [k, sortKeys(v)]);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => compareText(a, b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** Code-point order: stable across locales, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
