/**
 * `npm run bench:scale`: what single-item calls, a page and the export cost as a group fills up.
 * For 10, 1,000 and 10,000 hunt groups in one group, with 0 and 10 ms of BroadWorks latency a
 * document, the service runs on the TCP gateway (pool of 8) against the OCI-P simulator; each call
 * is timed one at a time (BENCH_SCALE_CALLS calls, default 100: median and fastest), the export as a
 * whole. Ratios compare the fastest calls, the least disturbed by whatever else the machine runs.
 * Prints one table (README, "Scale and paging"). Not part of `npm test`.
 */
import { toAddRequest } from '../src/broadworks/hunt-group.mapper.js';
import { sendInDocuments } from '../src/broadworks/send-in-documents.js';
import { freePort, startNode, startService, tcpGatewayEnv, type Child } from './processes.js';
import { simulatorGateway } from './raw-client.js';
import { documentsSent, login } from './service-calls.js';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10,1000,10000').split(',').map(Number);
const LATENCIES = (process.env.BENCH_SCALE_LATENCIES ?? '0,10').split(',').map(Number);
const CALLS = Number(process.env.BENCH_SCALE_CALLS ?? 100);
const POOL = 8;
const T = 'ApioSpTest';
const G = 'ApioGrpTest';
const BASE = `/api/v1/tenants/${T}/groups/${G}/services/hunt_groups`;
const ROUTES = ['GET one', 'PUT', 'POST+DELETE', 'GET page of 10', 'GET page of 100', 'export'] as const;
type Route = (typeof ROUTES)[number];

interface Measure {
  /** Median. */
  ms: number;
  /** Fastest: the call's own cost, least disturbed by whatever else the machine runs. */
  minMs: number;
  docs: number;
}
const results = new Map<string, Measure>();
const rss = new Map<string, number>();
const key = (route: Route | 'rss', size: number, latency: number) => `${route}|${size}|${latency}`;
const idOf = (i: number) => `scale-${String(i).padStart(5, '0')}@sip.netaxis.be`;

async function main(): Promise<void> {
  for (const latency of LATENCIES) {
    for (const size of SIZES) await scenario(size, latency);
  }
  print();
}

async function scenario(size: number, latency: number): Promise<void> {
  const simPort = await freePort();
  const simulator = await startNode(
    'dist/simulator/cli.js',
    ['--port', String(simPort), '--latency-ms', String(latency)],
    {},
    (out) => out.includes('listening'),
  );
  let service: Child | undefined;
  try {
    await seed(simPort, size);
    const started = await startService(tcpGatewayEnv(simPort, POOL));
    service = started.service;
    const { url } = started;
    const headers = { authorization: `Bearer ${await login(url)}`, 'content-type': 'application/json' };
    const call = async (method: string, path: string, body?: unknown, expected = 200): Promise<string> => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text;
    };
    const middle = idOf(Math.floor(size / 2));
    let n = 0;
    const runs: Record<Route, () => Promise<unknown>> = {
      'GET one': () => call('GET', `${BASE}/${middle}`),
      PUT: () => call('PUT', `${BASE}/${middle}`, { noAnswerNumberOfRings: 1 + (n++ % 20) }),
      'POST+DELETE': async () => {
        const id = `made-${n++}@sip.netaxis.be`;
        const profile = { name: 'Bench', cliLastName: 'Bench', cliFirstName: 'Mark' };
        await call('POST', `${BASE}/`, { serviceUserId: id, serviceInstanceProfile: profile }, 201);
        await call('DELETE', `${BASE}/${id}`);
      },
      // A page of 10 has 10 rows at every size; a page of 100 has only 10 when the group has 10.
      'GET page of 10': () => call('GET', `${BASE}/?limit=10&offset=${Math.max(0, Math.floor(size / 2) - 5)}`),
      'GET page of 100': () => call('GET', `${BASE}/?limit=100&offset=${Math.max(0, Math.floor(size / 2) - 50)}`),
      export: async () => {
        const lines = (await call('GET', `${BASE}/export`)).trimEnd().split('\n').length;
        if (lines !== size) throw new Error(`export: ${lines} lines for ${size} hunt groups`);
      },
    };
    for (const route of ROUTES) {
      const times = route === 'export' ? Math.max(2, Math.min(5, Math.ceil(2000 / size))) : CALLS;
      for (let i = 0; i < (route === 'export' ? 1 : 10); i++) await runs[route](); // warm-up: JIT, sessions
      const before = await documentsSent(url);
      const elapsed: number[] = [];
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        await runs[route]();
        elapsed.push(performance.now() - started);
      }
      const docs = ((await documentsSent(url)) - before) / times;
      elapsed.sort((a, b) => a - b);
      results.set(key(route, size, latency), { ms: elapsed[Math.floor(elapsed.length / 2)], minMs: elapsed[0], docs });
      process.stderr.write(
        `${size} hunt groups, ${latency} ms: ${route} ${elapsed[Math.floor(elapsed.length / 2)].toFixed(1)} ms\n`,
      );
    }
    rss.set(key('rss', size, latency), service.peakRssMb());
  } finally {
    await service?.stop();
    await simulator.stop();
  }
}

