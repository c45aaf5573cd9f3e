import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  NotEquals,
  ValidateIf,
  validateSync,
} from 'class-validator';

/** The signing secret of development and test when AUTH_JWT_SECRET is unset; refused in production. */
export const DEMO_JWT_SECRET = 'demo-only-secret-do-not-use-in-production-0000';

/**
 * Every environment variable the service reads, validated once at boot. Nothing else in the code
 * reads process.env: features get typed namespaces (see namespaces.ts).
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  /** memory: the embedded simulated BroadWorks; tcp: a real BroadWorks (or the simulator) over OCI-P. */
  @IsIn(['memory', 'tcp'])
  OCI_DRIVER: 'memory' | 'tcp' = 'memory';

  /** The world the embedded simulated BroadWorks starts with (memory driver). */
  @IsString()
  @IsNotEmpty()
  SIMULATOR_WORLD_FILE = 'env/demo-world.json';

  @ValidateIf((env: EnvironmentVariables) => env.OCI_DRIVER === 'tcp')
  @IsString()
  @IsNotEmpty()
  OCI_HOST?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  OCI_PORT = 2208;

  @ValidateIf((env: EnvironmentVariables) => env.OCI_DRIVER === 'tcp')
  @IsString()
  @IsNotEmpty()
  OCI_USER?: string;

  @ValidateIf((env: EnvironmentVariables) => env.OCI_DRIVER === 'tcp')
  @IsString()
  @IsNotEmpty()
  OCI_PASSWORD?: string;

  @IsBoolean()
  OCI_TLS = false;

  /** PEM file of the CA that signed BroadWorks' certificate (system CAs when unset). */
  @IsOptional()
  @IsString()
  OCI_TLS_CA_FILE?: string;

  /** The name on BroadWorks' certificate, when it differs from OCI_HOST. */
  @IsOptional()
  @IsString()
  OCI_TLS_SERVER_NAME?: string;

  @IsInt()
  @Min(1)
  @Max(64)
  OCI_POOL_SIZE = 4;

  /** How many calls may wait for a free session before new ones are refused (503). */
  @IsInt()
  @Min(0)
  @Max(100000)
  OCI_QUEUE_LIMIT = 1000;

  @IsInt()
  @Min(100)
  @Max(120000)
  OCI_CONNECT_TIMEOUT_MS = 5000;

  @IsInt()
  @Min(100)
  @Max(600000)
  OCI_REQUEST_TIMEOUT_MS = 15000;

  /** First wait before reconnecting a lost BroadWorks session; doubles on each failure. */
  @IsInt()
  @Min(10)
  @Max(600000)
  OCI_RECONNECT_BASE_MS = 500;

  /** Cap of the reconnect backoff; also the pace of login retries after a refused login. */
  @IsInt()
  @Min(10)
  @Max(3600000)
  OCI_RECONNECT_MAX_MS = 10000;

  /** The APIO settings file: AUTOMATIC_ID_RULES, GROUP_NUMBERS_USE_CC_CLI, TEMPLATES. */
  @IsString()
  @IsNotEmpty()
  APIO_SETTINGS_FILE = 'env/settings.json';

  /** pino level; unset: silent under test (Jest sets NODE_ENV=test), info otherwise. */
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: LogLevel;

  /** json: one JSON object a line (production); pretty: for people. Unset: pretty in development only. */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /**
   * Plugin modules loaded at boot, comma separated: a built-in name (`audit-trail`) or the path of
   * a JavaScript module (absolute, or relative to the working directory) exporting a NestJS module.
   */
  @IsOptional()
  @IsString()
  PLUGINS?: string;

  /** Where the audit-trail plugin appends its JSON lines. */
  @IsString()
  @IsNotEmpty()
  AUDIT_TRAIL_FILE = 'audit-trail.jsonl';

  /**
   * How long a client may take to send a request's headers; then 408 and the connection is closed.
   * Node's own default (60 s, checked every 30 s) let a client that never finishes hold a socket for
   * up to 90 s; a portal or script sends its headers in milliseconds.
   */
  @IsInt()
  @Min(1000)
  @Max(300000)
  HTTP_HEADERS_TIMEOUT_MS = 10000;

  /**
   * Whether updates and deletes must carry If-Match (428 without it): for teams that want every
   * write to say which version it read. Off by default (APIO clients send none).
   */
  @IsBoolean()
  API_REQUIRE_IF_MATCH = false;

  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  @IsInt()
  @Min(0)
  @Max(600000)
  SHUTDOWN_GRACE_MS = 10000;

  /**
   * The key access tokens are signed with (HS256). Unset in development and test: the documented
   * demo secret. In production it is required, at least 32 characters, and not the demo one.
   */
  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production')
  @IsString({ message: 'AUTH_JWT_SECRET is required in production (a random string of at least 32 characters)' })
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters in production' })
  @NotEquals(DEMO_JWT_SECRET, { message: 'AUTH_JWT_SECRET must not be the demo secret in production' })
  AUTH_JWT_SECRET?: string;

  /** The users who may log in (scrypt hashes), managed with `npm run users`. */
  @IsString()
  @IsNotEmpty()
  AUTH_USERS_FILE = 'env/users.json';

  /** The machine tokens a system admin issued; a token missing from it (revoked) is refused. */
  @IsString()
  @IsNotEmpty()
  AUTH_TOKENS_FILE = 'env/machine-tokens.json';

  @IsInt()
  @Min(1)
  @Max(86400)
  AUTH_ACCESS_TTL_S = 900;

  @IsInt()
  @Min(1)
  @Max(31536000)
  AUTH_REFRESH_TTL_S = 86400;

  @IsInt()
  @Min(1)
  @Max(315360000)
  AUTH_MACHINE_TTL_S = 31536000;

  /** Failed logins allowed per user name, and per client address, within AUTH_LOGIN_WINDOW_S (then 429). */
  @IsInt()
  @Min(1)
  @Max(1000)
  AUTH_LOGIN_MAX_FAILURES_PER_USER = 5;

  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

  @IsInt()
  @Min(1)
  @Max(86400)
  AUTH_LOGIN_WINDOW_S = 900;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const INT_KEYS = new Set([
  'PORT',
  'OCI_PORT',
  'OCI_POOL_SIZE',
  'OCI_QUEUE_LIMIT',
  'OCI_CONNECT_TIMEOUT_MS',
  'OCI_REQUEST_TIMEOUT_MS',
  'OCI_RECONNECT_BASE_MS',
  'OCI_RECONNECT_MAX_MS',
  'SHUTDOWN_GRACE_MS',
  'HTTP_HEADERS_TIMEOUT_MS',
]);
const BOOL_KEYS = new Set(['OCI_TLS', 'API_REQUIRE_IF_MATCH']);
for (const key of [
  'AUTH_ACCESS_TTL_S',
  'AUTH_REFRESH_TTL_S',
  'AUTH_MACHINE_TTL_S',
  'AUTH_LOGIN_MAX_FAILURES_PER_USER',
  'AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS',
  'AUTH_LOGIN_WINDOW_S',
])
  INT_KEYS.add(key);
/** Settings whose values never appear in a boot error. */
const SECRET_KEYS = new Set(['OCI_PASSWORD', 'AUTH_JWT_SECRET']);

/** Environment values are strings; convert only well-formed ones so a typo is reported, not coerced. */
function convert(key: string, value: string): unknown {
  if (INT_KEYS.has(key)) return /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (BOOL_KEYS.has(key)) return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/** The `validate` hook of ConfigModule: throws one message naming every bad setting. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, unknown> = {};
  for (const key of [
    ...known,
    'OCI_HOST',
    'OCI_USER',
    'OCI_PASSWORD',
    'OCI_TLS_CA_FILE',
    'OCI_TLS_SERVER_NAME',
    'LOG_LEVEL',
    'LOG_FORMAT',
    'AUTH_JWT_SECRET',
    'PLUGINS',
  ]) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') picked[key] = convert(key, value);
  }
  const env = plainToInstance(EnvironmentVariables, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const shown = (e: (typeof errors)[number]): string =>
      SECRET_KEYS.has(e.property) && e.value !== undefined ? '(hidden)' : JSON.stringify(e.value);
    const lines = errors.map((e) => `  ${e.property}=${shown(e)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
