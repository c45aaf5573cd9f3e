/**
 * Two replicas behave as one service: two built services (node dist/main.js) on two ports, over
 * the OCI-P TCP simulator, sharing one PostgreSQL store (a schema of the test server).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BroadWorksEngine } from '../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../src/simulator/server.js';
import { buildService, startService, type RunningService } from './support/built-service.js';
import { DEMO_WORLD } from './support/harness.js';
import { freshSchema, testDatabaseUrl } from './support/test-database.js';

const HG = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/hunt_groups';
const AUDIT = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/audit_trail';
/** The bound this suite holds replicas to for a revocation or a removal made on the other one. */
// Generous for a loaded CI machine, where one HTTP call can take a few hundred milliseconds; typically 0 (the next request).
const PROPAGATION_BOUND_MS = 1000;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  port: number,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const login = (port: number, username: string, password: string): Promise<Answer> =>
  call(port, '/api/v1/auth/login', { method: 'POST', body: { username, password } });

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls until `check` holds; returns how long it took (ms); fails past `withinMs`. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await sleep(5);
  }
  return performance.now() - started;
}

let built: Awaited<ReturnType<typeof buildService>>;
beforeAll(async () => {
  built = await buildService();
}, 180000);
afterAll(() => built?.remove());

describe('two replicas on one store', () => {
  let simulator: OciSimulator;
  let engine: BroadWorksEngine;
  let a: RunningService;
  let b: RunningService;
  let admin: string;
  const schema = freshSchema();
  const storeEnv = { DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema };

  /** The users CLI, built, on the replicas' store (as an operator runs it: `npm run users -- …`). */
  const usersCli = (args: string[], stdin?: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [join(dirname(built.main), 'auth/users-cli.js'), ...args],
        { env: { ...process.env, NODE_OPTIONS: '', ...storeEnv } },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}: ${stderr}`)) : resolve(stdout)),
      );
      child.stdin?.end(stdin ?? '');
    });

  beforeAll(async () => {
    engine = BroadWorksEngine.fromFile(DEMO_WORLD);
    simulator = await startOciSimulator({ engine, host: '127.0.0.1', port: 0 });
    const env = {
      ...storeEnv,
      OCI_DRIVER: 'tcp',
      OCI_HOST: '127.0.0.1',
      OCI_PORT: String(simulator.port),
      OCI_USER: 'admin',
      OCI_PASSWORD: 'admin',
      OCI_POOL_SIZE: '4',
      PLUGINS: 'audit-trail',
    };
    // Booting together on an empty schema: each migration is applied once (the migrator's lock),
    // the seed (env/users.json: demo/demo) imported once.
    [a, b] = await Promise.all([startService(built.main, env), startService(built.main, env)]);
    const res = await login(a.port, 'demo', 'demo');
    expect(res.status).toBe(200);
    admin = res.body.access_token as string;
  }, 180000);

  afterAll(async () => {
    for (const service of [a, b]) if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
    await simulator?.close();
  });

  it('migrated and seeded the store once, though both booted together', () => {
    const migrated = [...a.logs, ...b.logs].map((r) => String(r.msg)).filter((m) => m.startsWith('Store: '));
    expect(migrated.filter((m) => /applied 0001-auth, 0002-audit$/.test(m))).toHaveLength(1);
    const seeded = [...a.logs, ...b.logs].filter((r) => /imported 1 from env\/users.json/.test(String(r.msg)));
    expect(seeded).toHaveLength(1);
  });

  it('a user added with the CLI logs in on both without a restart; removed, their tokens stop on both', async () => {
    expect(
      await usersCli(
        ['add', 'carol', '--level', 'tenant', '--tenant', 'ApioSpTest', '--password-stdin'],
        'carol-pass\n',
      ),
    ).toMatch(/^added carol level=tenant tenants=ApioSpTest/);
    const onA = await login(a.port, 'carol', 'carol-pass');
    const onB = await login(b.port, 'carol', 'carol-pass');
    expect([onA.status, onB.status]).toEqual([200, 200]);
    const token = onA.body.access_token as string;
    expect((await call(b.port, HG, { token })).status).toBe(200);

    await usersCli(['remove', 'carol']);
    const refusedAfterMs = await within(PROPAGATION_BOUND_MS, async () => {
      const [ra, rb] = await Promise.all([call(a.port, HG, { token }), call(b.port, HG, { token })]);
      return ra.status === 401 && rb.status === 401;
    });
    expect(refusedAfterMs).toBeLessThan(PROPAGATION_BOUND_MS);
    expect((await login(b.port, 'carol', 'carol-pass')).status).toBe(401);
  });

  it(`a machine token revoked through A is refused by B at once (bound: ${PROPAGATION_BOUND_MS} ms)`, async () => {
    for (let i = 0; i < 5; i++) {
      const issued = await call(a.port, '/api/v1/auth/machine_tokens', {
        method: 'POST',
        token: admin,
        body: { name: `portal ${i}`, level: 'tenant', tenants: ['ApioSpTest'] },
      });
      expect(issued.status).toBe(201);
      const token = issued.body.token as string;
      // B knows it (and has it in its cache now).
      expect((await call(b.port, HG, { token })).status).toBe(200);
      expect(
        (
          await call(a.port, `/api/v1/auth/machine_tokens/${String(issued.body.id)}`, {
            method: 'DELETE',
            token: admin,
          })
        ).status,
      ).toBe(200);
      // Usually the notification is there before the next request; on a loaded machine it may take
      // a few milliseconds more: the bound is what is promised.
      const first = await call(b.port, HG, { token });
      if (first.status !== 401)
        await within(PROPAGATION_BOUND_MS, async () => (await call(b.port, HG, { token })).status === 401);
      else expect(first.body).toMatchObject({ code: 'TOKEN_REVOKED' });
    }
  });

  it('failed logins on A and B count against one bound', async () => {
    // 5 failures per user name (the default), spread over both replicas.
    for (let i = 0; i < 5; i++) expect((await login(i % 2 ? a.port : b.port, 'mallory', `guess${i}`)).status).toBe(401);
    const onA = await login(a.port, 'mallory', 'guess-again');
    const onB = await login(b.port, 'mallory', 'guess-again');
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onB.body).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    // An operator lifts the lockout for both at once.
    expect(await usersCli(['unlock', 'mallory'])).toMatch(/^unlocked mallory/);
    expect((await login(a.port, 'mallory', 'guess-again')).status).toBe(401);
  });

  it('an audit record written through A is read through B', async () => {
    const id = 'audited@sip.netaxis.be';
    const created = await call(a.port, `${HG}/`, {
      method: 'POST',
      token: admin,
      body: {
        serviceUserId: id,
        serviceInstanceProfile: { name: 'Audited', cliLastName: 'Audit', cliFirstName: 'Ed' },
      },
    });
    expect(created.status).toBe(201);
    // The record is written right after A's answer (plugins observe changes after the fact).
    const ms = await within(2000, async () => {
      const events = (await call(b.port, `${AUDIT}?limit=10`, { token: admin })).body.events as {
        type: string;
        huntGroup?: { serviceUserId: string };
      }[];
      return events.some((e) => e.type === 'created' && e.huntGroup?.serviceUserId === id);
    });
    expect(ms).toBeLessThan(2000);
  });

  it('killing replica A mid-load loses no acknowledged change, and B keeps answering', async () => {
    const results: { id: string; replica: 'a' | 'b'; status: number; at: number }[] = [];
    let killedAt = Infinity;
    const deadline = performance.now() + 3000;
    const worker = async (w: number): Promise<void> => {
      for (let n = 0; performance.now() < deadline; n++) {
        const replica = (w + n) % 2 ? 'a' : 'b';
        const id = `load${w}x${n}@sip.netaxis.be`;
        const body = {
          serviceUserId: id,
          serviceInstanceProfile: { name: `Load ${w} ${n}`, cliLastName: 'Load', cliFirstName: 'Test' },
        };
        const status = await call(replica === 'a' ? a.port : b.port, `${HG}/`, {
          method: 'POST',
          token: admin,
          body,
        }).then(
          (r) => r.status,
          () => 0, // A is gone: no answer, nothing acknowledged
        );
        results.push({ id, replica, status, at: performance.now() });
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    await sleep(1000);
    killedAt = performance.now();
    a.child.kill('SIGKILL');
    await load;
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const acknowledged = results.filter((r) => r.status >= 200 && r.status < 300);
    const world = engine.snapshot();
    const lost = acknowledged.filter((r) => !world.includes(r.id));
    expect(lost).toEqual([]);
    expect(acknowledged.filter((r) => r.replica === 'a').length).toBeGreaterThan(0);
    // B answered everything it was sent, before and after A died.
    const onB = results.filter((r) => r.replica === 'b');
    expect(onB.filter((r) => r.at > killedAt).length).toBeGreaterThan(0);
    expect(onB.filter((r) => r.status !== 201)).toEqual([]);
    expect((await call(b.port, '/health/ready')).status).toBe(200);
    // And B still checks tokens against the store A was sharing.
    expect((await login(b.port, 'demo', 'demo')).status).toBe(200);
  }, 60000);
});

describe('one replica', () => {
  it('without its database says why and exits non-zero', async () => {
    const started = Date.now();
    const failure = await startService(built.main, {
      DATABASE_URL: 'postgres://hg:s3cret@127.0.0.1:1/hg',
      DATABASE_SCHEMA: 'public',
      DATABASE_BOOT_TIMEOUT_MS: '1000',
    }).then(
      (service) => {
        service.child.kill('SIGKILL');
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/^the service exited \(1\) before listening: /);
    expect(failure).toMatch(
      /the store cannot be reached \(postgres:\/\/hg:\*\*\*@127.0.0.1:1\/hg\) after 1000 ms: .*ECONNREFUSED/,
    );
    expect(failure).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(15000);
  }, 30000);

  it('on the embedded store (no DATABASE_URL): serves the demo login, keeps users and tokens across a restart, RSS under 200 MB', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'hg-embedded-service-'));
    chmodSync(parent, 0o755); // run as root, PostgreSQL runs as the user postgres
    const env = { DATABASE_URL: '', DATABASE_SCHEMA: 'public', DATA_DIR: join(parent, 'data') };
    let service: RunningService | undefined;
    try {
      service = await startService(built.main, env);
      const demo = await login(service.port, 'demo', 'demo');
      expect(demo.status).toBe(200);
      const token = demo.body.access_token as string;
      const machine = await call(service.port, '/api/v1/auth/machine_tokens', {
        method: 'POST',
        token,
        body: { name: 'kept', level: 'system' },
      });
      expect(machine.status).toBe(201);
      // Some load, then the service's own resident memory (PostgreSQL is its child process, not counted).
      for (let i = 0; i < 200; i++) expect((await call(service.port, HG, { token })).status).toBe(200);
      const rssMb =
        Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${service.child.pid}/status`, 'utf8'))?.[1]) / 1024;
      expect(rssMb).toBeLessThan(200);

      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });
      service = await startService(built.main, env);
      expect((await call(service.port, HG, { token: machine.body.token as string })).status).toBe(200);
      expect((await login(service.port, 'demo', 'demo')).status).toBe(200);
      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });
    } finally {
      if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
      rmSync(parent, { recursive: true, force: true });
    }
  }, 90000);
});
