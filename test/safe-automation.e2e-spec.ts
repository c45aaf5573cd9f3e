import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appConfig } from '../src/config/namespaces.js';
import type { OciRequest } from '../src/ocip/commands.js';
import { OciGateway } from '../src/broadworks/oci/oci-gateway.js';
import { recorded, RecordingPluginModule } from './support/recording-plugin.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

const HG = 'safe@sip.netaxis.be';
const ONE = `${BASE}/${HG}`;
const WEIGHTS = `${ONE}/weighted_distribution`;
const AGENT = 'ApioUserTest@sip.netaxis.be';
const AGENT1 = 'ApioUserTest1@sip.netaxis.be';

const READS = /Get|VerifySession/;

/** Every command type sent, in order; writes are those that do not read. */
class CommandLog {
  readonly types: string[] = [];
  wrap = (gateway: OciGateway): OciGateway => {
    const log = this.types;
    return new (class extends OciGateway {
      execute(commands: readonly OciRequest[]) {
        log.push(...commands.map((c) => c.$type));
        return gateway.execute(commands);
      }
      isReady() {
        return gateway.isReady();
      }
    })();
  };
  writes(): string[] {
    return this.types.filter((t) => !READS.test(t));
  }
  clear(): void {
    this.types.length = 0;
  }
}

const createBody = (id = HG) => ({
  serviceUserId: id,
  serviceInstanceProfile: {
    name: 'Safe',
    cliLastName: 'Safe',
    cliFirstName: 'Line',
    language: 'English',
    timeZone: 'Europe/Brussels',
    password: 'never-shown-1',
  },
  policy: 'Weighted',
  agents: [AGENT],
});

