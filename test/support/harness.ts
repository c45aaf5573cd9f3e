import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/bootstrap.js';
import { ApioSettings, loadApioSettings } from '../../src/config/apio-settings.js';
import { apioConfig } from '../../src/config/namespaces.js';
import { InMemoryOciGateway } from '../../src/oci/memory/in-memory-oci-gateway.js';
import { OciGateway } from '../../src/oci/oci-gateway.js';
import { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../../src/simulator/server.js';
import { TcpOciGateway } from '../../src/oci/tcp/index.js';

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
async function gatewayOf(driver: Driver, engine: BroadWorksEngine): Promise<{ gateway: OciGateway; stop(): Promise<void> }> {
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
  });
  return {
    gateway,
    stop: async () => {
      await gateway.close();
      await simulator.close();
    },
  };
}

export interface TestApp {
  app: INestApplication;
  engine: BroadWorksEngine;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

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
}

/** The parts of the demo world file that tests change. */
export interface DemoWorld {
  serviceProviders: { id: string; groups: { id: string; phoneNumbers: string[]; callingLineIdPhoneNumber?: string }[] }[];
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
  const { gateway: real, stop } = await gatewayOf(driver, engine);
  const gateway = options.wrap ? options.wrap(real) : real;
  const builder = Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] })
    .overrideProvider(OciGateway)
    .useValue(gateway)
    .overrideProvider(apioConfig.KEY)
    .useValue(settings);
  for (const [token, value] of options.overrides ?? []) builder.overrideProvider(token as string).useValue(value);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
  return {
    app,
    engine,
    http: request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await stop();
    },
  };
}

export const BASE = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/hunt_groups';
