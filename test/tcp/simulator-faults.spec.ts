/** The simulator's fault injection itself, seen by a bare OCI-P client byte for byte. */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../../src/simulator/server.js';
import { DEMO_WORLD, GROUP } from './support/gateway.js';
import { RawOciClient } from './support/raw-client.js';

const verify = { $type: 'VerifySessionIsValidRequest' };
const getGroup = { $type: 'GroupGetRequest22V5', ...GROUP };
const rename = {
  $type: 'UserModifyUserIdRequest',
  userId: 'ApioUserTest@sip.netaxis.be',
  newUserId: 'renamed@sip.netaxis.be',
};

/** Everything the server writes until it closes the connection (or `timeoutMs`, then the socket is destroyed). */
function bytesUntilClose(client: RawOciClient, timeoutMs = 3000): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    client.socket.removeAllListeners('data');
    client.socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => {
      client.socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed: false });
    }, timeoutMs);
    void client.closed.then(() => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed: true });
    });
  });
}

describe('OCI-P simulator fault injection', () => {
  let engine: BroadWorksEngine;
  let simulator: OciSimulator;
  const clients: RawOciClient[] = [];
  const loggedIn = async (): Promise<RawOciClient> => {
    const client = await RawOciClient.connect(simulator.port);
    clients.push(client);
    expect(await client.login()).toMatchObject({ $type: 'LoginResponse14sp4' });
    return client;
  };
  const send = (client: RawOciClient, commands: Record<string, unknown>[]): void => {
    void client.request(commands as never).catch(() => undefined);
  };

  beforeEach(async () => {
    engine = BroadWorksEngine.fromFile(DEMO_WORLD);
    simulator = await startOciSimulator({ engine, port: 0 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await simulator.close();
  });

  it('answers normally when no fault is set, and logins are spared by default', async () => {
    simulator.faults.onDocuments('garbage');
    const client = await loggedIn();
    simulator.faults.clear();
    expect((await client.request([verify]))[0]).toMatchObject({ $type: 'SuccessResponse' });
    expect(simulator.faults.armed).toBe(false);
  });

  it('drop: runs the commands, writes part of the answer, then closes', async () => {
    const client = await loggedIn();
    const before = engine.snapshot();
    simulator.faults.onDocuments('drop', { count: 1 });
    const seen = bytesUntilClose(client);
    send(client, [rename]);
    const { text, closed } = await seen;
    expect(closed).toBe(true);
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('</BroadsoftDocument>');
    expect(engine.snapshot()).not.toBe(before);
    expect(simulator.faults.fired.drop).toBe(1);
  });

  it('stall: never answers and runs nothing, until the client closes', async () => {
    const client = await loggedIn();
    const before = engine.snapshot();
    simulator.faults.onDocuments('stall');
    const seen = bytesUntilClose(client, 300);
    send(client, [rename]);
    expect(await seen).toEqual({ text: '', closed: false });
    expect(engine.snapshot()).toBe(before);
    // The server side forgets the connection once the client gave up.
    await expectEventually(() => simulator.connections.size === 0);
  });

  it('garbage: non-OCI-P bytes that end like a document', async () => {
    const client = await loggedIn();
    const before = engine.snapshot();
    simulator.faults.onDocuments('garbage', { count: 1 });
    const seen = bytesUntilClose(client, 300);
    send(client, [rename]);
    const { text } = await seen;
    expect(text).toMatch(/^HTTP\/1\.1 502.*<\/BroadsoftDocument>\n$/s);
    expect(engine.snapshot()).toBe(before);
  });

  it('invalid-document: a well-framed document that carries no response', async () => {
    const client = await loggedIn();
    simulator.faults.onDocuments('invalid-document', { count: 1 });
    expect(await client.request([verify])).toEqual([]);
    // Count exhausted: the next document is answered normally.
    expect((await client.request([verify]))[0]).toMatchObject({ $type: 'SuccessResponse' });
  });

  it('logout: a server LogoutRequest instead of the answer, then the connection closes, nothing run', async () => {
    const client = await loggedIn();
    const before = engine.snapshot();
    simulator.faults.onDocuments('logout', { count: 1 });
    const seen = bytesUntilClose(client);
    send(client, [rename]);
    const { text, closed } = await seen;
    expect(closed).toBe(true);
    expect(text).toMatch(/xsi:type="LogoutRequest".*Server Connection Failure/s);
    expect(engine.snapshot()).toBe(before);
  });

  it('faults only the documents asked for, the number of times asked', async () => {
    const client = await loggedIn();
    simulator.faults.onDocuments('invalid-document', { count: 2, documents: 'writes' });
    expect((await client.request([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    expect(await client.request([rename])).toEqual([]);
    expect(await client.request([verify, rename])).toEqual([]);
    expect(await client.request([verify, verify])).toHaveLength(2);
    expect(simulator.faults.fired['invalid-document']).toBe(2);
  });

  it('fails the Nth command from now with an ErrorResponse without running it; by type when asked', async () => {
    const client = await loggedIn();
    const before = engine.snapshot();
    simulator.faults.failCommand(3);
    const answers = await client.request([verify, getGroup, rename, verify]);
    expect(answers.map((a) => a.$type)).toEqual([
      'SuccessResponse',
      'GroupGetResponse22V5',
      'ErrorResponse',
      'SuccessResponse',
    ]);
    expect(answers[2]).toMatchObject({ errorCode: 4400, summary: expect.stringMatching(/simulated failure/) });
    expect(engine.snapshot()).toBe(before);

    simulator.faults.failCommand(2, { type: 'GroupGetRequest22V5' });
    expect((await client.request([getGroup, verify]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    expect((await client.request([verify, getGroup]))[1]).toMatchObject({ $type: 'ErrorResponse' });
    expect((await client.request([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    expect(simulator.faults.armed).toBe(false);
  });

  it('refuses connections: each new socket is closed at once; existing sessions go on', async () => {
    const client = await loggedIn();
    simulator.faults.refuseConnections();
    const refused = await RawOciClient.connect(simulator.port);
    clients.push(refused);
    await refused.closed;
    expect((await client.request([verify]))[0]).toMatchObject({ $type: 'SuccessResponse' });
    simulator.faults.refuseConnections(false);
    await loggedIn();
    expect(simulator.faults.fired.refused).toBe(1);
  });

  it('stop and start: every connection dropped, the port closed, then served again on the same port with the same world', async () => {
    const client = await loggedIn();
    await client.request([rename]);
    const world = engine.snapshot();
    const port = simulator.port;
    await simulator.stop();
    await client.closed;
    expect(simulator.listening).toBe(false);
    expect(simulator.connections.size).toBe(0);
    await expect(connectOnce(port)).rejects.toThrow(/ECONNREFUSED/);
    await simulator.start();
    expect(simulator.port).toBe(port);
    const again = await loggedIn();
    expect((await again.request([{ $type: 'GroupHuntGroupGetAvailableUserListRequest', ...GROUP }]))[0]).toMatchObject({
      $type: 'GroupHuntGroupGetAvailableUserListResponse',
    });
    expect(engine.snapshot()).toBe(world);
    await simulator.restart(10);
    expect(simulator.port).toBe(port);
    await loggedIn();
  });
});

function connectOnce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
  });
}

async function expectEventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
