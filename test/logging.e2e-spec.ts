import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PinoLogger } from 'nestjs-pino';
import { logConfig, type LogConfig } from '../src/config/namespaces.js';
import { LOG_STREAM } from '../src/logging/logging.module.js';
import { formatRecord } from '../src/logging/pretty-stream.js';
import { REDACTED, redactSecrets, redactUrl } from '../src/logging/redact.js';
import { BASE, startApp, type TestApp } from './support/harness.js';
import { LogCapture } from './support/log-capture.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * One application for the whole file: nestjs-pino builds its pino-http instance once per module
 * registry (Jest gives each test file its own), so the first application's logging settings stay.
 */
describe('logs', () => {
  let t: TestApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await startApp('memory', {
      overrides: [
        [logConfig.KEY, { level: 'debug', format: 'json' } satisfies LogConfig],
        [LOG_STREAM, logs],
      ],
    });
  });
  afterAll(async () => {
    PinoLogger.root.level = 'debug';
    await t.close();
  });

  it('are silent under test unless asked (LOG_LEVEL unset, NODE_ENV=test)', () => {
    expect(logConfig()).toEqual({ level: 'silent', format: 'json' });
  });

  it('write one JSON line per request with method, route pattern, status and duration, under a fresh request id echoed in X-Request-Id', async () => {
    const res = await t.http.get(`${BASE}/nobody@sip.netaxis.be/`).expect(404);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    const lines = logs.requestLines(id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      method: 'GET',
      route: '/api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name',
      url: `${BASE}/nobody@sip.netaxis.be/`,
      status: 404,
      durationMs: expect.any(Number),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const ok = await t.http.get(`${BASE}/`).expect(200);
    expect(logs.requestLines(ok.headers['x-request-id'])).toEqual([
      expect.objectContaining({ level: 'info', status: 200 }),
    ]);
  });

  it("keep the caller's X-Request-Id, and refuse one that could forge log lines", async () => {
    const given = await t.http.get(`${BASE}/`).set('X-Request-Id', 'portal-7f3a.42').expect(200);
    expect(given.headers['x-request-id']).toBe('portal-7f3a.42');
    expect(logs.requestLines('portal-7f3a.42')).toHaveLength(1);
    for (const bad of ['has space', 'x'.repeat(200), 'quote"d']) {
      const res = await t.http.get(`${BASE}/`).set('X-Request-Id', bad).expect(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    expect(logs.text).not.toContain('has space');
  });

  it('carry one id from the request line to the OCI-P exchange log (its trackingId) and the audit record', async () => {
    await t.http
      .put(`${BASE}/nobody@sip.netaxis.be`)
      .set('X-Request-Id', 'corr-1.2')
      .send({ policy: 'Circular' })
      .expect(404);
    expect(logs.requestLines('corr-1.2')).toHaveLength(1);
    const oci = logs.of('corr-1.2').filter((r) => r.context === 'OciP');
    expect(oci.length).toBeGreaterThan(0);
    expect(oci.every((r) => r.trackingId === 'corr-1.2')).toBe(true);
    const audit = await t.http.get('/api/v1/audit_records?outcome=failure').expect(200);
    expect((audit.body as { audit_records: { requestId: string }[] }).audit_records.map((r) => r.requestId)).toContain(
      'corr-1.2',
    );
  });

  it('leave secrets of the query string out: access_token and the like are redacted, other values kept', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.query-token.sig';
    const url = `${BASE}/?access_token=${token}&insensitiveUserLastNameStarts=test1&api_key=k3y-value&Password=pw-value`;
    const res = await t.anonymous.get(url).set('X-Request-Id', 'query-secrets');
    expect(res.status).toBe(401);
    expect(logs.requestLines('query-secrets')).toEqual([
      expect.objectContaining({
        url: `${BASE}/?access_token=${REDACTED}&insensitiveUserLastNameStarts=test1&api_key=${REDACTED}&Password=${REDACTED}`,
      }),
    ]);
    for (const secret of [token, 'k3y-value', 'pw-value']) expect(logs.text).not.toContain(secret);
  });

  it('write a request line for the API docs like for any other route', async () => {
    await t.anonymous.get('/api/docs').set('X-Request-Id', 'docs-page').expect(200);
    await t.anonymous.get('/api/docs/swagger-ui-init.js').set('X-Request-Id', 'docs-init').expect(200);
    await t.anonymous.get('/api/docs/swagger-ui.css').set('X-Request-Id', 'docs-asset').expect(200);
    await t.anonymous.get('/api/docs-json').set('X-Request-Id', 'docs-json').expect(200);
    await t.anonymous.get('/api/docs/no-such-asset.js').set('X-Request-Id', 'docs-404').expect(404);
    const line = (id: string): unknown => logs.requestLines(id)[0];
    expect(line('docs-page')).toMatchObject({ level: 'info', method: 'GET', route: '/api/docs', status: 200 });
    expect(line('docs-init')).toMatchObject({ route: '/api/docs/swagger-ui-init.js', status: 200 });
    expect(line('docs-asset')).toMatchObject({ route: '/api/docs/{*asset}', url: '/api/docs/swagger-ui.css' });
    expect(line('docs-json')).toMatchObject({ route: '/api/docs-json', status: 200 });
    expect(line('docs-404')).toMatchObject({ level: 'warn', route: '(unmatched)', status: 404 });
  });

  it('log each OCI-P exchange at debug, under the request id, with passwords redacted', async () => {
    const secret = 'Sup3r-S3cret-pw';
    const body = {
      serviceUserId: 'hg-logs',
      serviceInstanceProfile: { name: 'Logs', cliLastName: 'L', cliFirstName: 'F', password: secret },
    };
    const res = await t.http.post(`${BASE}/`).set('X-Request-Id', 'create-1').send(body).expect(201);
    expect(res.body.serviceUserId).toBe('hg-logs@sip.netaxis.be');
    const exchanges = logs.records.filter((r) => r.requestId === 'create-1' && r.context === 'OciP');
    expect(exchanges.length).toBeGreaterThanOrEqual(1);
    expect(exchanges.every((r) => r.level === 'debug')).toBe(true);
    const add = exchanges.find((r) => JSON.stringify(r.commands).includes('GroupHuntGroupAddInstanceRequest20'));
    expect(add).toBeDefined();
    expect(JSON.stringify(add)).toContain(`"password":"${REDACTED}"`);
    expect(add).toMatchObject({
      msg: expect.stringContaining('GroupHuntGroupAddInstanceRequest20'),
      durationMs: expect.any(Number),
      outcomes: expect.any(Array),
    });
    expect(logs.text).not.toContain(secret);
  });

  it('leave OCI-P exchanges out above debug (the level can be changed while running)', async () => {
    PinoLogger.root.level = 'info';
    const res = await t.http.get(`${BASE}/`).expect(200);
    const id = res.headers['x-request-id'];
    expect(logs.requestLines(id)).toHaveLength(1);
    expect(logs.records.some((r) => r.requestId === id && r.context === 'OciP')).toBe(false);
  });
});

