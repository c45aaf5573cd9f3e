/**
 * Fault tolerance of the REST API on the TCP gateway, with the OCI-P simulator misbehaving on
 * command (src/simulator/server-faults.ts). It proves that every route answers in bounded time
 * with a clear JSON error (or succeeds) under each fault, that the pool heals by itself without
 * leaking sockets, that a change failing part-way leaves the world as it was (or says its outcome
 * is unknown), and that a load across simulator restarts loses no acknowledged change.
 *
 * Timeouts are short and margins generous (a loaded 2-core machine); the only waits are on events
 * or on conditions polled with a deadline.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ApioSettings } from '../src/config/apio-settings.js';
import { OciErrorResponse } from '../src/ocip/oci-errors.js';
import type { OciSimulator } from '../src/simulator/server.js';
import { BASE, startApp, type TestApp, type TestAppOptions } from './support/harness.js';

const POOL = 2;
const TIMEOUT_MS = 600;
const TCP = {
  poolSize: POOL,
  queueLimit: 500,
  connectTimeoutMs: 600,
  requestTimeoutMs: TIMEOUT_MS,
  reconnectBaseMs: 20,
  reconnectMaxMs: 250,
  shutdownTimeoutMs: 500,
};
/** A REST call makes at most three documents in a row, each bounded by the timeout (and by as much for a session); the rest is margin. */
const CALL_BOUND_MS = 6 * TIMEOUT_MS + 2500;
/** Past this a call counts as hung: its request is aborted and the test fails on status 0. */
const HANG_MS = CALL_BOUND_MS + 5000;

const AGENTS = ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'];
const FIXTURE = 'fixture@sip.netaxis.be';
const profile = (name: string, extra: Record<string, unknown> = {}) => ({
  serviceInstanceProfile: { name, cliLastName: 'Fault', cliFirstName: 'Line', ...extra },
});

interface Answer {
  status: number;
  body: { error?: unknown; code?: unknown; [key: string]: unknown } | undefined;
  ms: number;
}

/** REST over a real HTTP socket (many calls at once, each with its own deadline). */
class Client {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  static async of(t: TestApp): Promise<Client> {
    await t.app.listen(0, '127.0.0.1');
    return new Client(await t.app.getUrl(), t.accessTokenOf('admin'));
  }

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const started = performance.now();
    try {
      const res = await fetch(this.url.replace('[::1]', '127.0.0.1') + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(HANG_MS),
      });
      const text = await res.text();
      let parsed: Answer['body'];
      try {
        parsed = text ? (JSON.parse(text) as Answer['body']) : undefined;
      } catch {
        parsed = { unparsed: text };
      }
      return { status: res.status, body: parsed, ms: performance.now() - started };
    } catch (error) {
      return { status: 0, body: { error: String(error) }, ms: performance.now() - started };
    }
  }
}

const CODE_OF_STATUS: Record<number, RegExp> = {
  400: /^(BROADWORKS_ERROR|VALIDATION_FAILED)$/,
  404: /^NOT_FOUND$/,
  502: /^BROADWORKS_BAD_RESPONSE$/,
  503: /^BROADWORKS_UNAVAILABLE$/,
  504: /^BROADWORKS_(TIMEOUT|UNKNOWN_OUTCOME)$/,
};

/** Answered in time, with one of `statuses`, and, when an error, with the JSON envelope and the code of its status. */
function expectClear(answer: Answer, statuses: readonly number[], what: string): void {
  const summary = `${what}: ${answer.status} in ${Math.round(answer.ms)} ms ${JSON.stringify(answer.body)}`;
  expect({ summary, hung: answer.status === 0 }).toEqual({ summary, hung: false });
  expect({ summary, inTime: answer.ms < CALL_BOUND_MS }).toEqual({ summary, inTime: true });
  expect({ summary, expected: statuses.includes(answer.status) }).toEqual({ summary, expected: true });
  if (answer.status >= 400) {
    expect(answer.body).toMatchObject({
      error: expect.any(String),
      code: expect.stringMatching(CODE_OF_STATUS[answer.status] ?? /^$/),
    });
    expect(String(answer.body?.error).length).toBeGreaterThan(20);
  }
}