/** The group filled through OCI-P: adds 15 a document, the documents at once over a pool of 8. */
async function seed(port: number, size: number): Promise<void> {
  const gateway = await simulatorGateway(port, POOL, 60000);
  try {
    const adds = Array.from({ length: size }, (_, i) =>
      toAddRequest({ tenantId: T, groupId: G }, idOf(i), {
        serviceInstanceProfile: { name: `Scale ${size - i}`, cliLastName: 'Scale', cliFirstName: 'Bench' },
      }),
    );
    for (let i = 0; i < adds.length; i += 1500) await sendInDocuments(gateway, adds.slice(i, i + 1500));
  } finally {
    await gateway.onModuleDestroy();
  }
}

function print(): void {
  const [first, last] = [SIZES[0], SIZES[SIZES.length - 1]];
  const header = [
    'route',
    'latency',
    ...SIZES.map((s) => `${s} HGs p50 / min ms`),
    `${last}/${first} (min)`,
    ...SIZES.map((s) => `docs @${s}`),
  ];
  const lines: string[][] = [];
  for (const latency of LATENCIES) {
    for (const route of ROUTES) {
      const at = (size: number) => results.get(key(route, size, latency));
      lines.push([
        route,
        `${latency} ms`,
        ...SIZES.map((s) => (at(s) ? `${at(s)!.ms.toFixed(1)} / ${at(s)!.minMs.toFixed(1)}` : '')),
        at(first) && at(last) ? `${(at(last)!.minMs / at(first)!.minMs).toFixed(2)}×` : '',
        ...SIZES.map((s) => at(s)?.docs.toFixed(1) ?? ''),
      ]);
    }
    lines.push([
      'peak RSS MB',
      `${latency} ms`,
      ...SIZES.map((s) => rss.get(key('rss', s, latency))?.toFixed(0) ?? ''),
      '',
      ...SIZES.map(() => ''),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
  for (const latency of LATENCIES.filter((l) => l > 0)) {
    const exported = results.get(key('export', last, latency));
    const roundTrip = results.get(key('GET one', first, latency));
    if (!exported || !roundTrip) continue;
    const budget = Math.ceil(last / 15 / POOL) + 5;
    console.log(
      `export of ${last} at ${latency} ms: ${exported.minMs.toFixed(0)} ms = ${(exported.minMs / roundTrip.minMs).toFixed(0)} round trips ` +
        `(one round trip = the fastest GET one with ${first} hunt groups, ${roundTrip.minMs.toFixed(1)} ms); target ceil(${last}/15/${POOL})+5 = ${budget}`,
    );
  }
}

await main();
