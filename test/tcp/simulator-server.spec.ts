/** The OCI-P simulator server, spoken to byte for byte by a bare client. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../../src/simulator/server.js';
import { DEMO_WORLD, eventually, GROUP } from './support/gateway.js';
import { RawOciClient } from './support/raw-client.js';

const KEY = readFileSync('test/tcp/fixtures/simulator-key.pem');
const CERT = readFileSync('test/tcp/fixtures/simulator-cert.pem');
const verify = { $type: 'VerifySessionIsValidRequest' };
const summaryOf = (answer: Record<string, unknown> | undefined): string => String(answer?.['summary']);

describe('OCI-P simulator server', () => {
  let simulator: OciSimulator;
  const clients: RawOciClient[] = [];
  const connect = async (): Promise<RawOciClient> => {
    const client = await RawOciClient.connect(simulator.port);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    simulator = await startOciSimulator({ engine: BroadWorksEngine.fromFile(DEMO_WORLD), port: 0 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await simulator.close();
  });

  it('logs in with the signed password of a world administrator, with a fresh nonce per session', async () => {
    const a = await connect();
    const b = await connect();
    const [challengeA] = await a.request([{ $type: 'AuthenticationRequest', userId: 'admin' }]);
    const [challengeB] = await b.request([{ $type: 'AuthenticationRequest', userId: 'admin' }]);
    expect(challengeA).toMatchObject({ $type: 'AuthenticationResponse', userId: 'admin', passwordAlgorithm: 'MD5' });
    expect(challengeA['nonce']).not.toEqual(challengeB['nonce']);
    expect(await (await connect()).login('admin', 'admin')).toMatchObject({
      $type: 'LoginResponse14sp4',
      loginType: 'System',
    });
  });

  it('answers a wrong password with [Error 4962] and keeps the connection usable', async () => {
    const client = await connect();
    const answer = await client.login('admin', 'wrong');
    expect(answer).toMatchObject({
      $type: 'ErrorResponse',
      errorCode: 4962,
      summary: '[Error 4962] Invalid userId or password',
    });
    expect(summaryOf((await client.request([verify]))[0])).toMatch(/Session is invalid: not logged in/);
    expect(await client.login('admin', 'admin')).toMatchObject({ $type: 'LoginResponse14sp4' });
  });

  it('accepts only the credentials it is given, when given', async () => {
    await simulator.close();
    simulator = await startOciSimulator({
      engine: BroadWorksEngine.fromFile(DEMO_WORLD),
      credentials: [{ userId: 'ops', password: 'p@ss' }],
    });
    expect(await (await connect()).login('admin', 'admin')).toMatchObject({ errorCode: 4962 });
    expect(await (await connect()).login('ops', 'p@ss')).toMatchObject({ $type: 'LoginResponse14sp4' });
  });

  it('refuses commands before login, and a signed login without AuthenticationRequest', async () => {
    const client = await connect();
    const [before] = await client.request([{ $type: 'GroupGetRequest22V5', ...GROUP }]);
    expect(before).toMatchObject({ $type: 'ErrorResponse', errorCode: 4960 });
    const [unsolicited] = await client.request([
      { $type: 'LoginRequest14sp4', userId: 'admin', signedPassword: 'abc' },
    ]);
    expect(summaryOf(unsolicited)).toMatch(/AuthenticationRequest must precede/);
  });

  it('accepts LoginRequest22V5 with the password over TLS', async () => {
    await simulator.close();
    simulator = await startOciSimulator({
      engine: BroadWorksEngine.fromFile(DEMO_WORLD),
      tls: { key: KEY, cert: CERT },
    });
    const client = await RawOciClient.connect(simulator.port, { tls: { ca: CERT } });
    clients.push(client);
    const [wrong] = await client.request([{ $type: 'LoginRequest22V5', userId: 'admin', password: 'nope' }]);
    expect(wrong).toMatchObject({ errorCode: 4962 });
    const [login] = await client.request([{ $type: 'LoginRequest22V5', userId: 'admin', password: 'admin' }]);
    expect(login).toMatchObject({ $type: 'LoginResponse22V5', loginType: 'System' });
    expect((await client.request([verify]))[0]).toMatchObject({ $type: 'SuccessResponse' });
  });

  it('binds the session to its socket and sessionId', async () => {
    const client = await connect();
    await client.login();
    expect((await client.request([verify]))[0]).toMatchObject({ $type: 'SuccessResponse' });
    const [foreign] = await client.request([verify], 'another-session');
    expect(summaryOf(foreign)).toMatch(/Session is invalid: sessionId another-session/);
    // Another socket with the same sessionId is not logged in.
    const other = await connect();
    expect((await other.request([verify], client.sessionId))[0]).toMatchObject({ errorCode: 4960 });
  });

  it('answers up to 15 commands in order with their echo, each on its own', async () => {
    const client = await connect();
    await client.login();
    const commands = [
      { $type: 'GroupGetRequest22V5', ...GROUP, echo: 'first' },
      { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'nobody@sip.netaxis.be', echo: 'second' },
      ...Array.from({ length: 12 }, (_, i) => ({ ...verify, echo: `v${i}` })),
      { $type: 'ServiceProviderGetRequest22V4', serviceProviderId: GROUP.serviceProviderId },
    ];
    const answers = await client.request(commands);
    expect(answers).toHaveLength(15);
    expect(answers[0]).toMatchObject({ $type: 'GroupGetResponse22V5', echo: 'first', groupId: GROUP.groupId });
    expect(answers[1]).toMatchObject({ $type: 'ErrorResponse', echo: 'second', errorCode: 4008 });
    expect(answers.slice(2, 14).map((a) => a.echo)).toEqual(Array.from({ length: 12 }, (_, i) => `v${i}`));
    expect(answers[14]).toMatchObject({ $type: 'ServiceProviderGetResponse22V4' });
    expect(answers[14].echo).toBeUndefined();
  });

  it('refuses a document of more than 15 commands, or of none, with one ErrorResponse', async () => {
    const client = await connect();
    await client.login();
    const sixteen = await client.request(Array.from({ length: 16 }, () => verify));
    expect(sixteen).toEqual([expect.objectContaining({ $type: 'ErrorResponse', errorCode: 4965 })]);
    const none = await client.request([]);
    expect(summaryOf(none[0])).toMatch(/1 to 15 commands, not 0/);
  });

  it('answers unknown and malformed commands with the engine ErrorResponse', async () => {
    const client = await connect();
    await client.login();
    client.write(
      `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<sessionId xmlns="">${client.sessionId}</sessionId><command xsi:type="SystemShutdownRequest" xmlns="" echo="x"/>` +
        `<command xsi:type="GroupGetRequest22V5" xmlns=""><groupId>g</groupId></command></BroadsoftDocument>\n`,
    );
    const answer = await client.next();
    expect(answer!.commands).toEqual([
      expect.objectContaining({
        $type: 'ErrorResponse',
        echo: 'x',
        summary: '[Error 4000] Unknown or unsupported request type: SystemShutdownRequest',
      }),
      expect.objectContaining({ $type: 'ErrorResponse', errorCode: 4003 }),
    ]);
  });

  it('answers garbage with an ErrorResponse, never crashes, and serves the next document', async () => {
    const client = await connect();
    await client.login();
    for (const junk of [
      'hello</BroadsoftDocument>',
      '<BroadsoftDocument protocol="OCI"><sessionId>x</sessionId><command></BroadsoftDocument>',
      '<a></BroadsoftDocument>',
    ]) {
      client.write(junk);
      const answer = await client.next();
      expect(answer!.commands[0]).toMatchObject({ $type: 'ErrorResponse', errorCode: 4966 });
    }
    client.write(
      '<?xml version="1.0"?><BroadsoftDocument protocol="XYZ" xmlns="C"><sessionId xmlns="">s</sessionId></BroadsoftDocument>',
    );
    expect((await client.next())!.commands[0]).toMatchObject({ errorCode: 4967 });
    expect((await client.request([verify]))[0]).toMatchObject({ $type: 'SuccessResponse' });
  });

  it('closes a connection whose document never ends, and goes on serving others', async () => {
    const flood = await connect();
    flood.write(Buffer.alloc(1024 * 1024 + 10, 'a'));
    await flood.closed;
    expect(await (await connect()).login()).toMatchObject({ $type: 'LoginResponse14sp4' });
  });

  it('reads documents split across many chunks, and several documents in one chunk', async () => {
    const client = await connect();
    await client.login();
    const { encodeDocument, writeDocument } = await import('../../src/ocip/protocol/index.js');
    const doc = encodeDocument(writeDocument(client.sessionId, [verify]));
    for (const byte of doc) {
      client.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await client.next())!.commands[0]).toMatchObject({ $type: 'SuccessResponse' });
    client.write(Buffer.concat([doc, Buffer.from('\n'), doc, Buffer.from('\r\n  '), doc]));
    for (let i = 0; i < 3; i++) expect((await client.next())!.commands[0]).toMatchObject({ $type: 'SuccessResponse' });
  });

  it('ends the session and closes the connection on LogoutRequest', async () => {
    const client = await connect();
    await client.login();
    client.write(
      (await import('../../src/ocip/protocol/index.js')).writeDocument(client.sessionId, [
        { $type: 'LogoutRequest', userId: 'admin', reason: 'Client Logout' },
      ]),
    );
    await client.closed;
    await eventually(() => simulator.connections.size === 0);
  });

  it('sends a LogoutRequest of its own on forceLogout', async () => {
    const client = await connect();
    await client.login();
    await eventually(() => simulator.connections.size === 1);
    for (const connection of simulator.connections) connection.forceLogout();
    const logout = await client.next();
    expect(logout!.commands[0]).toMatchObject({
      $type: 'LogoutRequest',
      userId: 'admin',
      reason: 'Open Client Server Forced Logout',
    });
    await client.closed;
  });

  it('serves many clients at once on one world', async () => {
    const many = await Promise.all(Array.from({ length: 20 }, () => connect()));
    await Promise.all(many.map((c) => c.login()));
    const answers = await Promise.all(many.map((c) => c.request([{ $type: 'GroupGetRequest22V5', ...GROUP }])));
    for (const [answer] of answers) expect(answer).toMatchObject({ $type: 'GroupGetResponse22V5' });
  });

  it('delays each answer by latencyMs', async () => {
    await simulator.close();
    simulator = await startOciSimulator({ engine: BroadWorksEngine.fromFile(DEMO_WORLD), latencyMs: 150 });
    const client = await connect();
    const started = Date.now();
    await client.request([{ $type: 'AuthenticationRequest', userId: 'admin' }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
