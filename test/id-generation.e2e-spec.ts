import { afterEach, describe, expect, it } from '@jest/globals';
import { FaultyGateway } from './support/faulty-gateway.js';
import { BASE, DRIVERS, startApp, type DemoWorld, type TestApp, type TestAppOptions } from './support/harness.js';
import type { ApioSettings } from '../src/config/apio-settings.js';

const profile = (extra: Record<string, unknown> = {}) => ({
  serviceInstanceProfile: { name: 'Sales Été', cliLastName: 'Sales', cliFirstName: 'Line', ...extra },
});
const rules = (patch: Partial<ApioSettings['AUTOMATIC_ID_RULES']>) => (s: ApioSettings) =>
  Object.assign(s.AUTOMATIC_ID_RULES, patch);
const group = (w: DemoWorld, tenant: string, id: string) =>
  w.serviceProviders.find((sp) => sp.id === tenant)!.groups.find((g) => g.id === id)!;

describe.each(DRIVERS)('service user ids, templates and number formats on the %s gateway', (driver) => {
  let t: TestApp | undefined;
  const start = async (options: TestAppOptions) => (t = await startApp(driver, options));
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("generates the id with APIO's default rule when auto-generation is on", async () => {
    const app = await start({ settings: rules({ SUID_HUNT_GROUP_AUTO_GENERATE: true }) });
    const res = await app.http.post(BASE).send(profile());
    expect(res.status).toBe(201);
    expect(res.body.serviceUserId).toMatch(/^ApioGrpTest_hg\d{4}@sip\.netaxis\.be$/);
    expect((await app.http.get(`${BASE}/${res.body.serviceUserId}`)).status).toBe(200);
  });

  it('uses the name and the phone placeholders', async () => {
    const app = await start({
      settings: rules({
        SUID_HUNT_GROUP_AUTO_GENERATE: true,
        SUID_HUNT_GROUP_RULE: '{{name}}-{{country_code}}-{{national_no_0}}-{{phone_number_e164}}@{{domain}}',
      }),
    });
    const res = await app.http.post(BASE).send(profile({ phoneNumber: '+3225126780' }));
    expect(res.status).toBe(201);
    expect(res.body.serviceUserId).toBe('Sales_Ete-32-25126780-3225126780@sip.netaxis.be');
  });

  it('answers 400 when the rule needs a phone number the body does not give', async () => {
    const app = await start({
      settings: rules({
        SUID_HUNT_GROUP_AUTO_GENERATE: true,
        SUID_HUNT_GROUP_RULE: 'hg{{phone_number_e164}}@{{domain}}',
      }),
    });
    const before = app.engine.snapshot();
    const res = await app.http.post(BASE).send(profile());
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SERVICE_USER_ID_RULE_NEEDS_VALUE');
    expect(res.body.error).toContain('phoneNumber');
    expect(app.engine.snapshot()).toBe(before);
  });

  it('still asks for the id when auto-generation is off', async () => {
    const app = await start({});
    const res = await app.http.post(BASE).send(profile());
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SERVICE_USER_ID_REQUIRED');
  });

  it('tries fresh random digits when a generated id is taken', async () => {
    let faulty!: FaultyGateway;
    const app = await start({
      settings: rules({ SUID_HUNT_GROUP_AUTO_GENERATE: true, SUID_HUNT_GROUP_RULE: 'hg{{RND_1}}@{{domain}}' }),
      wrap: (g) => (faulty = new FaultyGateway(g)),
    });
    // Take nine of the ten possible ids: the rule must find the last one.
    for (const digit of '012345678')
      expect(
        (await app.http.post(BASE).send({ ...profile(), serviceUserId: `hg${digit}@sip.netaxis.be` })).status,
      ).toBe(201);
    faulty.sent.length = 0;
    const res = await app.http.post(BASE).send(profile());
    if (res.status === 201) {
      expect(res.body.serviceUserId).toBe('hg9@sip.netaxis.be');
    } else {
      // Five draws can all hit taken ids (0.9^5 ≈ 59%): then the answer is 409 after exactly five adds.
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SERVICE_USER_ID_TAKEN');
      const adds = faulty.sent.flat().filter((c) => c.$type === 'GroupHuntGroupAddInstanceRequest20');
      expect(adds).toHaveLength(5);
    }
  });

  it('answers 409 at once when a rule without random digits gives a taken id', async () => {
    const app = await start({
      settings: rules({ SUID_HUNT_GROUP_AUTO_GENERATE: true, SUID_HUNT_GROUP_RULE: '{{group_id}}-hunt@{{domain}}' }),
    });
    expect((await app.http.post(BASE).send(profile())).status).toBe(201);
    const before = app.engine.snapshot();
    const again = await app.http.post(BASE).send(profile());
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SERVICE_USER_ID_TAKEN');
    expect(app.engine.snapshot()).toBe(before);
  });

  it('takes the id of a template before the rule, with {{tenant_id}} and {{group_id}} filled in', async () => {
    const app = await start({
      settings: (s) => {
        rules({ SUID_HUNT_GROUP_AUTO_GENERATE: true })(s);
        s.TEMPLATES.hunt_groups.named = {
          serviceUserId: '{{group_id}}-{{tenant_id}}-main@sip.netaxis.be',
          policy: 'Circular',
        };
      },
    });
    const res = await app.http.post(BASE).send({ ...profile(), templateName: 'named' });
    expect(res.status).toBe(201);
    expect(res.body.serviceUserId).toBe('ApioGrpTest-ApioSpTest-main@sip.netaxis.be');
    expect(res.body.policy).toBe('Circular');
  });

  describe('renaming on a number change (SERVICE_USERS_UPDATE_ID_PHONE_NUMBER)', () => {
    const phoneRule = rules({
      SUID_HUNT_GROUP_AUTO_GENERATE: true,
      SUID_HUNT_GROUP_RULE: 'hg{{national_no_0}}_{{RND_2}}@{{domain}}',
      SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: true,
    });

    it('renames a hunt group whose id the rule gave, keeping its random digits', async () => {
      const app = await start({ settings: phoneRule });
      const created = await app.http
        .post(BASE)
        .send({ ...profile({ phoneNumber: '+3225126780' }), agents: ['ApioUserTest@sip.netaxis.be'] });
      expect(created.status).toBe(201);
      const oldId: string = created.body.serviceUserId;
      expect(oldId).toMatch(/^hg25126780_\d\d@sip\.netaxis\.be$/);
      const res = await app.http
        .put(`${BASE}/${oldId}`)
        .send({ serviceInstanceProfile: { phoneNumber: '+3225126781' } });
      expect(res.status).toBe(200);
      expect(res.body.serviceUserId).toBe(oldId.replace('25126780', '25126781'));
      expect(res.body.serviceInstanceProfile.phoneNumber).toBe('+3225126781');
      expect(res.body.agents.map((a: { userId: string }) => a.userId)).toEqual(['ApioUserTest@sip.netaxis.be']);
      expect((await app.http.get(`${BASE}/${oldId}`)).status).toBe(404);
      expect((await app.http.get(`${BASE}/${res.body.serviceUserId}`)).status).toBe(200);
    });

    it('keeps an id chosen by hand', async () => {
      const app = await start({ settings: phoneRule });
      await app.http
        .post(BASE)
        .send({ ...profile({ phoneNumber: '+3225126780' }), serviceUserId: 'reception@sip.netaxis.be' });
      const res = await app.http
        .put(`${BASE}/reception@sip.netaxis.be`)
        .send({ serviceInstanceProfile: { phoneNumber: '+3225126781' } });
      expect(res.status).toBe(200);
      expect(res.body.serviceUserId).toBe('reception@sip.netaxis.be');
    });

    it('does not rename when the setting is off', async () => {
      const app = await start({
        settings: rules({
          SUID_HUNT_GROUP_AUTO_GENERATE: true,
          SUID_HUNT_GROUP_RULE: 'hg{{national_no_0}}@{{domain}}',
        }),
      });
      const created = await app.http.post(BASE).send(profile({ phoneNumber: '+3225126780' }));
      const res = await app.http
        .put(`${BASE}/${created.body.serviceUserId}`)
        .send({ serviceInstanceProfile: { phoneNumber: '+3225126781' } });
      expect(res.body.serviceUserId).toBe('hg25126780@sip.netaxis.be');
    });

    it('rolls the number change back when the rename fails', async () => {
      let faulty!: FaultyGateway;
      const app = await start({ settings: phoneRule, wrap: (g) => (faulty = new FaultyGateway(g)) });
      const created = await app.http.post(BASE).send(profile({ phoneNumber: '+3225126780' }));
      faulty.failAlways('UserModifyUserIdRequest');
      const before = app.engine.snapshot();
      const res = await app.http
        .put(`${BASE}/${created.body.serviceUserId}`)
        .send({ serviceInstanceProfile: { phoneNumber: '+3225126781' }, active: false });
      expect(res.status).toBe(400);
      expect(app.engine.snapshot()).toBe(before);
    });

    it('refuses a rename onto a taken id, changing nothing', async () => {
      const app = await start({
        settings: rules({
          SUID_HUNT_GROUP_AUTO_GENERATE: true,
          SUID_HUNT_GROUP_RULE: 'hg{{national_no_0}}@{{domain}}',
          SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: true,
        }),
      });
      const created = await app.http.post(BASE).send(profile({ phoneNumber: '+3225126780' }));
      await app.http.post(BASE).send({ ...profile(), serviceUserId: 'hg25126781@sip.netaxis.be' });
      const before = app.engine.snapshot();
      const res = await app.http
        .put(`${BASE}/${created.body.serviceUserId}`)
        .send({ serviceInstanceProfile: { phoneNumber: '+3225126781' } });
      expect(res.status).toBe(409);
      expect(app.engine.snapshot()).toBe(before);
    });
  });

  describe('GROUP_NUMBERS_USE_CC_CLI', () => {
    const nationalNumber = (w: DemoWorld) => group(w, 'ApioSpTest', 'ApioGrpTest').phoneNumbers.push('025126799');

    it.each([
      [true, '+3225126799'],
      [false, '025126799'],
    ])('when %s, a national list number is shown as %s (and only in the list)', async (on, shown) => {
      const app = await start({ world: nationalNumber, settings: (s) => (s.GROUP_NUMBERS_USE_CC_CLI = on) });
      expect(
        (
          await app.http
            .post(BASE)
            .send({ ...profile({ phoneNumber: '025126799' }), serviceUserId: 'nat@sip.netaxis.be' })
        ).status,
      ).toBe(201);
      expect(
        (
          await app.http
            .post(BASE)
            .send({ ...profile({ phoneNumber: '+3225126780' }), serviceUserId: 'e164@sip.netaxis.be' })
        ).status,
      ).toBe(201);
      const list = await app.http.get(BASE);
      const numbers = Object.fromEntries(
        list.body.hunt_groups.map((h: { serviceUserId: string; phoneNumber: string }) => [
          h.serviceUserId,
          h.phoneNumber,
        ]),
      );
      expect(numbers).toEqual({ 'nat@sip.netaxis.be': shown, 'e164@sip.netaxis.be': '+3225126780' });
      expect((await app.http.get(`${BASE}/nat@sip.netaxis.be`)).body.serviceInstanceProfile.phoneNumber).toBe(
        '025126799',
      );
    });
  });
});
