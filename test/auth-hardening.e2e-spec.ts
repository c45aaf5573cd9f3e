/**
 * Hardening, on both gateways: security headers, body limit, no internals in answers, hostile
 * path parameters refused before anything is sent, XML metacharacters stored and read back
 * exactly, and control characters refused alike (400) without a single OCI-P command sent.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { HuntGroupsService } from '../src/domain/hunt-groups/hunt-groups.service.js';
import { FaultyGateway } from './support/faulty-gateway.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

const profile = (name: string, cliLastName = 'Last', cliFirstName = 'First') => ({ name, cliLastName, cliFirstName });

describe('hardening', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it('sends security headers on answers, errors and refusals included, and no X-Powered-By', async () => {
    t = await startApp('memory');
    for (const res of [await t.http.get(BASE), await t.anonymous.get(BASE), await t.http.get(`${BASE}/nobody@x`)]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'referrer-policy': 'no-referrer',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
      // Plain HTTP must keep working for the API docs page: no forced upgrade of its scripts.
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
  });

  it('answers 413 in the envelope for a body over 100 kB, before authentication matters and changing nothing', async () => {
    t = await startApp('memory');
    const before = t.engine.snapshot();
    const big = {
      serviceUserId: 'big@sip.netaxis.be',
      serviceInstanceProfile: profile('Big'),
      padding: 'x'.repeat(110 * 1024),
    };
    const res = await t.http.post(BASE).send(big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: expect.any(String), error: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/node_modules|\/work\/|at .*\.js:\d+/);
    expect(t.engine.snapshot()).toBe(before);
  });

  it('answers an internal error as a bare 500 envelope, with no message, stack or path', async () => {
    t = await startApp('memory', {
      overrides: [
        [
          HuntGroupsService,
          {
            list: () => {
              throw new Error(`ENOENT: /work/main/src/secret/config.ts at line 42 (${new Error().stack})`);
            },
          },
        ],
      ],
    });
    const res = await t.http.get(BASE);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'Internal error', code: 'INTERNAL_ERROR', details: null });
    expect(res.text).not.toMatch(/ENOENT|\/work\/|\.ts|stack/);
  });

  it('answers malformed JSON with a 400 envelope that shows no parser internals', async () => {
    t = await startApp('memory');
    const res = await t.http.post(BASE).set('Content-Type', 'application/json').send('{"serviceUserId": "x", ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBeDefined();
    expect(res.text).not.toMatch(/node_modules|\/work\/|at .*\.js:\d+|SyntaxError: /);
  });

  it('answers a deeply nested body with a 400, not a crash', async () => {
    t = await startApp('memory');
    const deep = `{"serviceUserId":"deep@sip.netaxis.be","agents":${'['.repeat(20000)}${']'.repeat(20000)}}`;
    const res = await t.http.post(BASE).set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'TOO_DEEP' });
  });
});

describe.each(DRIVERS)('hostile input on the %s gateway', (driver) => {
  let t: TestApp;
  let gateway: FaultyGateway;
  beforeEach(async () => {
    t = await startApp(driver, { wrap: (g) => (gateway = new FaultyGateway(g)) });
  });
  afterEach(async () => {
    await t.close();
  });

  /** A refused request: 400, nothing sent to BroadWorks, nothing changed. */
  async function expectRefusedBeforeSending(
    send: () => Promise<{ status: number; body: { code?: string; error?: string } }>,
    code?: string,
  ): Promise<{ error?: string }> {
    const before = t.engine.snapshot();
    const sentBefore = gateway.sent.length;
    const res = await send();
    expect(res.status).toBe(400);
    if (code) expect(res.body.code).toBe(code);
    expect(gateway.sent.length).toBe(sentBefore);
    expect(t.engine.snapshot()).toBe(before);
    return res.body;
  }

  describe('XML metacharacters round-trip exactly', () => {
    const STRINGS = {
      markup: `A<b>&"c"'d'`,
      cdata: ']]><![CDATA[x]]>',
      injection: '</command><command>',
      entities: '&amp;&lt;&#0;&#x7;',
      comment: '<!-- x -->?>',
    };

    it.each(Object.entries(STRINGS))('%s in the profile, on POST, PUT and in the list', async (_what, text) => {
      const id = `meta@sip.netaxis.be`;
      const created = await t.http
        .post(BASE)
        .send({ serviceUserId: id, serviceInstanceProfile: profile(text, text.slice(0, 30), 'First') });
      expect(created.status).toBe(201);
      expect(created.body.serviceInstanceProfile).toMatchObject({ name: text, cliLastName: text.slice(0, 30) });
      const read = await t.http.get(`${BASE}/${id}`);
      expect(read.body.serviceInstanceProfile).toMatchObject({ name: text, cliLastName: text.slice(0, 30) });
      const updated = await t.http
        .put(`${BASE}/${id}`)
        .send({ serviceInstanceProfile: { cliFirstName: text }, forwardToPhoneNumber: text });
      expect(updated.status).toBe(200);
      expect(updated.body.serviceInstanceProfile.cliFirstName).toBe(text);
      expect((await t.http.get(`${BASE}/${id}`)).body).toMatchObject({
        serviceInstanceProfile: { cliFirstName: text },
        forwardToPhoneNumber: text,
      });
      const list = await t.http.get(BASE);
      expect(list.body.hunt_groups.map((h: { name: string }) => h.name)).toEqual([text]);
    });

    it('an injected command in an agent id is only a user that does not exist', async () => {
      const before = t.engine.snapshot();
      const hostile = 'x</userId></command><command xsi:type="GroupDeleteRequest"><userId>y';
      const res = await t.http.post(BASE).send({
        serviceUserId: 'inj@sip.netaxis.be',
        serviceInstanceProfile: profile('Inj'),
        agents: [hostile.slice(0, 161)],
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('metacharacters in a path parameter are looked up, not interpreted', async () => {
      const before = t.engine.snapshot();
      const res = await t.http.get(
        `/api/v1/tenants/${encodeURIComponent('Apio<SpTest>&"\'')}/groups/${encodeURIComponent(']]></command>')}/services/hunt_groups`,
      );
      expect(res.status).toBe(404);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('metacharacters in a query filter are matched literally', async () => {
      const res = await t.http.get(`${BASE}/users/available`).query({ sensitiveUserLastNameContains: '<&]]>' });
      expect(res.status).toBe(200);
      expect(res.body.available_users).toEqual([]);
    });
  });

  describe('control characters are refused with 400 before anything is sent', () => {
    const CONTROLS = {
      NUL: '\u0000',
      BEL: '\u0007',
      ESC: '\u001b',
      LF: '\n',
      TAB: '\t',
      DEL: '\u007f',
      'U+FFFE': '\ufffe',
      'a lone surrogate': '\ud800',
    };

    it.each(Object.entries(CONTROLS))('%s in a body string', async (_what, ch) => {
      const body = await expectRefusedBeforeSending(
        () =>
          t.http
            .post(BASE)
            .send({ serviceUserId: 'ctl@sip.netaxis.be', serviceInstanceProfile: profile(`bad${ch}name`) }),
        'INVALID_CHARACTERS',
      );
      expect(body.error).toMatch(/body\.serviceInstanceProfile\.name holds U\+[0-9A-F]{4}/);
    });

    it.each(Object.entries(CONTROLS))(
      '%s in a PUT, an agent id, a field the DTO ignores, and a field name',
      async (_what, ch) => {
        await t.http.post(BASE).send({ serviceUserId: 'ctl@sip.netaxis.be', serviceInstanceProfile: profile('Ok') });
        for (const body of [
          { policy: `Regular${ch}` },
          { agents: [`u${ch}@sip.netaxis.be`] },
          { queueLength: `1${ch}` },
          { [`po${ch}licy`]: 'Regular' },
        ]) {
          await expectRefusedBeforeSending(
            () => t.http.put(`${BASE}/ctl@sip.netaxis.be`).send(body),
            'INVALID_CHARACTERS',
          );
        }
      },
    );

    it.each(Object.entries(CONTROLS).filter(([what]) => what !== 'a lone surrogate'))(
      '%s in a path parameter or a query',
      async (_what, ch) => {
        const enc = encodeURIComponent(ch);
        await expectRefusedBeforeSending(() =>
          t.http.get(`/api/v1/tenants/Apio${enc}SpTest/groups/ApioGrpTest/services/hunt_groups`),
        );
        await expectRefusedBeforeSending(() =>
          t.http.get(`/api/v1/tenants/ApioSpTest/groups/Apio${enc}GrpTest/services/hunt_groups`),
        );
        await expectRefusedBeforeSending(() => t.http.delete(`${BASE}/x${enc}y@sip.netaxis.be`));
        await expectRefusedBeforeSending(
          () => t.http.get(`${BASE}/users/available?sensitiveUserLastNameContains=a${enc}b`),
          'INVALID_CHARACTERS',
        );
      },
    );
  });

  describe('path parameters outside the BroadWorks id rules are refused before anything is sent', () => {
    it.each([
      ['a 31-character tenant id', `/api/v1/tenants/${'T'.repeat(31)}/groups/ApioGrpTest/services/hunt_groups`],
      ['a 31-character group id', `/api/v1/tenants/ApioSpTest/groups/${'G'.repeat(31)}/services/hunt_groups`],
      ['a tenant id with a leading space', `/api/v1/tenants/%20ApioSpTest/groups/ApioGrpTest/services/hunt_groups`],
      ['a group id with a trailing space', `/api/v1/tenants/ApioSpTest/groups/ApioGrpTest%20/services/hunt_groups`],
      ['a hunt group name without a domain', `${BASE}/justaname`],
      ['a hunt group name with a space', `${BASE}/a%20b@sip.netaxis.be`],
      ['a 162-character hunt group name', `${BASE}/${'a'.repeat(150)}@sip.netaxis.be`],
    ])('%s', async (_what, url) => {
      await expectRefusedBeforeSending(() => t.http.get(url));
      const change = url.endsWith('/hunt_groups') ? t.http.post(url) : t.http.put(url);
      await expectRefusedBeforeSending(() =>
        change.send({ serviceUserId: 'x@sip.netaxis.be', serviceInstanceProfile: profile('X'), policy: 'Regular' }),
      );
    });
  });
});
