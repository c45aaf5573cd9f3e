import { ApiError } from '../../domain/errors.js';

const OBJECT_FILTERS = new Set(['sensitiveDepartmentEquals', 'sensitiveUserGroupEquals']);
const BOOLEAN_FILTERS = new Set(['sameGroupOnly']);
const INTEGER_FILTERS = new Set(['responseSizeLimit']);

/**
 * The available-users filters come as the seed sends them, a JSON body on the GET, or in the query
 * string, where objects are JSON (`?sensitiveUserGroupEquals={"tenantId":"t","groupId":"g"}`).
 * Query values are converted only when well formed, so a bad one is reported by validation.
 * The body wins over the query for a filter given in both.
 */
export function filterInput(query: Record<string, unknown>, body: unknown): Record<string, unknown> {
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw ApiError.badRequest('VALIDATION_FAILED', 'The filter body must be a JSON object');
  }
  const fromQuery: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query))
    fromQuery[key] = typeof value === 'string' ? convert(key, value) : value;
  return { ...fromQuery, ...(body as Record<string, unknown> | undefined) };
}

function convert(key: string, value: string): unknown {
  if (OBJECT_FILTERS.has(key)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (BOOLEAN_FILTERS.has(key)) return value === 'true' ? true : value === 'false' ? false : value;
  if (INTEGER_FILTERS.has(key)) return /^\d+$/.test(value) ? Number(value) : value;
  return value;
}
