/**
 * The database goes away under a running service (through a TCP proxy the test breaks): readiness
 * goes down, a request that needs the store answers 503 STORE_UNAVAILABLE within its bound (never
 * hanging), and everything recovers by itself when the database is back.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BASE, startApp, type TestApp } from './support/harness.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { testDatabaseUrl } from './support/test-database.js';

const LOGIN = '/api/v1/auth/login';
const TOKENS = '/api/v1/auth/machine_tokens';
/** The store's bounds in this suite: connect 1 s, statement 1 s (client side: 2 s). */
const BOUNDS = { connectTimeoutMs: 1000, statementTimeoutMs: 1000 };

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > withinMs) throw new Error(`not recovered within ${withinMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('the store unreachable under a running service', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  beforeEach(async () => {
    const url = new URL(testDatabaseUrl());
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    t = await startApp('memory', { store: { databaseUrl: proxy.urlFor(testDatabaseUrl()), ...BOUNDS } });
  });
  afterEach(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
  });

  const ready = async (): Promise<boolean> => (await t.anonymous.get('/health/ready')).status === 200;

  it('when PostgreSQL is down (connections refused): ready 503, requests 503 at once, then recovers', async () => {
    expect(await ready()).toBe(true);
    await proxy.refuse();

    const probe = await timed(() => t.anonymous.get('/health/ready'));
    expect(probe.result.status).toBe(503);
    expect(probe.result.body.error.store).toMatchObject({
      status: 'down',
      message: expect.stringMatching(/PostgreSQL/),
    });
    expect(probe.result.body.info.broadworks).toMatchObject({ status: 'up' });
    await t.anonymous.get('/health/live').expect(200);

    // A hunt group call: its token must be checked against the store (the cache is off without notifications).
    const api = await timed(() => t.http.get(BASE));
    expect(api.result.status).toBe(503);
    expect(api.result.body).toEqual({
      error: 'The service cannot reach its database (PostgreSQL) now: try again shortly',
      code: 'STORE_UNAVAILABLE',
      details: null,
    });
    expect(api.result.headers['retry-after']).toBe('5');
    expect(api.ms).toBeLessThan(1500);
    const login = await t.anonymous.post(LOGIN).send({ username: 'admin', password: 'admin-password' });
    expect(login.status).toBe(503);
    expect((await t.http.post(TOKENS).send({ name: 'x', level: 'system' })).status).toBe(503);

    await proxy.restore();
    const recoveredMs = await eventually(async () => (await t.http.get(BASE)).status === 200, 10000);
    expect(await ready()).toBe(true);
    expect((await t.anonymous.post(LOGIN).send({ username: 'admin', password: 'admin-password' })).status).toBe(200);
    // The notifications come back too (the listener reconnects with a backoff of at most 5 s).
    await eventually(() => Promise.resolve(t.store.events.listening), 7000);
    expect(recoveredMs).toBeLessThan(10000);
  });

  it('when PostgreSQL stops answering (a stalled host): nothing waits past its timeout, then recovers', async () => {
    expect(await ready()).toBe(true);
    proxy.stall();

    const probe = await timed(() => t.anonymous.get('/health/ready'));
    expect(probe.result.status).toBe(503);
    expect(probe.result.body.error.store.message).toMatch(/no answer within 2000 ms/);
    expect(probe.ms).toBeLessThan(3500);

    // Listing machine tokens reads the store: answered 503 within the statement bound (2 s client side), not hung.
    const list = await timed(() => t.http.get(TOKENS));
    expect(list.result.status).toBe(503);
    expect(list.result.body.code).toBe('STORE_UNAVAILABLE');
    expect(list.ms).toBeLessThan(4000);
    const login = await timed(() => t.anonymous.post(LOGIN).send({ username: 'admin', password: 'admin-password' }));
    expect(login.result.status).toBe(503);
    expect(login.ms).toBeLessThan(4000);

    await proxy.restore();
    await eventually(async () => (await t.http.get(TOKENS)).status === 200, 10000);
    expect(await ready()).toBe(true);
  }, 30000);
});