/** The client's sockets to the simulator (live handles of this process whose peer is the simulator's port). */
function clientSocketsTo(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((h) => {
    const socket = h as { remotePort?: number; destroyed?: boolean };
    return socket.remotePort === port && socket.destroyed === false;
  }).length;
}

async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The pool is whole again: calls succeed, and exactly poolSize sockets are open on each side, none busy, nobody waiting. */
async function expectHealed(t: TestApp, client: Client, poolSize = POOL): Promise<void> {
  const simulator = t.simulator!;
  let last = '';
  await eventually(async () => {
    const list = await client.call('GET', BASE);
    const stats = t.gateway.stats();
    const counts = {
      list: list.status,
      server: simulator.connections.size,
      client: clientSocketsTo(simulator.port),
      busy: stats?.busySessions,
      queue: stats?.queueLength,
    };
    last = JSON.stringify(counts);
    return (
      counts.list === 200 &&
      counts.server === poolSize &&
      counts.client === poolSize &&
      counts.busy === 0 &&
      counts.queue === 0
    );
  }, `the pool heals (last: ${last})`);
}

/** Drops every session from the server side and waits until the gateway has noticed. */
async function dropAllSessions(simulator: OciSimulator): Promise<void> {
  for (const connection of simulator.connections) connection.socket.destroy();
  await eventually(() => clientSocketsTo(simulator.port) === 0, 'the gateway sees its sessions closed');
}

interface Route {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
}

/** Every route once; POST and DELETE on ids of their own (`tag` keeps them apart between suites). */
const routes = (tag: string): Route[] => [
  {
    name: 'POST',
    method: 'POST',
    path: BASE,
    body: { serviceUserId: `created-${tag}@sip.netaxis.be`, ...profile(`Created ${tag}`) },
  },
  { name: 'GET list', method: 'GET', path: BASE },
  { name: 'GET one', method: 'GET', path: `${BASE}/${FIXTURE}` },
  {
    name: 'PUT',
    method: 'PUT',
    path: `${BASE}/${FIXTURE}`,
    body: { policy: 'Uniform', serviceInstanceProfile: { name: `Changed ${tag}` } },
  },
  { name: 'DELETE', method: 'DELETE', path: `${BASE}/victim-${tag}@sip.netaxis.be` },
  { name: 'available users', method: 'GET', path: `${BASE}/users/available` },
  { name: 'weighted GET', method: 'GET', path: `${BASE}/${FIXTURE}/weighted_distribution` },
  {
    name: 'weighted PUT',
    method: 'PUT',
    path: `${BASE}/${FIXTURE}/weighted_distribution`,
    body: {
      agents: [
        { userId: AGENTS[0], weight: 70 },
        { userId: AGENTS[1], weight: 30 },
      ],
    },
  },
];

async function createFixtures(client: Client, tag: string): Promise<void> {
  for (const body of [
    { serviceUserId: FIXTURE, policy: 'Weighted', agents: AGENTS, ...profile('Fixture') },
    { serviceUserId: `victim-${tag}@sip.netaxis.be`, ...profile(`Victim ${tag}`) },
  ]) {
    const res = await client.call('POST', BASE, body);
    expect(res.status).toBe(201);
  }
}

interface Fault {
  /** Sets the fault (and waits until it is in effect). */
  arm(simulator: OciSimulator): Promise<void> | void;
  /** Takes it away again. */
  disarm(simulator: OciSimulator): Promise<void> | void;
  /** What each route may answer under it. */
  statuses: number[];
}

const clearFaults = (s: OciSimulator): void => {
  s.faults.clear();
};

