import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { OciGateway, type DocumentOptions } from '../src/broadworks/oci/oci-gateway.js';
import type { OciOutcome, OciRequest } from '../src/ocip/commands.js';
import { AuditRetention } from '../src/audit/audit-retention.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

const HG = 'audited@sip.netaxis.be';
const AGENT = 'ApioUserTest@sip.netaxis.be';
const GROUP_ADMIN = {
  username: 'grp-admin',
  level: 'group' as const,
  groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest' }],
};
const OTHER_GROUP_ADMIN = {
  username: 'grp2-admin',
  level: 'group' as const,
  groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest2' }],
};
const TENANT_ADMIN = { username: 'foo-admin', level: 'tenant' as const, tenants: ['foo'] };

interface Rec {
  id: string;
  requestId: string;
  actor: { kind: string; id: string; level: string | null };
  method: string;
  route: string;
  tenantId: string | null;
  groupId: string | null;
  huntGroupId: string | null;
  dryRun: boolean;
  outcome: string;
  status: number;
  errorCode: string | null;
  changes: { type: string; before?: Record<string, unknown>; after?: Record<string, unknown> }[];
  commands: { commands: { $type: string }[]; outcomes?: unknown[] }[];
  clientAddress: string | null;
}

describe.each(DRIVERS)('audit records on the %s gateway', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(driver, { users: [GROUP_ADMIN, OTHER_GROUP_ADMIN, TENANT_ADMIN] });
  });
  afterAll(async () => {
    await t.close();
  });

  /** The records of one request, found by its id. */
  const recordsOf = async (requestId: string): Promise<Rec[]> => {
    const res = await t.http.get('/api/v1/audit_records?limit=1000').expect(200);
    return (res.body as { audit_records: Rec[] }).audit_records.filter((r) => r.requestId === requestId);
  };

  it('records each write with its actor, request id, route, before and after, and the OCI-P commands with their outcomes', async () => {
    const created = await t.http
      .post(BASE)
      .set('X-Request-Id', `create-${driver}`)
      .send({
        serviceUserId: HG,
        serviceInstanceProfile: { name: 'Audited', cliLastName: 'A', cliFirstName: 'B' },
        agents: [AGENT],
      });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe(`create-${driver}`);
    const [create] = await recordsOf(`create-${driver}`);
    expect(create).toMatchObject({
      actor: { kind: 'user', id: 'admin', level: 'system' },
      method: 'POST',
      route: '/api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups',
      tenantId: 'ApioSpTest',
      groupId: 'ApioGrpTest',
      huntGroupId: HG,
      dryRun: false,
      outcome: 'success',
      status: 201,
      errorCode: null,
    });
    expect(create.clientAddress).toMatch(/127\.0\.0\.1|::1/);
    expect(create.changes).toEqual([expect.objectContaining({ type: 'created' })]);
    const sent = create.commands.flatMap((d) => d.commands.map((c) => c.$type));
    expect(sent).toContain('GroupHuntGroupAddInstanceRequest20');
    expect(create.commands.every((d) => Array.isArray(d.outcomes))).toBe(true);

    await t.http.put(`${BASE}/${HG}`).set('X-Request-Id', `update-${driver}`).send({ policy: 'Circular' }).expect(200);
    const [update] = await recordsOf(`update-${driver}`);
    const change = update.changes.find((c) => c.type === 'updated');
    expect([change?.before?.policy, change?.after?.policy]).toEqual(['Regular', 'Circular']);
    expect(update.commands.flatMap((d) => d.commands.map((c) => c.$type))).toContain(
      'GroupHuntGroupModifyInstanceRequest',
    );

    await t.http
      .put(`${BASE}/${HG}/weighted_distribution`)
      .set('X-Request-Id', `weights-${driver}`)
      .send({ agents: [{ userId: AGENT, weight: 100 }] })
      .expect(200);
    expect((await recordsOf(`weights-${driver}`))[0].changes[0].type).toBe('weights-changed');

    await t.http
      .put(`${BASE}/${HG}/call_forwarding/always`)
      .query({ assign: 'true' })
      .set('X-Request-Id', `cf-${driver}`)
      .send({ isActive: true, forwardToPhoneNumber: '+3223456789' })
      .expect(200);
    const [cf] = await recordsOf(`cf-${driver}`);
    expect(cf).toMatchObject({ method: 'PUT', huntGroupId: HG, status: 200 });
    expect(cf.changes[0]).toMatchObject({ type: 'call-forwarding-changed', assigned: true });

    await t.http
      .put(`${BASE}/${HG}/alternate_numbers`)
      .query({ assign: 'true' })
      .set('X-Request-Id', `alt-${driver}`)
      .send({ distinctiveRing: true, alternateNumbers: [] })
      .expect(200);
    const [alt] = await recordsOf(`alt-${driver}`);
    expect(alt).toMatchObject({ route: expect.stringMatching(/alternate_numbers$/), huntGroupId: HG, status: 200 });
    expect(alt.changes[0]).toMatchObject({ type: 'alternate-numbers-changed' });

    await t.http.delete(`${BASE}/${HG}`).set('X-Request-Id', `delete-${driver}`).expect(200);
    const [del] = await recordsOf(`delete-${driver}`);
    expect(del).toMatchObject({ outcome: 'success', status: 200, huntGroupId: HG });
    expect(del.changes).toEqual([expect.objectContaining({ type: 'deleted', serviceUserId: HG })]);
  });

  it('records refused writes (validation, not found, forbidden, unauthenticated) and flags dry-runs', async () => {
    await t.http
      .put(`${BASE}/nobody@sip.netaxis.be`)
      .set('X-Request-Id', `nf-${driver}`)
      .send({ policy: 'Circular' })
      .expect(404);
    await t.http.post(BASE).set('X-Request-Id', `bad-${driver}`).send({ serviceUserId: 'x y' }).expect(400);
    await t
      .as('grp2-admin')
      .put(`${BASE}/${HG}`)
      .set('X-Request-Id', `forbidden-${driver}`)
      .send({ policy: 'Circular' })
      .expect(403);
    await t.anonymous.delete(`${BASE}/${HG}`).set('X-Request-Id', `anon-${driver}`).expect(401);
    await t.http
      .post(BASE)
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', `json-${driver}`)
      .send('{"x":')
      .expect(400);
    await t.http
      .post(BASE)
      .set('Content-Type', 'text/plain')
      .set('X-Request-Id', `text-${driver}`)
      .send('hi')
      .expect(415);
    await t.http
      .post(BASE)
      .query({ dryRun: 'true' })
      .set('X-Request-Id', `dry-${driver}`)
      .send({
        serviceUserId: 'dry@sip.netaxis.be',
        serviceInstanceProfile: { name: 'Dry', cliLastName: 'D', cliFirstName: 'R' },
      })
      .expect(200);

    expect((await recordsOf(`nf-${driver}`))[0]).toMatchObject({
      outcome: 'failure',
      status: 404,
      huntGroupId: 'nobody@sip.netaxis.be',
    });
    expect((await recordsOf(`nf-${driver}`))[0].errorCode).toMatch(/NOT_FOUND/);
    expect((await recordsOf(`bad-${driver}`))[0]).toMatchObject({
      status: 400,
      errorCode: 'VALIDATION_FAILED',
      commands: [],
    });
    expect((await recordsOf(`forbidden-${driver}`))[0]).toMatchObject({
      status: 403,
      errorCode: 'FORBIDDEN',
      actor: { kind: 'user', id: 'grp2-admin', level: 'group' },
      tenantId: 'ApioSpTest',
      groupId: 'ApioGrpTest',
    });
    expect((await recordsOf(`anon-${driver}`))[0]).toMatchObject({ status: 401, actor: { kind: 'anonymous', id: '' } });
    // A body refused unread (malformed JSON) is recorded too: before the credentials were checked, so with no actor.
    expect((await recordsOf(`json-${driver}`))[0]).toMatchObject({
      status: 400,
      outcome: 'failure',
      actor: { kind: 'anonymous', id: '' },
    });
    expect((await recordsOf(`text-${driver}`))[0]).toMatchObject({ status: 415, errorCode: 'UNSUPPORTED_MEDIA_TYPE' });
    const [dry] = await recordsOf(`dry-${driver}`);
    expect(dry).toMatchObject({ dryRun: true, outcome: 'success', changes: [] });
  });

  it('replaces an X-Request-Id that could inject into logs or XML with a fresh one, which the record carries', async () => {
    for (const bad of ['x</trackingId><command>', 'a  b', 'x'.repeat(129), 'quote"d&amp;']) {
      const res = await t.http
        .put(`${BASE}/nobody@sip.netaxis.be`)
        .set('X-Request-Id', bad)
        .send({ policy: 'Circular' });
      expect(res.status).toBe(404);
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await recordsOf(id)).toHaveLength(1);
    }
    const { rows } = await sql<{ n: string }>`select count(*) as n from audit_log where request_id like '%<%'`.execute(
      t.store.db,
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('keeps passwords and secrets out of every record: hunt group bodies, logins, machine tokens', async () => {
    const secrets = ['Hg-Pa55word!', 'admin-password', 'wrong-Pa55'];
    await t.http
      .post(BASE)
      .set('X-Request-Id', `secret-${driver}`)
      .send({
        serviceUserId: 'secretive@sip.netaxis.be',
        password: secrets[0],
        serviceInstanceProfile: { name: 'S', cliLastName: 'S', cliFirstName: 'S', password: secrets[0] },
      });
    await t.anonymous.post('/api/v1/auth/login').send({ username: 'admin', password: secrets[1] }).expect(200);
    await t.anonymous.post('/api/v1/auth/login').send({ username: 'admin', password: secrets[2] }).expect(401);
    const token = await t.http.post('/api/v1/auth/machine_tokens').send({ name: 'robot', level: 'system' }).expect(201);
    const issued = String((token.body as { token: string }).token);
    await t.http.get('/api/v1/audit_records').expect(200);
    const { rows } = await sql<{ row: string }>`select row_to_json(a)::text as row from audit_log a`.execute(
      t.store.db,
    );
    const all = rows.map((r) => r.row).join('\n');
    expect(all).toContain('/api/v1/auth/login');
    expect(all).toContain('/api/v1/auth/machine_tokens');
    for (const secret of [...secrets, issued]) expect(all).not.toContain(secret);
  });

  it('bounds the records by the reader’s reach, filters them, and pages with a cursor', async () => {
    const mine = await t.as('grp-admin').get('/api/v1/audit_records?limit=1000').expect(200);
    const records = (mine.body as { audit_records: Rec[] }).audit_records;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.tenantId === 'ApioSpTest' && r.groupId === 'ApioGrpTest')).toBe(true);
    // The 403 of grp2-admin was about ApioGrpTest: its own admin sees nothing of it.
    const other = await t.as('grp2-admin').get('/api/v1/audit_records').expect(200);
    expect((other.body as { audit_records: Rec[] }).audit_records).toEqual([]);
    const foo = await t.as('foo-admin').get('/api/v1/audit_records?tenant=ApioSpTest').expect(200);
    expect((foo.body as { audit_records: Rec[] }).audit_records).toEqual([]);

    const failures = await t.http.get('/api/v1/audit_records?outcome=failure&tenant=ApioSpTest').expect(200);
    const failed = (failures.body as { audit_records: Rec[] }).audit_records;
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.every((r) => r.outcome === 'failure' && r.tenantId === 'ApioSpTest')).toBe(true);
    const byActor = await t.http.get('/api/v1/audit_records?actor=grp2-admin').expect(200);
    expect((byActor.body as { audit_records: Rec[] }).audit_records.map((r) => r.status)).toEqual([403]);
    const byHg = await t.http
      .get(`/api/v1/audit_records?huntGroup=${encodeURIComponent(HG)}&outcome=success`)
      .expect(200);
    expect((byHg.body as { audit_records: Rec[] }).audit_records.length).toBeGreaterThanOrEqual(4);
    const future = await t.http.get('/api/v1/audit_records?from=2999-01-01T00:00:00Z').expect(200);
    expect((future.body as { audit_records: Rec[] }).audit_records).toEqual([]);
    const past = await t.http.get('/api/v1/audit_records?to=2000-01-01').expect(200);
    expect((past.body as { audit_records: Rec[] }).audit_records).toEqual([]);

    // Pages of 2, newest first, until `next` is null: every record once.
    const everything = (
      (await t.http.get('/api/v1/audit_records?limit=1000').expect(200)).body as { audit_records: Rec[] }
    ).audit_records;
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await t.http.get(`/api/v1/audit_records?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      const body = page.body as { audit_records: Rec[]; next: string | null };
      seen.push(...body.audit_records.map((r) => r.id));
      cursor = body.next;
    }
    expect(seen).toEqual(everything.map((r) => r.id));
  });

  it('refuses bad filters with a 400 naming each', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=1e2', 'limit'],
      ['outcome=maybe', 'outcome'],
      ['from=yesterday', 'from'],
      ['to=2026-13-45T00:00:00Z', 'to'],
      ['to=2026-02-30', 'to'],
      ['cursor=12', 'cursor'],
      ['cursor=c9999999999999999999', 'cursor'],
      ['tenant=a&tenant=b', 'tenant'],
      ['sort=time', 'sort'],
    ]) {
      const res = await t.http.get(`/api/v1/audit_records?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });
});

