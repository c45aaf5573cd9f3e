import { afterEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { JOB_RETENTION_MS, JobStore } from '../src/domain/bulk/bulk.js';
import { JobRunnerSettings } from '../src/domain/bulk/job-runner.js';
import { BASE, DRIVERS, startApp, type TestApp, type TestAppOptions } from './support/harness.js';
import { FaultyGateway } from './support/faulty-gateway.js';
import { OciErrorResponse } from '../src/ocip/oci-errors.js';
import { freshSchema } from './support/test-database.js';

const BULK = `${BASE}/bulk`;
const U0 = 'ApioUserTest@sip.netaxis.be';
const U1 = 'ApioUserTest1@sip.netaxis.be';
const id = (n: number) => `bulk${n}@sip.netaxis.be`;
const create = (n: number, extra: Record<string, unknown> = {}) => ({
  action: 'create',
  serviceUserId: id(n),
  serviceInstanceProfile: { name: `Bulk ${n}`, cliLastName: 'Bulk', cliFirstName: `N${n}` },
  ...extra,
});

interface JobAnswer {
  id: string;
  state: string;
  total: number;
  done: number;
  failed: number;
  createdAt: string;
  finishedAt: string | null;
  items: {
    row: number;
    status: string;
    serviceUserId: string | null;
    error: { code: string; details?: unknown } | null;
  }[];
}

/** A runner that polls often, with a short lease; `enabled: false` for a replica that only takes uploads. */
const runner = (settings: Partial<JobRunnerSettings> = {}): [unknown, unknown][] => [
  [
    JobRunnerSettings,
    { ...new JobRunnerSettings(), enabled: true, pollMs: 50, leaseMs: 2000, chunkItems: 120, ...settings },
  ],
];

async function finished(t: TestApp | TestApp['http'], jobId: string, withinMs = 15000): Promise<JobAnswer> {
  const http = 'http' in t ? t.http : t;
  const started = Date.now();
  for (;;) {
    const res = await http.get(`/api/v1/jobs/${jobId}`).expect(200);
    const job = res.body as JobAnswer;
    if (['done', 'failed', 'cancelled'].includes(job.state)) return job;
    if (Date.now() - started > withinMs) throw new Error(`job ${jobId} still ${job.state} after ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(DRIVERS)('bulk jobs on the %s gateway', (driver) => {
  const apps: TestApp[] = [];
  let faulty: FaultyGateway;
  const start = async (options: TestAppOptions = {}): Promise<TestApp> => {
    const t = await startApp(driver, {
      wrap: (g) => (faulty = new FaultyGateway(g)),
      overrides: runner(),
      ...options,
    });
    apps.push(t);
    return t;
  };
  afterEach(async () => {
    while (apps.length > 0) await apps.pop()!.close();
  });

  it('runs creates, updates and deletes from JSON: 202 with Location, progress, a result per item', async () => {
    const t = await start();
    await t.http.post(BASE).send(create(90)).expect(201);
    await t.http.post(BASE).send(create(91)).expect(201);
    const res = await t.http
      .post(BULK)
      .send([
        create(1, { agents: [U0, U1] }),
        create(2, { active: false }),
        { action: 'update', serviceUserId: id(90), policy: 'Circular', agents: [U1], active: false },
        { action: 'delete', serviceUserId: id(91) },
      ]);
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/jobs/${res.body.id}`);
    expect(res.body).toMatchObject({ state: expect.stringMatching(/queued|running|done/), total: 4 });
    const job = await finished(t, res.body.id);
    expect(job).toMatchObject({ state: 'done', total: 4, done: 4, failed: 0 });
    expect(Date.parse(job.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(job.createdAt));
    // The update and the delete were found by their ids, not in the group's whole list.
    const types = faulty.sent.flat().map((c) => c.$type);
    expect(types).not.toContain('GroupHuntGroupGetInstanceListRequest');
    expect(types).toContain('GroupHuntGroupGetInstancePagedSortedListRequest');
    expect(job.items).toEqual([
      { row: 1, status: 'done', serviceUserId: id(1), error: null },
      { row: 2, status: 'done', serviceUserId: id(2), error: null },
      { row: 3, status: 'done', serviceUserId: id(90), error: null },
      { row: 4, status: 'done', serviceUserId: id(91), error: null },
    ]);
    const one = (await t.http.get(`${BASE}/${id(1)}`).expect(200)).body;
    expect(one.agents.map((a: { userId: string }) => a.userId)).toEqual([U0, U1]);
    expect((await t.http.get(`${BASE}/${id(2)}`)).body.active).toBe(false);
    const updated = (await t.http.get(`${BASE}/${id(90)}`)).body;
    expect([updated.policy, updated.agents.map((a: { userId: string }) => a.userId), updated.active]).toEqual([
      'Circular',
      [U1],
      false,
    ]);
    // Settings and activation in one command (R25's consolidated modify).
    expect(faulty.sent.flat().map((c) => c.$type)).toContain('GroupHuntGroupConsolidatedModifyInstanceRequest');
    expect((await t.http.get(`${BASE}/${id(91)}`)).status).toBe(404);
  });

  it("records each item's change in the audit log as the submitter's, with the webhook deliveries of its events", async () => {
    const t = await start();
    await t.http.post(BASE).send(create(80)).expect(201);
    // A subscription whose receiver is not there: its deliveries wait in the outbox, to be counted.
    await t.http
      .post('/api/v1/webhooks')
      .send({ url: 'http://127.0.0.1:9/hooks', events: ['created', 'deleted'] })
      .expect(201);
    const res = await t.http
      .post(BULK)
      .send([create(81), { action: 'delete', serviceUserId: id(80) }, { action: 'delete', serviceUserId: id(89) }])
      .expect(202);
    const job = await finished(t, res.body.id);
    expect([job.done, job.failed]).toEqual([2, 1]);
    const all = (await t.http.get('/api/v1/audit_records?limit=1000').expect(200)).body.audit_records as {
      requestId: string;
      method: string;
      path: string;
      actor: { kind: string; id: string };
      huntGroupId: string;
      outcome: string;
      status: number;
      errorCode: string | null;
      changes: { type: string }[];
      commands: { commands: { $type: string }[]; outcomes?: unknown[] }[];
    }[];
    const upload = all.find((r) => r.method === 'POST' && r.path === BULK)!;
    const items = all.filter((r) => r.requestId === job.id).sort((a, b) => a.huntGroupId.localeCompare(b.huntGroupId));
    expect(
      items.map((r) => [r.method, r.huntGroupId, r.outcome, r.status, r.errorCode, r.changes.map((c) => c.type)]),
    ).toEqual([
      ['JOB', id(80), 'success', 200, null, ['deleted']],
      ['JOB', id(81), 'success', 200, null, ['created']],
      ['JOB', id(89), 'failure', 422, 'HUNT_GROUP_NOT_FOUND', []],
    ]);
    for (const r of items) expect([r.actor.kind, r.actor.id]).toEqual([upload.actor.kind, upload.actor.id]);
    expect(items[1].commands.flatMap((d) => d.commands.map((c) => c.$type))).toEqual([
      'GroupHuntGroupAddInstanceRequest20',
    ]);
    // Each kept command with its own outcome, not those of the other items' commands of its document.
    expect(items.map((r) => r.commands.map((d) => [d.commands.length, d.outcomes?.length]))).toEqual(
      items.map((r) => r.commands.map((d) => [d.commands.length, d.commands.length])),
    );
    expect(items[1].commands.flatMap((d) => d.outcomes)).toEqual(['ok']);
    const outbox = await t.store.db.selectFrom('webhook_outbox').select('payload').execute();
    const jobEvents = outbox.map((o) => o.payload as { type: string; requestId: string; huntGroupId: string });
    expect(
      jobEvents
        .filter((e) => e.requestId === job.id)
        .map((e) => [e.type, e.huntGroupId])
        .sort(),
    ).toEqual([
      ['created', id(81)],
      ['deleted', id(80)],
    ]);
  });

  it('fails an item alone, with the error the single call would give, and keeps each item all or nothing', async () => {
    const t = await start();
    await t.http.post(BASE).send(create(3)).expect(201);
    faulty.failWhen((c) => c.$type === 'GroupHuntGroupConsolidatedAddInstanceRequest' && c.serviceUserId === id(7));
    const res = await t.http
      .post(BULK)
      .send([
        create(3),
        create(4, { agents: ['nobody@sip.netaxis.be'] }),
        create(5),
        create(6, { active: false }),
        create(7, { active: false }),
        { action: 'update', serviceUserId: id(99), policy: 'Circular' },
        { action: 'delete', serviceUserId: id(98) },
      ])
      .expect(202);
    const job = await finished(t, res.body.id);
    expect(job).toMatchObject({ state: 'done', total: 7, done: 2, failed: 5 });
    expect(job.items.map((i) => [i.row, i.status, i.error?.code ?? null])).toEqual([
      [1, 'failed', 'CONFLICT'],
      [2, 'failed', 'AGENT_NOT_AVAILABLE'],
      [3, 'done', null],
      [4, 'done', null],
      [5, 'failed', 'BROADWORKS_ERROR'],
      [6, 'failed', 'HUNT_GROUP_NOT_FOUND'],
      [7, 'failed', 'HUNT_GROUP_NOT_FOUND'],
    ]);
    // An inactive hunt group is created and deactivated by one command (R25's consolidated add).
    expect((await t.http.get(`${BASE}/${id(6)}`)).body.active).toBe(false);
    const adds = faulty.sent.flat().filter((c) => c.$type === 'GroupHuntGroupConsolidatedAddInstanceRequest');
    expect(adds).toHaveLength(2);
    expect(faulty.sent.flat().some((c) => c.$type === 'GroupHuntGroupModifyActiveInstanceListRequest')).toBe(false);
    expect((await t.http.get(`${BASE}/${id(7)}`)).status).toBe(404);
    expect((await t.http.get(`${BASE}/${id(4)}`)).status).toBe(404);
  });

  it("gives a deleted hunt group's number back with unassignPhoneNumbers (R25's consolidated delete)", async () => {
    const t = await start();
    const withNumber = (n: number, phoneNumber: string) =>
      create(n, { serviceInstanceProfile: { name: `Bulk ${n}`, cliLastName: 'Bulk', cliFirstName: 'N', phoneNumber } });
    await t.http.post(BASE).send(withNumber(10, '+3225126781')).expect(201);
    await t.http.post(BASE).send(withNumber(11, '+3225126782')).expect(201);
    const bad = await t.http
      .post(BULK)
      .send([{ action: 'delete', serviceUserId: id(10), unassignPhoneNumbers: 'All' }]);
    expect([bad.status, bad.body.details[0].row, bad.body.details[0].field]).toEqual([400, 1, 'unassignPhoneNumbers']);
    const res = await t.http
      .post(BULK)
      .send([
        { action: 'delete', serviceUserId: id(10), unassignPhoneNumbers: 'Group' },
        { action: 'delete', serviceUserId: id(11) },
      ])
      .expect(202);
    expect(await finished(t, res.body.id)).toMatchObject({ state: 'done', done: 2 });
    const free = (await t.http.get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/numbers/available')).body.numbers;
    expect(free).not.toContain('+3225126781');
    expect(free).toContain('+3225126782');
    const types = faulty.sent.flat().map((c) => c.$type);
    expect(types).toContain('GroupHuntGroupConsolidatedDeleteInstanceRequest');
    expect(types).toContain('GroupHuntGroupDeleteInstanceRequest');
  });

  it('waits while BroadWorks is unreachable: the items stay pending and the job resumes once its lease runs out', async () => {
    const t = await start({ overrides: runner({ leaseMs: 1000 }) });
    faulty.unreachable = true;
    const res = await t.http
      .post(BULK)
      .send([create(20), create(21)])
      .expect(202);
    await new Promise((r) => setTimeout(r, 300));
    const waiting = (await t.http.get(`/api/v1/jobs/${res.body.id}`)).body as JobAnswer;
    expect([waiting.state, waiting.done, waiting.failed]).toEqual(['running', 0, 0]);
    expect(waiting.items.map((i) => [i.status, i.serviceUserId])).toEqual([
      ['pending', id(20)],
      ['pending', id(21)],
    ]);
    faulty.unreachable = false;
    expect(await finished(t, res.body.id)).toMatchObject({ state: 'done', done: 2, failed: 0 });
  });

  it('draws a fresh id when a generated one is taken, as POST does, up to five ids an item', async () => {
    const t = await start({
      settings: (s) =>
        Object.assign(s.AUTOMATIC_ID_RULES, {
          SUID_HUNT_GROUP_AUTO_GENERATE: true,
          SUID_HUNT_GROUP_RULE: 'hg{{RND_4}}@{{domain}}',
        }),
    });
    const isAdd = (c: { $type: string }) => /^GroupHuntGroup(Consolidated)?AddInstanceRequest/.test(c.$type);
    const idOf = (c: object) => (c as { serviceUserId?: string }).serviceUserId;
    const taken = OciErrorResponse.of(4500, 'User already exists');
    const noId = { action: 'create', serviceInstanceProfile: { name: 'Drawn', cliLastName: 'D', cliFirstName: 'N' } };
    // The first id drawn turns out taken: the item is added again under a fresh one.
    let first: string | undefined;
    faulty.failWhen((c) => isAdd(c) && first === undefined && (first = idOf(c)) !== undefined, taken);
    faulty.sent.length = 0;
    let job = await finished(t, (await t.http.post(BULK).send([noId]).expect(202)).body.id);
    const adds = faulty.sent.flat().filter(isAdd);
    expect([job.items[0].status, adds.length]).toEqual(['done', 2]);
    expect(job.items[0].serviceUserId).toBe(idOf(adds[1]));
    expect(job.items[0].serviceUserId).not.toBe(first);
    expect((await t.http.get(`${BASE}/${job.items[0].serviceUserId}`)).status).toBe(200);
    // Every id drawn taken: after five adds the item fails as a POST would.
    faulty.failWhen(isAdd, taken);
    faulty.sent.length = 0;
    job = await finished(t, (await t.http.post(BULK).send([noId]).expect(202)).body.id);
    expect([job.items[0].status, job.items[0].error?.code]).toEqual(['failed', 'SERVICE_USER_ID_TAKEN']);
    expect(faulty.sent.flat().filter(isAdd)).toHaveLength(5);
  });

  it('renames an updated hunt group whose id the rule gave, as its PUT would, when its number changes', async () => {
    const t = await start({
      settings: (s) =>
        Object.assign(s.AUTOMATIC_ID_RULES, {
          SUID_HUNT_GROUP_AUTO_GENERATE: true,
          SUID_HUNT_GROUP_RULE: 'hg{{national_no_0}}_{{RND_2}}@{{domain}}',
          SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: true,
        }),
    });
    const profile = { name: 'Numbered', cliLastName: 'N', cliFirstName: 'B', phoneNumber: '+3225126780' };
    const oldId = (await t.http.post(BASE).send({ serviceInstanceProfile: profile }).expect(201)).body
      .serviceUserId as string;
    const update = { action: 'update', serviceUserId: oldId, serviceInstanceProfile: { phoneNumber: '+3225126781' } };
    const job = await finished(t, (await t.http.post(BULK).send([update]).expect(202)).body.id);
    const newId = oldId.replace('25126780', '25126781');
    expect(job.items).toEqual([{ row: 1, status: 'done', serviceUserId: newId, error: null }]);
    expect((await t.http.get(`${BASE}/${oldId}`)).status).toBe(404);
    expect((await t.http.get(`${BASE}/${newId}`).expect(200)).body.serviceInstanceProfile.phoneNumber).toBe(
      '+3225126781',
    );
  });

  it('packs the creates 15 commands a document', async () => {
    const t = await start();
    faulty.sent.length = 0;
    const res = await t.http
      .post(BULK)
      .send(Array.from({ length: 40 }, (_, i) => create(100 + i)))
      .expect(202);
    expect(await finished(t, res.body.id)).toMatchObject({ state: 'done', done: 40 });
    const adds = faulty.sent.filter((d) => d.some((c) => c.$type === 'GroupHuntGroupAddInstanceRequest20'));
    expect(adds.map((d) => d.length)).toEqual([15, 15, 10]);
    expect((await t.http.get(BASE)).body.hunt_groups).toHaveLength(40);
  });

  it('refuses a CSV of 500 rows with 3 bad ones, naming each row and field, and starts nothing; ?partial=true runs the others', async () => {
    const t = await start();
    const lines = ['action,serviceUserId,name,cliLastName,cliFirstName,agents,noAnswerNumberOfRings,active'];
    for (let n = 1; n <= 500; n++) {
      const rings = n === 250 ? '99' : '4';
      const action = n === 17 ? 'upsert' : 'create';
      const active = n === 499 ? 'maybe' : 'true';
      lines.push(
        `${action},csv${n}@sip.netaxis.be,Csv ${n},Csv,N${n},${n % 2 ? U0 : `${U0};${U1}`},${rings},${active}`,
      );
    }
    const csv = lines.join('\n') + '\n';
    const refused = await t.http.post(BULK).set('Content-Type', 'text/csv').send(csv);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('INVALID_ROWS');
    expect(refused.body.details.map((d: { row: number; field: string }) => [d.row, d.field])).toEqual([
      [17, 'action'],
      [250, 'noAnswerNumberOfRings'],
      [499, 'active'],
    ]);
    expect((await t.http.get(BASE)).body.hunt_groups).toEqual([]);

    const accepted = await t.http.post(`${BULK}?partial=true`).set('Content-Type', 'text/csv').send(csv);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ total: 500, failed: 3 });
    const job = await finished(t, accepted.body.id, 60000);
    expect(job).toMatchObject({ state: 'done', total: 500, done: 497, failed: 3 });
    expect(job.items[16]).toMatchObject({ row: 17, status: 'failed', error: { code: 'VALIDATION_FAILED' } });
    const created = (await t.http.get(BASE)).body.hunt_groups as unknown[];
    expect(created).toHaveLength(497);
    const two = (await t.http.get(`${BASE}/csv2@sip.netaxis.be`)).body;
    expect([two.noAnswerNumberOfRings, two.agents.map((a: { userId: string }) => a.userId)]).toEqual([4, [U0, U1]]);
  }, 120000);

  it('refuses bad uploads with a clear 4xx: not an array, unknown CSV column, a hunt group named twice, another media type', async () => {
    const t = await start();
    expect((await t.http.post(BULK).send({ action: 'create' })).status).toBe(400);
    const column = await t.http.post(BULK).set('Content-Type', 'text/csv').send('action,colour\ncreate,red\n');
    expect([column.status, column.body.details[0].field]).toEqual([400, 'header.colour']);
    const twice = await t.http.post(BULK).send([create(1), { action: 'delete', serviceUserId: id(1) }]);
    expect([twice.status, twice.body.details[0]]).toEqual([
      400,
      { row: 2, field: 'serviceUserId', reasons: [`${id(1)} is named by row 1 already`] },
    ]);
    const media = await t.http.post(BULK).set('Content-Type', 'text/plain').send('action\ncreate\n');
    expect(media.status).toBe(415);
    const partial = await t.http.post(`${BULK}?partial=yes`).send([create(1)]);
    expect(partial.status).toBe(400);
  });

  it('replays a retried upload with the same Idempotency-Key instead of starting a second job', async () => {
    const t = await start({ overrides: runner({ enabled: false }) });
    const first = await t.http
      .post(BULK)
      .set('Idempotency-Key', 'rollout-1')
      .send([create(1)]);
    expect(first.status).toBe(202);
    const again = await t.http
      .post(BULK)
      .set('Idempotency-Key', 'rollout-1')
      .send([create(1)]);
    expect([again.status, again.headers['idempotency-replayed'], again.body.id]).toEqual([202, 'true', first.body.id]);
    expect(again.headers.location).toBe(`/api/v1/jobs/${first.body.id}`);
    const other = await t.http
      .post(BULK)
      .set('Idempotency-Key', 'rollout-1')
      .send([create(2)]);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('cancels what has not started', async () => {
    const t = await start({ overrides: runner({ enabled: false }) });
    const res = await t.http
      .post(BULK)
      .send([create(1), create(2)])
      .expect(202);
    expect(res.body.finishedAt).toBeNull();
    const cancelled = await t.http.delete(`/api/v1/jobs/${res.body.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', done: 0, finishedAt: expect.any(String) });
    expect(cancelled.body.items.map((i: { status: string }) => i.status)).toEqual(['cancelled', 'cancelled']);
    expect((await t.http.get(`/api/v1/jobs/${res.body.id}`)).body.state).toBe('cancelled');
    expect((await t.http.get(`/api/v1/jobs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/jobs/not-a-uuid`)).status).toBe(400);
  });

  it('cancelled while running: the chunk under way finishes, the rest is cancelled, and the runner stops', async () => {
    const t = await start({ overrides: runner({ chunkItems: 15 }) });
    // BroadWorks slow enough (40 ms a document) for the cancel to land while the job runs.
    faulty.delayMs = 40;
    const res = await t.http
      .post(BULK)
      .send(Array.from({ length: 90 }, (_, i) => create(200 + i)))
      .expect(202);
    let job = res.body as JobAnswer;
    while (job.done === 0) job = (await t.http.get(`/api/v1/jobs/${res.body.id}`)).body as JobAnswer;
    const cancelled = (await t.http.delete(`/api/v1/jobs/${res.body.id}`).expect(200)).body as JobAnswer;
    expect(cancelled.state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    const after = (await t.http.get(`/api/v1/jobs/${res.body.id}`)).body as JobAnswer;
    expect(after.state).toBe('cancelled');
    expect(after.done).toBeLessThan(90);
    const statuses = after.items.map((i) => i.status);
    expect(statuses.filter((s) => s === 'cancelled')).toHaveLength(90 - after.done);
    expect(statuses).not.toContain('pending');
    // The items that ran before the cancel are reported as they ended, and only they were created.
    faulty.delayMs = 0;
    expect((await t.http.get(BASE)).body.hunt_groups).toHaveLength(after.done);
  });

  it('survives a restart: a job queued by a replica that stopped runs on the next; a dead replica’s lease is taken over', async () => {
    const schema = freshSchema();
    const a = await start({ store: { schema }, overrides: runner({ enabled: false }) });
    const queued = (
      await a.http
        .post(BULK)
        .send([create(1), create(2)])
        .expect(202)
    ).body as JobAnswer;
    const held = (
      await a.http
        .post(BULK)
        .send([create(3)])
        .expect(202)
    ).body as JobAnswer;
    const orphan = (
      await a.http
        .post(BULK)
        .send([create(4)])
        .expect(202)
    ).body as JobAnswer;
    // One job held by a live replica (lease ahead), one by a replica that died (lease run out).
    await sql`update ${sql.table(`${schema}.jobs`)} set state = 'running', lease_owner = 'alive',
      lease_until = now() + interval '1 hour' where id = ${held.id}`.execute(a.store.db);
    await sql`update ${sql.table(`${schema}.jobs`)} set state = 'running', lease_owner = 'dead',
      lease_until = now() - interval '1 second' where id = ${orphan.id}`.execute(a.store.db);
    // The administrator as the shared store knows them (seeded by the first replica).
    const token = a.accessTokenOf('admin');
    await a.close();
    apps.splice(apps.indexOf(a), 1);

    const b = await start({ store: { schema } });
    const http = b.withToken(token);
    expect(await finished(http, queued.id)).toMatchObject({ state: 'done', done: 2 });
    expect(await finished(http, orphan.id)).toMatchObject({ state: 'done', done: 1 });
    expect((await http.get(`${BASE}/${id(4)}`)).status).toBe(200);
    const still = (await http.get(`/api/v1/jobs/${held.id}`)).body as JobAnswer;
    expect([still.state, still.done]).toEqual(['running', 0]);
  });

  it('forgets jobs finished more than a week ago, with their items, and keeps the others', async () => {
    const t = await start({ overrides: runner({ enabled: false }) });
    const old = (
      await t.http
        .post(BULK)
        .send([create(1)])
        .expect(202)
    ).body as JobAnswer;
    const recent = (
      await t.http
        .post(BULK)
        .send([create(2)])
        .expect(202)
    ).body as JobAnswer;
    const queued = (
      await t.http
        .post(BULK)
        .send([create(3)])
        .expect(202)
    ).body as JobAnswer;
    await t.http.delete(`/api/v1/jobs/${old.id}`).expect(200);
    await t.http.delete(`/api/v1/jobs/${recent.id}`).expect(200);
    await t.store.db
      .updateTable('jobs')
      .set({ finished_at: new Date(Date.now() - JOB_RETENTION_MS - 60_000) })
      .where('id', '=', old.id)
      .execute();
    expect(await t.app.get(JobStore).prune(new Date(Date.now() - JOB_RETENTION_MS))).toBe(1);
    expect((await t.http.get(`/api/v1/jobs/${old.id}`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/jobs/${recent.id}`)).status).toBe(200);
    expect((await t.http.get(`/api/v1/jobs/${queued.id}`)).status).toBe(200);
    const items = await t.store.db.selectFrom('job_items').select('job_id').where('job_id', '=', old.id).execute();
    expect(items).toEqual([]);
  });

  it('shows a job only to callers who reach its group', async () => {
    const t = await start({
      overrides: runner({ enabled: false }),
      users: [
        { username: 'tenantAdmin', level: 'tenant', tenants: ['ApioSpTest'] },
        { username: 'otherGroup', level: 'group', groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest2' }] },
      ],
    });
    const res = await t.http
      .post(BULK)
      .send([create(1)])
      .expect(202);
    expect((await t.as('tenantAdmin').get(`/api/v1/jobs/${res.body.id}`)).status).toBe(200);
    const hidden = await t.as('otherGroup').get(`/api/v1/jobs/${res.body.id}`);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'JOB_NOT_FOUND']);
    expect((await t.as('otherGroup').delete(`/api/v1/jobs/${res.body.id}`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/v1/jobs/${res.body.id}`)).status).toBe(401);
    expect(
      (
        await t
          .as('otherGroup')
          .post(BULK)
          .send([create(2)])
      ).status,
    ).toBe(403);
  });
});