describe('secret redaction', () => {
  it('replaces the passwords of both login requests and of a hunt group profile, at any depth', () => {
    const commands = [
      { $type: 'LoginRequest22V5', userId: 'admin', password: 'plain' },
      { $type: 'LoginRequest14sp4', userId: 'admin', signedPassword: 'abc123' },
      {
        $type: 'GroupHuntGroupAddInstanceRequest20',
        serviceInstanceProfile: { name: 'x', password: 'hg-secret' },
        agentUserId: ['a'],
      },
    ];
    const redacted = JSON.stringify(redactSecrets(commands));
    for (const secret of ['plain', 'abc123', 'hg-secret']) expect(redacted).not.toContain(secret);
    expect(redactSecrets(commands)).toEqual([
      { $type: 'LoginRequest22V5', userId: 'admin', password: REDACTED },
      { $type: 'LoginRequest14sp4', userId: 'admin', signedPassword: REDACTED },
      {
        $type: 'GroupHuntGroupAddInstanceRequest20',
        serviceInstanceProfile: { name: 'x', password: REDACTED },
        agentUserId: ['a'],
      },
    ]);
    // The original is untouched: the same objects go on to BroadWorks.
    expect(commands[0].password).toBe('plain');
    // Copy on write: what holds no secret comes back as it is.
    const plain = { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'hg@x', list: [{ name: 'a' }] };
    expect(redactSecrets(plain)).toBe(plain);
    const mixed = [plain, commands[0]] as unknown[];
    const out = redactSecrets(mixed) as unknown[];
    expect([out === mixed, out[0] === plain, out[1] === commands[0]]).toEqual([false, true, false]);
  });
});

describe('query string redaction', () => {
  it('redacts the values of keys that can hold secrets, keeps the rest as sent', () => {
    expect(redactUrl('/a/b')).toBe('/a/b');
    expect(redactUrl('/a?x=1&token=abc&refresh_token=r&id_token&client_secret=s&sig=q&code=c&key=k')).toBe(
      `/a?x=1&token=${REDACTED}&refresh_token=${REDACTED}&id_token&client_secret=${REDACTED}&sig=${REDACTED}&code=${REDACTED}&key=${REDACTED}`,
    );
    // Encoded keys are recognised; a value that is not valid percent-encoding is still redacted.
    expect(redactUrl('/a?access%5Ftoken=%E0%A4%A&sameGroupOnly=true')).toBe(
      `/a?access%5Ftoken=${REDACTED}&sameGroupOnly=true`,
    );
    expect(redactUrl('/a?x=%ZZ&auth=1')).toBe(`/a?x=%ZZ&auth=${REDACTED}`);
  });
});

describe('the pretty fallback (without pino-pretty)', () => {
  it('writes time, level, context, message and the other fields on one line', () => {
    const line = formatRecord(
      JSON.stringify({
        level: 'warn',
        time: '2026-01-02T03:04:05.678Z',
        context: 'OciP',
        msg: 'hello',
        requestId: 'r1',
        pid: 1,
      }),
    );
    expect(line).toBe('03:04:05.678 WARN  [OciP] hello {"requestId":"r1"}');
    expect(formatRecord('not json')).toBe('not json');
  });
});
