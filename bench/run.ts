/**
 * `npm run bench`: drives the REST API with autocannon on each gateway and against two baselines,
 * then prints one table. Not part of `npm test`. BENCH_SECONDS (default 3) sets each run's length.
 *
 *   (a) memory  the service on the embedded simulated BroadWorks
 *   (b) tcp     the service on the OCI-P simulator over loopback, no added latency
 *   (c) tcp+10  the same with 10 ms of simulated BroadWorks latency per document
 *   (d) plain   a plain NestJS route on the same adapter answering a fixed JSON body
 *   (e) raw     the same OCI-P exchanges as the REST call, through the TCP gateway without NestJS
 */
import autocannon, { type Request } from 'autocannon';
import { freePort, startNode, startService, tcpGatewayEnv, type Child } from './processes.js';
import { documentsSent, login } from './service-calls.js';
import { runRaw } from './raw-client.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,16,64').split(',').map(Number);
const ROUTES = ['GET one', 'GET list', 'PUT', 'POST+DELETE'] as const;
type Route = (typeof ROUTES)[number];
const POOL = 8;
const BASE = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/hunt_groups';
const FIXTURE = 'bench@sip.netaxis.be';

interface Row {
  scenario: string;
  route: string;
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
  rssMb?: number;
  docsPerCall?: number;
  errors: number;
}

const rows: Row[] = [];

async function main(): Promise<void> {
  const simulators = { tcp: await simulator(0), 'tcp+10': await simulator(10) };
  try {
    await restScenario('(a) memory', { OCI_DRIVER: 'memory' });
    for (const [name, sim] of Object.entries(simulators)) {
      await restScenario(`(${name === 'tcp' ? 'b' : 'c'}) ${name}`, {
        ...tcpGatewayEnv(sim.port, POOL),
      });
    }
    await plainScenario();
    for (const [name, sim] of Object.entries(simulators)) {
      for (const route of ROUTES) {
        for (const c of CONCURRENCIES) {
          const r = await runRaw(sim.port, POOL, route, c, SECONDS, FIXTURE);
          rows.push({
            scenario: `(e) raw ${name}`,
            route,
            concurrency: c,
            rps: r.callsPerSecond,
            p50: r.p50,
            p99: r.p99,
            errors: 0,
          });
        }
      }
    }
  } finally {
    await Promise.all(Object.values(simulators).map((s) => s.child.stop()));
  }
  print();
}

async function simulator(latencyMs: number): Promise<{ port: number; child: Child }> {
  const port = await freePort();
  const child = await startNode(
    'dist/simulator/cli.js',
    ['--port', String(port), '--latency-ms', String(latencyMs)],
    {},
    (out) => out.includes('listening'),
  );
  return { port, child };
}

async function restScenario(scenario: string, env: Record<string, string>): Promise<void> {
  const { service, url } = await startService(env);
  try {
    const token = await login(url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await fetch(`${url}${BASE}/${FIXTURE}`, { method: 'DELETE', headers });
    const created = await fetch(`${url}${BASE}/`, {
      method: 'POST',
      headers,
      body: JSON.stringify(createBody(FIXTURE)),
    });
    if (created.status !== 201) throw new Error(`fixture not created: ${created.status} ${await created.text()}`);
    for (const route of ROUTES) {
      // Warm up (JIT, pools) before measuring; not counted.
      await autocannon({ url, connections: 16, duration: 1, headers, requests: requestsOf(route) });
      for (const c of CONCURRENCIES) {
        const before = await documentsSent(url);
        const result = await autocannon({
          url,
          connections: c,
          duration: SECONDS,
          headers,
          requests: requestsOf(route),
        });
        const after = await documentsSent(url);
        const calls = result.requests.total;
        rows.push({
          scenario,
          route,
          concurrency: c,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          rssMb: service.peakRssMb(),
          docsPerCall: calls > 0 ? (after - before) / calls : undefined,
          errors: result.errors + result.non2xx + result.timeouts,
        });
      }
    }
  } finally {
    await service.stop();
  }
}

async function plainScenario(): Promise<void> {
  const port = await freePort();
  const plain = await startNode('dist-bench/bench/plain-app.js', [], { PORT: String(port) }, (out) =>
    out.includes('listening'),
  );
  try {
    await autocannon({ url: `http://127.0.0.1:${port}/plain`, connections: 16, duration: 1 });
    for (const c of CONCURRENCIES) {
      const result = await autocannon({ url: `http://127.0.0.1:${port}/plain`, connections: c, duration: SECONDS });
      rows.push({
        scenario: '(d) plain',
        route: 'GET fixed',
        concurrency: c,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        rssMb: plain.peakRssMb(),
        errors: result.errors + result.non2xx,
      });
    }
  } finally {
    await plain.stop();
  }
}

function createBody(serviceUserId: string) {
  return { serviceUserId, serviceInstanceProfile: { name: 'Bench', cliLastName: 'Bench', cliFirstName: 'Mark' } };
}

/** Numbers the created ids and PUT values across every run, so no run reuses an id an earlier one left. */
let n = 0;

/** The request sequence of one route for autocannon; PUTs really change something each time. */
function requestsOf(route: Route): Request[] {
  switch (route) {
    case 'GET one':
      return [{ method: 'GET', path: `${BASE}/${FIXTURE}` }];
    case 'GET list':
      return [{ method: 'GET', path: `${BASE}/` }];
    case 'PUT':
      return [
        {
          method: 'PUT',
          path: `${BASE}/${FIXTURE}`,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ noAnswerNumberOfRings: 1 + (n++ % 20) }) }),
        },
      ];
    case 'POST+DELETE':
      return [
        {
          method: 'POST',
          path: `${BASE}/`,
          setupRequest: (req, context) => {
            const ctx = context as { id?: string };
            ctx.id = `b${process.pid}x${n++}@sip.netaxis.be`;
            return { ...req, body: JSON.stringify(createBody(ctx.id)) };
          },
        },
        {
          method: 'DELETE',
          setupRequest: (req, context) => ({ ...req, path: `${BASE}/${(context as { id?: string }).id}` }),
        },
      ];
  }
}

function print(): void {
  const raw = (scenario: string, route: string, c: number) =>
    rows.find((r) => r.scenario === `(e) raw ${scenario}` && r.route === route && r.concurrency === c);
  const plain = (c: number) => rows.find((r) => r.scenario === '(d) plain' && r.concurrency === c);
  const header = [
    'scenario',
    'route',
    'conc',
    'req/s',
    'p50 ms',
    'p99 ms',
    'RSS MB',
    'docs/call',
    'p50 REST/raw',
    'req/s REST/plain',
    'errors',
  ];
  const lines = rows.map((r) => {
    const gateway = r.scenario.includes('tcp+10') ? 'tcp+10' : r.scenario.includes('tcp') ? 'tcp' : undefined;
    const rawRow = gateway && !r.scenario.startsWith('(e)') ? raw(gateway, r.route, r.concurrency) : undefined;
    const plainRow = r.scenario.startsWith('(a)') && r.route === 'GET one' ? plain(r.concurrency) : undefined;
    return [
      r.scenario,
      r.route,
      String(r.concurrency),
      r.rps.toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.rssMb?.toFixed(0) ?? '',
      r.docsPerCall?.toFixed(2) ?? '',
      rawRow && rawRow.p50 > 0 ? (r.p50 / rawRow.p50).toFixed(2) : '',
      plainRow ? (r.rps / plainRow.rps).toFixed(2) : '',
      String(r.errors),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

await main();
