import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';
import { FaultyGateway } from './support/faulty-gateway.js';

const U0 = 'ApioUserTest@sip.netaxis.be';
const U1 = 'ApioUserTest1@sip.netaxis.be';
const U2 = 'ApioUserTest2@sip.netaxis.be';
const USERS = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/users';
const hg = (n: number) => `member${n}@sip.netaxis.be`;
const agentsOf = (body: { agents: { userId: string; weight: number }[] }) =>
  body.agents.map((a) => [a.userId, a.weight]);

/** A Weighted hunt group with these agents and weights. */
async function weighted(t: TestApp, id: string, agents: [string, number][]): Promise<void> {
  await t.http
    .post(BASE)
    .send({
      serviceUserId: id,
      serviceInstanceProfile: { name: id.split('@')[0], cliLastName: 'Member', cliFirstName: 'Test' },
      policy: 'Weighted',
      agents: agents.map(([userId]) => userId),
    })
    .expect(201);
  if (agents.length > 0) {
    await t.http
      .put(`${BASE}/${id}/weighted_distribution`)
      .send({ agents: agents.map(([userId, weight]) => ({ userId, weight })) })
      .expect(200);
  }
}

describe.each(DRIVERS)('agent-centred routes on the %s gateway', (driver) => {
  let t: TestApp;
  let faulty: FaultyGateway;
  beforeEach(async () => {
    t = await startApp(driver, {
      wrap: (g) => (faulty = new FaultyGateway(g)),
      users: [{ username: 'desk', level: 'group', groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest' }] }],
    });
  });
  afterEach(async () => {
    await t.close();
  });

  describe('one agent in', () => {
    beforeEach(() =>
      weighted(t, hg(1), [
        [U0, 60],
        [U1, 40],
      ]),
    );

    it('puts the user at the position asked, the others keep their order and weights, and sends the ETag', async () => {
      const res = await t.http.post(`${BASE}/${hg(1)}/agents`).send({ userId: U2, position: 1 });
      expect(res.status).toBe(200);
      expect(agentsOf(res.body)).toEqual([
        [U0, 60],
        [U2, 0],
        [U1, 40],
      ]);
      const get = await t.http.get(`${BASE}/${hg(1)}`);
      expect(agentsOf(get.body)).toEqual([
        [U0, 60],
        [U2, 0],
        [U1, 40],
      ]);
      expect(res.headers.etag).toBe(get.headers.etag);
    });

    it('puts the user last without a position', async () => {
      const res = await t.http
        .post(`${BASE}/${hg(1)}/agents/`)
        .send({ userId: U2 })
        .expect(200);
      expect(agentsOf(res.body).map(([id]) => id)).toEqual([U0, U1, U2]);
    });

    it('refuses, changing nothing: an agent already (409), a position past the end (400), an unavailable user (400), a bad body (400)', async () => {
      const before = (await t.http.get(`${BASE}/${hg(1)}`)).body;
      const again = await t.http.post(`${BASE}/${hg(1)}/agents`).send({ userId: U1 });
      expect([again.status, again.body.code]).toEqual([409, 'ALREADY_AN_AGENT']);
      const far = await t.http.post(`${BASE}/${hg(1)}/agents`).send({ userId: U2, position: 3 });
      expect([far.status, far.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(far.body.details[0].field).toBe('position');
      const nobody = await t.http.post(`${BASE}/${hg(1)}/agents`).send({ userId: 'nobody@sip.netaxis.be' });
      expect([nobody.status, nobody.body.code]).toEqual([400, 'AGENT_NOT_AVAILABLE']);
      const bad = await t.http.post(`${BASE}/${hg(1)}/agents`).send({ userId: 7, position: -1 });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['position', 'userId']);
      const unknown = await t.http.post(`${BASE}/nothere@sip.netaxis.be/agents`).send({ userId: U2 });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'HUNT_GROUP_NOT_FOUND']);
      expect((await t.http.get(`${BASE}/${hg(1)}`)).body).toEqual(before);
    });

    it('honours If-Match, dry-run and Idempotency-Key as PUT does', async () => {
      const { etag } = (await t.http.get(`${BASE}/${hg(1)}`)).headers;
      const stale = await t.http
        .post(`${BASE}/${hg(1)}/agents`)
        .set('If-Match', '"old"')
        .send({ userId: U2 });
      expect([stale.status, stale.body.details.etag]).toEqual([412, etag]);
      const dry = await t.http.post(`${BASE}/${hg(1)}/agents?dryRun=true`).send({ userId: U2, position: 0 });
      expect(dry.status).toBe(200);
      expect(dry.body.dryRun).toBe(true);
      expect(agentsOf(dry.body.result)).toEqual([
        [U2, 0],
        [U0, 60],
        [U1, 40],
      ]);
      expect(dry.body.commands.map((c: { type: string }) => c.type)).toEqual(['GroupHuntGroupModifyInstanceRequest']);
      expect((await t.http.get(`${BASE}/${hg(1)}`)).headers.etag).toBe(etag);
      const first = await t.http
        .post(`${BASE}/${hg(1)}/agents`)
        .set('If-Match', etag)
        .set('Idempotency-Key', 'add-u2')
        .send({ userId: U2 });
      expect(first.status).toBe(200);
      const replay = await t.http
        .post(`${BASE}/${hg(1)}/agents`)
        .set('If-Match', etag)
        .set('Idempotency-Key', 'add-u2')
        .send({ userId: U2 });
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotency-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
    });
  });

  describe('one agent out', () => {
    beforeEach(() =>
      weighted(t, hg(1), [
        [U0, 50],
        [U1, 30],
        [U2, 20],
      ]),
    );

    it("keeps the others' order and shares the leaving weight so the weights still add up to 100", async () => {
      const res = await t.http.delete(`${BASE}/${hg(1)}/agents/${encodeURIComponent(U0)}`);
      expect(res.status).toBe(200);
      expect(agentsOf(res.body)).toEqual([
        [U1, 60],
        [U2, 40],
      ]);
      expect(agentsOf((await t.http.get(`${BASE}/${hg(1)}/weighted_distribution`)).body)).toEqual([
        [U1, 60],
        [U2, 40],
      ]);
    });

    it('answers 404 AGENT_NOT_FOUND for a user who is not an agent, changing nothing', async () => {
      await t.http.delete(`${BASE}/${hg(1)}/agents/${U0}`).expect(200);
      const again = await t.http.delete(`${BASE}/${hg(1)}/agents/${U0}`);
      expect([again.status, again.body.code]).toEqual([404, 'AGENT_NOT_FOUND']);
    });

    it('is all or nothing: a refused weights command leaves list and weights as they were', async () => {
      // The first weights command only: the undo's weights go through.
      let weightCommands = 0;
      faulty.failWhen(
        (c) => c.$type === 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest' && weightCommands++ === 0,
      );
      const res = await t.http.delete(`${BASE}/${hg(1)}/agents/${U1}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(agentsOf((await t.http.get(`${BASE}/${hg(1)}`)).body)).toEqual([
        [U0, 50],
        [U1, 30],
        [U2, 20],
      ]);
    });
  });

  describe("a user's hunt groups", () => {
    beforeEach(async () => {
      await weighted(t, hg(1), [
        [U0, 50],
        [U1, 50],
      ]);
      await weighted(t, hg(2), [[U2, 100]]);
      await weighted(t, hg(3), [
        [U1, 10],
        [U2, 30],
        [U0, 60],
      ]);
      await weighted(t, hg(4), [[U0, 100]]);
    });

    it('lists every hunt group of the group with the user as agent, with position and weight', async () => {
      const res = await t.http.get(`${USERS}/${encodeURIComponent(U0)}/hunt_groups`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        hunt_groups: [
          { serviceUserId: hg(1), groupId: 'ApioGrpTest', name: 'member1', position: 0, weight: 50 },
          { serviceUserId: hg(3), groupId: 'ApioGrpTest', name: 'member3', position: 2, weight: 60 },
          { serviceUserId: hg(4), groupId: 'ApioGrpTest', name: 'member4', position: 0, weight: 100 },
        ],
      });
      expect((await t.http.get(`${USERS}/nobody@sip.netaxis.be/hunt_groups/`)).body).toEqual({ hunt_groups: [] });
    });

    it('reads many hunt groups 15 a document, the documents in parallel', async () => {
      for (let n = 5; n <= 20; n++) await weighted(t, hg(n), []);
      faulty.sent.length = 0;
      await t.http.get(`${USERS}/${U0}/hunt_groups`).expect(200);
      // The tenant and its groups; each group's list page; then, for the group with hunt groups,
      // 20 gets in two documents sent together (the other group has none).
      expect(faulty.sent.map((d) => d.length).sort((a, b) => a - b)).toEqual([1, 1, 2, 5, 15]);
    });

    it('takes the user out of all of them, answers what changed, keeps the others in order with weights adding up', async () => {
      const res = await t.http.delete(`${USERS}/${U0}/hunt_groups`);
      expect(res.status).toBe(200);
      expect(res.body.hunt_groups.map((m: { serviceUserId: string }) => m.serviceUserId)).toEqual([
        hg(1),
        hg(3),
        hg(4),
      ]);
      expect(agentsOf((await t.http.get(`${BASE}/${hg(1)}`)).body)).toEqual([[U1, 100]]);
      expect(agentsOf((await t.http.get(`${BASE}/${hg(3)}`)).body)).toEqual([
        [U1, 25],
        [U2, 75],
      ]);
      expect(agentsOf((await t.http.get(`${BASE}/${hg(4)}`)).body)).toEqual([]);
      expect(agentsOf((await t.http.get(`${BASE}/${hg(2)}`)).body)).toEqual([[U2, 100]]);
      expect((await t.http.get(`${USERS}/${U0}/hunt_groups`)).body).toEqual({ hunt_groups: [] });
      expect((await t.http.delete(`${USERS}/${U0}/hunt_groups`)).body).toEqual({ hunt_groups: [] });
    });

    it('is all or nothing: a failure on the third hunt group leaves the first two as they were', async () => {
      const before = await Promise.all([1, 2, 3, 4].map((n) => t.http.get(`${BASE}/${hg(n)}`)));
      faulty.failWhen(
        (c) => c.$type === 'GroupHuntGroupModifyInstanceRequest' && 'serviceUserId' in c && c.serviceUserId === hg(4),
      );
      const res = await t.http.delete(`${USERS}/${U0}/hunt_groups`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const after = await Promise.all([1, 2, 3, 4].map((n) => t.http.get(`${BASE}/${hg(n)}`)));
      expect(after.map((r) => r.body as unknown)).toEqual(before.map((r) => r.body as unknown));
    });

    it("in an enterprise, searches every group of it the caller reaches; a service provider's group only", async () => {
      const OTHER = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/services/hunt_groups';
      await t.http
        .post(OTHER)
        .send({
          serviceUserId: 'elsewhere@sip.netaxis.be',
          serviceInstanceProfile: { name: 'Elsewhere', cliLastName: 'E', cliFirstName: 'W' },
          agents: ['foouser@sip.netaxis.be', U0],
        })
        .expect(201);
      const all = await t.http.get(`${USERS}/${U0}/hunt_groups`).expect(200);
      expect(
        all.body.hunt_groups.map((m: { serviceUserId: string; groupId: string }) => [m.groupId, m.serviceUserId]),
      ).toEqual([
        ['ApioGrpTest', hg(1)],
        ['ApioGrpTest', hg(3)],
        ['ApioGrpTest', hg(4)],
        ['ApioGrpTest2', 'elsewhere@sip.netaxis.be'],
      ]);
      // A group administrator sees only their own group's.
      const desk = await t.as('desk').get(`${USERS}/${U0}/hunt_groups`).expect(200);
      expect(desk.body.hunt_groups.map((m: { groupId: string }) => m.groupId)).toEqual([
        'ApioGrpTest',
        'ApioGrpTest',
        'ApioGrpTest',
      ]);
      await t.as('desk').delete(`${USERS}/${U0}/hunt_groups`).expect(200);
      expect(agentsOf((await t.http.get(`${OTHER}/elsewhere@sip.netaxis.be`)).body).map(([id]) => id)).toEqual([
        'foouser@sip.netaxis.be',
        U0,
      ]);
      // The system administrator's DELETE reaches the other group too.
      const removed = await t.http.delete(`${USERS}/${U0}/hunt_groups`).expect(200);
      expect(removed.body.hunt_groups.map((m: { groupId: string }) => m.groupId)).toEqual(['ApioGrpTest2']);
      expect(agentsOf((await t.http.get(`${OTHER}/elsewhere@sip.netaxis.be`)).body).map(([id]) => id)).toEqual([
        'foouser@sip.netaxis.be',
      ]);
      // A service provider's users are agents in their own group only: its group alone is searched.
      const foo = await t.http.get('/api/v1/tenants/foo/groups/foogroup/users/fooagent1@sip.netaxis.be/hunt_groups');
      expect(foo.body).toEqual({ hunt_groups: [] });
    });

    it('dry-run says what it would do and does nothing', async () => {
      const res = await t.http.delete(`${USERS}/${U0}/hunt_groups?dryRun=true`);
      expect(res.status).toBe(200);
      expect(res.body.dryRun).toBe(true);
      expect(res.body.result.hunt_groups).toHaveLength(3);
      expect(res.body.commands.length).toBeGreaterThanOrEqual(3);
      expect((await t.http.get(`${USERS}/${U0}/hunt_groups`)).body.hunt_groups).toHaveLength(3);
    });
  });
});
