/**
 * The REST API on the TCP gateway, for what only a real wire shows: text escaped into XML and
 * ISO-8859-1 and read back exactly, values XML cannot carry, and transport failures as statuses.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../../src/simulator/server.js';
import { BASE, startApp, type TestApp } from '../support/harness.js';
import { cutHalfWay, FaultProxy, swallow } from './support/fault-proxy.js';
import { DEMO_WORLD, testGateway } from './support/gateway.js';

const body = (id: string, name: string, cliLastName: string) => ({
  serviceUserId: id,
  serviceInstanceProfile: { name, cliLastName, cliFirstName: 'Line' },
});

describe('REST on the TCP gateway', () => {
  let t: TestApp | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it.each([
    ['markup', 'A<b> & ]]> "q" \'s\'', '<&>"\''],
    ['accents and the euro sign', 'Équipe Ventes à Liège €', 'Dupré-Ørsted'],
    ['characters outside ISO-8859-1', 'Support 😀 東京 Ω', '😀😀 Łódź'],
  ])('stores and reads back %s exactly', async (_what, name, cliLastName) => {
    t = await startApp('tcp');
    const created = await t.http.post(BASE).send(body('escape@sip.netaxis.be', name, cliLastName));
    expect(created.status).toBe(201);
    const read = await t.http.get(`${BASE}/escape@sip.netaxis.be`);
    expect(read.status).toBe(200);
    expect(read.body.serviceInstanceProfile).toMatchObject({ name, cliLastName });
    const list = await t.http.get(BASE);
    expect(list.body.hunt_groups[0].name).toBe(name);
  });

  it('answers 400 for control characters, which XML cannot carry, and sends nothing', async () => {
    t = await startApp('tcp');
    const before = t.engine.snapshot();
    const res = await t.http.post(BASE).send(body('ctl@sip.netaxis.be', 'bell\u0007name', 'x'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CHARACTERS' });
    expect(res.body.error).toMatch(/U\+0007/);
    expect(t.engine.snapshot()).toBe(before);
  });

  /** The app on a TCP gateway to its own simulator, through a fault proxy. */
  async function appThroughProxy(
    options: { password?: string; requestTimeoutMs?: number } = {},
  ): Promise<{ proxy: FaultProxy; simulator: OciSimulator }> {
    const simulator = await startOciSimulator({ engine: BroadWorksEngine.fromFile(DEMO_WORLD) });
    const proxy = await FaultProxy.start(simulator.port);
    const { gateway } = testGateway(proxy.port, options);
    cleanups.push(
      () => gateway.close(),
      () => proxy.close(),
      () => simulator.close(),
    );
    t = await startApp('memory', { wrap: () => gateway });
    return { proxy, simulator };
  }

  it('answers 503 while the login is refused', async () => {
    await appThroughProxy({ password: 'wrong' });
    const res = await t!.http.get(BASE);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'BROADWORKS_UNAVAILABLE' });
    // Why (whose login, BroadWorks' words) is for the log only: test/broadworks-failures.e2e-spec.ts.
    expect(res.body.error).toMatch(/try again later/);
    expect(res.body.error).not.toMatch(/admin|login|4962/);
  });

  it('answers 504 when BroadWorks stops answering', async () => {
    const { proxy } = await appThroughProxy({ requestTimeoutMs: 300 });
    proxy.interceptAll(swallow);
    const res = await t!.http.get(BASE);
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'BROADWORKS_TIMEOUT' });
  });

  it('answers 504 unknown outcome when the connection is cut after a change was sent', async () => {
    const { proxy } = await appThroughProxy();
    // The POST reads the group first; cut the answer to the first write (the add) after those reads.
    let reads = 0;
    proxy.interceptAll((answer, client) => {
      const text = answer.toString('latin1');
      if (text.includes('SuccessResponse') && reads++ === 0) return cutHalfWay(answer, client);
      client.write(Buffer.concat([answer, Buffer.from('\n')]));
    });
    const res = await t!.http.post(BASE).send(body('cut@sip.netaxis.be', 'Cut', 'Cut'));
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'BROADWORKS_UNKNOWN_OUTCOME' });
    expect(res.body.error).toMatch(/may or may not have been applied/);
  });
});
