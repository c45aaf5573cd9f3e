import { type OciOutcome } from '../src/ocip/commands.js';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { OciRequest } from '../src/ocip/commands.js';
import { OciTransportError } from '../src/ocip/oci-errors.js';
import { OciGateway, type OciGatewayStats } from '../src/broadworks/oci/oci-gateway.js';
import { TcpOciGateway } from '../src/broadworks/oci/tcp/index.js';
import { BroadWorksEngine } from '../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../src/simulator/server.js';
import { BASE, DEMO_WORLD, DRIVERS, startApp, type TestApp } from './support/harness.js';

/** The value of one sample of the Prometheus text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/** A gateway that fails every document on the wire, and reports a pool, as the TCP gateway does. */
class DownGateway extends OciGateway {
  execute(_commands: readonly OciRequest[]): Promise<OciOutcome[]> {
    return Promise.reject(new OciTransportError('unreachable', 'no BroadWorks session is logged in'));
  }
  isReady(): Promise<boolean> {
    return Promise.resolve(false);
  }
  override stats(): OciGatewayStats {
    return { poolSize: 4, busySessions: 1, queueLength: 2, reconnects: 7 };
  }
}

const HUNT_GROUP_ROUTE = '/api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name';

describe('metrics', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const scrape = async (): Promise<string> => {
    const res = await t!.anonymous.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it.each(DRIVERS)(
    'counts HTTP requests by route pattern, method and status, with a duration histogram (%s)',
    async (driver) => {
      t = await startApp(driver);
      await t.http.get(`${BASE}/nobody@sip.netaxis.be/`).expect(404);
      await t.http.get(`${BASE}/other@sip.netaxis.be`).expect(404);
      await t.http.get(`${BASE}/`).expect(200);
      await t.anonymous.get('/no/such/route').expect(404);
      const text = await scrape();
      expect(sample(text, 'http_requests_total', { method: 'GET', route: HUNT_GROUP_ROUTE, status: '404' })).toBe(2);
      expect(
        sample(text, 'http_requests_total', {
          method: 'GET',
          route: '/api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups',
          status: '200',
        }),
      ).toBe(1);
      expect(sample(text, 'http_requests_total', { method: 'GET', route: '(unmatched)', status: '404' })).toBe(1);
      expect(
        sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: HUNT_GROUP_ROUTE, status: '404' }),
      ).toBe(2);
      expect(sample(text, 'http_request_duration_seconds_bucket', { route: HUNT_GROUP_ROUTE, le: '+Inf' })).toBe(2);
      // Raw URLs never become labels: one series per route, not per hunt group.
      expect(text).not.toMatch(/nobody@|other@|no\/such/);
    },
  );

  it('counts the API docs like any other route: the page, its script, its static files, the documents', async () => {
    t = await startApp('memory');
    await t.anonymous.get('/api/docs').expect(200);
    await t.anonymous.get('/api/docs/swagger-ui-init.js').expect(200);
    await t.anonymous.get('/api/docs/swagger-ui.css').expect(200);
    await t.anonymous.get('/api/docs/swagger-ui-bundle.js').expect(200);
    await t.anonymous.get('/api/docs-json').expect(200);
    await t.anonymous.get('/api/docs/no-such-file.js').expect(404);
    const text = await scrape();
    const count = (route: string, status = '200'): number | undefined =>
      sample(text, 'http_requests_total', { method: 'GET', route, status });
    expect(count('/api/docs')).toBe(1);
    expect(count('/api/docs/swagger-ui-init.js')).toBe(1);
    expect(count('/api/docs/{*asset}')).toBe(2);
    expect(count('/api/docs-json')).toBe(1);
    expect(count('(unmatched)', '404')).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/docs', status: '200' })).toBe(1);
  });

  it.each(DRIVERS)(
    'counts OCI-P documents and commands by command name and outcome, with round-trip histograms (%s)',
    async (driver) => {
      t = await startApp(driver);
      await t.http.get(`${BASE}/`).expect(200);
      await t.http.get('/api/v1/tenants/ApioSpTest/groups/NoSuchGroup/services/hunt_groups/').expect(404);
      const text = await scrape();
      expect(sample(text, 'oci_documents_total', { outcome: 'success' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'oci_documents_total', { outcome: 'error' })).toBeGreaterThanOrEqual(1);
      expect(
        sample(text, 'oci_commands_total', { command: 'GroupHuntGroupGetInstanceListRequest', outcome: 'success' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(text, 'oci_commands_total', { command: 'GroupHuntGroupGetInstanceListRequest', outcome: 'error' }),
      ).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'oci_document_duration_seconds_count', { outcome: 'success' })).toBe(
        sample(text, 'oci_documents_total', { outcome: 'success' }),
      );
      expect(
        sample(text, 'oci_command_duration_seconds_count', {
          command: 'GroupHuntGroupGetInstanceListRequest',
          outcome: 'success',
        }),
      ).toBeGreaterThanOrEqual(1);
    },
  );

  it('counts transport failures, and reports the pool of a gateway that has one', async () => {
    t = await startApp('memory', { wrap: () => new DownGateway() });
    await t.http.get(`${BASE}/`).expect(503);
    const text = await scrape();
    expect(sample(text, 'oci_documents_total', { outcome: 'transport_failure' })).toBe(1);
    expect(sample(text, 'oci_commands_total', { outcome: 'transport_failure' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_requests_total', { status: '503' })).toBe(1);
    expect(sample(text, 'oci_pool_size')).toBe(4);
    expect(sample(text, 'oci_pool_busy_sessions')).toBe(1);
    expect(sample(text, 'oci_pool_queue_length')).toBe(2);
    expect(sample(text, 'oci_reconnects_total')).toBe(7);
  });

  it('reports no pool for the in-memory gateway, and process metrics for every driver', async () => {
    t = await startApp('memory');
    const text = await scrape();
    expect(sample(text, 'oci_pool_size')).toBeUndefined();
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('keeps each application instance on its own registry', async () => {
    t = await startApp('memory');
    await t.http.get(`${BASE}/`).expect(200);
    const other = await startApp('memory');
    try {
      const text = (await other.anonymous.get('/metrics').expect(200)).text;
      expect(
        sample(text, 'http_requests_total', {
          route: '/api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups',
        }),
      ).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  describe('the TCP session pool', () => {
    let simulator: OciSimulator;
    afterEach(async () => {
      await simulator?.close();
    });

    const boot = async (latencyMs: number): Promise<void> => {
      simulator = await startOciSimulator({ engine: BroadWorksEngine.fromFile(DEMO_WORLD), latencyMs });
      const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
      const tcp = new TcpOciGateway({
        host: '127.0.0.1',
        port: simulator.port,
        userId: 'admin',
        password: 'admin',
        poolSize: 2,
        queueLimit: 50,
        connectTimeoutMs: 5000,
        requestTimeoutMs: 5000,
        reconnectBaseMs: 20,
        reconnectMaxMs: 100,
        logger: silent,
      });
      t = await startApp('memory', { wrap: () => tcp });
    };

    it('reports its size, busy sessions and queue while documents wait', async () => {
      await boot(300);
      let text = await scrape();
      expect(sample(text, 'oci_pool_size')).toBe(2);
      expect(sample(text, 'oci_pool_busy_sessions')).toBe(0);
      expect(sample(text, 'oci_pool_queue_length')).toBe(0);
      const calls = Array.from({ length: 4 }, () => t!.http.get(`${BASE}/`).then((r) => r.status));
      await new Promise((resolve) => setTimeout(resolve, 150));
      text = await scrape();
      expect(sample(text, 'oci_pool_busy_sessions')).toBe(2);
      expect(sample(text, 'oci_pool_queue_length')).toBe(2);
      expect(await Promise.all(calls)).toEqual([200, 200, 200, 200]);
      expect(sample(await scrape(), 'oci_pool_busy_sessions')).toBe(0);
    });

    it('counts reconnects after BroadWorks drops the sessions', async () => {
      await boot(0);
      await t!.http.get(`${BASE}/`).expect(200);
      expect(sample(await scrape(), 'oci_reconnects_total')).toBe(0);
      for (const connection of simulator.connections) connection.forceLogout();
      let reconnects = 0;
      for (let i = 0; i < 50 && reconnects < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        reconnects = sample(await scrape(), 'oci_reconnects_total') ?? 0;
      }
      expect(reconnects).toBe(2);
    });
  });
});
