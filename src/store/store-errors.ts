import { ApiError } from '../domain/errors.js';

/** Node's codes for a server that cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE classes that mean "the database cannot serve now", not "this query is wrong":
 * 08 connection exception, 53 insufficient resources, 57 operator intervention (57014: the
 * statement timeout; 57P01-57P03: shut down, crashed, starting up), 58 system error.
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57|58)/;

/** What pg and pg-pool say when a connection cannot be had or was lost, or a query timed out. */
const DRIVER_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|not queryable|connection error|Cannot use a pool after calling end/i;

/** Whether an error of the driver means the store is unreachable (as opposed to a bad query). */
export function isStoreUnavailable(error: unknown): boolean {
  // By shape, not `instanceof Error`: the socket errors come from Node's own realm, which is not
  // the code's under a test runner's VM context.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || (code.length === 5 && UNAVAILABLE_SQLSTATE.test(code))))
    return true;
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}

export const STORE_UNAVAILABLE = 'STORE_UNAVAILABLE';

/** The answer to a request that needed the store while it is unreachable: 503, worth a retry. */
export function storeUnavailable(): ApiError {
  return ApiError.unavailable(
    STORE_UNAVAILABLE,
    'The service cannot reach its database (PostgreSQL) now: try again shortly',
    5,
  );
}

/**
 * Runs a store call: an unreachable store becomes the transport-free 503 STORE_UNAVAILABLE;
 * anything else (a constraint, a bug) goes on as it is.
 */
export async function storeCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStoreUnavailable(error)) throw Object.assign(storeUnavailable(), { cause: error });
    throw error;
  }
}
