/**
 * TcpOciGateway against the simulator on a loopback port, with a fault-injecting proxy in between
 * where a test needs BroadWorks to misbehave. Timeouts are short, margins generous.
 */
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { decodeError } from '../../src/broadworks/decode-error.js';
import { ErrorEnvelopeFilter } from '../../src/http/error-envelope.filter.js';
import type { OciRequest } from '../../src/ocip/commands.js';
import { OciErrorResponse, OciTransportError } from '../../src/ocip/oci-errors.js';
import {
  encodeDocument,
  FrameReader,
  OciEncodingError,
  readDocument,
  writeDocument,
} from '../../src/ocip/protocol/index.js';
import type { TcpOciGateway } from '../../src/broadworks/oci/tcp/index.js';
import { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator, type OciSimulatorOptions } from '../../src/simulator/server.js';
import { byteByByte, cutHalfWay, FaultProxy, followedBy, pass, replaceWith, swallow } from './support/fault-proxy.js';
import { DEMO_WORLD, eventually, GROUP, testGateway, type RecordedLogs } from './support/gateway.js';

const CERT = readFileSync('test/tcp/fixtures/simulator-cert.pem');
const KEY = readFileSync('test/tcp/fixtures/simulator-key.pem');
const getGroup: OciRequest = { $type: 'GroupGetRequest22V5', ...GROUP };
const getHuntGroup = (id: string): OciRequest => ({ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: id });
const rename: OciRequest = {
  $type: 'UserModifyUserIdRequest',
  userId: 'ApioUserTest@sip.netaxis.be',
  newUserId: 'renamed@sip.netaxis.be',
};
const filter = new ErrorEnvelopeFilter();

/** The full reason of a transport failure, which only the log shows (the message is the client's). */
const reasonOf = (error: OciTransportError): string =>
  error.cause instanceof Error ? error.cause.message : String(error.cause);

/** The transport error a promise rejects with (fails the test if it resolves or rejects with something else). */
async function transportError(promise: Promise<unknown>): Promise<OciTransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OciTransportError);
  return error as OciTransportError;
}

const countOf = (documents: string[], type: string): number =>
  documents.filter((d) => d.includes(`xsi:type="${type}"`)).length;

