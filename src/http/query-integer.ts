import type { FieldProblem } from '../domain/errors.js';

/**
 * A query-string integer in min..max, or undefined when absent. Every route parses numbers this one
 * way: decimal digits only (no sign, hex, exponent or spaces), so `limit=0x10` is refused everywhere.
 * A bad value adds a problem named after the parameter.
 */
export function queryInteger(
  value: unknown,
  name: string,
  min: number,
  max: number,
  problems: FieldProblem[],
): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push({
      field: name,
      reasons: [`${name} must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}`],
    });
    return undefined;
  }
  return n;
}
