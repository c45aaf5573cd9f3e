/** What a secret is replaced with in logs. */
export const REDACTED = '[REDACTED]';

/**
 * Keys whose values never reach a log: `password` (LoginRequest22V5, the hunt group profile),
 * `signedPassword` (LoginRequest14sp4), and any other *password* or *secret* field a command gains.
 */
const SECRET_KEY = /password|secret|passcode/i;

/**
 * An OCI-P command or answer (or any value) with every secret replaced; the original is never
 * changed. pino's own `redact` needs fixed paths, and passwords sit at different depths in
 * different commands, so this walks the value. Copy on write: only the objects and arrays on the
 * way to a secret are copied, so a value without secrets (most of them) comes back as it is.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const redacted = redactSecrets(item, depth + 1);
      if (redacted !== item) (copy ??= [...(value as unknown[])])[i] = redacted;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const redacted =
      SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : redactSecrets(item, depth + 1);
    if (redacted === item) continue;
    copy ??= { ...value };
    // defineProperty: a key named __proto__ stays a plain key of the copy.
    Object.defineProperty(copy, key, { value: redacted, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? value;
}

/**
 * Query keys whose values may be credentials: `access_token` (a token sent in the URL by a client
 * that cannot set headers), other *token*, *password*, *secret*, *key*, *auth*, *session* and
 * *signature* keys, `sig`, `code`.
 */
const SECRET_QUERY_KEY =
  /token|passw|pwd|secret|passcode|api[-_]?key|auth|credential|session|signature|jwt|^sig$|^code$|^key$/i;

/**
 * A URL as it may be logged: the value of every query key that can hold a secret replaced, the
 * rest kept byte for byte as sent (so the line still shows what the client asked for).
 */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const pairs = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const key = pair.slice(0, equals);
      return SECRET_QUERY_KEY.test(decodeKey(key)) ? `${key}=${REDACTED}` : pair;
    });
  return `${url.slice(0, question)}?${pairs.join('&')}`;
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}
