import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { loadPlugin } from '../src/plugins/plugins.module.js';
import { AuditTrailModule } from '../src/plugins/audit-trail/audit-trail.module.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';
import { recorded, RecordingPluginModule } from './support/recording-plugin.js';

const HG = 'plug@sip.netaxis.be';
const body = (name = 'Plugged') => ({
  serviceUserId: HG,
  serviceInstanceProfile: { name, cliLastName: 'Plug', cliFirstName: 'In' },
  agents: ['ApioUserTest@sip.netaxis.be'],
});
const types = () => recorded.events.map((e) => e.type);

describe.each(DRIVERS)('plugins on the %s gateway', (driver) => {
  let t: TestApp;
  beforeEach(async () => {
    recorded.events.length = 0;
    recorded.requests.length = 0;
    t = await startApp(driver, { imports: [RecordingPluginModule, AuditTrailModule] });
  });
  afterEach(async () => {
    await t.close();
  });

  it('tells observers of every lifecycle event, with before and after', async () => {
    expect((await t.http.post(BASE).send(body())).status).toBe(201);
    expect((await t.http.put(`${BASE}/${HG}`).send({ policy: 'Circular' })).status).toBe(200);
    expect(
      (
        await t.http
          .put(`${BASE}/${HG}`)
          .send({ agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'] })
      ).status,
    ).toBe(200);
    const weights = {
      agents: [
        { userId: 'ApioUserTest@sip.netaxis.be', weight: 30 },
        { userId: 'ApioUserTest1@sip.netaxis.be', weight: 70 },
      ],
    };
    expect((await t.http.put(`${BASE}/${HG}/weighted_distribution`).send(weights)).status).toBe(200);
    expect((await t.http.delete(`${BASE}/${HG}`)).status).toBe(200);
    expect(types()).toEqual(['created', 'updated', 'updated', 'agents-changed', 'weights-changed', 'deleted']);
    const updated = recorded.events[1];
    expect(updated.type === 'updated' && [updated.before.policy, updated.after.policy]).toEqual([
      'Regular',
      'Circular',
    ]);
    const agents = recorded.events[3];
    expect(agents.type === 'agents-changed' && agents.after.map((a) => a.userId)).toEqual([
      'ApioUserTest@sip.netaxis.be',
      'ApioUserTest1@sip.netaxis.be',
    ]);
    const w = recorded.events[4];
    expect(w.type === 'weights-changed' && w.after.map((a) => a.weight)).toEqual([30, 70]);
    expect(recorded.events.every((e) => e.tenantId === 'ApioSpTest' && e.groupId === 'ApioGrpTest')).toBe(true);
  });

  it('tells of a rename', async () => {
    await t.close();
    t = await startApp(driver, {
      imports: [RecordingPluginModule],
      settings: (s) =>
        Object.assign(s.AUTOMATIC_ID_RULES, {
          SUID_HUNT_GROUP_AUTO_GENERATE: true,
          SUID_HUNT_GROUP_RULE: 'hg{{national_no_0}}@{{domain}}',
          SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: true,
        }),
    });
    const created = await t.http
      .post(BASE)
      .send({ serviceInstanceProfile: { name: 'N', cliLastName: 'L', cliFirstName: 'F', phoneNumber: '+3225126780' } });
    await t.http
      .put(`${BASE}/${created.body.serviceUserId}`)
      .send({ serviceInstanceProfile: { phoneNumber: '+3225126781' } });
    const renamed = recorded.events.find((e) => e.type === 'renamed');
    expect(renamed).toMatchObject({ from: 'hg25126780@sip.netaxis.be', to: 'hg25126781@sip.netaxis.be' });
  });

  it('lets a check refuse a request with its 4xx before anything changes', async () => {
    const before = t.engine.snapshot();
    const res = await t.http.post(BASE).send(body('Forbidden line'));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: 'serviceInstanceProfile.name: "Forbidden line" is not allowed by policy',
      code: 'NAME_FORBIDDEN',
      details: null,
    });
    expect(t.engine.snapshot()).toBe(before);
    expect(recorded.events).toEqual([]);
  });

  it('refuses updates, deletes and weights too, changing nothing', async () => {
    await t.http.post(BASE).send({ ...body(), serviceUserId: 'keep@sip.netaxis.be' });
    const before = t.engine.snapshot();
    expect(
      (await t.http.put(`${BASE}/keep@sip.netaxis.be`).send({ serviceInstanceProfile: { name: 'Forbidden' } })).status,
    ).toBe(403);
    expect((await t.http.delete(`${BASE}/keep@sip.netaxis.be`)).status).toBe(409);
    const weights = await t.http
      .put(`${BASE}/keep@sip.netaxis.be/weighted_distribution`)
      .send({ agents: [{ userId: 'ApioUserTest@sip.netaxis.be', weight: 100 }] });
    expect(weights.status).toBe(400);
    expect(weights.body.code).toBe('SPREAD_THE_LOAD');
    expect(t.engine.snapshot()).toBe(before);
  });

  it('gives checks the request and the current state', async () => {
    await t.http.post(BASE).send(body());
    await t.http.put(`${BASE}/${HG}`).send({ policy: 'Uniform' });
    const update = recorded.requests.find((r) => r.operation === 'update');
    expect(update).toMatchObject({
      serviceUserId: HG,
      body: { policy: 'Uniform' },
      current: { policy: 'Regular', serviceUserId: HG },
    });
  });

  it('lets a check adjust a request, validated again after', async () => {
    const res = await t.http.post(BASE).send(body('shout:quiet'));
    expect(res.status).toBe(201);
    expect(res.body.serviceInstanceProfile.name).toBe('QUIET');
    const before = t.engine.snapshot();
    const emptied = await t.http.post(BASE).send({ ...body('shout:'), serviceUserId: 'empty@sip.netaxis.be' });
    expect(emptied.status).toBe(400);
    expect(emptied.body.details.map((d: { field: string }) => d.field)).toContain('serviceInstanceProfile.name');
    expect(t.engine.snapshot()).toBe(before);
  });

  it('never fails a request because an observer failed', async () => {
    const res = await t.http.post(BASE).send(body());
    expect(res.status).toBe(201);
    expect(types()).toEqual(['created']);
  });

  it('lets a plugin add routes', async () => {
    await t.http.post(BASE).send(body());
    const res = await t.http.get('/api/v1/plugins/recorder');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ events: 1 });
  });

  describe('the audit trail plugin', () => {
    it('records every change in the store, in order, and serves them per group', async () => {
      await t.http.post(BASE).send(body());
      await t.http.put(`${BASE}/${HG}`).send({ policy: 'Circular' });
      await t.http.delete(`${BASE}/${HG}`);
      const res = await t.http.get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/audit_trail/?limit=2');
      expect(res.status).toBe(200);
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['updated', 'deleted']);
      expect(res.body.events[1]).toMatchObject({
        tenantId: 'ApioSpTest',
        groupId: 'ApioGrpTest',
        serviceUserId: HG,
        time: expect.any(String),
      });
      const { rows } = await sql<{
        type: string;
        time: Date;
      }>`select type, time from audit_records order by id`.execute(t.store.db);
      expect(rows.map((r) => r.type)).toEqual(['created', 'updated', 'deleted']);
      expect(rows[0].time).toBeInstanceOf(Date);
      const other = await t.http.get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/audit_trail');
      expect(other.body.events).toEqual([]);
    });

    it("reads a group's last records through the index, never the whole history", async () => {
      // A long history of other groups and of this one, written straight into the table.
      await sql`insert into audit_records (tenant_id, group_id, type, event)
                select 'T' || (i % 50), 'G', 'updated', jsonb_build_object('n', i) from generate_series(1, 20000) i`.execute(
        t.store.db,
      );
      await sql`insert into audit_records (tenant_id, group_id, type, event)
                select 'ApioSpTest', 'ApioGrpTest', 'updated', jsonb_build_object('n', i, 'type', 'updated') from generate_series(1, 300) i`.execute(
        t.store.db,
      );
      await sql`analyze audit_records`.execute(t.store.db);
      const res = await t.http.get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/audit_trail?limit=3');
      expect(res.body.events.map((e: { n: number }) => e.n)).toEqual([298, 299, 300]);
      const plan = await sql<{ 'QUERY PLAN': string }>`explain select time, event from audit_records
        where tenant_id = 'ApioSpTest' and group_id = 'ApioGrpTest' order by id desc limit 3`.execute(t.store.db);
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Scan using audit_records_group_recent/);
      expect(text).not.toMatch(/Seq Scan|Sort/);
    });

    it('refuses a bad limit, parsing numbers as every other route does (decimal digits only)', async () => {
      for (const limit of ['0', 'abc', '0x10', '1e2', '+5', ' 5', '1001']) {
        const res = await t.http.get(
          `/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/audit_trail?limit=${encodeURIComponent(limit)}`,
        );
        expect([limit, res.status, res.body.details]).toEqual([
          limit,
          400,
          [{ field: 'limit', reasons: ['limit must be an integer from 1 to 1000'] }],
        ]);
      }
    });
  });
});

describe('plugin loading (PLUGINS)', () => {
  it('knows the built-in audit-trail plugin', async () => {
    expect(await loadPlugin('audit-trail')).toBe(AuditTrailModule);
  });

  it('loads a module by path, from its default export', async () => {
    expect(await loadPlugin('./test/support/recording-plugin.ts')).toBe(RecordingPluginModule);
  });

  it('stops the boot with a message naming the plugin when it cannot load or is not a module', async () => {
    await expect(loadPlugin('./no/such/plugin.js')).rejects.toThrow(/^PLUGINS: cannot load "\.\/no\/such\/plugin\.js"/);
    await expect(loadPlugin('./test/support/faulty-gateway.ts')).rejects.toThrow(/exports no NestJS module/);
  });
});
