import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FaultyGateway } from './support/faulty-gateway.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

const HG = 'APIOTestHuntGroup@sip.netaxis.be';
const ONE = `${BASE}/${HG}`;

/** The seed's POST body, read through its typos, in the demo world's enterprise group. */
const seedCreateBody = () => ({
  serviceUserId: 'APIOTestHuntGroup',
  serviceInstanceProfile: {
    name: 'APIO Test Hunt Group',
    cliLastName: 'Last Test',
    cliFirstName: 'First Test',
    department: { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest', departmentName: 'test_department_initial' },
    language: 'English',
    timeZone: 'Europe/Brussels',
    timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
  },
  policy: 'Regular',
  agents: ['ApioUserTest@sip.netaxis.be'],
  active: true,
  templateName: 'basic',
});

const minimalBody = (id: string) => ({
  serviceUserId: id,
  serviceInstanceProfile: { name: 'Sales', cliLastName: 'Sales', cliFirstName: 'Line' },
});

describe.each(DRIVERS)('hunt group CRUD on the %s gateway', (driver) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp(driver);
  });
  afterEach(async () => {
    await t.close();
  });

  const create = () => t.http.post(BASE).send(seedCreateBody());

  describe('POST', () => {
    it('creates the seed example and answers the instance as GET does (201)', async () => {
      const res = await create();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        serviceUserId: HG,
        serviceInstanceProfile: {
          name: 'APIO Test Hunt Group',
          cliLastName: 'Last Test',
          cliFirstName: 'First Test',
          language: 'English',
          phoneNumber: '',
          extension: '',
          department: {
            tenantId: 'ApioSpTest',
            groupId: 'ApioGrpTest',
            departmentName: 'test_department_initial',
            fullPathName: 'test_department_parent_1 \\ test_department_initial',
          },
          publicUserIdentity: '',
          timeZone: 'Europe/Brussels',
        },
        policy: 'Regular',
        huntAfterNoAnswer: false,
        allowMembersToControlGroupBusy: false,
        notReachableForwardToPhoneNumber: '',
        enableNotReachableForwarding: false,
        makeBusyWhenNotReachable: false,
        useSystemHuntGroupCLIDSetting: true,
        noAnswerNumberOfRings: 5,
        enableGroupBusy: false,
        forwardToPhoneNumber: '',
        forwardTimeoutSeconds: 0,
        forwardAfterTimeout: false,
        allowCallWaitingForAgents: false,
        applyGroupBusyWhenTerminatingToAgent: false,
        includeHuntGroupNameInCLID: true,
        active: true,
      });
      expect(res.body.agents).toEqual([
        {
          userId: 'ApioUserTest@sip.netaxis.be',
          lastName: 'Test',
          firstName: 'Test',
          weight: 0,
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
      ]);
      const get = await t.http.get(`${ONE}/`);
      expect(get.status).toBe(200);
      expect(get.body).toEqual(res.body);
    });

    it('fills what the body leaves out with BroadWorks defaults', async () => {
      const res = await t.http.post(BASE).send(minimalBody('sales@sip.netaxis.be'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        policy: 'Regular',
        noAnswerNumberOfRings: 5,
        includeHuntGroupNameInCLID: true,
        active: true,
        agents: [],
      });
      expect(res.body.serviceInstanceProfile).not.toHaveProperty('department');
    });

    it('creates an inactive hunt group when active is false', async () => {
      const res = await t.http.post(BASE).send({ ...minimalBody('off@sip.netaxis.be'), active: false });
      expect(res.status).toBe(201);
      expect(res.body.active).toBe(false);
      const list = await t.http.get(BASE);
      expect(
        list.body.hunt_groups.find((h: { serviceUserId: string }) => h.serviceUserId === 'off@sip.netaxis.be').active,
      ).toBe(false);
    });

    it('takes a phone number and extension of the group', async () => {
      const body = minimalBody('numbered@sip.netaxis.be');
      Object.assign(body.serviceInstanceProfile, { phoneNumber: '+3225126780', extension: '6780' });
      const res = await t.http.post(BASE).send(body);
      expect(res.status).toBe(201);
      expect(res.body.serviceInstanceProfile).toMatchObject({ phoneNumber: '+3225126780', extension: '6780' });
    });

    it('answers 409 when the id is taken, by a hunt group or a user, and changes nothing', async () => {
      expect((await create()).status).toBe(201);
      const before = t.engine.snapshot();
      const again = await create();
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');
      expect(again.body.details.summary).toMatch(/already exists/);
      const user = await t.http.post(BASE).send(minimalBody('ApioUserTest1@sip.netaxis.be'));
      expect(user.status).toBe(409);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('requires a serviceUserId when no template or rule gives one', async () => {
      const body: Record<string, unknown> = minimalBody('x');
      delete body.serviceUserId;
      const res = await t.http.post(BASE).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('SERVICE_USER_ID_REQUIRED');
    });

    it('requires the profile names, naming each missing one', async () => {
      const res = await t.http
        .post(BASE)
        .send({ serviceUserId: 'a@sip.netaxis.be', serviceInstanceProfile: { name: 'A' } });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
        'serviceInstanceProfile.cliLastName',
        'serviceInstanceProfile.cliFirstName',
      ]);
    });

    it('refuses an unknown template with 400', async () => {
      const res = await t.http.post(BASE).send({ ...minimalBody('t@sip.netaxis.be'), templateName: 'nope' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('UNKNOWN_TEMPLATE');
    });

    it('lets the body win over the template', async () => {
      const body = { ...minimalBody('t@sip.netaxis.be'), templateName: 'basic', policy: 'Circular' };
      const res = await t.http.post(BASE).send(body);
      expect(res.status).toBe(201);
      expect(res.body.policy).toBe('Circular');
      expect(res.body.serviceInstanceProfile.language).toBe('English');
    });

    it('refuses agents who are unknown or not available, naming them, before changing anything', async () => {
      const before = t.engine.snapshot();
      const res = await t.http.post(BASE).send({
        ...minimalBody('a@sip.netaxis.be'),
        agents: ['ApioUserTest@sip.netaxis.be', 'ghost@sip.netaxis.be', 'fooagent1@sip.netaxis.be'],
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('AGENT_NOT_AVAILABLE');
      expect(res.body.error).toContain('ghost@sip.netaxis.be');
      expect(res.body.error).toContain('fooagent1@sip.netaxis.be');
      expect(res.body.error).not.toContain('ApioUserTest@');
      expect(t.engine.snapshot()).toBe(before);
    });

    it('accepts agents from another group of the enterprise', async () => {
      const res = await t.http
        .post(BASE)
        .send({ ...minimalBody('a@sip.netaxis.be'), agents: ['foouser@sip.netaxis.be'] });
      expect(res.status).toBe(201);
      expect(res.body.agents.map((a: { userId: string }) => a.userId)).toEqual(['foouser@sip.netaxis.be']);
    });

    it('answers 400 with BroadWorks details for a number not assigned to the group, changing nothing', async () => {
      const before = t.engine.snapshot();
      const body = minimalBody('n@sip.netaxis.be');
      Object.assign(body.serviceInstanceProfile, { phoneNumber: '+3299999999' });
      const res = await t.http.post(BASE).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BROADWORKS_ERROR');
      expect(res.body.details).toMatchObject({ level: 'Error' });
      expect(typeof res.body.details.error_code).toBe('number');
      expect(t.engine.snapshot()).toBe(before);
    });

    it('is all or nothing: a failing activation deletes the hunt group again', async () => {
      await t.close();
      let faulty!: FaultyGateway;
      t = await startApp(driver, { wrap: (g) => (faulty = new FaultyGateway(g)) });
      faulty.failAlways('GroupHuntGroupModifyActiveInstanceListRequest');
      const before = t.engine.snapshot();
      const res = await t.http.post(BASE).send({ ...minimalBody('half@sip.netaxis.be'), active: false });
      expect(res.status).toBe(400);
      expect(res.body.details.summary).toContain('Injected failure');
      expect(t.engine.snapshot()).toBe(before);
      expect((await t.http.get(`${BASE}/half@sip.netaxis.be`)).status).toBe(404);
    });

    it('ignores unknown body fields', async () => {
      const res = await t.http
        .post(BASE)
        .send({ ...minimalBody('u@sip.netaxis.be'), queueLength: 10, foo: { bar: 1 } });
      expect(res.status).toBe(201);
      expect(res.body).not.toHaveProperty('queueLength');
    });
  });

  describe('validation', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['policy outside the enumeration', { policy: 'Random' }, 'policy'],
      ['rings below 1', { noAnswerNumberOfRings: 0 }, 'noAnswerNumberOfRings'],
      ['rings above 20', { noAnswerNumberOfRings: 21 }, 'noAnswerNumberOfRings'],
      ['rings not an integer', { noAnswerNumberOfRings: 2.5 }, 'noAnswerNumberOfRings'],
      ['rings as a string', { noAnswerNumberOfRings: '5' }, 'noAnswerNumberOfRings'],
      ['timeout above 7200', { forwardTimeoutSeconds: 7201 }, 'forwardTimeoutSeconds'],
      ['timeout below 0', { forwardTimeoutSeconds: -1 }, 'forwardTimeoutSeconds'],
      ['a boolean as a string', { huntAfterNoAnswer: 'true' }, 'huntAfterNoAnswer'],
      ['active not a boolean', { active: 1 }, 'active'],
      ['forward number too long', { forwardToPhoneNumber: '1'.repeat(31) }, 'forwardToPhoneNumber'],
      ['network class of service too long', { networkClassOfService: 'n'.repeat(41) }, 'networkClassOfService'],
      ['agents not a list', { agents: 'ApioUserTest@sip.netaxis.be' }, 'agents'],
      ['the same agent twice', { agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest@sip.netaxis.be'] }, 'agents'],
      ['an agent id too long', { agents: ['a'.repeat(162)] }, 'agents'],
      ['a profile that is not an object', { serviceInstanceProfile: 'x' }, 'serviceInstanceProfile'],
      [
        'a name longer than 30',
        { serviceInstanceProfile: { name: 'n'.repeat(31), cliLastName: 'a', cliFirstName: 'b' } },
        'serviceInstanceProfile.name',
      ],
      [
        'a blank name',
        { serviceInstanceProfile: { name: '   ', cliLastName: 'a', cliFirstName: 'b' } },
        'serviceInstanceProfile.name',
      ],
      [
        'an extension of one digit',
        { serviceInstanceProfile: { name: 'n', cliLastName: 'a', cliFirstName: 'b', extension: '1' } },
        'serviceInstanceProfile.extension',
      ],
      [
        'a phone number longer than 23',
        {
          serviceInstanceProfile: { name: 'n', cliLastName: 'a', cliFirstName: 'b', phoneNumber: '+'.padEnd(24, '1') },
        },
        'serviceInstanceProfile.phoneNumber',
      ],
      [
        'four aliases',
        {
          serviceInstanceProfile: {
            name: 'n',
            cliLastName: 'a',
            cliFirstName: 'b',
            aliases: ['a@x', 'b@x', 'c@x', 'd@x'],
          },
        },
        'serviceInstanceProfile.aliases',
      ],
      [
        'a department without a name',
        {
          serviceInstanceProfile: {
            name: 'n',
            cliLastName: 'a',
            cliFirstName: 'b',
            department: { tenantId: 'ApioSpTest' },
          },
        },
        'serviceInstanceProfile.department.departmentName',
      ],
      ['a serviceUserId with white space', { serviceUserId: 'a b@sip.netaxis.be' }, 'serviceUserId'],
      ['a serviceUserId too long', { serviceUserId: `${'a'.repeat(150)}@sip.netaxis.be` }, 'serviceUserId'],
    ];
    it.each(cases)('refuses %s with 400 naming the field, changing nothing', async (_title, patch, field) => {
      const before = t.engine.snapshot();
      const res = await t.http.post(BASE).send({ ...minimalBody('v@sip.netaxis.be'), ...patch });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('answers malformed JSON with a 400 envelope', async () => {
      const res = await t.http
        .post(BASE)
        .set('Content-Type', 'application/json')
        .send('{"serviceUserId": "APIOTestHuntGroup,');
      expect(res.status).toBe(400);
      expect(res.body).toHaveProperty('error');
      expect(res.body).toHaveProperty('code');
    });

    it('refuses bad path parameters before sending anything', async () => {
      expect((await t.http.get(`/api/v1/tenants/${'t'.repeat(31)}/groups/g/services/hunt_groups`)).status).toBe(400);
      expect((await t.http.get(`${BASE}/no-domain`)).status).toBe(400);
      expect((await t.http.get(`${BASE}/a%20b@sip.netaxis.be`)).status).toBe(400);
    });
  });

  describe('GET', () => {
    it('lists the hunt groups with the seed fields, department described', async () => {
      await create();
      const res = await t.http.get(`${BASE}/`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        hunt_groups: [
          {
            serviceUserId: HG,
            name: 'APIO Test Hunt Group',
            phoneNumber: '',
            extension: '',
            department: {
              tenantId: 'ApioSpTest',
              groupId: 'ApioGrpTest',
              departmentName: 'test_department_initial',
              fullPathName: 'test_department_parent_1 \\ test_department_initial',
            },
            active: true,
            policy: 'Regular',
          },
        ],
      });
    });

    it('answers an empty list for a group with none, on the seed URL too', async () => {
      expect((await t.http.get(BASE)).body).toEqual({ hunt_groups: [] });
      const seedUrl = await t.http.get('/api/v1/tenants/foo/groups/foogroup/services/hunt_groups/');
      expect(seedUrl.status).toBe(200);
      expect(seedUrl.body).toEqual({ hunt_groups: [] });
    });

    it('decodes %40 in the hunt group name', async () => {
      await create();
      const res = await t.http.get(`${BASE}/APIOTestHuntGroup%40sip.netaxis.be`);
      expect(res.status).toBe(200);
      expect(res.body.serviceUserId).toBe(HG);
    });

    it('answers 404 for an unknown hunt group, group or tenant', async () => {
      await create();
      const unknown = await t.http.get(`${BASE}/nobody@sip.netaxis.be`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('HUNT_GROUP_NOT_FOUND');
      expect((await t.http.get('/api/v1/tenants/ApioSpTest/groups/NoGroup/services/hunt_groups')).status).toBe(404);
      expect((await t.http.get('/api/v1/tenants/NoTenant/groups/ApioGrpTest/services/hunt_groups')).status).toBe(404);
    });

    it('answers 404 for a hunt group of another group', async () => {
      await create();
      const res = await t.http.get(`/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/services/hunt_groups/${HG}`);
      expect(res.status).toBe(404);
    });
  });

  describe('OCI-P round trips', () => {
    let counter: FaultyGateway;
    beforeEach(async () => {
      await t.close();
      t = await startApp(driver, { wrap: (g) => (counter = new FaultyGateway(g)) });
    });
    const documents = async (call: () => PromiseLike<{ status: number }>, status: number) => {
      counter.sent.length = 0;
      expect((await call()).status).toBe(status);
      return counter.sent.length;
    };

    it('GET one and GET list cost one document each', async () => {
      await create();
      expect(await documents(() => t.http.get(ONE), 200)).toBe(1);
      expect(await documents(() => t.http.get(BASE), 200)).toBe(1);
    });

    it('POST costs one document with a full id and no agents, two with agents or a bare id', async () => {
      expect(await documents(() => t.http.post(BASE).send(minimalBody('a@sip.netaxis.be')), 201)).toBe(1);
      expect(
        await documents(
          () =>
            t.http
              .post(BASE)
              .send({ ...minimalBody('b@sip.netaxis.be'), agents: ['ApioUserTest@sip.netaxis.be'], active: false }),
          201,
        ),
      ).toBe(2);
      expect(await documents(() => create(), 201)).toBe(2);
    });

    it('PUT costs two documents, agent checks included', async () => {
      await create();
      const body = {
        policy: 'Circular',
        active: false,
        agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'],
      };
      expect(await documents(() => t.http.put(ONE).send(body), 200)).toBe(2);
    });

    it('checks every agent of a PUT with one search in the read document', async () => {
      await create();
      counter.sent.length = 0;
      const many = Array.from({ length: 600 }, (_, i) => `ghost${i}@sip.netaxis.be`);
      const res = await t.http.put(ONE).send({ agents: many });
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('ghost599@sip.netaxis.be');
      // The instance, its row and one search for all 600 agents.
      expect(counter.sent.map((d) => d.map((c) => c.$type))).toEqual([
        [
          'GroupHuntGroupGetInstanceRequest20',
          'GroupHuntGroupGetInstancePagedSortedListRequest',
          'GroupHuntGroupGetAvailableUserPagedSortedListRequest',
        ],
      ]);
    });
  });

  describe('PUT', () => {
    beforeEach(async () => {
      expect((await create()).status).toBe(201);
    });

    it('applies the seed example: merges the profile, replaces agents, ignores queueLength', async () => {
      const res = await t.http.put(`${ONE}/`).send({
        serviceInstanceProfile: { language: 'French' },
        queueLength: 10,
        agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest2@sip.netaxis.be'],
      });
      expect(res.status).toBe(200);
      expect(res.body.serviceInstanceProfile).toMatchObject({
        language: 'French',
        name: 'APIO Test Hunt Group',
        cliLastName: 'Last Test',
      });
      expect(res.body.agents.map((a: { userId: string }) => a.userId)).toEqual([
        'ApioUserTest@sip.netaxis.be',
        'ApioUserTest2@sip.netaxis.be',
      ]);
      expect(res.body).not.toHaveProperty('queueLength');
      expect((await t.http.get(ONE)).body).toEqual(res.body);
    });

    it('changes only what the body carries', async () => {
      const before = (await t.http.get(ONE)).body;
      const res = await t.http.put(ONE).send({ policy: 'Weighted', noAnswerNumberOfRings: 7 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...before, policy: 'Weighted', noAnswerNumberOfRings: 7 });
    });

    it('clears with "" or null where BroadWorks allows it', async () => {
      await t.http.put(ONE).send({
        serviceInstanceProfile: { phoneNumber: '+3225126781', extension: '6781' },
        forwardToPhoneNumber: '+3225550000',
      });
      const res = await t.http.put(ONE).send({
        serviceInstanceProfile: { phoneNumber: '', extension: null, department: null },
        forwardToPhoneNumber: null,
      });
      expect(res.status).toBe(200);
      expect(res.body.serviceInstanceProfile).toMatchObject({ phoneNumber: '', extension: '' });
      expect(res.body.serviceInstanceProfile).not.toHaveProperty('department');
      expect(res.body.forwardToPhoneNumber).toBe('');
    });

    it('refuses to clear what BroadWorks cannot clear', async () => {
      const res = await t.http.put(ONE).send({ serviceInstanceProfile: { name: null } });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('serviceInstanceProfile.name');
    });

    it('removes every agent with []', async () => {
      const res = await t.http.put(ONE).send({ agents: [] });
      expect(res.status).toBe(200);
      expect(res.body.agents).toEqual([]);
    });

    it('switches activation', async () => {
      const off = await t.http.put(ONE).send({ active: false });
      expect(off.body.active).toBe(false);
      const on = await t.http.put(ONE).send({ active: true });
      expect(on.body.active).toBe(true);
    });

    it('answers 404 for a hunt group that does not exist', async () => {
      expect((await t.http.put(`${BASE}/nobody@sip.netaxis.be`).send({ policy: 'Circular' })).status).toBe(404);
    });

    it('refuses unavailable agents before changing anything', async () => {
      const before = t.engine.snapshot();
      const res = await t.http.put(ONE).send({ agents: ['fooagent1@sip.netaxis.be'], policy: 'Circular' });
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('fooagent1@sip.netaxis.be');
      expect(t.engine.snapshot()).toBe(before);
    });

    it('a BroadWorks refusal changes nothing', async () => {
      const before = t.engine.snapshot();
      const res = await t.http
        .put(ONE)
        .send({ policy: 'Circular', serviceInstanceProfile: { phoneNumber: '+3299999999' } });
      expect(res.status).toBe(400);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('undoes the modify when the activation in the same request fails', async () => {
      await t.close();
      let faulty!: FaultyGateway;
      t = await startApp(driver, { wrap: (g) => (faulty = new FaultyGateway(g)) });
      expect((await create()).status).toBe(201);
      await t.http.put(ONE).send({ agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'] });
      faulty.failAlways('GroupHuntGroupModifyActiveInstanceListRequest');
      const before = t.engine.snapshot();
      const res = await t.http.put(ONE).send({
        active: false,
        policy: 'Uniform',
        agents: ['ApioUserTest2@sip.netaxis.be'],
        serviceInstanceProfile: { name: 'Renamed', department: null },
      });
      expect(res.status).toBe(400);
      expect(t.engine.snapshot()).toBe(before);
    });
  });

  describe('PUT with a change BroadWorks cannot undo (setting networkClassOfService for the first time)', () => {
    let faulty: FaultyGateway;
    beforeEach(async () => {
      await t.close();
      t = await startApp(driver, { wrap: (g) => (faulty = new FaultyGateway(g)) });
      expect((await create()).status).toBe(201);
    });

    it('sends that modify last, alone, so a failing activation leaves nothing behind', async () => {
      faulty.failAlways('GroupHuntGroupModifyActiveInstanceListRequest');
      const before = t.engine.snapshot();
      faulty.sent.length = 0;
      const res = await t.http.put(ONE).send({ networkClassOfService: 'NCOS-1', policy: 'Circular', active: false });
      expect(res.status).toBe(400);
      expect(t.engine.snapshot()).toBe(before);
      expect(faulty.sent.flat().some((c) => c.$type === 'GroupHuntGroupModifyInstanceRequest')).toBe(false);
    });

    it('undoes the steps before it when that modify fails', async () => {
      faulty.failAlways('GroupHuntGroupModifyInstanceRequest');
      const before = t.engine.snapshot();
      const res = await t.http.put(ONE).send({ networkClassOfService: 'NCOS-1', active: false });
      expect(res.status).toBe(400);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('succeeds in three documents', async () => {
      faulty.sent.length = 0;
      const res = await t.http.put(ONE).send({ networkClassOfService: 'NCOS-1', active: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ networkClassOfService: 'NCOS-1', active: false });
      expect(faulty.sent).toHaveLength(3);
    });
  });

  describe('DELETE', () => {
    it('deletes and answers 200 with an empty body', async () => {
      await create();
      const res = await t.http.delete(`${ONE}/`);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect((await t.http.get(ONE)).status).toBe(404);
    });

    it("answers 404 for a hunt group that does not exist or is another group's", async () => {
      await create();
      expect((await t.http.delete(`${BASE}/nobody@sip.netaxis.be`)).status).toBe(404);
      const before = t.engine.snapshot();
      expect(
        (await t.http.delete(`/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/services/hunt_groups/${HG}`)).status,
      ).toBe(404);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('frees the phone number for another hunt group', async () => {
      const body = minimalBody('first@sip.netaxis.be');
      Object.assign(body.serviceInstanceProfile, { phoneNumber: '+3225126782' });
      expect((await t.http.post(BASE).send(body)).status).toBe(201);
      expect((await t.http.delete(`${BASE}/first@sip.netaxis.be`)).status).toBe(200);
      const again = { ...body, serviceUserId: 'second@sip.netaxis.be' };
      expect((await t.http.post(BASE).send(again)).status).toBe(201);
    });
  });

  it('answers every route with and without the trailing slash', async () => {
    expect((await t.http.post(`${BASE}/`).send(minimalBody('s1@sip.netaxis.be'))).status).toBe(201);
    expect((await t.http.post(BASE).send(minimalBody('s2@sip.netaxis.be'))).status).toBe(201);
    for (const suffix of ['', '/']) {
      expect((await t.http.get(`${BASE}${suffix}`)).status).toBe(200);
      expect((await t.http.get(`${BASE}/s1@sip.netaxis.be${suffix}`)).status).toBe(200);
      expect((await t.http.put(`${BASE}/s1@sip.netaxis.be${suffix}`).send({ policy: 'Circular' })).status).toBe(200);
    }
    expect((await t.http.delete(`${BASE}/s1@sip.netaxis.be/`)).status).toBe(200);
    expect((await t.http.delete(`${BASE}/s2@sip.netaxis.be`)).status).toBe(200);
  });

  it('answers an unknown route with a 404 envelope', async () => {
    const res = await t.http.get('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
