import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateIf, validateSync } from 'class-validator';

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

  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  @IsInt()
  @Min(0)
  @Max(600000)
  SHUTDOWN_GRACE_MS = 10000;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const INT_KEYS = new Set(['PORT', 'OCI_PORT', 'OCI_POOL_SIZE', 'OCI_QUEUE_LIMIT', 'OCI_CONNECT_TIMEOUT_MS', 'OCI_REQUEST_TIMEOUT_MS', 'OCI_RECONNECT_BASE_MS', 'OCI_RECONNECT_MAX_MS']);
INT_KEYS.add('SHUTDOWN_GRACE_MS');
const BOOL_KEYS = new Set(['OCI_TLS']);

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
  for (const key of [...known, 'OCI_HOST', 'OCI_USER', 'OCI_PASSWORD', 'OCI_TLS_CA_FILE', 'OCI_TLS_SERVER_NAME', 'LOG_LEVEL', 'LOG_FORMAT']) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') picked[key] = convert(key, value);
  }
  const env = plainToInstance(EnvironmentVariables, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