describe('the audit log at 100,000 records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp('memory');
    // One statement: 100,000 records over 50 groups of 10 tenants, one a minute back from now (with
    // room beyond the store's statement timeout: the machine may be busy with other suites).
    await t.store.db.transaction().execute(async (tx) => {
      await sql`set local statement_timeout = '120s'`.execute(tx);
      await sql`insert into audit_log (time, request_id, actor, actor_kind, actor_level, method, route, path,
          tenant_id, group_id, hunt_group_id, dry_run, status, outcome, changes, commands)
        select now() - make_interval(mins => 100000 - i), 'bulk-' || i, 'user' || (i % 20), 'user', 'system', 'PUT',
          '/x', '/x', 'T' || (i % 10), 'G' || (i % 50), 'hg' || (i % 500) || '@x', false, 200, 'success', '[]', '[]'
        from generate_series(1, 100000) as i`.execute(tx);
    });
    await sql`analyze audit_log`.execute(t.store.db);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('reads a page by an index, in a time set by the page and not by the history', async () => {
    for (const where of [
      sql`tenant_id = 'T3' and group_id = 'G13'`,
      sql`actor = 'user7'`,
      sql`hunt_group_id = 'hg42@x'`,
      sql`true`,
    ]) {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain select * from audit_log where ${where}
        and id < 90000 order by id desc limit 101`.execute(t.store.db);
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Scan/);
      expect(text).not.toMatch(/Seq Scan|Sort/);
    }
    const started = performance.now();
    const first = await t.http.get('/api/v1/audit_records?tenant=T3&group=G13&limit=100').expect(200);
    const next = (first.body as { next: string }).next;
    await t.http.get(`/api/v1/audit_records?tenant=T3&group=G13&limit=100&cursor=${next}`).expect(200);
    await t.http.get('/api/v1/audit_records?actor=user7&limit=100').expect(200);
    const elapsed = (performance.now() - started) / 3;
    expect((first.body as { audit_records: unknown[] }).audit_records).toHaveLength(100);
    // A page of 100 is a few milliseconds; the bound leaves room for a loaded machine.
    expect(elapsed).toBeLessThan(250);
  });

  it('prunes what is older than AUDIT_RETENTION_DAYS (90 by default)', async () => {
    await sql`update audit_log set time = now() - interval '100 days' where id in (select id from audit_log order by id limit 10)`.execute(
      t.store.db,
    );
    const pruned = await t.app.get(AuditRetention).prune();
    expect(pruned).toBe(10);
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from audit_log where time < now() - interval '90 days'`.execute(t.store.db);
    expect(Number(rows[0].n)).toBe(0);
  });
});

