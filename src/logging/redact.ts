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