/** A free loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('TcpOciGateway', () => {
  let engine: BroadWorksEngine;
  let simulator: OciSimulator;
  let proxy: FaultProxy | undefined;
  let gateway: TcpOciGateway;
  let logs: RecordedLogs;
  const cleanups: (() => Promise<void>)[] = [];

  const startSimulator = async (options: Partial<OciSimulatorOptions> = {}): Promise<OciSimulator> => {
    simulator = await startOciSimulator({ engine, port: 0, ...options });
    return simulator;
  };
  /** A started gateway to the simulator, through a fault proxy unless `direct`. */
  const startGateway = async (
    overrides: Parameters<typeof testGateway>[1] = {},
    direct = false,
  ): Promise<TcpOciGateway> => {
    if (!direct) {
      proxy = await FaultProxy.start(simulator.port);
      const p = proxy;
      cleanups.push(() => p.close());
    }
    ({ gateway, logs } = testGateway(direct ? simulator.port : proxy!.port, overrides));
    const g = gateway;
    cleanups.unshift(() => g.close());
    await gateway.onModuleInit();
    return gateway;
  };

  beforeEach(async () => {
    engine = BroadWorksEngine.fromFile(DEMO_WORLD);
    proxy = undefined;
    await startSimulator();
    cleanups.push(() => simulator.close());
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  describe('login', () => {
    it('signs the password as OCI-P.md says (nonce 1234567890123, password "password")', async () => {
      // A fake server that hands out the nonce of the test vector and accepts only the expected signature.
      const seen: string[] = [];
      const fake = net.createServer((socket) => {
        const frames = new FrameReader();
        socket.on('data', (chunk: Buffer) => {
          for (const frame of frames.push(chunk)) {
            const { sessionId = '', commands } = readDocument(frame);
            const [command] = commands;
            const signed = command['signedPassword'];
            seen.push(`${command.$type}:${typeof signed === 'string' ? signed : ''}`);
            const answer =
              command.$type === 'AuthenticationRequest'
                ? { $type: 'AuthenticationResponse', userId: 'admin', nonce: '1234567890123', passwordAlgorithm: 'MD5' }
                : command.$type === 'LoginRequest14sp4' &&
                    command['signedPassword'] === '77e4a6de3a1e00be05e121cf0ebee860'
                  ? {
                      $type: 'LoginResponse14sp4',
                      loginType: 'System',
                      locale: 'en_US',
                      encoding: 'ISO-8859-1',
                      isEnterprise: false,
                      userDomain: 'x',
                    }
                  : command.$type === 'VerifySessionIsValidRequest'
                    ? { $type: 'SuccessResponse' }
                    : {
                        $type: 'ErrorResponse',
                        summary: '[Error 4962] Invalid userId or password',
                        summaryEnglish: 'Invalid userId or password',
                      };
            socket.write(Buffer.concat([encodeDocument(writeDocument(sessionId, [answer])), Buffer.from('\n')]));
          }
        });
      });
      await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
      cleanups.push(() => new Promise((resolve) => fake.close(() => resolve())));
      const { gateway: g } = testGateway((fake.address() as net.AddressInfo).port, { password: 'password' });
      cleanups.unshift(() => g.close());
      await g.onModuleInit();
      expect(seen).toEqual(['AuthenticationRequest:', 'LoginRequest14sp4:77e4a6de3a1e00be05e121cf0ebee860']);
      expect(await g.isReady()).toBe(true);
    });

    it('logs in with the right password, signed on plain TCP, and serves calls', async () => {
      // A simulator that refuses a password in clear on plain TCP: the gateway must sign it there.
      await simulator.close();
      await startSimulator({ plainPasswordNeedsTls: true });
      await startGateway({}, true);
      const [group] = await gateway.execute([getGroup]);
      expect(group).toMatchObject({ $type: 'GroupGetResponse22V5', groupId: GROUP.groupId });
      expect(await gateway.isReady()).toBe(true);
      expect(logs.log.join('\n')).toMatch(/Logged in to BroadWorks at 127\.0\.0\.1:\d+ over plain TCP: 1 of 1/);
    });

    it('wrong password: clear error at start, every call fails fast with 503, slow retries, recovers once the password is accepted', async () => {
      await startGateway({ password: 'wrong', poolSize: 3, reconnectMaxMs: 300 });
      expect(logs.error[0]).toMatch(
        /refused the login of admin: \[Error 4962\] Invalid userId or password.*OCI_PASSWORD/,
      );
      expect(logs.error[1]).toMatch(/No session to BroadWorks .* could log in \(login refused/);
      expect(logs.error).toHaveLength(2);
      const started = Date.now();
      const error = await transportError(gateway.execute([getGroup]));
      expect(Date.now() - started).toBeLessThan(200);
      expect(error.failure).toBe('unreachable');
      expect(reasonOf(error)).toMatch(/login refused: BroadWorks refused the login of admin: .*4962/);
      const envelope = filter.toEnvelope(decodeError(error));
      expect(envelope.status).toBe(503);
      expect(envelope.body.error).toMatch(/try again later/);
      expect(envelope.body.error).not.toMatch(/admin|login|4962/);
      expect(await gateway.isReady()).toBe(false);

      // No crash loop: three first attempts, then one slot retries at the slowest pace.
      const logins = (): number => countOf(proxy!.sent, 'LoginRequest14sp4');
      const before = logins();
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(logins() - before).toBeLessThanOrEqual(4);
      expect(logs.error).toHaveLength(2);

      // The operator fixes the password on the BroadWorks side: the gateway logs in on its own.
      await simulator.close();
      simulator = await startOciSimulator({
        engine,
        port: simulator.port,
        credentials: [{ userId: 'admin', password: 'wrong' }],
      });
      await eventually(() => gateway.isReady(), 5000);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });

    it('logs in with LoginRequest22V5 over TLS, checking the certificate', async () => {
      await simulator.close();
      await startSimulator({ tls: { key: KEY, cert: CERT } });
      await startGateway({ tls: { ca: CERT, servername: 'localhost' } }, true);
      // The gateway sends the password in clear only over TLS, which protects it.
      expect(logs.log.join('\n')).toMatch(/over TLS: 1 of 1 sessions/);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });

    it('refuses a TLS server whose certificate it cannot verify (503)', async () => {
      await simulator.close();
      await startSimulator({ tls: { key: KEY, cert: CERT } });
      await startGateway({ tls: {} }, true);
      const error = await transportError(gateway.execute([getGroup]));
      expect(error.failure).toBe('unreachable');
      expect(reasonOf(error)).toMatch(/certificate/i);
    });
  });

  describe('BroadWorks down', () => {
    it('boots, answers 503 at once on refused connections, and is not ready', async () => {
      const port = await closedPort();
      const { gateway: g, logs: l } = testGateway(port);
      cleanups.unshift(() => g.close());
      await g.onModuleInit();
      expect(l.error.join('\n')).toMatch(/No session to BroadWorks/);
      const started = Date.now();
      const error = await transportError(g.execute([getGroup]));
      expect(Date.now() - started).toBeLessThan(200);
      expect(error.failure).toBe('unreachable');
      expect(reasonOf(error)).toMatch(/ECONNREFUSED/);
      expect(filter.toEnvelope(decodeError(error)).status).toBe(503);
      expect(filter.toEnvelope(decodeError(error)).body.error).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\d/);
      expect(await g.isReady()).toBe(false);
    });

    it('recovers after the simulator restarts on the same port', async () => {
      await startGateway({ poolSize: 2 }, true);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
      const port = simulator.port;
      await simulator.close();
      await eventually(async () => !(await gateway.isReady()));
      expect((await transportError(gateway.execute([getGroup]))).failure).toBe('unreachable');
      simulator = await startOciSimulator({ engine, port });
      await eventually(() => gateway.isReady(), 5000);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });
  });

  describe('answers on the wire', () => {
    it('reads an answer written byte by byte', async () => {
      await startGateway();
      const writes = { count: 0 };
      proxy!.interceptNext(byteByByte(writes));
      const [group] = await gateway.execute([getGroup]);
      expect(group).toMatchObject({
        $type: 'GroupGetResponse22V5',
        groupId: GROUP.groupId,
        defaultDomain: 'sip.netaxis.be',
      });
      expect(writes.count).toBeGreaterThan(300);
    });

    it('reads an answer and a server LogoutRequest arriving in one write, then logs in again', async () => {
      await startGateway();
      const logout = writeDocument('s', [
        { $type: 'LogoutRequest', userId: 'admin', reason: 'Open Client Server Forced Logout' },
      ]);
      proxy!.interceptNext(followedBy(logout));
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
      await eventually(() => countOf(proxy!.sent, 'AuthenticationRequest') === 2);
      expect(logs.warn.join('\n')).toMatch(/logged the session out \(Open Client Server Forced Logout\)/);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });

    it('matches each response to its command, in order', async () => {
      await startGateway();
      const outcomes = await gateway.execute([
        getGroup,
        getHuntGroup('nobody@sip.netaxis.be'),
        { $type: 'VerifySessionIsValidRequest' },
      ]);
      expect(outcomes[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
      expect(outcomes[1]).toBeInstanceOf(OciErrorResponse);
      expect((outcomes[1] as OciErrorResponse).errorCode).toBe(4008);
      expect(outcomes[2]).toEqual({ $type: 'SuccessResponse' });
    });

    it('a server LogoutRequest between calls: the next call gets a new session', async () => {
      await startGateway({}, true);
      await gateway.execute([getGroup]);
      for (const connection of simulator.connections) connection.forceLogout();
      await eventually(() => logs.warn.some((w) => /logged the session out/.test(w)));
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });

    it('reads answers whose namespaces are bound to other prefixes, the login included', async () => {
      await startGateway();
      // Same namespaces, other prefixes: XML Schema instance as q, C as oci (xsi:type="oci:SuccessResponse").
      const rebound = (answer: Buffer): Buffer =>
        Buffer.from(
          `${answer
            .toString('latin1')
            .replaceAll('xmlns:xsi=', 'xmlns:q=')
            .replaceAll('xsi:', 'q:')
            .replaceAll('xmlns:c="C"', 'xmlns:oci="C"')
            .replaceAll('="c:', '="oci:')}\n`,
          'latin1',
        );
      proxy!.interceptAll((answer, client) => client.write(rebound(answer)));
      const outcomes = await gateway.execute([
        getGroup,
        getHuntGroup('nobody@sip.netaxis.be'),
        { $type: 'VerifySessionIsValidRequest' },
      ]);
      expect(outcomes[0]).toMatchObject({ $type: 'GroupGetResponse22V5', groupId: GROUP.groupId });
      expect(outcomes[1]).toBeInstanceOf(OciErrorResponse);
      expect((outcomes[1] as OciErrorResponse).errorCode).toBe(4008);
      expect(outcomes[2]).toEqual({ $type: 'SuccessResponse' });
      expect(proxy!.sent.length).toBeGreaterThan(0);
    });

    it('an unreadable answer is a bad response (502) and the session is replaced', async () => {
      await startGateway();
      proxy!.interceptNext(replaceWith('<BroadsoftDocument><oops></BroadsoftDocument>\n'));
      const error = await transportError(gateway.execute([getGroup]));
      expect(error.failure).toBe('bad-response');
      expect(filter.toEnvelope(decodeError(error)).status).toBe(502);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });

    it('an answer with the wrong number of responses is a bad response', async () => {
      await startGateway();
      proxy!.interceptNext(
        replaceWith(writeDocument('s', [{ $type: 'SuccessResponse' }, { $type: 'SuccessResponse' }])),
      );
      const error = await transportError(gateway.execute([getGroup]));
      expect(error.failure).toBe('bad-response');
      expect(reasonOf(error)).toMatch(/2 responses to a document of 1 commands/);
      expect(error.message).not.toMatch(/responses/);
    });

    it('a session error from BroadWorks: logs in again and sends the document once more', async () => {
      await startGateway();
      proxy!.interceptNext(
        replaceWith(
          writeDocument('s', [
            {
              $type: 'ErrorResponse',
              summary: '[Error 4960] Session is invalid: not logged in',
              summaryEnglish: 'Session is invalid',
            },
          ]),
        ),
      );
      // A write (here one that changes nothing), which only a session error allows to re-send.
      const activateNone: OciRequest = { $type: 'GroupHuntGroupModifyActiveInstanceListRequest' };
      expect((await gateway.execute([activateNone]))[0]).toEqual({ $type: 'SuccessResponse' });
      expect(countOf(proxy!.sent, 'GroupHuntGroupModifyActiveInstanceListRequest')).toBe(2);
      expect(countOf(proxy!.sent, 'AuthenticationRequest')).toBe(2);
    });

    it('refuses a value XML cannot carry before sending anything (400), and the session stays', async () => {
      await startGateway();
      const sent = proxy!.sent.length;
      const error = await gateway
        .execute([{ ...rename, newUserId: 'bad\u0001id@sip.netaxis.be' }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OciEncodingError);
      expect(filter.toEnvelope(decodeError(error)).status).toBe(400);
      expect(proxy!.sent.length).toBe(sent);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });
  });

  describe('connection cut while BroadWorks answers', () => {
    it('retries a read once on a fresh session, and it succeeds', async () => {
      await startGateway();
      proxy!.interceptNext(cutHalfWay);
      expect((await gateway.execute([getGroup, getHuntGroup('x@sip.netaxis.be')]))[0]).toMatchObject({
        $type: 'GroupGetResponse22V5',
      });
      expect(countOf(proxy!.sent, 'GroupGetRequest22V5')).toBe(2);
    });

    it('never re-sends a write: unknown outcome (504) saying the change may or may not have been applied', async () => {
      await startGateway();
      proxy!.interceptNext(cutHalfWay);
      const error = await transportError(gateway.execute([rename]));
      expect(error.failure).toBe('unknown-outcome');
      expect(error.message).toMatch(/may or may not have been applied/);
      expect(filter.toEnvelope(decodeError(error)).status).toBe(504);
      expect(countOf(proxy!.sent, 'UserModifyUserIdRequest')).toBe(1);
      // It was applied here, as it can be on a real BroadWorks: the reason it must not be re-sent.
      expect(engine.snapshot()).toContain('renamed@sip.netaxis.be');
    });

    it('a read cut twice fails with 503', async () => {
      await startGateway();
      // Cut the answer, let the new session's login through (two answers), cut the retried answer.
      for (const step of [cutHalfWay, pass, pass, cutHalfWay]) proxy!.interceptNext(step);
      const error = await transportError(gateway.execute([getGroup]));
      expect(error.failure).toBe('unreachable');
    });
  });

  describe('timeouts', () => {
    it('a server that stops answering: timeout (504) quickly, then a new session serves the next call', async () => {
      await startGateway({ requestTimeoutMs: 300 });
      proxy!.interceptNext(swallow);
      const started = Date.now();
      const error = await transportError(gateway.execute([getGroup]));
      expect(error.failure).toBe('timeout');
      expect(filter.toEnvelope(decodeError(error)).status).toBe(504);
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
      expect(countOf(proxy!.sent, 'AuthenticationRequest')).toBe(2);
    });

    it('a write that times out says it may or may not have been applied', async () => {
      await startGateway({ requestTimeoutMs: 300 });
      proxy!.interceptNext(swallow);
      const error = await transportError(gateway.execute([rename]));
      expect(error.failure).toBe('timeout');
      expect(error.message).toMatch(/may or may not have been applied/);
    });

    it('a late answer is never matched to a later call', async () => {
      await startGateway({ requestTimeoutMs: 300 });
      let late: (() => void) | undefined;
      proxy!.interceptNext((answer, client) => {
        late = () => client.write(Buffer.concat([answer, Buffer.from('\n')]));
      });
      await transportError(gateway.execute([getHuntGroup('nobody@sip.netaxis.be')]));
      late!(); // the old socket is gone: this goes nowhere
      expect((await gateway.execute([getGroup]))[0]).toMatchObject({ $type: 'GroupGetResponse22V5' });
    });
  });

  describe('pool and queue', () => {
    it('refuses calls beyond the queue limit with 503 "queue full"', async () => {
      await simulator.close();
      await startSimulator({ latencyMs: 300 });
      await startGateway({ poolSize: 1, queueLimit: 1 }, true);
      const first = gateway.execute([getGroup]);
      const second = gateway.execute([getGroup]);
      const error = await transportError(gateway.execute([getGroup]));
      expect(error.failure).toBe('unreachable');
      expect(reasonOf(error)).toMatch(/queue full: 1 calls already wait for one of the 1 BroadWorks sessions/);
      expect(error.message).toBe('too many calls are waiting for BroadWorks; try again in a moment');
      expect(filter.toEnvelope(decodeError(error)).status).toBe(503);
      expect(await Promise.all([first, second])).toHaveLength(2);
    });

    it('with poolSize 2, ten concurrent calls all succeed, served first come first served', async () => {
      await simulator.close();
      await startSimulator({ latencyMs: 20 });
      await startGateway({ poolSize: 2 });
      expect(proxy!.openConnections).toBe(2);
      const sentBefore = proxy!.sent.length;
      const ids = Array.from({ length: 10 }, (_, i) => `hg${i}@sip.netaxis.be`);
      const outcomes = await Promise.all(ids.map((id) => gateway.execute([getHuntGroup(id)])));
      expect(outcomes.every(([o]) => o instanceof OciErrorResponse && o.errorCode === 4008)).toBe(true);
      const order = proxy!.sent.slice(sentBefore).map((d) => /<serviceUserId>([^<]+)</.exec(d)?.[1]);
      expect(order).toEqual(ids);
    });
  });

  describe('shutdown', () => {
    it('logs every session out with "Client Logout" and closes, in bounded time', async () => {
      await startGateway({ poolSize: 2 });
      await eventually(() => simulator.connections.size === 2);
      const started = Date.now();
      await gateway.close();
      expect(Date.now() - started).toBeLessThan(1500);
      const logouts = proxy!.sent.filter((d) => d.includes('xsi:type="LogoutRequest"'));
      expect(logouts).toHaveLength(2);
      expect(logouts[0]).toContain('<reason>Client Logout</reason>');
      await eventually(() => simulator.connections.size === 0);
      expect((await transportError(gateway.execute([getGroup]))).message).toMatch(/shutting down/);
    });

    it('waits for a document in flight, but not beyond its bound', async () => {
      await startGateway({ shutdownTimeoutMs: 300, requestTimeoutMs: 5000 });
      proxy!.interceptNext(swallow);
      const inFlight = gateway.execute([getGroup]).catch((e: unknown) => e);
      await eventually(() => countOf(proxy!.sent, 'GroupGetRequest22V5') === 1);
      const started = Date.now();
      await gateway.close();
      expect(Date.now() - started).toBeLessThan(1500);
      expect(await inFlight).toBeInstanceOf(OciTransportError);
    });
  });
});
