import { type OciOutcome } from '../src/ocip/commands.js';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ShutdownState } from '../src/health/shutdown-state.js';
import type { OciRequest } from '../src/ocip/commands.js';
import { OciGateway } from '../src/broadworks/oci/oci-gateway.js';
import { TcpOciGateway } from '../src/broadworks/oci/tcp/index.js';
import { DRIVERS, startApp, type TestApp } from './support/harness.js';

/** A gateway whose readiness the test decides. */
class ScriptedGateway extends OciGateway {
  constructor(
    private readonly inner: OciGateway,
    readonly ready: () => Promise<boolean>,
  ) {
    super();
  }
  execute(commands: readonly OciRequest[]): Promise<OciOutcome[]> {
    return this.inner.execute(commands);
  }
  isReady(): Promise<boolean> {
    return this.ready();
  }
}

/** A loopback port nobody listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('health', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it.each(DRIVERS)('live answers 200 JSON without a token, never cached (%s)', async (driver) => {
    t = await startApp(driver);
    const res = await t.anonymous.get('/health/live').expect(200).expect('Content-Type', /json/);
    expect(res.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    expect(res.headers['cache-control']).toMatch(/no-store/);
  });

  it.each(DRIVERS)('ready answers 200 when the gateway is ready (%s)', async (driver) => {
    t = await startApp(driver);
    const res = await t.anonymous.get('/health/ready/').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { broadworks: { status: 'up' } } });
  });

  it('ready answers 503 JSON (not the error envelope) when the gateway is not ready; live stays 200', async () => {
    t = await startApp('memory', { wrap: (gateway) => new ScriptedGateway(gateway, () => Promise.resolve(false)) });
    const res = await t.anonymous.get('/health/ready').expect(503).expect('Content-Type', /json/);
    expect(res.body).toMatchObject({
      status: 'error',
      error: { broadworks: { status: 'down', message: expect.any(String) } },
    });
    await t.anonymous.get('/health/live').expect(200);
  });

  it('ready answers 503 when the readiness check itself fails', async () => {
    t = await startApp('memory', {
      wrap: (gateway) => new ScriptedGateway(gateway, () => Promise.reject(new Error('boom'))),
    });
    const res = await t.anonymous.get('/health/ready').expect(503);
    expect(res.body.error.broadworks.status).toBe('down');
  });

  it('ready answers 503 while the service drains for shutdown', async () => {
    t = await startApp('memory');
    await t.anonymous.get('/health/ready').expect(200);
    t.app.get(ShutdownState).draining = true;
    const res = await t.anonymous.get('/health/ready').expect(503);
    expect(res.body.error.broadworks).toMatchObject({ status: 'down', message: 'shutting down' });
  });

  it('ready answers 503 when the TCP gateway cannot log in (BroadWorks down)', async () => {
    const port = await closedPort();
    const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const tcp = new TcpOciGateway({
      host: '127.0.0.1',
      port,
      userId: 'admin',
      password: 'admin',
      poolSize: 1,
      queueLimit: 10,
      connectTimeoutMs: 200,
      requestTimeoutMs: 500,
      reconnectBaseMs: 60000,
      reconnectMaxMs: 60000,
      logger: silent,
    });
    t = await startApp('memory', { wrap: () => tcp });
    const res = await t.anonymous.get('/health/ready').expect(503);
    expect(res.body.error.broadworks.status).toBe('down');
    await t.anonymous.get('/health/live').expect(200);
  });
});
