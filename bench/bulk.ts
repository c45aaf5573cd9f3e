/**
 * `npm run bench:bulk`: 1,000 hunt group creates as one bulk job against 1,000 POSTs from 8
 * concurrent clients, on the OCI-P simulator with 10 ms of BroadWorks latency a document and a
 * pool of 8 sessions. Prints the wall time and the OCI-P documents of each (from /metrics).
 * Not part of `npm test`. BENCH_ITEMS (default 1000) sets the number of creates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNode, startService, tcpGatewayEnv } from './processes.js';
import { documentsSent, login } from './service-calls.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const CLIENTS = 8;
const POOL = 8;
const LATENCY_MS = 10;
const BASE = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/hunt_groups';

interface Measure {
  how: string;
  wallMs: number;
  documents: number;
  failed: number;
}

async function main(): Promise<void> {
  const simPort = await freePort();
  const simulator = await startNode(
    'dist/simulator/cli.js',
    ['--port', String(simPort), '--latency-ms', String(LATENCY_MS)],
    {},
    (out) => out.includes('listening'),
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-bulk-'));
  const { service, url } = await startService({ ...tcpGatewayEnv(simPort, POOL), DATA_DIR: dataDir });
  try {
    const token = await login(url);
    const posts = await measurePosts(url, token);
    const job = await measureJob(url, token);
    print([posts, job]);
  } finally {
    await service.stop();
    await simulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const createBody = (serviceUserId: string) => ({
  serviceUserId,
  serviceInstanceProfile: { name: 'Bench', cliLastName: 'Bench', cliFirstName: 'Mark' },
});

/** ITEMS POSTs, CLIENTS at a time. */
async function measurePosts(url: string, token: string): Promise<Measure> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const before = await documentsSent(url);
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const client = async (): Promise<void> => {
    while (next < ITEMS) {
      const n = next++;
      const res = await fetch(`${url}${BASE}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(createBody(`post${n}@sip.netaxis.be`)),
      });
      await res.arrayBuffer();
      if (res.status !== 201) failed++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const wallMs = performance.now() - started;
  return { how: `${ITEMS} POSTs, ${CLIENTS} clients`, wallMs, documents: (await documentsSent(url)) - before, failed };
}

/**
 * One bulk job of ITEMS creates: from the upload to the job's `finishedAt` (this machine's clock on
 * both sides), so how often the job is polled to know it ended does not change the time; every
 * 250 ms, since an answer of ITEMS items takes CPU from the job.
 */
async function measureJob(url: string, token: string): Promise<Measure> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const items = Array.from({ length: ITEMS }, (_, n) => ({
    action: 'create',
    ...createBody(`bulk${n}@sip.netaxis.be`),
  }));
  const before = await documentsSent(url);
  const started = Date.now();
  const res = await fetch(`${url}${BASE}/bulk`, { method: 'POST', headers, body: JSON.stringify(items) });
  if (res.status !== 202) throw new Error(`bulk upload refused: ${res.status} ${await res.text()}`);
  const location = res.headers.get('location')!;
  let job: { state: string; failed: number; finishedAt: string | null };
  do {
    await new Promise((r) => setTimeout(r, 250));
    job = (await (await fetch(`${url}${location}`, { headers })).json()) as typeof job;
  } while (job.state === 'queued' || job.state === 'running');
  const wallMs = Date.parse(job.finishedAt!) - started;
  return {
    how: `1 bulk job of ${ITEMS} creates`,
    wallMs,
    documents: (await documentsSent(url)) - before,
    failed: job.failed,
  };
}

function print(measures: Measure[]): void {
  console.log(`OCI-P simulator with ${LATENCY_MS} ms a document, pool ${POOL}`);
  console.log('| run | wall time (ms) | OCI-P documents | failed |');
  console.log('|---|---:|---:|---:|');
  for (const m of measures) console.log(`| ${m.how} | ${m.wallMs.toFixed(0)} | ${m.documents} | ${m.failed} |`);
  const [posts, job] = measures;
  const floor = Math.ceil(ITEMS / 15);
  console.log(
    `\nthe job is ${(posts.wallMs / job.wallMs).toFixed(1)}x faster (target 10x); ` +
      `${job.documents} documents for ${ITEMS} creates (ceil(${ITEMS}/15) = ${floor})`,
  );
}

await main();
