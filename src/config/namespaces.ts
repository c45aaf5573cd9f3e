import { registerAs } from '@nestjs/config';
import { loadApioSettings, type ApioSettings } from './apio-settings.js';
import { DEMO_JWT_SECRET, parseTrustProxy, validateEnvironment, type EnvironmentVariables } from './environment.js';

/** Typed configuration namespaces: inject with `@Inject(ociConfig.KEY) cfg: ConfigType<typeof ociConfig>`. */

export const appConfig = registerAs('app', () => {
  const env = validateEnvironment(process.env);
  return {
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    requireIfMatch: env.API_REQUIRE_IF_MATCH,
    idempotencyRetentionS: env.IDEMPOTENCY_RETENTION_S,
    maxAgents: env.HUNT_GROUP_MAX_AGENTS,
  };
});

/** The audit log's retention and the webhook deliveries' pace (README, Audit and events). */
export const auditConfig = registerAs('audit', () => {
  const env = validateEnvironment(process.env);
  return {
    retentionDays: env.AUDIT_RETENTION_DAYS,
    webhookPollMs: env.WEBHOOK_POLL_MS,
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    webhookBackoffBaseMs: env.WEBHOOK_BACKOFF_BASE_MS,
    webhookBackoffMaxMs: env.WEBHOOK_BACKOFF_MAX_MS,
    webhookRetryWindowS: env.WEBHOOK_RETRY_WINDOW_S,
  };
});
export type AuditConfig = ReturnType<typeof auditConfig>;

/** How this replica runs bulk jobs (JOBS_RUNNER, JOBS_LEASE_MS, JOBS_POLL_MS). */
export const jobsConfig = registerAs('jobs', () => {
  const env = validateEnvironment(process.env);
  return { enabled: env.JOBS_RUNNER, leaseMs: env.JOBS_LEASE_MS, pollMs: env.JOBS_POLL_MS };
});

export const logConfig = registerAs('log', () => {
  const env = validateEnvironment(process.env);
  return {
    level: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    format: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
  } as const;
});
export type LogConfig = ReturnType<typeof logConfig>;

export const ociConfig = registerAs('oci', () => {
  const env = validateEnvironment(process.env);
  return {
    driver: env.OCI_DRIVER,
    worldFile: env.SIMULATOR_WORLD_FILE,
    host: env.OCI_HOST ?? '',
    port: env.OCI_PORT,
    user: env.OCI_USER ?? '',
    password: env.OCI_PASSWORD ?? '',
    tls: env.OCI_TLS,
    tlsCaFile: env.OCI_TLS_CA_FILE,
    tlsServerName: env.OCI_TLS_SERVER_NAME,
    poolSize: env.OCI_POOL_SIZE,
    queueLimit: env.OCI_QUEUE_LIMIT,
    connectTimeoutMs: env.OCI_CONNECT_TIMEOUT_MS,
    requestTimeoutMs: env.OCI_REQUEST_TIMEOUT_MS,
    reconnectBaseMs: env.OCI_RECONNECT_BASE_MS,
    reconnectMaxMs: env.OCI_RECONNECT_MAX_MS,
  };
});
export type OciConfig = ReturnType<typeof ociConfig>;

/** Plugin module specifiers, read when the module tree is composed (before DI), hence a plain function. */
export function pluginSpecifiers(): string[] {
  return (validateEnvironment(process.env).PLUGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const apioConfig = registerAs('apio', (): ApioSettings =>
  loadApioSettings(validateEnvironment(process.env).APIO_SETTINGS_FILE),
);

export const authConfig = registerAs('auth', () => {
  const env = validateEnvironment(process.env);
  return {
    production: env.NODE_ENV === 'production',
    // Unset outside production only (production refuses to boot without one): the documented demo secret.
    jwtSecret: env.AUTH_JWT_SECRET ?? DEMO_JWT_SECRET,
    usersFile: env.AUTH_USERS_FILE,
    cacheMaxAgeMs: env.AUTH_CACHE_MAX_AGE_MS,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    accessTtlS: env.AUTH_ACCESS_TTL_S,
    refreshTtlS: env.AUTH_REFRESH_TTL_S,
    machineTtlS: env.AUTH_MACHINE_TTL_S,
    maxFailuresPerUser: env.AUTH_LOGIN_MAX_FAILURES_PER_USER,
    maxFailuresPerAddress: env.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginWindowS: env.AUTH_LOGIN_WINDOW_S,
  };
});
export type AuthConfig = ReturnType<typeof authConfig>;

/** The users seed file, for the users CLI: without the service's production checks, since the CLI signs nothing. */
export function usersFileSetting(): string {
  return validateEnvironment({ ...process.env, NODE_ENV: undefined }).AUTH_USERS_FILE;
}

/** Where the store is and how long its calls may take. */
export interface StoreSettings {
  /** postgres://…; undefined: the embedded PostgreSQL of DATA_DIR. */
  databaseUrl?: string;
  schema: string;
  dataDir: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  bootTimeoutMs: number;
}

function storeSettingsOf(env: EnvironmentVariables): StoreSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    schema: env.DATABASE_SCHEMA,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    bootTimeoutMs: env.DATABASE_BOOT_TIMEOUT_MS,
  };
}

export const storeConfig = registerAs('store', (): StoreSettings => storeSettingsOf(validateEnvironment(process.env)));

/** The store settings, for the command-line tools (users, db:migrate), which run without the service's production checks. */
export function storeSettings(): StoreSettings {
  return storeSettingsOf(validateEnvironment({ ...process.env, NODE_ENV: undefined }));
}