const FAULTS: [string, Fault][] = [
  // A read cut twice (the first try and its retry) is 503; a write cut after it was sent is 504 unknown outcome.
  [
    'drops the connection mid-answer',
    {
      arm: (s) => {
        s.faults.onDocuments('drop');
      },
      disarm: clearFaults,
      statuses: [503, 504],
    },
  ],
  [
    'stalls (never answers)',
    {
      arm: (s) => {
        s.faults.onDocuments('stall');
      },
      disarm: clearFaults,
      statuses: [504],
    },
  ],
  [
    'answers garbage',
    {
      arm: (s) => {
        s.faults.onDocuments('garbage');
      },
      disarm: clearFaults,
      statuses: [502],
    },
  ],
  [
    'answers a well-framed invalid document',
    {
      arm: (s) => {
        s.faults.onDocuments('invalid-document');
      },
      disarm: clearFaults,
      statuses: [502],
    },
  ],
  [
    'logs the session out instead of answering',
    {
      arm: (s) => {
        s.faults.onDocuments('logout');
      },
      disarm: clearFaults,
      statuses: [503, 504],
    },
  ],
  [
    'fails the first command with an ErrorResponse',
    {
      arm: (s) => {
        s.faults.failCommand(1);
      },
      disarm: clearFaults,
      statuses: [400, 404],
    },
  ],
  [
    'refuses connections (sessions dropped)',
    {
      arm: async (s) => {
        s.faults.refuseConnections();
        await dropAllSessions(s);
      },
      disarm: clearFaults,
      statuses: [503],
    },
  ],
  [
    'is down (listener closed)',
    {
      arm: async (s) => {
        await s.stop();
        await eventually(() => clientSocketsTo(s.port) === 0, 'the gateway sees its sessions closed');
      },
      disarm: (s) => s.start(),
      statuses: [503],
    },
  ],
];

