/** What a secret is replaced with in logs. */
export const REDACTED = '[REDACTED]';

/**
 * Keys whose values never reach a log: `password` (LoginRequest22V5, the hunt group profile),
 * `signedPassword` (LoginRequest14sp4), and any other *password* or *secret* field a command gains.
 */
const SECRET_KEY = /password|secret|passcode/i;

/**
 * A deep copy of an OCI-P command or answer with every secret replaced. pino's own `redact` needs
 * fixed paths, and passwords sit at different depths in different commands, so this walks the value.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : redactSecrets(item, depth + 1);
  }
  return copy;
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
