import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { AuditRetention } from '../src/audit/audit-retention.js';
import { auditConfig, type AuditConfig } from '../src/config/namespaces.js';
import { BASE, DRIVERS, startApp, type Driver, type TestApp } from './support/harness.js';
import { dropSchema, freshSchema } from './support/test-database.js';
import { verifySignature, WebhookReceiver } from './support/webhook-receiver.js';

/** Fast paces for tests: poll every 20 ms, retry after 50, 100, 200… ms, give a receiver 500 ms. */
const FAST: AuditConfig = {
  retentionDays: 90,
  webhookPollMs: 20,
  webhookTimeoutMs: 500,
  webhookBackoffBaseMs: 50,
  webhookBackoffMaxMs: 400,
  webhookRetryWindowS: 60,
};

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function until(check: () => boolean | Promise<boolean>, withinMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await sleep(10);
  }
}

const profile = (n: string) => ({ name: n, cliLastName: 'Hook', cliFirstName: n });
const hg = (n: string) => `hook-${n}@sip.netaxis.be`;

const boot = (driver: Driver, config: Partial<AuditConfig> = {}, schema?: string): Promise<TestApp> =>
  startApp(driver, {
    overrides: [[auditConfig.KEY, { ...FAST, ...config }]],
    users: [
      { username: 'ten-admin', level: 'tenant', tenants: ['ApioSpTest'] },
      { username: 'grp-admin', level: 'group', groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest' }] },
    ],
    ...(schema ? { store: { schema } } : {}),
  });

describe.each(DRIVERS)('webhooks on the %s gateway', (driver) => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    await receiver.close();
  });

  describe('one replica', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await boot(driver);
    });
    afterAll(async () => {
      await t.close();
    });

    it('are managed by system and tenant admins within their reach, URLs checked, the secret shown once', async () => {
      const bad = [
        [{ url: 'ftp://example.com/x', events: ['created'] }, 'url'],
        [{ url: 'not a url', events: ['created'] }, 'url'],
        [{ url: 'https://user:pass@hooks.example.com/x', events: ['created'] }, 'url'],
        [{ url: receiver.url, events: ['exploded'] }, 'events'],
        [{ url: receiver.url, events: [] }, 'events'],
        [{ url: receiver.url, events: ['created'], groupId: 'ApioGrpTest' }, 'tenantId'],
        [{ url: receiver.url, events: ['created'], secret: 'short' }, 'secret'],
      ] as const;
      for (const [body, field] of bad) {
        const res = await t.http.post('/api/v1/webhooks').send(body);
        expect([field, res.status]).toEqual([field, 400]);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      await t
        .as('grp-admin')
        .post('/api/v1/webhooks')
        .send({ url: receiver.url, events: ['created'] })
        .expect(403);
      await t
        .as('ten-admin')
        .post('/api/v1/webhooks')
        .send({ url: receiver.url, events: ['created'], tenantId: 'foo' })
        .expect(403);
      const created = await t
        .as('ten-admin')
        .post('/api/v1/webhooks')
        .send({ url: receiver.url, events: ['created', 'deleted'], tenantId: 'ApioSpTest' })
        .expect(201);
      const sub = created.body as { id: string; secret: string; state: string };
      expect(sub).toMatchObject({
        url: receiver.url,
        events: ['created', 'deleted'],
        tenantId: 'ApioSpTest',
        state: 'active',
      });
      expect(sub.secret.length).toBeGreaterThanOrEqual(32);
      const read = await t.as('ten-admin').get(`/api/v1/webhooks/${sub.id}`).expect(200);
      expect(read.body).not.toHaveProperty('secret');
      expect(JSON.stringify((await t.http.get('/api/v1/webhooks').expect(200)).body)).not.toContain(sub.secret);
      // The secret is in no audit record either.
      const { rows } = await sql<{ row: string }>`select row_to_json(a)::text as row from audit_log a`.execute(
        t.store.db,
      );
      expect(rows.map((r) => r.row).join('')).not.toContain(sub.secret);
      await t.as('grp-admin').get(`/api/v1/webhooks/${sub.id}`).expect(403);
      await t.http.get('/api/v1/webhooks/not-a-uuid').expect(400);
      await t.as('ten-admin').delete(`/api/v1/webhooks/${sub.id}`).expect(200);
      await t.http.get(`/api/v1/webhooks/${sub.id}`).expect(404);
    });

    it('deliver a signed event; a receiver that fails twice gets the third attempt, whose signature verifies', async () => {
      const sub = (
        await t.http
          .post('/api/v1/webhooks')
          .send({ url: receiver.url, events: ['created'], tenantId: 'ApioSpTest' })
          .expect(201)
      ).body as { id: string; secret: string };
      receiver.failNext = 2;
      await t.http
        .post(BASE)
        .set('X-Request-Id', `hook-create-${driver}`)
        .send({ serviceUserId: hg('a'), serviceInstanceProfile: profile('A') })
        .expect(201);
      await until(() => receiver.deliveries.length >= 3);
      await sleep(200);
      expect(receiver.deliveries).toHaveLength(3);
      const ids = new Set(receiver.eventIds());
      expect(ids.size).toBe(1);
      // Exponential backoff: the second wait is longer than the first.
      const [a, b, c] = receiver.deliveries.map((d) => d.at);
      expect(c - b).toBeGreaterThan(b - a);
      const third = receiver.deliveries[2];
      const timestamp = String(third.headers['x-apio-timestamp']);
      expect(verifySignature(sub.secret, timestamp, third.body, String(third.headers['x-apio-signature']))).toBe(true);
      expect(verifySignature('another-secret', timestamp, third.body, String(third.headers['x-apio-signature']))).toBe(
        false,
      );
      const event = JSON.parse(third.body) as Record<string, unknown>;
      expect(event).toMatchObject({
        id: [...ids][0],
        type: 'created',
        requestId: `hook-create-${driver}`,
        tenantId: 'ApioSpTest',
        groupId: 'ApioGrpTest',
        huntGroupId: hg('a'),
        data: { huntGroup: { serviceUserId: hg('a') } },
      });
      expect(typeof event.time).toBe('string');
      await t.http.delete(`/api/v1/webhooks/${sub.id}`).expect(200);
    });

    it('pause a subscription whose receiver keeps failing, saying why, and resume it on request', async () => {
      const sub = (
        await t.http
          .post('/api/v1/webhooks')
          .send({ url: receiver.url, events: ['deleted'] })
          .expect(201)
      ).body as { id: string };
      receiver.mode = 'fail';
      await t.http.delete(`${BASE}/${hg('a')}`).expect(200);
      await until(() => receiver.deliveries.length >= 2);
      // Pretend the event has been failing for longer than the retry window.
      await sql`update webhook_outbox set created_at = now() - interval '2 minutes' where subscription_id = ${sub.id}`.execute(
        t.store.db,
      );
      await until(
        async () => ((await t.http.get(`/api/v1/webhooks/${sub.id}`)).body as { state: string }).state === 'paused',
      );
      const paused = (await t.http.get(`/api/v1/webhooks/${sub.id}`).expect(200)).body as { reason: string };
      expect(paused.reason).toMatch(/HTTP 500/);
      const count = receiver.deliveries.length;
      await sleep(200);
      expect(receiver.deliveries).toHaveLength(count);
      receiver.mode = 'ok';
      const resumed = await t.http.post(`/api/v1/webhooks/${sub.id}`).send({ state: 'active' }).expect(200);
      expect(resumed.body).toMatchObject({ state: 'active' });
      expect(resumed.body).not.toHaveProperty('reason');
      await t.http.post(`/api/v1/webhooks/${sub.id}`).send({ state: 'paused' }).expect(400);
      await t.http.delete(`/api/v1/webhooks/${sub.id}`).expect(200);
    });

    it('a receiver that hangs slows neither the API nor the other receivers: its deliveries time out in the background', async () => {
      // An app of its own, whose deliveries may take 2 s: long enough to see who waits for them.
      const slow = await boot(driver, { webhookTimeoutMs: 2000 });
      const healthy = await WebhookReceiver.start();
      try {
        const sub = (
          await slow.http
            .post('/api/v1/webhooks')
            .send({ url: receiver.url, events: ['created', 'deleted'] })
            .expect(201)
        ).body as { id: string };
        receiver.mode = 'hang';
        const started = performance.now();
        for (const n of ['h1', 'h2', 'h3']) {
          await slow.http
            .post(BASE)
            .send({ serviceUserId: hg(n), serviceInstanceProfile: profile(n) })
            .expect(201);
          await slow.http.delete(`${BASE}/${hg(n)}`).expect(200);
        }
        const perWrite = (performance.now() - started) / 6;
        await until(() => receiver.deliveries.length >= 6);
        // No write waited for a delivery: each took far less than one delivery's bound.
        expect(perWrite).toBeLessThan(1000);
        // While six deliveries hang, another subscription's event is delivered at once.
        await slow.http
          .post('/api/v1/webhooks')
          .send({ url: healthy.url, events: ['created'] })
          .expect(201);
        const sent = performance.now();
        await slow.http
          .post(BASE)
          .send({ serviceUserId: hg('h4'), serviceInstanceProfile: profile('h4') })
          .expect(201);
        await until(() => healthy.deliveries.length >= 1);
        expect(performance.now() - sent).toBeLessThan(1500);
        const timedOut = async (): Promise<number> => {
          const { rows } = await sql<{ n: string }>`select count(*) as n from webhook_outbox
            where subscription_id = ${sub.id} and last_error like 'no answer%'`.execute(slow.store.db);
          return Number(rows[0].n);
        };
        expect(await timedOut()).toBe(0);
        // Each hanging delivery is given up after WEBHOOK_TIMEOUT_MS, and retried later.
        await until(async () => (await timedOut()) > 0);
      } finally {
        await healthy.close();
        await slow.close();
      }
    });
  });

  describe('several apps on one store', () => {
    const schema = freshSchema();
    afterAll(async () => {
      await dropSchema(schema);
    });

    it('a restart between attempts loses nothing', async () => {
      const first = await boot(driver, {}, schema);
      await first.http
        .post('/api/v1/webhooks')
        .send({ url: receiver.url, events: ['created'] })
        .expect(201);
      receiver.mode = 'fail';
      await first.http
        .post(BASE)
        .send({ serviceUserId: hg('r'), serviceInstanceProfile: profile('R') })
        .expect(201);
      await until(() => receiver.deliveries.length >= 1);
      await first.close();
      receiver.mode = 'ok';
      const failed = receiver.deliveries.length;
      const second = await boot(driver, {}, schema);
      try {
        // Up to a lease (2 × WEBHOOK_TIMEOUT_MS + 5 s) when the first app closed during an attempt.
        await until(() => receiver.deliveries.length > failed, 20_000);
        await sleep(200);
        expect(new Set(receiver.eventIds()).size).toBe(1);
        const { rows } = await sql<{ state: string }>`select state from webhook_outbox`.execute(second.store.db);
        expect(rows.map((r) => r.state)).toEqual(['delivered']);
        // A delivery made longer ago than AUDIT_RETENTION_DAYS is forgotten with the audit records.
        await sql`update webhook_outbox set created_at = now() - interval '91 days'`.execute(second.store.db);
        await second.app.get(AuditRetention).prune();
        const left = await sql<{ n: string }>`select count(*) as n from webhook_outbox`.execute(second.store.db);
        expect(Number(left.rows[0].n)).toBe(0);
        await sql`delete from webhook_subscriptions`.execute(second.store.db);
      } finally {
        await second.close();
      }
    }, 40_000);

    it('two replicas deliver each event exactly once', async () => {
      const own = freshSchema();
      const a = await boot(driver, {}, own);
      let b: TestApp | undefined;
      try {
        // A machine token of the first replica's admin: the second's boot leaves the stored users as they are.
        const issued = await a.http
          .post('/api/v1/auth/machine_tokens')
          .send({ name: 'hooks', level: 'system' })
          .expect(201);
        const token = (issued.body as { token: string }).token;
        b = await boot(driver, {}, own);
        const [toA, toB] = [a.withToken(token), b.withToken(token)];
        await until(async () => (await toB.get('/api/v1/webhooks')).status === 200);
        await toA
          .post('/api/v1/webhooks')
          .send({ url: receiver.url, events: ['created', 'deleted'] })
          .expect(201);
        for (let i = 0; i < 8; i++) {
          const replica = i % 2 === 0 ? toA : toB;
          await replica
            .post(BASE)
            .send({ serviceUserId: hg(`x${i}`), serviceInstanceProfile: profile(`X${i}`) })
            .expect(201);
          await replica.delete(`${BASE}/${hg(`x${i}`)}`).expect(200);
        }
        await until(() => receiver.deliveries.length >= 16);
        await sleep(300);
        const ids = receiver.eventIds();
        expect(ids).toHaveLength(16);
        expect(new Set(ids).size).toBe(16);
        await sql`delete from webhook_subscriptions`.execute(a.store.db);
      } finally {
        await a.close();
        await b?.close();
        await dropSchema(own);
      }
    });
  });
});