describe.each(DRIVERS)('audit of a write whose client went away, on the %s gateway', (driver) => {
  let t: TestApp;
  let delayMs = 0;
  /** Holds each document back by `delayMs`, so a client can hang up while its write runs. */
  class SlowGateway extends OciGateway {
    constructor(private readonly inner: OciGateway) {
      super();
    }
    async execute(commands: readonly OciRequest[], options?: DocumentOptions): Promise<OciOutcome[]> {
      if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
      return this.inner.execute(commands, options);
    }
    isReady(): Promise<boolean> {
      return this.inner.isReady();
    }
  }
  beforeAll(async () => {
    t = await startApp(driver, { wrap: (inner) => new SlowGateway(inner) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is still recorded, with what it changed, once the write has run to its end', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    delayMs = 150;
    const body = JSON.stringify({
      serviceUserId: 'gone@sip.netaxis.be',
      serviceInstanceProfile: { name: 'Gone', cliLastName: 'G', cliFirstName: 'O' },
    });
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: BASE,
      headers: {
        Authorization: `Bearer ${t.accessTokenOf('admin')}`,
        'Content-Type': 'application/json',
        'X-Request-Id': `gone-${driver}`,
      },
    });
    req.on('error', () => undefined);
    req.end(body);
    // Hang up while BroadWorks is still being asked.
    await new Promise((done) => setTimeout(done, 60));
    req.destroy();
    delayMs = 0;
    let records: { requestId: string; status: number; outcome: string; changes: { type: string }[] }[] = [];
    for (let i = 0; i < 100 && records.length === 0; i++) {
      await new Promise((done) => setTimeout(done, 50));
      const res = await t.http.get('/api/v1/audit_records?huntGroup=gone%40sip.netaxis.be').expect(200);
      records = (res.body as { audit_records: typeof records }).audit_records.filter(
        (r) => r.requestId === `gone-${driver}`,
      );
    }
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 201, outcome: 'success', changes: [{ type: 'created' }] });
  });
});
