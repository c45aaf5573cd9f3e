import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

const HG = 'hardening@sip.netaxis.be';
const ONE = `${BASE}/${HG}`;
const AVAILABLE = `${BASE}/users/available`;
/** Sends a Buffer body as its bytes (superagent would otherwise JSON-encode it as {type, data}); typed as its string serializer. */
const rawBytes = (b: Buffer): string => b as unknown as string;

/** What a careless or hostile client sends, and what it must get: a clear 4xx that names the problem, and nothing changed. */
describe.each(DRIVERS)('requests that are not what they should be, on the %s gateway', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(driver);
    await t.http
      .post(BASE)
      .send({ serviceUserId: HG, serviceInstanceProfile: { name: 'Hard', cliLastName: 'Hard', cliFirstName: 'Ening' } })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('a body that is not JSON', () => {
    it.each([
      ['text/plain', 'text/plain'],
      ['form-urlencoded', 'application/x-www-form-urlencoded'],
      ['XML', 'application/xml'],
      ['merge-patch+json', 'application/merge-patch+json'],
      ['JSON in another charset', 'application/json; charset=iso-8859-1'],
    ])('PUT with %s is 415 and changes nothing', async (_what, type) => {
      const before = t.engine.snapshot();
      const res = await t.http.put(ONE).set('Content-Type', type).send('{"policy":"Circular"}').expect(415);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(res.body.error).toContain(type);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('PUT with a body and no Content-Type is 415', async () => {
      const res = await t.http
        .put(ONE)
        .set('Content-Type', '')
        .serialize(rawBytes)
        .send(Buffer.from('{"policy":"Circular"}'))
        .expect(415);
      expect(res.body.error).toMatch(/no Content-Type/);
    });

    it('a GET of available users with a text body is 415, not the unfiltered list', async () => {
      const res = await t.http.get(AVAILABLE).set('Content-Type', 'text/plain').send('{"sameGroupOnly":true}');
      expect(res.status).toBe(415);
    });

    it('takes application/json with charset utf-8 in any case', async () => {
      await t.http
        .put(ONE)
        .set('Content-Type', 'Application/JSON; Charset=UTF-8')
        .send('{"noAnswerNumberOfRings":7}')
        .expect(200);
      expect((await t.http.get(ONE).expect(200)).body.noAnswerNumberOfRings).toBe(7);
    });
  });

  describe('null where a value must be', () => {
    it('PUT with department.groupId null is 400 naming the field, on every gateway', async () => {
      const before = t.engine.snapshot();
      const res = await t.http
        .put(ONE)
        .send({
          serviceInstanceProfile: {
            department: { tenantId: 'ApioSpTest', groupId: null, departmentName: 'test_department_initial' },
          },
        })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([
        { field: 'serviceInstanceProfile.department.groupId', reasons: [expect.stringMatching(/must be a string/)] },
      ]);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('POST with department.groupId null is 400 naming the field', async () => {
      const res = await t.http
        .post(BASE)
        .send({
          serviceUserId: 'null-dept@sip.netaxis.be',
          serviceInstanceProfile: {
            name: 'N',
            cliLastName: 'N',
            cliFirstName: 'N',
            department: { tenantId: 'ApioSpTest', groupId: null, departmentName: 'test_department_initial' },
          },
        })
        .expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'serviceInstanceProfile.department.groupId' }),
      ]);
    });

    it('sensitiveDepartmentEquals with groupId null is 400 naming the field, in the body and in the query', async () => {
      const department = { tenantId: 'ApioSpTest', groupId: null, departmentName: 'test_department_initial' };
      const inBody = await t.http.get(AVAILABLE).send({ sensitiveDepartmentEquals: department }).expect(400);
      expect(inBody.body.details).toEqual([expect.objectContaining({ field: 'sensitiveDepartmentEquals.groupId' })]);
      const inQuery = await t.http
        .get(AVAILABLE)
        .query({ sensitiveDepartmentEquals: JSON.stringify(department) })
        .expect(400);
      expect(inQuery.body.details).toEqual([expect.objectContaining({ field: 'sensitiveDepartmentEquals.groupId' })]);
    });

    it('null for a setting BroadWorks cannot clear is 400, for one it can clear it clears', async () => {
      const refused = await t.http.put(ONE).send({ policy: null, enableGroupBusy: null }).expect(400);
      expect(refused.body.details.map((p: { field: string }) => p.field).sort()).toEqual(['enableGroupBusy', 'policy']);
      await t.http.put(ONE).send({ forwardToPhoneNumber: null }).expect(200);
    });
  });

  describe('bytes that are not UTF-8', () => {
    it.each([
      ['a lone Latin-1 é', Buffer.from([0xe9])],
      ['a byte order mark of UTF-16', Buffer.from([0xff, 0xfe])],
      ['an overlong "<"', Buffer.from([0xc0, 0xbc])],
    ])('%s in a JSON body is 400 INVALID_CHARACTERS, and nothing is stored', async (_what, bytes) => {
      const before = t.engine.snapshot();
      const body = Buffer.concat([Buffer.from('{"serviceInstanceProfile":{"name":"A'), bytes, Buffer.from('B"}}')]);
      const res = await t.http
        .put(ONE)
        .set('Content-Type', 'application/json')
        .serialize(rawBytes)
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_CHARACTERS', details: [{ field: 'body' }] });
      expect(t.engine.snapshot()).toBe(before);
    });
  });

  describe('query parameters a route does not take', () => {
    it('an unknown filter is 400 naming it, not the unfiltered list', async () => {
      const res = await t.http.get(AVAILABLE).query({ unknownFilter: '1' }).expect(400);
      expect(res.body).toMatchObject({ code: 'UNKNOWN_PARAMETER', details: [{ field: 'unknownFilter' }] });
    });

    it('bracket syntax is an unknown parameter, not a nested filter', async () => {
      const res = await t.http.get(`${AVAILABLE}?sensitiveUserGroupEquals[tenantId]=foo`).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'sensitiveUserGroupEquals[tenantId]' })]);
    });

    it('an unknown filter in the body is 400 naming it', async () => {
      const res = await t.http
        .get(AVAILABLE)
        .send({ sameGroupOnly: true, insensitiveUserLastNameBegins: 'x' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([
        { field: 'insensitiveUserLastNameBegins', reasons: [expect.stringMatching(/should not exist/)] },
      ]);
    });

    it.each([
      ['GET one', () => t.http.get(`${ONE}?expand=1`)],
      ['PUT', () => t.http.put(`${ONE}?force=true`).send({})],
      ['DELETE', () => t.http.delete(`${ONE}?cascade=1`)],
      ['GET weights', () => t.http.get(`${ONE}/weighted_distribution?x=1`)],
    ])('%s with an unknown parameter is 400 and sends nothing', async (_route, call) => {
      const before = t.engine.snapshot();
      const res = await call();
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('UNKNOWN_PARAMETER');
      expect(t.engine.snapshot()).toBe(before);
    });

    it('known filters still work in the query', async () => {
      const res = await t.http.get(AVAILABLE).query({ sameGroupOnly: 'true', insensitiveUserLastNameStarts: 'test' });
      expect(res.status).toBe(200);
      expect(res.body.available_users.length).toBeGreaterThan(0);
    });
  });

  describe('the error envelope', () => {
    it('always has error, code and details (null when there is nothing to add)', async () => {
      const notFound = await t.http.get(`${BASE}/nobody@sip.netaxis.be`).expect(404);
      expect(notFound.body).toEqual({ error: expect.any(String), code: 'HUNT_GROUP_NOT_FOUND', details: null });
      const noRoute = await t.http.get('/api/v1/nothing-here').expect(404);
      expect(Object.keys(noRoute.body).sort()).toEqual(['code', 'details', 'error']);
      const anonymous = await t.anonymous.get(ONE).expect(401);
      expect(anonymous.body.details).toBeNull();
    });
  });

  describe('messages that name the real problem once', () => {
    it('a weight that is not a number is said to be one thing wrong, once', async () => {
      const res = await t.http
        .put(`${ONE}/weighted_distribution`)
        .send({ agents: [{ userId: 'ApioUserTest@sip.netaxis.be', weight: 'heavy' }] })
        .expect(400);
      expect(res.body.details).toEqual([
        { field: 'agents[0].weight', reasons: ['weight must be an integer (0 to 100)'] },
      ]);
    });

    it('numbers in the query are decimal digits only, on every route', async () => {
      for (const limit of ['0x10', '1e2', '+5', ' 5', '5.0']) {
        const res = await t.http.get(AVAILABLE).query({ responseSizeLimit: limit });
        expect(res.status).toBe(400);
      }
      await t.http.get(AVAILABLE).query({ responseSizeLimit: '16' }).expect(200);
    });
  });
});
