import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

const HG = 'APIOTestHuntGroup@sip.netaxis.be';
const AVAILABLE = `${BASE}/users/available`;
const WEIGHTS = `${BASE}/${HG}/weighted_distribution`;
const FOO = '/api/v1/tenants/foo/groups/foogroup/services/hunt_groups';

const ids = (users: { userId: string }[]) => users.map((u) => u.userId);

describe.each(DRIVERS)('agents on the %s gateway', (driver) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp(driver);
  });
  afterEach(async () => {
    await t.close();
  });

  describe('available users', () => {
    it('lists every user of the enterprise, department described as the seed shows', async () => {
      const res = await t.http.get(`${AVAILABLE}/`);
      expect(res.status).toBe(200);
      expect(ids(res.body.available_users).sort()).toEqual(
        [
          'ApioUserTest1@sip.netaxis.be',
          'ApioUserTest2@sip.netaxis.be',
          'ApioUserTest@sip.netaxis.be',
          'foouser@sip.netaxis.be',
        ].sort(),
      );
      const byId = Object.fromEntries(res.body.available_users.map((u: { userId: string }) => [u.userId, u]));
      expect(byId['ApioUserTest@sip.netaxis.be']).toEqual({
        userId: 'ApioUserTest@sip.netaxis.be',
        lastName: 'Test',
        firstName: 'Test',
        phoneNumber: '',
        extension: '4000',
        department: {
          tenantId: 'ApioSpTest',
          groupId: 'ApioGrpTest',
          departmentName: 'test_department_initial',
          fullPathName: 'test_department_parent_1 \\ test_department_initial',
        },
        emailAddress: 'test_mail@test.netaxis.be',
      });
      expect(byId['foouser@sip.netaxis.be']).toEqual({
        userId: 'foouser@sip.netaxis.be',
        lastName: 'Test',
        firstName: 'Test',
        phoneNumber: '',
        extension: '4004',
        emailAddress: 'test_foomail@test.netaxis.be',
      });
    });

    it('sameGroupOnly from the JSON body of the GET, as the seed sends it', async () => {
      const res = await t.http.get(AVAILABLE).send({ sameGroupOnly: true });
      expect(res.status).toBe(200);
      expect(ids(res.body.available_users)).not.toContain('foouser@sip.netaxis.be');
      expect(ids(res.body.available_users)).toContain('ApioUserTest@sip.netaxis.be');
    });

    it('sameGroupOnly from the query string', async () => {
      const res = await t.http.get(`${AVAILABLE}?sameGroupOnly=true`);
      expect(ids(res.body.available_users)).not.toContain('foouser@sip.netaxis.be');
      const all = await t.http.get(`${AVAILABLE}?sameGroupOnly=false`);
      expect(ids(all.body.available_users)).toContain('foouser@sip.netaxis.be');
    });

    it("in a service provider, only the group's own users are available (seed URL)", async () => {
      const res = await t.http.get(`${FOO}/users/available/`);
      expect(res.status).toBe(200);
      expect(ids(res.body.available_users).sort()).toEqual(['fooagent1@sip.netaxis.be', 'fooagent2@sip.netaxis.be']);
    });

    it('sensitiveUserGroupEquals picks a group of the enterprise', async () => {
      const res = await t.http
        .get(AVAILABLE)
        .send({ sensitiveUserGroupEquals: { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest2' } });
      expect(res.status).toBe(200);
      expect(ids(res.body.available_users)).toEqual(['foouser@sip.netaxis.be']);
      const q = encodeURIComponent(JSON.stringify({ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest2' }));
      expect(ids((await t.http.get(`${AVAILABLE}?sensitiveUserGroupEquals=${q}`)).body.available_users)).toEqual([
        'foouser@sip.netaxis.be',
      ]);
    });

    it('sensitiveUserGroupEquals naming another group of a service provider is a 400', async () => {
      const res = await t.http
        .get(`${FOO}/users/available`)
        .send({ sensitiveUserGroupEquals: { tenantId: 'foo', groupId: 'othergroup' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('GROUP_FILTER_NOT_IN_ENTERPRISE');
      const own = await t.http
        .get(`${FOO}/users/available`)
        .send({ sensitiveUserGroupEquals: { tenantId: 'foo', groupId: 'foogroup' } });
      expect(own.status).toBe(200);
      expect(own.body.available_users).toHaveLength(2);
    });

    it('a group filter of another tenant, or contradicting sameGroupOnly, is a 400', async () => {
      expect(
        (await t.http.get(AVAILABLE).send({ sensitiveUserGroupEquals: { tenantId: 'foo', groupId: 'foogroup' } }))
          .status,
      ).toBe(400);
      const res = await t.http
        .get(AVAILABLE)
        .send({ sameGroupOnly: true, sensitiveUserGroupEquals: { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest2' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CONTRADICTORY_FILTERS');
    });

    it("sensitiveDepartmentEquals keeps the department's users", async () => {
      const res = await t.http.get(AVAILABLE).send({
        sensitiveDepartmentEquals: {
          tenantId: 'ApioSpTest',
          groupId: 'ApioGrpTest',
          departmentName: 'test_department_initial',
        },
      });
      expect(res.status).toBe(200);
      expect(ids(res.body.available_users)).toEqual(['ApioUserTest@sip.netaxis.be']);
    });

    const textCases: [string, string, string[]][] = [
      ['sensitiveUserLastNameEquals', 'Test1', ['ApioUserTest1@sip.netaxis.be']],
      ['sensitiveUserLastNameEquals', 'test1', []],
      ['insensitiveUserLastNameEquals', 'test1', ['ApioUserTest1@sip.netaxis.be']],
      [
        'sensitiveUserLastNameStarts',
        'Test',
        [
          'ApioUserTest1@sip.netaxis.be',
          'ApioUserTest2@sip.netaxis.be',
          'ApioUserTest@sip.netaxis.be',
          'foouser@sip.netaxis.be',
        ],
      ],
      ['sensitiveUserFirstNameContains', 'est2', ['ApioUserTest2@sip.netaxis.be']],
      ['insensitiveUserIdStarts', 'FOO', ['foouser@sip.netaxis.be']],
      ['sensitiveUserIdContains', 'Test1@', ['ApioUserTest1@sip.netaxis.be']],
      ['sensitiveDnEquals', '+3225126778', ['ApioUserTest1@sip.netaxis.be']],
      ['sensitiveDnContains', '6778', ['ApioUserTest1@sip.netaxis.be']],
      ['sensitiveExtensionStarts', '50', ['ApioUserTest1@sip.netaxis.be', 'ApioUserTest2@sip.netaxis.be']],
      ['sensitiveExtensionEquals', '4004', ['foouser@sip.netaxis.be']],
    ];
    it.each(textCases)('%s=%s', async (name, value, expected) => {
      const body = await t.http.get(AVAILABLE).send({ [name]: value });
      expect(body.status).toBe(200);
      expect(ids(body.body.available_users).sort()).toEqual([...expected].sort());
      const query = await t.http.get(`${AVAILABLE}?${name}=${encodeURIComponent(value)}`);
      expect(ids(query.body.available_users).sort()).toEqual([...expected].sort());
    });

    it('combines filters (all must hold)', async () => {
      const res = await t.http
        .get(AVAILABLE)
        .send({ sameGroupOnly: true, sensitiveUserLastNameStarts: 'Test', sensitiveExtensionStarts: '4' });
      expect(ids(res.body.available_users)).toEqual(['ApioUserTest@sip.netaxis.be']);
    });

    it('honours responseSizeLimit', async () => {
      const res = await t.http.get(`${AVAILABLE}?responseSizeLimit=2`);
      expect(res.body.available_users).toHaveLength(2);
    });

    it.each([
      [{ sameGroupOnly: 'yes' }, 'sameGroupOnly'],
      [{ sensitiveUserLastNameEquals: 'x'.repeat(31) }, 'sensitiveUserLastNameEquals'],
      [{ sensitiveDnEquals: 5 }, 'sensitiveDnEquals'],
      [{ sensitiveUserGroupEquals: { tenantId: 'ApioSpTest' } }, 'sensitiveUserGroupEquals.groupId'],
      [{ sensitiveDepartmentEquals: 'dept' }, 'sensitiveDepartmentEquals'],
      [{ responseSizeLimit: 0 }, 'responseSizeLimit'],
    ])('refuses bad filter %j naming %s', async (filter, field) => {
      const res = await t.http.get(AVAILABLE).send(filter);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('pages, sorts and links to the next page with limit, offset and sort', async () => {
      const all = [
        'ApioUserTest1@sip.netaxis.be',
        'ApioUserTest2@sip.netaxis.be',
        'ApioUserTest@sip.netaxis.be',
        'foouser@sip.netaxis.be',
      ];
      const first = await t.http.get(`${AVAILABLE}?limit=2`).expect(200);
      expect(ids(first.body.available_users)).toEqual(all.slice(0, 2));
      expect(first.headers.link).toBe(`<${AVAILABLE}?limit=2&offset=2>; rel="next"`);
      const second = await t.http.get(`${AVAILABLE}?limit=2&offset=2`).expect(200);
      expect(ids(second.body.available_users)).toEqual(all.slice(2));
      expect(second.headers.link).toBeUndefined();
      const down = await t.http.get(`${AVAILABLE}?sort=-userId&sameGroupOnly=true`).expect(200);
      expect(ids(down.body.available_users)).toEqual(all.slice(0, 3).reverse());
      const byName = await t.http.get(`${AVAILABLE}?sort=lastName,-firstName&limit=1&insensitiveUserIdStarts=apio`);
      expect(byName.status).toBe(200);
      expect(ids(byName.body.available_users)).toHaveLength(1);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=2001', 'limit'],
      ['sort=email', 'sort'],
      ['sort=userId&responseSizeLimit=5', 'responseSizeLimit'],
      [
        `limit=5&sensitiveDepartmentEquals=${encodeURIComponent('{"tenantId":"ApioSpTest","departmentName":"x"}')}`,
        'sensitiveDepartmentEquals',
      ],
    ])('refuses %s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`${AVAILABLE}?${query}`);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    });

    it('answers 404 for an unknown group', async () => {
      expect(
        (await t.http.get('/api/v1/tenants/ApioSpTest/groups/Nope/services/hunt_groups/users/available')).status,
      ).toBe(404);
    });
  });

  describe('weighted distribution', () => {
    beforeEach(async () => {
      const res = await t.http.post(BASE).send({
        serviceUserId: HG,
        serviceInstanceProfile: { name: 'APIO Test Hunt Group', cliLastName: 'Last Test', cliFirstName: 'First Test' },
        policy: 'Weighted',
        agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'],
      });
      expect(res.status).toBe(201);
    });

    it('sets the seed example and answers as the GET does, as the seed shows', async () => {
      const put = await t.http.put(`${WEIGHTS}/`).send({
        agents: [
          { userId: 'ApioUserTest@sip.netaxis.be', weight: 60 },
          { userId: 'ApioUserTest1@sip.netaxis.be', weight: 40 },
        ],
      });
      expect(put.status).toBe(200);
      const get = await t.http.get(`${WEIGHTS}/`);
      expect(get.status).toBe(200);
      expect(put.body).toEqual(get.body);
      expect(get.body).toEqual({
        agents: [
          {
            userId: 'ApioUserTest@sip.netaxis.be',
            lastName: 'Test',
            firstName: 'Test',
            weight: 60,
            phoneNumber: '',
            extension: '4000',
            department: {
              tenantId: 'ApioSpTest',
              groupId: 'ApioGrpTest',
              departmentName: 'test_department_initial',
              fullPathName: 'test_department_parent_1 \\ test_department_initial',
            },
            emailAddress: 'test_mail@test.netaxis.be',
          },
          {
            userId: 'ApioUserTest1@sip.netaxis.be',
            lastName: 'Test1',
            firstName: 'Test1',
            weight: 40,
            phoneNumber: '+3225126778',
            extension: '5001',
            emailAddress: '',
          },
        ],
      });
      const instance = await t.http.get(`${BASE}/${HG}`);
      expect(instance.body.agents.map((a: { weight: number }) => a.weight)).toEqual([60, 40]);
    });

    it('gives agents left out weight 0', async () => {
      const res = await t.http.put(WEIGHTS).send({ agents: [{ userId: 'ApioUserTest1@sip.netaxis.be', weight: 100 }] });
      expect(res.status).toBe(200);
      expect(res.body.agents.map((a: { weight: number }) => a.weight)).toEqual([0, 100]);
      expect((await t.http.get(WEIGHTS)).body).toEqual(res.body);
    });

    const bad: [string, unknown, string][] = [
      ['a weight above 100', [{ userId: 'ApioUserTest@sip.netaxis.be', weight: 101 }], 'agents[0].weight'],
      [
        'a negative weight',
        [
          { userId: 'ApioUserTest@sip.netaxis.be', weight: -1 },
          { userId: 'ApioUserTest1@sip.netaxis.be', weight: 101 },
        ],
        'agents[0].weight',
      ],
      [
        'a fractional weight',
        [
          { userId: 'ApioUserTest@sip.netaxis.be', weight: 50.5 },
          { userId: 'ApioUserTest1@sip.netaxis.be', weight: 49.5 },
        ],
        'agents[0].weight',
      ],
      ['a weight as a string', [{ userId: 'ApioUserTest@sip.netaxis.be', weight: '100' }], 'agents[0].weight'],
      ['a missing weight', [{ userId: 'ApioUserTest@sip.netaxis.be' }], 'agents[0].weight'],
      ['a user who is not an agent', [{ userId: 'ApioUserTest2@sip.netaxis.be', weight: 100 }], 'agents[0].userId'],
      [
        'the same agent twice',
        [
          { userId: 'ApioUserTest@sip.netaxis.be', weight: 50 },
          { userId: 'ApioUserTest@sip.netaxis.be', weight: 50 },
        ],
        'agents[1].userId',
      ],
      [
        'weights that do not add up to 100',
        [
          { userId: 'ApioUserTest@sip.netaxis.be', weight: 50 },
          { userId: 'ApioUserTest1@sip.netaxis.be', weight: 40 },
        ],
        'agents',
      ],
      ['agents that is not a list', 'ApioUserTest@sip.netaxis.be', 'agents'],
    ];
    it.each(bad)('refuses %s, naming the field, changing nothing', async (_title, agents, field) => {
      const before = t.engine.snapshot();
      const res = await t.http.put(WEIGHTS).send({ agents });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('refuses a body without agents', async () => {
      const res = await t.http.put(WEIGHTS).send({});
      expect(res.status).toBe(400);
    });

    it('answers 404 for an unknown hunt group or one of another group', async () => {
      expect((await t.http.get(`${BASE}/nobody@sip.netaxis.be/weighted_distribution`)).status).toBe(404);
      const other = `/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/services/hunt_groups/${HG}/weighted_distribution`;
      expect((await t.http.get(other)).status).toBe(404);
      expect(
        (await t.http.put(other).send({ agents: [{ userId: 'ApioUserTest@sip.netaxis.be', weight: 100 }] })).status,
      ).toBe(404);
    });
  });
});
