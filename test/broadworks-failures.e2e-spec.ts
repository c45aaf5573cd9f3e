/**
 * What a REST client reads, and what the log says, when BroadWorks cannot serve a call: the answer
 * says what the client can do (try again later, read the change back) and nothing about how the
 * service reaches BroadWorks (login name, host, port, pool size, timeouts, what the peer sent);
 * the full reason is in the log, at warn or error, under the request's id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { logConfig, type LogConfig } from '../src/config/namespaces.js';
import { LOG_STREAM } from '../src/logging/logging.module.js';
import { BASE, startApp, type TestApp } from './support/harness.js';
import { LogCapture } from './support/log-capture.js';

/** nestjs-pino keeps the first application's stream for the whole file: every app here logs to it. */
const logs = new LogCapture();
const LOGGING: [unknown, unknown][] = [
  [logConfig.KEY, { level: 'info', format: 'json' } satisfies LogConfig],
  [LOG_STREAM, logs],
];

/** Asserts the answer leaks nothing of the connection to BroadWorks, and returns its request id. */
function expectNothingInternal(res: Response, port: number): string {
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(/admin|127\.0\.0\.1|localhost|pool|session|ECONN|\bms\b/i);
  expect(text).not.toContain(String(port));
  // No number at all: no pool size, queue length, timeout, error code of the transport or port.
  expect(text).not.toMatch(/\d/);
  return String(res.headers['x-request-id']);
}

/** The warn or error lines of one request that say why, besides its request line. */
function reasonsLogged(requestId: string): string {
  return logs
    .of(requestId)
    .filter((r) => (r.level === 'warn' || r.level === 'error') && !('status' in r))
    .map((r) => JSON.stringify(r))
    .join('\n');
}

describe('BroadWorks refusing the login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp('tcp', { tcp: { password: 'wrong-password' }, overrides: LOGGING });
  });
  afterAll(() => t?.close());

  it('answers 503 "try again later", without the login name; the log says whose login was refused and why', async () => {
    const res = await t.http.get(`${BASE}/`).expect(503);
    expect(res.body).toEqual({
      error: 'BroadWorks cannot be reached: no connection to BroadWorks is available; try again later',
      code: 'BROADWORKS_UNAVAILABLE',
      details: null,
    });
    const id = expectNothingInternal(res, t.simulator!.port);
    expect(reasonsLogged(id)).toMatch(/refused the login of admin: \[Error 4962\]/);
    expect(logs.requestLines(id)).toEqual([expect.objectContaining({ level: 'error', status: 503 })]);
  });
});

describe('BroadWorks failing on the wire', () => {
  let t: TestApp;
  const HG = 'leak-check@sip.netaxis.be';
  const profile = { serviceInstanceProfile: { name: 'Leak check', cliLastName: 'Leak', cliFirstName: 'Check' } };

  beforeAll(async () => {
    t = await startApp('tcp', { tcp: { requestTimeoutMs: 400, poolSize: 1, queueLimit: 1 }, overrides: LOGGING });
    await t.http
      .post(`${BASE}/`)
      .send({ serviceUserId: HG, ...profile })
      .expect(201);
  });
  afterEach(() => {
    t.simulator!.faults.clear();
  });
  afterAll(() => t?.close());

  it('unreachable (BroadWorks down): 503 "try again later"; the log has the connection error', async () => {
    await t.simulator!.stop();
    try {
      // The session notices the close, then reconnecting is refused.
      const deadline = Date.now() + 5000;
      let res: Response;
      do res = await t.http.get(`${BASE}/${HG}`);
      while (res.status === 200 && Date.now() < deadline);
      expect(res.status).toBe(503);
      expect(res.body.error).toBe(
        'BroadWorks cannot be reached: no connection to BroadWorks is available; try again later',
      );
      const id = expectNothingInternal(res, t.simulator!.port);
      expect(reasonsLogged(id)).toMatch(/unreachable|ECONNREFUSED|closed/);
    } finally {
      await t.simulator!.start();
    }
  });

  it('no answer in time to a read: 504 "try again later"; the log has the timeout', async () => {
    await eventuallyAnswering(t);
    t.simulator!.faults.onDocuments('stall', { count: 1 });
    const res = await t.http.get(`${BASE}/${HG}`).expect(504);
    expect(res.body).toEqual({
      error: 'BroadWorks did not answer in time: nothing was changed; try again later',
      code: 'BROADWORKS_TIMEOUT',
      details: null,
    });
    const id = expectNothingInternal(res, t.simulator!.port);
    expect(reasonsLogged(id)).toMatch(/no answer within 400 ms/);
  });

  it('no answer in time to a write: 504 "may or may not have been applied"', async () => {
    await eventuallyAnswering(t);
    t.simulator!.faults.onDocuments('stall', { count: 1, documents: 'writes' });
    const res = await t.http
      .put(`${BASE}/${HG}`)
      .send({ serviceInstanceProfile: { cliFirstName: 'Stalled' } })
      .expect(504);
    expect(res.body.error).toMatch(/may or may not have been applied: read it back before trying again$/);
    const id = expectNothingInternal(res, t.simulator!.port);
    expect(reasonsLogged(id)).toMatch(/no answer within 400 ms/);
  });

  it('an answer that is not OCI-P: 502 without what BroadWorks sent; the log has it', async () => {
    await eventuallyAnswering(t);
    t.simulator!.faults.onDocuments('garbage', { count: 1 });
    const res = await t.http.get(`${BASE}/${HG}`).expect(502);
    expect(res.body).toEqual({
      error: 'BroadWorks answered something that is not OCI-P: nothing was changed; try again later',
      code: 'BROADWORKS_BAD_RESPONSE',
      details: null,
    });
    const id = expectNothingInternal(res, t.simulator!.port);
    expect(reasonsLogged(id)).toMatch(/bad-response/);
  });

  it('a write cut off after it was sent: 504 unknown outcome; the log has how the connection ended', async () => {
    await eventuallyAnswering(t);
    t.simulator!.faults.onDocuments('drop', { count: 1, documents: 'writes' });
    const res = await t.http
      .put(`${BASE}/${HG}`)
      .send({ serviceInstanceProfile: { cliFirstName: 'Dropped' } })
      .expect(504);
    expect(res.body.code).toBe('BROADWORKS_UNKNOWN_OUTCOME');
    expect(res.body.error).toMatch(/it was not re-sent: read it back before trying again$/);
    const id = expectNothingInternal(res, t.simulator!.port);
    expect(reasonsLogged(id)).toMatch(/unknown-outcome/);
  });

  it('too many calls waiting: 503 "try again in a moment", without the pool size or queue length', async () => {
    await eventuallyAnswering(t);
    t.simulator!.faults.onDocuments('stall', { count: 1 });
    // One call holds the only session, one waits (queueLimit 1): the third is refused at once.
    const holding = [t.http.get(`${BASE}/${HG}`).then((r) => r), t.http.get(`${BASE}/${HG}`).then((r) => r)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await t.http.get(`${BASE}/${HG}`).expect(503);
    expect(res.body.error).toBe(
      'BroadWorks cannot be reached: too many calls are waiting for BroadWorks; try again in a moment',
    );
    const id = expectNothingInternal(res, t.simulator!.port);
    expect(reasonsLogged(id)).toMatch(/queue full: 1 calls already wait for one of the 1 BroadWorks sessions/);
    await Promise.all(holding);
  });
});

/** After a fault, the pool logs in again by itself; wait until a read succeeds. */
async function eventuallyAnswering(t: TestApp): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if ((await t.http.get(`${BASE}/`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('BroadWorks did not come back within 5 s');
}
