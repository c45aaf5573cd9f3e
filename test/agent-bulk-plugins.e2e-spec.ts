import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { JobRunnerSettings } from '../src/domain/bulk/job-runner.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';
import { recorded, RecordingPluginModule } from './support/recording-plugin.js';

const U0 = 'ApioUserTest@sip.netaxis.be';
const U1 = 'ApioUserTest1@sip.netaxis.be';
const USERS = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/users';
const profile = (name: string) => ({ name, cliLastName: 'Plugin', cliFirstName: 'Test' });

/** The agent-centred routes and bulk items go through the write hooks as their single calls do. */
describe.each(DRIVERS)('plugins see agent routes and bulk items on the %s gateway', (driver) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp(driver, {
      imports: [RecordingPluginModule],
      overrides: [
        [JobRunnerSettings, { ...new JobRunnerSettings(), enabled: true, pollMs: 50, leaseMs: 2000, chunkItems: 120 }],
      ],
    });
    await t.http
      .post(BASE)
      .send({ serviceUserId: 'hooked@sip.netaxis.be', serviceInstanceProfile: profile('Hooked'), agents: [U0] })
      .expect(201);
    recorded.events.length = 0;
    recorded.requests.length = 0;
  });
  afterEach(async () => {
    await t.close();
  });

  it('one agent in or out is an update check with the new list, then updated and agents-changed events', async () => {
    await t.http.post(`${BASE}/hooked@sip.netaxis.be/agents`).send({ userId: U1 }).expect(200);
    expect(recorded.requests).toEqual([
      expect.objectContaining({
        operation: 'update',
        serviceUserId: 'hooked@sip.netaxis.be',
        body: { agents: [U0, U1] },
      }),
    ]);
    expect(recorded.events.map((e) => e.type)).toEqual(['updated', 'agents-changed']);
    await t.http.delete(`${USERS}/${U1}/hunt_groups`).expect(200);
    expect(recorded.requests.at(-1)).toMatchObject({ operation: 'update', body: { agents: [U0] } });
    expect(recorded.events.at(-1)).toMatchObject({ type: 'agents-changed', serviceUserId: 'hooked@sip.netaxis.be' });
  });

  it('a bulk item is checked and told as its single call; a refusal fails that item alone', async () => {
    const res = await t.http
      .post(`${BASE}/bulk`)
      .send([
        { action: 'create', serviceUserId: 'loud@sip.netaxis.be', serviceInstanceProfile: profile('shout:loud') },
        { action: 'create', serviceUserId: 'nope@sip.netaxis.be', serviceInstanceProfile: profile('Forbidden one') },
        { action: 'delete', serviceUserId: 'hooked@sip.netaxis.be' },
      ])
      .expect(202);
    let job = res.body as { state: string; items: { status: string; error: { code: string } | null }[] };
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.http.get(`/api/v1/jobs/${res.body.id}`)).body;
    }
    expect(job.items.map((i) => [i.status, i.error?.code ?? null])).toEqual([
      ['done', null],
      ['failed', 'NAME_FORBIDDEN'],
      ['done', null],
    ]);
    expect((await t.http.get(`${BASE}/loud@sip.netaxis.be`)).body.serviceInstanceProfile.name).toBe('LOUD');
    expect(recorded.requests.map((r) => r.operation)).toEqual(['create', 'create', 'delete']);
    expect(recorded.events.map((e) => e.type).sort()).toEqual(['created', 'deleted']);
  });
});
