import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appConfig } from '../src/config/namespaces.js';
import { FaultyGateway } from './support/faulty-gateway.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';
import { recorded, RecordingPluginModule } from './support/recording-plugin.js';

const HG = 'svc@sip.netaxis.be';
const ONE = `${BASE}/${HG}`;
const CF = `${ONE}/call_forwarding`;
const ALT = `${ONE}/alternate_numbers`;
const NUMBERS = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/numbers/available';
const OWN_NUMBER = '+3225126780';

const READS = /Get|VerifySession|IsAssigned/;
const types = (documents: { $type: string }[][]) => documents.map((d) => d.map((c) => c.$type));
const writesOf = (documents: { $type: string }[][]) =>
  documents
    .flat()
    .map((c) => c.$type)
    .filter((t) => !READS.test(t));

const createBody = (id = HG, phoneNumber?: string) => ({
  serviceUserId: id,
  serviceInstanceProfile: {
    name: 'Services',
    cliLastName: 'Svc',
    cliFirstName: 'Line',
    ...(phoneNumber ? { phoneNumber } : {}),
  },
});

/** Each forwarding, a body that sets it and the answer that body gives from the defaults. */
const FORWARDINGS = [
  {
    kind: 'always',
    service: 'Call Forwarding Always',
    body: { isActive: true, forwardToPhoneNumber: '+3225551234', isRingSplashActive: true },
    answer: { isActive: true, forwardToPhoneNumber: '+3225551234', isRingSplashActive: true },
  },
  {
    kind: 'busy',
    service: 'Call Forwarding Busy',
    body: { isActive: true, forwardToPhoneNumber: 'desk@sip.netaxis.be' },
    answer: { isActive: true, forwardToPhoneNumber: 'desk@sip.netaxis.be' },
  },
  {
    kind: 'no_answer',
    service: 'Call Forwarding No Answer',
    body: { isActive: true, forwardToPhoneNumber: '*55', numberOfRings: 6 },
    answer: { isActive: true, forwardToPhoneNumber: '*55', numberOfRings: 6 },
  },
  {
    kind: 'not_reachable',
    service: 'Call Forwarding Not Reachable',
    body: { forwardToPhoneNumber: '0225551299' },
    answer: { isActive: false, forwardToPhoneNumber: '0225551299' },
  },
] as const;

