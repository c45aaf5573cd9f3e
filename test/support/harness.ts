import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/bootstrap.js';
import { ApioSettings, loadApioSettings } from '../../src/config/apio-settings.js';
import {
  apioConfig,
  authConfig,
  storeConfig,
  type AuthConfig,
  type StoreSettings,
} from '../../src/config/namespaces.js';
import { Clock } from '../../src/auth/clock.js';
import { TokenService } from '../../src/auth/token.service.js';
import { UsersStore } from '../../src/auth/users.store.js';
import { UsersRepository } from '../../src/store/repositories/users.repository.js';
import { Store } from '../../src/store/store.js';
import { TestUsers, type TestUserSpec } from './test-users.js';
import { acquireTestStore, dropSchemaSoon, testStoreSettings } from './test-database.js';
import { InMemoryOciGateway } from '../../src/broadworks/oci/memory/in-memory-oci-gateway.js';
import { OciGateway } from '../../src/broadworks/oci/oci-gateway.js';
import { OCI_DRIVER_GATEWAY } from '../../src/broadworks/oci/oci.module.js';
import { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../../src/simulator/server.js';
import { TcpOciGateway, type TcpGatewayOptions } from '../../src/broadworks/oci/tcp/index.js';

export const DEMO_WORLD = 'env/demo-world.json';
export const DEMO_SETTINGS = 'env/settings.json';

/** The gateways every REST e2e suite runs on. */
export type Driver = 'memory' | 'tcp';
export const DRIVERS: Driver[] = ['memory', 'tcp'];

/** Logs of the TCP gateway are dropped in tests; the assertions say what matters. */
const SILENT = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The gateway of a driver over `engine`. For 'tcp' it is the real TcpOciGateway talking to the
 * OCI-P simulator on a loopback port, with a small pool and short timeouts.
 */
async function gatewayOf(
  driver: Driver,
  engine: BroadWorksEngine,
  tcp: Partial<TcpGatewayOptions> = {},
): Promise<{ gateway: OciGateway; simulator?: OciSimulator; stop: () => Promise<void> }> {
  if (driver === 'memory') return { gateway: new InMemoryOciGateway(engine), stop: () => Promise.resolve() };
  const simulator: OciSimulator = await startOciSimulator({ engine, host: '127.0.0.1', port: 0 });
  const gateway = new TcpOciGateway({
    host: '127.0.0.1',
    port: simulator.port,
    userId: 'admin',
    password: 'admin',
    poolSize: 2,
    queueLimit: 100,
    connectTimeoutMs: 2000,
    requestTimeoutMs: 5000,
    reconnectBaseMs: 50,
    reconnectMaxMs: 1000,
    logger: SILENT,
    ...tcp,
  });
  return {
    gateway,
    simulator,
    stop: async () => {
      await gateway.close();
      await simulator.close();
    },
  };
}

export interface TestApp {
  app: INestApplication;
  engine: BroadWorksEngine;
  /** The driver's gateway itself (before `wrap`), e.g. for its stats(). */
  gateway: OciGateway;
  /** On 'tcp': the OCI-P simulator the gateway talks to (faults, stop/start, connections). */
  simulator?: OciSimulator;
  /** A client that sends a system administrator's access token on every request. */
  http: TestAgent;
  /** A client with no Authorization header. */
  anonymous: ReturnType<typeof request>;
  /** A client that sends `Authorization: Bearer <token>` on every request. */
  withToken(token: string): TestAgent;
  /** A client with the access token of a test user (see `users`). */
  as(username: string): TestAgent;
  /** An access token of a test user, signed directly (no scrypt, no login bound). */
  accessTokenOf(username: string): string;
  /** The test users: seeded at boot, then added, changed and removed in the store while the app runs. */
  users: TestUsers;
  /** The app's store: a schema of its own on the run's PostgreSQL server (dropped on close). */
  store: Store;
  storeSettings: StoreSettings;
  /** The clock tokens and the login bound use: real time, plus whatever `advance` added. */
  clock: ManualClock;
  close(): Promise<void>;
}

/** Real time that a test can move forward, e.g. past a token's expiry. */
export class ManualClock extends Clock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The system administrator `http` sends requests as (password `admin-password`). */
export const TEST_ADMIN = 'admin';
export const TEST_JWT_SECRET = 'test-secret-of-the-e2e-suites-only-0123456789';

export interface TestAppOptions {
  /** Changes to the shipped settings file (AUTOMATIC_ID_RULES, templates…). */
  settings?: (settings: ApioSettings) => void;
  /** Wraps the real gateway, e.g. to inject failures or count documents. */
  wrap?: (gateway: OciGateway) => OciGateway;
  /** Changes to the demo world (the parsed JSON of env/demo-world.json) before it is loaded. */
  world?: (world: DemoWorld) => void;
  /** More modules beside AppModule, e.g. plugin modules. */
  imports?: NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>;
  /** More providers to override: [token, value]. */
  overrides?: [unknown, unknown][];
  /** Test users besides the system administrator `admin`. */
  users?: TestUserSpec[];
  /** Changes to the store settings (e.g. a database URL through a proxy, shorter timeouts). */
  store?: Partial<StoreSettings>;
  /** Changes to the auth settings (token lifetimes, login bounds…). */
  auth?: Partial<AuthConfig>;
  /** On 'tcp': gateway options instead of the harness' (pool size, timeouts, backoff). */
  tcp?: Partial<TcpGatewayOptions>;
}

/** The parts of the demo world file that tests change. */
export interface DemoWorld {
  serviceProviders: {
    id: string;
    groups: { id: string; phoneNumbers: string[]; callingLineIdPhoneNumber?: string }[];
  }[];
}

/**
 * Boots AppModule exactly as main.ts does, on a fresh copy of the demo world, with the gateway of
 * the given driver swapped in through DI.
 */
export async function startApp(driver: Driver, options: TestAppOptions = {}): Promise<TestApp> {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as DemoWorld;
  options.world?.(world);
  const engine = BroadWorksEngine.fromWorldData(world);
  const settings = loadApioSettings(DEMO_SETTINGS);
  options.settings?.(settings);
  const { gateway: real, simulator, stop } = await gatewayOf(driver, engine, options.tcp);
  const gateway = options.wrap ? options.wrap(real) : real;
  // The seed of the test users in a temp directory (tests never touch env/users.json), and a
  // store of the app's own: a fresh schema, migrated at boot, seeded from that file.
  const dir = mkdtempSync(join(tmpdir(), 'auth-'));
  const users = await TestUsers.create(join(dir, 'users.json'), [
    { username: TEST_ADMIN, level: 'system' },
    ...(options.users ?? []),
  ]);
  // The store: by default one the test file's apps take in turn (opened once, emptied between
  // apps; see acquireTestStore). A test that sets store settings (a schema to boot a second app on,
  // a URL through a proxy) gets the app's own, opened at boot as main.ts does.
  const shared = options.store === undefined ? await acquireTestStore() : undefined;
  const storeSettings = shared?.settings ?? testStoreSettings(options.store);
  const auth: AuthConfig = {
    production: false,
    jwtSecret: TEST_JWT_SECRET,
    usersFile: users.file,
    cacheMaxAgeMs: 5000,
    trustProxy: false,
    accessTtlS: 900,
    refreshTtlS: 86400,
    machineTtlS: 31536000,
    maxFailuresPerUser: 5,
    maxFailuresPerAddress: 20,
    loginWindowS: 900,
    ...options.auth,
  };
  const clock = new ManualClock();
  const builder = Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] })
    // The driver's gateway, under the metering and logging decorator that AppModule puts on it.
    .overrideProvider(OCI_DRIVER_GATEWAY)
    .useValue(gateway)
    .overrideProvider(apioConfig.KEY)
    .useValue(settings)
    .overrideProvider(authConfig.KEY)
    .useValue(auth)
    .overrideProvider(storeConfig.KEY)
    .useValue(storeSettings)
    .overrideProvider(Clock)
    .useValue(clock);
  // The shared store outlives the app: its close (StoreModule's shutdown hook) is a no-op here.
  if (shared)
    builder
      .overrideProvider(Store)
      .useValue(Object.create(shared.store, { close: { value: () => Promise.resolve() } }));
  for (const [token, value] of options.overrides ?? []) builder.overrideProvider(token as string).useValue(value);
  const releaseStore = async (): Promise<void> => {
    if (shared) await shared.release();
    else if (options.store?.schema === undefined) dropSchemaSoon(storeSettings.schema);
  };
  let app: INestApplication | undefined;
  try {
    const moduleRef = await builder.compile();
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    configureApp(app);
    await app.init();
  } catch (error) {
    // A boot that failed half-way (a refusal in a module's init) still closes what it opened.
    await app?.close().catch(() => undefined);
    await stop();
    await releaseStore();
    throw error;
  }
  const running: INestApplication = app;
  users.attach(running.get(UsersRepository));
  const server = running.getHttpServer() as Parameters<typeof request>[0];
  const withToken = (token: string): TestAgent => request.agent(server).set('Authorization', `Bearer ${token}`);
  const accessTokenOf = (username: string): string => {
    const user = users.get(username);
    if (!user) throw new Error(`no test user ${username}`);
    return running.get(TokenService).sign('access', username, { cred: UsersStore.credentialTag(user) });
  };
  return {
    app: running,
    engine,
    gateway: real,
    simulator,
    http: withToken(accessTokenOf(TEST_ADMIN)),
    anonymous: request(server),
    withToken,
    as: (username) => withToken(accessTokenOf(username)),
    accessTokenOf,
    users,
    store: running.get(Store),
    storeSettings,
    clock,
    close: async () => {
      await running.close();
      await stop();
      // The app is closed: nothing writes to its store any more.
      await releaseStore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const BASE = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/hunt_groups';