describe.each(DRIVERS)('safe automation on the %s gateway', (driver) => {
  let t: TestApp;
  let log: CommandLog;
  const start = async (requireIfMatch = false) => {
    log = new CommandLog();
    t = await startApp(driver, {
      wrap: log.wrap,
      imports: [RecordingPluginModule],
      overrides: [[appConfig.KEY, { ...appConfig(), requireIfMatch }]],
    });
    await t.http.post(BASE).send(createBody()).expect(201);
    log.clear();
    recorded.events.length = 0;
    recorded.requests.length = 0;
  };
  afterEach(async () => {
    await t.close();
  });

  describe('ETag and If-Match', () => {
    beforeEach(() => start());

    it('GET one answers a strong ETag that changes with the hunt group, and PUT answers the new one', async () => {
      const first = await t.http.get(ONE).expect(200);
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      expect((await t.http.get(ONE)).headers.etag).toBe(first.headers.etag);
      const put = await t.http.put(ONE).send({ noAnswerNumberOfRings: 9 }).expect(200);
      expect(put.headers.etag).not.toBe(first.headers.etag);
      expect((await t.http.get(ONE)).headers.etag).toBe(put.headers.etag);
    });

    it('PUT with the current ETag applies; with an old one it is 412 with the current ETag, and no write is sent', async () => {
      const etag = (await t.http.get(ONE)).headers.etag;
      const changed = await t.http.put(ONE).set('If-Match', etag).send({ noAnswerNumberOfRings: 7 }).expect(200);
      const before = t.engine.snapshot();
      log.clear();
      const stale = await t.http.put(ONE).set('If-Match', etag).send({ noAnswerNumberOfRings: 3 }).expect(412);
      expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: { etag: changed.headers.etag } });
      expect(log.writes()).toEqual([]);
      expect(t.engine.snapshot()).toBe(before);
    });

    it('If-Match * matches any existing version, a list matches when one tag does, a weak tag never', async () => {
      const etag = (await t.http.get(ONE)).headers.etag;
      await t.http.put(ONE).set('If-Match', '*').send({ noAnswerNumberOfRings: 6 }).expect(200);
      const current = (await t.http.get(ONE)).headers.etag;
      await t.http.put(ONE).set('If-Match', `${etag}, ${current}`).send({ noAnswerNumberOfRings: 5 }).expect(200);
      const now = (await t.http.get(ONE)).headers.etag;
      await t.http.put(ONE).set('If-Match', `W/${now}`).send({ noAnswerNumberOfRings: 4 }).expect(412);
    });

    it('the comparison costs no extra document', async () => {
      const etag = (await t.http.get(ONE)).headers.etag;
      log.clear();
      const documents = async (call: () => Promise<unknown>) => {
        const before = log.types.length;
        await call();
        return log.types.slice(before);
      };
      const without = await documents(() => t.http.put(ONE).send({ noAnswerNumberOfRings: 8 }));
      const etag2 = (await t.http.get(ONE)).headers.etag;
      expect(etag2).not.toBe(etag);
      const withIfMatch = await documents(() =>
        t.http.put(ONE).set('If-Match', etag2).send({ noAnswerNumberOfRings: 9 }),
      );
      expect(withIfMatch).toEqual(without);
    });

    it('DELETE with an old ETag is 412 and the hunt group stays; with the current one it is deleted', async () => {
      const etag = (await t.http.get(ONE)).headers.etag;
      await t.http.put(ONE).send({ noAnswerNumberOfRings: 2 }).expect(200);
      log.clear();
      await t.http.delete(ONE).set('If-Match', etag).expect(412);
      expect(log.writes()).toEqual([]);
      await t.http.get(ONE).expect(200);
      const current = (await t.http.get(ONE)).headers.etag;
      await t.http.delete(ONE).set('If-Match', current).expect(200);
      await t.http.get(ONE).expect(404);
    });

    it('weights: GET answers their ETag; PUT with an old one is 412; PUT answers the new one', async () => {
      await t.http
        .put(ONE)
        .send({ agents: [AGENT, AGENT1] })
        .expect(200);
      const read = await t.http.get(WEIGHTS).expect(200);
      expect(read.headers.etag).toMatch(/^"/);
      const body = {
        agents: [
          { userId: AGENT, weight: 30 },
          { userId: AGENT1, weight: 70 },
        ],
      };
      const put = await t.http.put(WEIGHTS).set('If-Match', read.headers.etag).send(body).expect(200);
      expect(put.headers.etag).toBe((await t.http.get(WEIGHTS)).headers.etag);
      log.clear();
      const stale = await t.http.put(WEIGHTS).set('If-Match', read.headers.etag).send(body).expect(412);
      expect(stale.body.details.etag).toBe(put.headers.etag);
      expect(log.writes()).toEqual([]);
    });

    it('POST with If-None-Match: * is 412 when the id exists, 201 when it does not', async () => {
      const taken = await t.http.post(BASE).set('If-None-Match', '*').send(createBody()).expect(412);
      expect(taken.body.code).toBe('PRECONDITION_FAILED');
      await t.http.post(BASE).set('If-None-Match', '*').send(createBody('fresh@sip.netaxis.be')).expect(201);
      // Without the header, a taken id stays a 409.
      await t.http.post(BASE).send(createBody()).expect(409);
    });
  });

  describe('API_REQUIRE_IF_MATCH', () => {
    beforeEach(() => start(true));

    it('updates and deletes without If-Match are 428, before anything is read', async () => {
      log.clear();
      await t.http.put(ONE).send({ noAnswerNumberOfRings: 3 }).expect(428);
      await t.http.delete(ONE).expect(428);
      await t.http
        .put(WEIGHTS)
        .send({ agents: [{ userId: AGENT, weight: 100 }] })
        .expect(428);
      expect(log.types).toEqual([]);
      const etag = (await t.http.get(ONE)).headers.etag;
      await t.http.put(ONE).set('If-Match', etag).send({ noAnswerNumberOfRings: 3 }).expect(200);
      // A create needs none.
      await t.http.post(BASE).send(createBody('another@sip.netaxis.be')).expect(201);
    });
  });

  describe('dry-run', () => {
    beforeEach(() => start());

    it('PUT ?dryRun=true answers what the PUT would answer, its changes and commands, and writes nothing', async () => {
      const change = {
        serviceInstanceProfile: { language: 'French', extension: '4321' },
        agents: [AGENT1, AGENT],
        active: false,
      };
      const before = t.engine.snapshot();
      log.clear();
      const dry = await t.http.put(`${ONE}?dryRun=true`).send(change).expect(200);
      expect(log.writes()).toEqual([]);
      expect(t.engine.snapshot()).toBe(before);
      expect(dry.headers.etag).toBeUndefined();
      expect(dry.body.dryRun).toBe(true);
      expect(dry.body.changes).toEqual(
        expect.arrayContaining([
          { field: 'serviceInstanceProfile.language', from: 'English', to: 'French' },
          { field: 'serviceInstanceProfile.extension', from: '', to: '4321' },
          { field: 'active', from: true, to: false },
        ]),
      );
      expect(dry.body.commands.map((c: { type: string }) => c.type)).toEqual([
        'GroupHuntGroupModifyInstanceRequest',
        'GroupHuntGroupModifyActiveInstanceListRequest',
      ]);
      expect(dry.body.commands[0]).toMatchObject({
        serviceUserId: HG,
        serviceInstanceProfile: { language: 'French', extension: '4321' },
        agentUserIdList: { userId: [AGENT1, AGENT] },
      });
      const real = await t.http.put(ONE).send(change).expect(200);
      expect(dry.body.result).toEqual(real.body);
    });

    it('POST ?dryRun=true answers 200 with the hunt group it would create, passwords hidden, and creates nothing', async () => {
      const before = t.engine.snapshot();
      const body = createBody('dry@sip.netaxis.be');
      const dry = await t.http.post(`${BASE}?dryRun=true`).send(body).expect(200);
      expect(t.engine.snapshot()).toBe(before);
      expect(dry.body.commands).toEqual([
        expect.objectContaining({
          type: 'GroupHuntGroupAddInstanceRequest20',
          serviceUserId: 'dry@sip.netaxis.be',
          serviceInstanceProfile: expect.objectContaining({ password: '[REDACTED]' }),
        }),
      ]);
      expect(JSON.stringify(dry.body)).not.toContain('never-shown-1');
      const real = await t.http.post(BASE).send(body).expect(201);
      // BroadWorks derives the time zone's display name; a dry-run cannot know it.
      const { timeZoneDisplayName: _derived, ...realProfile } = real.body.serviceInstanceProfile;
      expect(dry.body.result).toEqual({
        ...real.body,
        serviceInstanceProfile: { ...realProfile, timeZoneDisplayName: '' },
      });
    });

    it('a dry-run gets the error the write would get, and never changes anything', async () => {
      await t.http
        .put(`${ONE}?dryRun=true`)
        .send({ agents: ['nobody@sip.netaxis.be'] })
        .expect(400);
      await t.http.put(`${BASE}/nobody@sip.netaxis.be?dryRun=true`).send({ policy: 'Circular' }).expect(404);
      const etag = (await t.http.get(ONE)).headers.etag;
      await t.http.put(ONE).send({ noAnswerNumberOfRings: 11 }).expect(200);
      await t.http.put(`${ONE}?dryRun=true`).set('If-Match', etag).send({ policy: 'Circular' }).expect(412);
    });

    it('DELETE ?dryRun=true says what it would send and deletes nothing', async () => {
      const dry = await t.http.delete(`${ONE}?dryRun=true`).expect(200);
      expect(dry.body).toEqual({
        dryRun: true,
        result: null,
        changes: [{ field: 'serviceUserId', from: HG, to: null }],
        commands: [{ type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId: HG }],
      });
      await t.http.get(ONE).expect(200);
    });

    it('PUT weights ?dryRun=true answers the weights it would set', async () => {
      await t.http
        .put(ONE)
        .send({ agents: [AGENT, AGENT1] })
        .expect(200);
      const body = {
        agents: [
          { userId: AGENT, weight: 25 },
          { userId: AGENT1, weight: 75 },
        ],
      };
      log.clear();
      const dry = await t.http.put(`${WEIGHTS}?dryRun=true`).send(body).expect(200);
      expect(log.writes()).toEqual([]);
      const real = await t.http.put(WEIGHTS).send(body).expect(200);
      expect(dry.body.result).toEqual(real.body);
      expect(dry.body.commands).toEqual([
        {
          type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
          serviceUserId: HG,
          agentWeight: [
            { agentUserId: AGENT, weight: 25 },
            { agentUserId: AGENT1, weight: 75 },
          ],
        },
      ]);
    });

    it('plugin checks see the dry-run, and observers hear nothing', async () => {
      await t.http.put(`${ONE}?dryRun=true`).send({ policy: 'Circular' }).expect(200);
      expect(recorded.requests).toEqual([expect.objectContaining({ operation: 'update', dryRun: true })]);
      expect(recorded.events).toEqual([]);
      await t.http.put(ONE).send({ policy: 'Circular' }).expect(200);
      expect(recorded.requests[1]).toMatchObject({ operation: 'update', dryRun: false });
      expect(recorded.events.map((e) => e.type)).toEqual(['updated']);
    });

    it('dryRun must be true or false', async () => {
      const res = await t.http.put(`${ONE}?dryRun=yes`).send({ policy: 'Circular' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'dryRun', reasons: ['dryRun must be true or false'] }]);
      await t.http.put(`${ONE}?dryRun=false`).send({ policy: 'Circular' }).expect(200);
    });
  });
});