describe.each(DRIVERS)('a hunt group’s services on the %s gateway', (driver) => {
  let t: TestApp;
  let faulty: FaultyGateway;
  beforeEach(async () => {
    t = await startApp(driver, {
      wrap: (g) => (faulty = new FaultyGateway(g)),
      imports: [RecordingPluginModule],
      users: [
        { username: 'other-desk', level: 'group', groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest2' }] },
      ],
    });
    expect((await t.http.post(BASE).send(createBody(HG, OWN_NUMBER))).status).toBe(201);
    faulty.sent.length = 0;
    recorded.events.length = 0;
    recorded.requests.length = 0;
  });
  afterEach(async () => {
    await t.close();
  });

  describe.each(FORWARDINGS)('call_forwarding/$kind', ({ kind, service, body, answer }) => {
    const url = `${CF}/${kind}`;

    it('answers 409 naming the service while it is not assigned; PUT ?assign=true assigns it and sets it', async () => {
      const missing = await t.http.get(url).expect(409);
      expect(missing.body).toEqual({
        error: `${service} is not assigned to hunt group ${HG}: PUT with ?assign=true assigns it`,
        code: 'SERVICE_NOT_ASSIGNED',
        details: { service, serviceUserId: HG },
      });
      const before = t.engine.snapshot();
      faulty.sent.length = 0;
      await t.http.put(url).send(body).expect(409);
      expect(writesOf(faulty.sent)).toEqual([]);
      expect(t.engine.snapshot()).toBe(before);

      const put = await t.http.put(`${url}?assign=true`).send(body).expect(200);
      expect(put.body).toEqual(answer);
      const got = await t.http.get(`${url}/`).expect(200);
      expect(got.body).toEqual(answer);
      expect(got.headers.etag).toBe(put.headers.etag);
      expect(recorded.events).toEqual([
        {
          type: 'call-forwarding-changed',
          tenantId: 'ApioSpTest',
          groupId: 'ApioGrpTest',
          serviceUserId: HG,
          service: kind,
          assigned: true,
          before: null,
          after: answer,
        },
      ]);
      expect(recorded.requests).toEqual([
        expect.objectContaining({
          operation: 'set-call-forwarding',
          service: kind,
          assign: true,
          current: null,
          dryRun: false,
        }),
      ]);
    });

    it('costs one document to read and two to assign and set (assign and modify in one, read back)', async () => {
      await t.http.put(`${url}?assign=true`).send(body).expect(200);
      expect(types(faulty.sent)).toEqual([
        [
          'UserServiceIsAssignedRequest',
          expect.stringMatching(/GetRequest/),
          'GroupHuntGroupGetInstancePagedSortedListRequest',
        ],
        ['UserServiceAssignListRequest', expect.stringMatching(/ModifyRequest$/), expect.stringMatching(/GetRequest/)],
      ]);
      faulty.sent.length = 0;
      await t.http.get(url).expect(200);
      expect(faulty.sent).toHaveLength(1);
    });
  });

  describe('call forwarding changes', () => {
    const ALWAYS = `${CF}/always`;
    beforeEach(async () => {
      await t.http.put(`${ALWAYS}?assign=true`).send({}).expect(200);
      await t.http.put(`${CF}/no_answer?assign=true`).send({}).expect(200);
      recorded.events.length = 0;
    });

    it('starts from BroadWorks’ defaults, and a PUT changes only what it carries', async () => {
      expect((await t.http.get(ALWAYS)).body).toEqual({
        isActive: false,
        forwardToPhoneNumber: '',
        isRingSplashActive: false,
      });
      expect((await t.http.get(`${CF}/no_answer`)).body).toEqual({
        isActive: false,
        forwardToPhoneNumber: '',
        numberOfRings: 2,
      });
      await t.http.put(ALWAYS).send({ forwardToPhoneNumber: '+3225551234' }).expect(200);
      const on = await t.http.put(ALWAYS).send({ isActive: true, numberOfRings: 5 }).expect(200);
      expect(on.body).toEqual({ isActive: true, forwardToPhoneNumber: '+3225551234', isRingSplashActive: false });
      // Off, then the number cleared with null (or "").
      await t.http.put(ALWAYS).send({ isActive: false, forwardToPhoneNumber: null }).expect(200);
      expect((await t.http.get(ALWAYS)).body.forwardToPhoneNumber).toBe('');
    });

    it('refuses bad fields by name, an active forwarding without a number, and changes nothing', async () => {
      const before = t.engine.snapshot();
      faulty.sent.length = 0;
      const bad = await t.http
        .put(`${CF}/no_answer`)
        .send({ isActive: 'yes', forwardToPhoneNumber: 'sip:desk@example.com', numberOfRings: 1 })
        .expect(400);
      expect(bad.body.details.map((p: { field: string }) => p.field).sort()).toEqual([
        'forwardToPhoneNumber',
        'isActive',
        'numberOfRings',
      ]);
      const required = await t.http.put(ALWAYS).send({ isActive: true }).expect(400);
      expect(required.body.details).toEqual([
        {
          field: 'forwardToPhoneNumber',
          reasons: ['a number (or SIP URI) to forward to is required while isActive is true'],
        },
      ]);
      const assign = await t.http.put(`${ALWAYS}?assign=maybe`).send({}).expect(400);
      expect(assign.body.details).toEqual([{ field: 'assign', reasons: ['assign must be true or false'] }]);
      await t.http.put(`${ALWAYS}?force=true`).send({}).expect(400);
      expect(writesOf(faulty.sent)).toEqual([]);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('passes on what BroadWorks refuses (its own number), changing nothing', async () => {
      const before = t.engine.snapshot();
      const res = await t.http.put(ALWAYS).send({ isActive: true, forwardToPhoneNumber: OWN_NUMBER }).expect(400);
      expect(res.body).toMatchObject({ code: 'BROADWORKS_ERROR', details: { error_code: 4413 } });
      expect(t.engine.snapshot()).toBe(before);
    });

    it('ETag: GET answers one, PUT with an old one is 412 (no write), PUT answers the new one', async () => {
      const read = await t.http.get(ALWAYS).expect(200);
      expect(read.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      const put = await t.http
        .put(ALWAYS)
        .set('If-Match', read.headers.etag)
        .send({ isRingSplashActive: true })
        .expect(200);
      expect(put.headers.etag).not.toBe(read.headers.etag);
      faulty.sent.length = 0;
      const stale = await t.http
        .put(ALWAYS)
        .set('If-Match', read.headers.etag)
        .send({ isRingSplashActive: false })
        .expect(412);
      expect(stale.body.details).toEqual({ etag: put.headers.etag });
      expect(writesOf(faulty.sent)).toEqual([]);
      // A service not assigned has no version: any If-Match fails.
      await t.http.put(`${CF}/busy?assign=true`).set('If-Match', '*').send({}).expect(412);
    });

    it('dry-run answers what the PUT would answer, its changes and commands, and writes nothing', async () => {
      const before = t.engine.snapshot();
      faulty.sent.length = 0;
      const body = { isActive: true, forwardToPhoneNumber: '+3225551234' };
      const dry = await t.http.put(`${CF}/busy?assign=true&dryRun=true`).send(body).expect(200);
      expect(writesOf(faulty.sent)).toEqual([]);
      expect(t.engine.snapshot()).toBe(before);
      expect(dry.headers.etag).toBeUndefined();
      expect(dry.body).toEqual({
        dryRun: true,
        result: { isActive: true, forwardToPhoneNumber: '+3225551234' },
        changes: [{ field: '', from: null, to: { isActive: true, forwardToPhoneNumber: '+3225551234' } }],
        commands: [
          { type: 'UserServiceAssignListRequest', userId: HG, serviceName: ['Call Forwarding Busy'] },
          {
            type: 'UserCallForwardingBusyModifyRequest',
            userId: HG,
            isActive: true,
            forwardToPhoneNumber: '+3225551234',
          },
        ],
      });
      expect(recorded.events).toEqual([]);
      const real = await t.http.put(`${CF}/busy?assign=true`).send(body).expect(200);
      expect(dry.body.result).toEqual(real.body);
      const change = await t.http.put(`${CF}/busy?dryRun=true`).send({ isActive: false }).expect(200);
      expect(change.body.changes).toEqual([{ field: 'isActive', from: true, to: false }]);
    });

    it('a failed modify after the assign is undone: the service is unassigned again', async () => {
      faulty.failAlways('UserCallForwardingNotReachableModifyRequest');
      const before = t.engine.snapshot();
      faulty.sent.length = 0;
      const res = await t.http.put(`${CF}/not_reachable?assign=true`).send({ forwardToPhoneNumber: '+3225551299' });
      expect(res.status).toBe(400);
      expect(res.body.details.summary).toContain('Injected failure');
      expect(types(faulty.sent).slice(1)).toEqual([
        [
          'UserServiceAssignListRequest',
          'UserCallForwardingNotReachableModifyRequest',
          'UserCallForwardingNotReachableGetRequest',
        ],
        ['UserServiceUnassignListRequest'],
      ]);
      expect(t.engine.snapshot()).toBe(before);
      await t.http.get(`${CF}/not_reachable`).expect(409);
      expect(recorded.events).toEqual([]);
    });

    it('a failed modify of an assigned service is undone with the state read before', async () => {
      await t.http.put(ALWAYS).send({ isActive: true, forwardToPhoneNumber: '+3225551234' }).expect(200);
      const before = t.engine.snapshot();
      // The modify fails as BroadWorks refuses it: nothing was changed, nothing to undo.
      await t.http.put(ALWAYS).send({ forwardToPhoneNumber: OWN_NUMBER }).expect(400);
      expect(t.engine.snapshot()).toBe(before);
    });
  });

  describe('Idempotency-Key', () => {
    it('a retry of a PUT with the same key replays the first answer and sends nothing; another body is 422', async () => {
      const body = { isActive: true, forwardToPhoneNumber: '+3225551234' };
      const first = await t.http
        .put(`${CF}/busy?assign=true`)
        .set('Idempotency-Key', 'svc-busy-1')
        .send(body)
        .expect(200);
      faulty.sent.length = 0;
      const again = await t.http
        .put(`${CF}/busy?assign=true`)
        .set('Idempotency-Key', 'svc-busy-1')
        .send(body)
        .expect(200);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(faulty.sent).toEqual([]);
      const other = await t.http.put(`${CF}/busy`).set('Idempotency-Key', 'svc-busy-1').send({ isActive: false });
      expect(other.status).toBe(422);
    });
  });

  describe('API_REQUIRE_IF_MATCH', () => {
    it('an assigned service needs If-Match (428 after its read); assigning one is a create and needs none', async () => {
      await t.close();
      t = await startApp(driver, { overrides: [[appConfig.KEY, { ...appConfig(), requireIfMatch: true }]] });
      await t.http.post(BASE).send(createBody()).expect(201);
      await t.http.put(`${CF}/busy?assign=true`).send({}).expect(200);
      expect((await t.http.put(`${CF}/busy`).send({ isActive: false }).expect(428)).body.code).toBe(
        'PRECONDITION_REQUIRED',
      );
      await t.http.put(ALT).send({}).expect(409);
      const etag = (await t.http.get(`${CF}/busy`)).headers.etag;
      const put = await t.http
        .put(`${CF}/busy`)
        .set('If-Match', etag)
        .send({ forwardToPhoneNumber: '+3225551234' })
        .expect(200);
      expect(put.body).toEqual({ isActive: false, forwardToPhoneNumber: '+3225551234' });
    });
  });

  describe('reach and refusals', () => {
    it('answers 404 for a hunt group of another group or none, 403 outside the caller’s groups', async () => {
      const other = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/services/hunt_groups';
      const notHere = await t.http.get(`${other}/${HG}/call_forwarding/always`).expect(404);
      expect(notHere.body.code).toBe('HUNT_GROUP_NOT_FOUND');
      await t.http.put(`${other}/${HG}/alternate_numbers?assign=true`).send({}).expect(404);
      await t.http.get(`${BASE}/ghost@sip.netaxis.be/alternate_numbers`).expect(404);
      // A real user is not a hunt group.
      await t.http.get(`${BASE}/ApioUserTest@sip.netaxis.be/call_forwarding/busy`).expect(404);
      await t.as('other-desk').get(`${CF}/always`).expect(403);
      await t.as('other-desk').get(NUMBERS).expect(403);
      await t.as('other-desk').get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/numbers/available').expect(200);
    });

    it('answers 409 when the group is not authorized for the service, and assigns nothing', async () => {
      await t.close();
      t = await startApp(driver, {
        // ApioGrpTest2 authorizes no user service here.
        world: (w) => delete (w.serviceProviders[0].groups[1] as { userServices?: string[] }).userServices,
      });
      const other = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/services/hunt_groups';
      await t.http.post(other).send(createBody('elsewhere@sip.netaxis.be')).expect(201);
      const before = t.engine.snapshot();
      const res = await t.http
        .put(`${other}/elsewhere@sip.netaxis.be/call_forwarding/always?assign=true`)
        .send({ isActive: true, forwardToPhoneNumber: '+3225551234' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'SERVICE_NOT_AUTHORIZED', details: { error_code: 4400 } });
      expect(t.engine.snapshot()).toBe(before);
    });
  });

  describe('alternate_numbers', () => {
    const set = (body: object, query = '') => t.http.put(`${ALT}${query}`).send(body);

    it('409 while not assigned; ?assign=true sets them; GET answers them; their numbers are no longer free', async () => {
      expect((await t.http.get(ALT).expect(409)).body.code).toBe('SERVICE_NOT_ASSIGNED');
      const body = {
        distinctiveRing: true,
        alternateNumbers: [
          { phoneNumber: '+3225126781', description: 'Sales' },
          { extension: '4301', ringPattern: 'Long-Long' },
        ],
      };
      const put = await set(body, '?assign=true').expect(200);
      const answer = {
        distinctiveRing: true,
        alternateNumbers: [
          { phoneNumber: '+3225126781', extension: '', ringPattern: 'Normal', description: 'Sales' },
          { phoneNumber: '', extension: '4301', ringPattern: 'Long-Long', description: '' },
        ],
      };
      expect(put.body).toEqual(answer);
      const got = await t.http.get(ALT).expect(200);
      expect(got.body).toEqual(answer);
      expect(got.headers.etag).toBe(put.headers.etag);
      expect((await t.http.get(NUMBERS)).body.numbers).not.toContain('+3225126781');
      expect(recorded.events).toEqual([
        expect.objectContaining({ type: 'alternate-numbers-changed', assigned: true, before: null, after: answer }),
      ]);

      // Replacing the list frees the number let go; [] frees them all.
      await set({ alternateNumbers: [{ phoneNumber: '+3225126782' }] }).expect(200);
      const free = (await t.http.get(NUMBERS)).body.numbers;
      expect(free).toContain('+3225126781');
      expect(free).not.toContain('+3225126782');
      expect((await set({ alternateNumbers: [] }).expect(200)).body).toEqual({
        distinctiveRing: true,
        alternateNumbers: [],
      });
      expect((await t.http.get(NUMBERS)).body.numbers).toContain('+3225126782');
    });

    it('refuses an 11th entry, a number not of the group or in use, a repeat, an empty entry: 400 naming each, nothing changed', async () => {
      await set({ alternateNumbers: [{ phoneNumber: '+3225126783' }] }, '?assign=true').expect(200);
      const before = t.engine.snapshot();
      faulty.sent.length = 0;
      const eleven = Array.from({ length: 11 }, (_, i) => ({ extension: `43${String(i).padStart(2, '0')}` }));
      expect((await set({ alternateNumbers: eleven }).expect(400)).body.details).toEqual([
        { field: 'alternateNumbers[10]', reasons: ['a hunt group has at most 10 alternate numbers'] },
      ]);
      const res = await set({
        alternateNumbers: [
          { phoneNumber: '+3225127780' },
          { phoneNumber: '+3225126778' },
          { phoneNumber: OWN_NUMBER },
          { phoneNumber: '+3225126783' },
          { phoneNumber: '+3225126784' },
          { phoneNumber: '+3225126784' },
          { description: 'nothing to ring' },
        ],
      }).expect(400);
      expect(res.body.details).toEqual([
        { field: 'alternateNumbers[0].phoneNumber', reasons: ['+3225127780 is not a number of group ApioGrpTest'] },
        { field: 'alternateNumbers[1].phoneNumber', reasons: ['+3225126778 is already in use'] },
        { field: 'alternateNumbers[2].phoneNumber', reasons: [`${OWN_NUMBER} is already in use`] },
        { field: 'alternateNumbers[5].phoneNumber', reasons: ['+3225126784 is listed more than once'] },
        { field: 'alternateNumbers[6]', reasons: ['an alternate number needs a phoneNumber, an extension, or both'] },
      ]);
      const fields = await set({
        distinctiveRing: null,
        alternateNumbers: [{ phoneNumber: '', extension: '12a', ringPattern: 'Loud' }],
      }).expect(400);
      expect(fields.body.details.map((p: { field: string }) => p.field)).toEqual(
        [
          'distinctiveRing',
          'alternateNumbers.0.phoneNumber',
          'alternateNumbers.0.extension',
          'alternateNumbers.0.ringPattern',
        ].map((f) => f.replace('.0.', '[0].')),
      );
      expect(writesOf(faulty.sent)).toEqual([]);
      expect(t.engine.snapshot()).toBe(before);
      // An extension in use is BroadWorks' refusal: 409, nothing changed.
      const taken = await set({ alternateNumbers: [{ extension: '4000' }] }).expect(409);
      expect(taken.body.details.error_code).toBe(4506);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('reads with the group’s numbers in one document, writes in one (only the slots that change), undone when it fails', async () => {
      await set({ alternateNumbers: [{ phoneNumber: '+3225126785' }, { extension: '4302' }] }, '?assign=true').expect(
        200,
      );
      faulty.sent.length = 0;
      const dry = await set(
        { alternateNumbers: [{ phoneNumber: '+3225126785' }, { phoneNumber: '+3225126786' }] },
        '?dryRun=true',
      ).expect(200);
      expect(types(faulty.sent)).toEqual([
        [
          'UserServiceIsAssignedRequest',
          'UserAlternateNumbersGetRequest21',
          'GroupDnGetListRequest',
          'GroupDnGetAvailableListRequest',
          'GroupHuntGroupGetInstancePagedSortedListRequest',
        ],
      ]);
      expect(dry.body.commands).toEqual([
        {
          type: 'UserAlternateNumbersModifyRequest',
          userId: HG,
          alternateEntry02: { phoneNumber: '+3225126786', extension: null, ringPattern: 'Normal', description: null },
        },
      ]);
      faulty.sent.length = 0;
      const real = await set({
        alternateNumbers: [{ phoneNumber: '+3225126785' }, { phoneNumber: '+3225126786' }],
      }).expect(200);
      expect(real.body).toEqual(dry.body.result);
      expect(faulty.sent).toHaveLength(2);
      faulty.sent.length = 0;
      await t.http.get(ALT).expect(200);
      expect(faulty.sent).toHaveLength(1);

      faulty.failAlways('UserAlternateNumbersModifyRequest');
      await t.http.put(`${ONE}/call_forwarding/always?assign=true`).send({}).expect(200);
      const before = t.engine.snapshot();
      await set({ alternateNumbers: [] }).expect(400);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('a hunt group deleted gives its alternate numbers back to the group', async () => {
      await set({ alternateNumbers: [{ phoneNumber: '+3225126787' }] }, '?assign=true').expect(200);
      expect((await t.http.get(NUMBERS)).body.numbers).not.toContain('+3225126787');
      await t.http.delete(ONE).expect(200);
      expect((await t.http.get(NUMBERS)).body.numbers).toEqual(expect.arrayContaining(['+3225126787', OWN_NUMBER]));
    });
  });

  describe('numbers/available', () => {
    it('lists the group’s free numbers in one document, in pages with a Link to the next', async () => {
      faulty.sent.length = 0;
      const all = (await t.http.get(NUMBERS).expect(200)).body.numbers as string[];
      expect(faulty.sent).toHaveLength(1);
      expect(all).toHaveLength(10); // 12 numbers, less ApioUserTest1's and the hunt group's
      expect(all).not.toContain(OWN_NUMBER);
      const first = await t.http.get(`${NUMBERS}?limit=4`).expect(200);
      expect(first.body.numbers).toEqual(all.slice(0, 4));
      expect(first.headers.link).toBe(`<${NUMBERS}?limit=4&offset=4>; rel="next"`);
      const last = await t.http.get(`${NUMBERS}/?limit=4&offset=8`).expect(200);
      expect(last.body.numbers).toEqual(all.slice(8));
      expect(last.headers.link).toBeUndefined();
      const bad = await t.http.get(`${NUMBERS}?limit=0&offset=-1`).expect(400);
      expect(bad.body.details.map((p: { field: string }) => p.field)).toEqual(['limit', 'offset']);
      const hex = await t.http.get(`${NUMBERS}?limit=0x10`).expect(400);
      expect(hex.body.details).toEqual([{ field: 'limit', reasons: ['limit must be an integer from 1 to 2000'] }]);
      await t.http.get(`${NUMBERS}?sort=number`).expect(400);
      const unknown = await t.http.get('/api/v1/tenants/ApioSpTest/groups/Nope/numbers/available').expect(404);
      expect(unknown.body.details.error_code).toBe(4152);
    });
  });
});