describe('fault tolerance on the TCP gateway', () => {
  describe.each(FAULTS)('every route while BroadWorks %s', (label, fault) => {
    const tag = label.split(' ')[0];
    let t: TestApp;
    let client: Client;
    let reconnectsBefore = 0;

    beforeAll(async () => {
      t = await startApp('tcp', { tcp: TCP });
      client = await Client.of(t);
      await createFixtures(client, tag);
      reconnectsBefore = t.gateway.stats()!.reconnects;
    });
    afterAll(async () => {
      await t?.close();
    });
    beforeEach(async () => {
      await expectHealed(t, client);
      await fault.arm(t.simulator!);
    });
    afterEach(async () => {
      await fault.disarm(t.simulator!);
    });

    it.each(routes(tag).map((r) => [r.name, r] as const))(
      '%s answers in time with a clear error, never 500',
      async (name, route) => {
        const answer = await client.call(route.method, route.path, route.body);
        expectClear(answer, fault.statuses, name);
      },
    );

    it('heals by itself afterwards: calls succeed, poolSize sockets on each side', async () => {
      // beforeEach healed the pool with the fault set and cleared between routes; now it is set and cleared once more.
      await fault.disarm(t.simulator!);
      await expectHealed(t, client);
      expect((await client.call('GET', `${BASE}/${FIXTURE}`)).status).toBe(200);
      if (tag !== 'fails') expect(t.gateway.stats()!.reconnects).toBeGreaterThan(reconnectsBefore);
    });
  });

  describe('nothing is half-done', () => {
    let t: TestApp | undefined;
    let client: Client;
    const start = async (options: TestAppOptions = {}): Promise<TestApp> => {
      t = await startApp('tcp', { tcp: TCP, ...options });
      client = await Client.of(t);
      await createFixtures(client, 'half');
      return t;
    };
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('a create whose activation fails (the 2nd command from now) leaves the world as it was', async () => {
      const app = await start();
      const before = app.engine.snapshot();
      app.simulator!.faults.failCommand(2);
      const answer = await client.call('POST', BASE, {
        serviceUserId: 'inactive@sip.netaxis.be',
        active: false,
        ...profile('Inactive'),
      });
      expectClear(answer, [400], 'POST');
      expect(answer.body?.['details']).toMatchObject({
        summary: expect.stringMatching(/simulated failure of a command/),
      });
      expect(app.simulator!.faults.fired.command).toBe(1);
      expect(app.engine.snapshot()).toBe(before);
    });

    it.each([
      ['its second command (activation)', 'GroupHuntGroupModifyActiveInstanceListRequest'],
      ['its first command (modify), the activation after it undone', 'GroupHuntGroupModifyInstanceRequest'],
    ])('an update failing in %s leaves the world as it was', async (_what, type) => {
      const app = await start();
      const before = app.engine.snapshot();
      app.simulator!.faults.failCommand(1, { type });
      const answer = await client.call('PUT', `${BASE}/${FIXTURE}`, {
        active: false,
        policy: 'Uniform',
        agents: [AGENTS[1]],
        serviceInstanceProfile: { name: 'Changed' },
      });
      expectClear(answer, [400], 'PUT');
      expect(app.engine.snapshot()).toBe(before);
    });

    it('a rename whose UserModifyUserIdRequest fails leaves the world as it was', async () => {
      const app = await start({
        settings: (s: ApioSettings) =>
          Object.assign(s.AUTOMATIC_ID_RULES, {
            SUID_HUNT_GROUP_AUTO_GENERATE: true,
            SUID_HUNT_GROUP_RULE: 'hg{{national_no_0}}_{{RND_2}}@{{domain}}',
            SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: true,
          }),
      });
      const created = await client.call('POST', BASE, {
        ...profile('Renamed', { phoneNumber: '+3225126780' }),
        agents: [AGENTS[0]],
      });
      expect(created.status).toBe(201);
      const id = String(created.body?.['serviceUserId']);
      const before = app.engine.snapshot();
      app.simulator!.faults.failCommand(1, { type: 'UserModifyUserIdRequest' });
      const answer = await client.call('PUT', `${BASE}/${id}`, {
        serviceInstanceProfile: { phoneNumber: '+3225126781' },
        active: false,
      });
      expectClear(answer, [400], 'PUT');
      expect(app.simulator!.faults.fired.command).toBe(1);
      expect(app.engine.snapshot()).toBe(before);
      // And without the fault the same change renames.
      const renamed = await client.call('PUT', `${BASE}/${id}`, {
        serviceInstanceProfile: { phoneNumber: '+3225126781' },
        active: false,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body?.['serviceUserId']).toBe(id.replace('25126780', '25126781'));
    });

    const writes = routes('half').filter((r) => r.method !== 'GET');
    it.each(writes.map((r) => [r.name, r] as const))(
      '%s cut off mid-answer: 504 BROADWORKS_UNKNOWN_OUTCOME saying the change may or may not have been applied',
      async (name, route) => {
        const app = await start();
        const before = app.engine.snapshot();
        app.simulator!.faults.onDocuments('drop', { count: 1, documents: 'writes' });
        const answer = await client.call(route.method, route.path, route.body);
        expectClear(answer, [504], name);
        expect(answer.body).toMatchObject({
          code: 'BROADWORKS_UNKNOWN_OUTCOME',
          error: expect.stringMatching(/may or may not have been applied/),
        });
        // The simulator ran the change before cutting its answer: the warning was warranted.
        expect(app.simulator!.faults.fired.drop).toBe(1);
        expect(app.engine.snapshot()).not.toBe(before);
        await expectHealed(app, client);
      },
    );

    it.each([
      ['stalls', 'stall', 504, 'BROADWORKS_TIMEOUT'],
      ['answers garbage', 'garbage', 502, 'BROADWORKS_BAD_RESPONSE'],
      ['logs the session out', 'logout', 504, 'BROADWORKS_UNKNOWN_OUTCOME'],
    ] as const)(
      'a write to which BroadWorks %s says the change may or may not have been applied',
      async (_what, kind, status, code) => {
        const app = await start();
        app.simulator!.faults.onDocuments(kind, { count: 1, documents: 'writes' });
        const answer = await client.call('PUT', `${BASE}/${FIXTURE}`, { policy: 'Regular' });
        expectClear(answer, [status], 'PUT');
        expect(answer.body).toMatchObject({ code, error: expect.stringMatching(/may or may not have been applied/) });
        await expectHealed(app, client);
      },
    );

    it('a failed change whose undo cannot complete says it may be partly applied (504), not just "refused"', async () => {
      const app = await start();
      app.simulator!.faults.failCommand(1, { type: 'GroupHuntGroupModifyActiveInstanceListRequest' });
      // The undo (delete the hunt group just added) is never run: BroadWorks logs the session out instead.
      app.simulator!.faults.onDocuments('logout', {
        count: 1,
        documents: (types) => types.includes('GroupHuntGroupDeleteInstanceRequest'),
      });
      const answer = await client.call('POST', BASE, {
        serviceUserId: 'partial@sip.netaxis.be',
        active: false,
        ...profile('Partial'),
      });
      expectClear(answer, [504], 'POST');
      expect(answer.body).toMatchObject({
        code: 'BROADWORKS_UNKNOWN_OUTCOME',
        error: expect.stringMatching(/may be partly applied/),
      });
      expect(
        app.engine.execute({ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'partial@sip.netaxis.be' }),
      ).not.toBeInstanceOf(OciErrorResponse);
    });
  });

  describe('the pool heals by itself', () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('after BroadWorks comes back, the next call reconnects at once instead of waiting out the backoff', async () => {
      // A backoff far longer than the test: only a call-triggered reconnect can serve the call in time.
      t = await startApp('tcp', { tcp: { ...TCP, reconnectBaseMs: 8000, reconnectMaxMs: 20_000 } });
      const client = await Client.of(t);
      const simulator = t.simulator!;
      expect((await client.call('GET', BASE)).status).toBe(200);
      await simulator.stop();
      await eventually(() => clientSocketsTo(simulator.port) === 0, 'the gateway sees its sessions closed');
      const down = await client.call('GET', BASE);
      expectClear(down, [503], 'GET while down');
      expect(down.ms).toBeLessThan(1500);

      await simulator.start();
      const back = Date.now();
      await eventually(
        async () => (await client.call('GET', BASE)).status === 200,
        'a call succeeds after the restart',
        6000,
      );
      // The sessions' own backoff timers fire 6.4 s after the loss at the earliest.
      expect(Date.now() - back).toBeLessThan(4000);
      // Demand brings the second session back too; nothing leaks on either side.
      await eventually(
        async () => {
          await Promise.all([client.call('GET', BASE), client.call('GET', BASE), client.call('GET', BASE)]);
          return simulator.connections.size === POOL && clientSocketsTo(simulator.port) === POOL;
        },
        'both sessions back',
        6000,
      );
      expect(t.gateway.stats()).toMatchObject({ poolSize: POOL, busySessions: 0, queueLength: 0 });
    });

    it('survives every fault in turn on one app, ending with poolSize sockets on each side', async () => {
      t = await startApp('tcp', { tcp: TCP });
      const client = await Client.of(t);
      await createFixtures(client, 'turns');
      for (const [label, fault] of FAULTS) {
        await fault.arm(t.simulator!);
        const answers = await Promise.all(
          routes('turns')
            .filter((r) => r.method === 'GET')
            .map((r) => client.call(r.method, r.path, r.body)),
        );
        // Calls at once: one may wait for a session that the fault then sends into backoff (503);
        // a single failed command fails one call only, the others succeed.
        const allowed = fault.statuses.includes(400) ? [...fault.statuses, 200] : [...fault.statuses, 503];
        for (const answer of answers) expectClear(answer, allowed, label);
        await fault.disarm(t.simulator!);
        await expectHealed(t, client);
      }
      await t.simulator!.restart();
      await expectHealed(t, client);
    });
  });

  describe('a bounded load while the simulator restarts', () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('loses no acknowledged change; every other call answered a clear error', async () => {
      const pool = 4;
      t = await startApp('tcp', {
        tcp: { ...TCP, poolSize: pool, requestTimeoutMs: 3000, connectTimeoutMs: 1000, queueLimit: 1000 },
      });
      const app = t;
      const client = await Client.of(app);
      const simulator = app.simulator!;
      const COUNT = 150;
      // The hunt groups the updates change, created before the load.
      const pre = Array.from({ length: COUNT }, (_, i) => `load-u${i}@sip.netaxis.be`);
      for (let i = 0; i < pre.length; i += 10) {
        const created = await Promise.all(
          pre.slice(i, i + 10).map((id) => client.call('POST', BASE, { serviceUserId: id, ...profile('Before') })),
        );
        expect(created.map((c) => c.status)).toEqual(created.map(() => 201));
      }

      const calls: Promise<{ kind: 'create' | 'update'; id: string; answer: Answer }>[] = [];
      const WAVES = 15;
      const PER_WAVE = (2 * COUNT) / WAVES;
      const restarts: Promise<void>[] = [];
      const started = Date.now();
      for (let wave = 0; wave < WAVES; wave++) {
        for (let j = 0; j < PER_WAVE; j++) {
          const n = wave * (PER_WAVE / 2) + Math.floor(j / 2);
          if (j % 2 === 0) {
            const id = `load-c${n}@sip.netaxis.be`;
            calls.push(
              client
                .call('POST', BASE, { serviceUserId: id, ...profile(`Created ${n}`) })
                .then((answer) => ({ kind: 'create', id, answer })),
            );
          } else {
            const id = pre[n];
            calls.push(
              client
                .call('PUT', `${BASE}/${id}`, { serviceInstanceProfile: { name: `Updated ${n}` } })
                .then((answer) => ({ kind: 'update', id, answer })),
            );
          }
        }
        // BroadWorks goes down twice during the load, for a moment each time.
        if (wave === 4 || wave === 10) restarts.push(simulator.restart(150));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await Promise.all(restarts);
      const results = await Promise.all(calls);
      const elapsed = Date.now() - started;
      expect(results).toHaveLength(2 * COUNT);
      expect(elapsed).toBeLessThan(3000 + 10 * HANG_MS);

      const instance = (id: string) =>
        app.engine.execute({ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: id });
      const nameOf = (id: string): string | undefined => {
        const outcome = instance(id) as unknown as { serviceInstanceProfile?: { name?: string } } | OciErrorResponse;
        return outcome instanceof OciErrorResponse ? undefined : outcome.serviceInstanceProfile?.name;
      };
      let acknowledged = 0;
      for (const { kind, id, answer } of results) {
        if (answer.status >= 200 && answer.status < 300) {
          acknowledged++;
          // An acknowledged change is in the world.
          const n = id.replace(/^load-[cu](\d+)@.*$/, '$1');
          expect({ id, name: nameOf(id) }).toEqual({ id, name: kind === 'create' ? `Created ${n}` : `Updated ${n}` });
        } else {
          expectClear(answer, [502, 503, 504], `${kind} ${id}`);
        }
      }
      expect(acknowledged).toBeGreaterThan(0);
      await expectHealed(app, client, pool);
      // Both restarts dropped every session, and the pool logged them in again by itself.
      expect(app.gateway.stats()!.reconnects).toBeGreaterThanOrEqual(2 * pool);
    }, 60_000);
  });
});
