/** Logins, refresh, expiry, deleted users, machine tokens, the login bound, and tokens that must expire. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { UsersStore } from '../src/auth/users.store.js';
import { BASE, startApp, TEST_ADMIN, TEST_JWT_SECRET, type TestApp, type TestAppOptions } from './support/harness.js';
import { freshSchema } from './support/test-database.js';

const LOGIN = '/api/v1/auth/login';
const REFRESH = '/api/v1/auth/access_token';
const TOKENS = '/api/v1/auth/machine_tokens';
const ACME = { username: 'acme', level: 'tenant' as const, tenants: ['ApioSpTest'] };

describe('auth', () => {
  let t: TestApp | undefined;
  const apps: TestApp[] = [];
  const start = async (options: TestAppOptions = {}): Promise<TestApp> => {
    const app = await startApp('memory', { users: [ACME], ...options });
    apps.push(app);
    return app;
  };
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    t = undefined;
  });
  const login = (app: TestApp, username: string, password: string) =>
    app.anonymous.post(LOGIN).send({ username, password });

  describe('login', () => {
    it('answers an access and a refresh token; the access token opens the API', async () => {
      t = await start();
      const res = await login(t, 'acme', 'acme-password');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['access_token', 'refresh_token']);
      const list = await t.withToken(res.body.access_token).get(BASE);
      expect(list.status).toBe(200);
    });

    it.each([
      ['a wrong password', 'acme', 'nope'],
      ['an unknown user', 'nobody', 'acme-password'],
      ['the right password of another user', 'acme', 'admin-password'],
    ])('answers 401 INVALID_CREDENTIALS for %s, with the same message', async (_what, username, password) => {
      t = await start();
      const res = await login(t, username, password);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'Invalid user name or password', code: 'INVALID_CREDENTIALS', details: null });
    });

    it.each([
      [{}, /username/],
      [{ username: 'acme' }, /password/],
      [{ username: 'acme', password: 42 }, /password/],
      [{ username: 'acme', password: 'x'.repeat(1025) }, /password/],
      [{ username: 'ac\u0000me', password: 'x' }, /U\+0000/],
    ])('answers 400 to the login body %j', async (body, message) => {
      t = await start();
      const res = await t.anonymous.post(LOGIN).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(message);
    });
  });

  describe('refresh and expiry', () => {
    it('exchanges the refresh token for a new access token', async () => {
      t = await start();
      const { refresh_token } = (await login(t, 'acme', 'acme-password')).body;
      const res = await t.withToken(refresh_token).get(REFRESH);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['access_token']);
      expect((await t.withToken(res.body.access_token).get(BASE)).status).toBe(200);
    });

    it('refuses an access token (or a machine token) on the refresh route, and no token at all', async () => {
      t = await start();
      const { access_token } = (await login(t, 'acme', 'acme-password')).body;
      const machine = (await t.http.post(TOKENS).send({ name: 'm', level: 'system' })).body.token;
      for (const token of [access_token, machine]) {
        const res = await t.withToken(token).get(REFRESH);
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ code: 'INVALID_TOKEN' });
      }
      expect((await t.anonymous.get(REFRESH)).status).toBe(401);
    });

    it('lets the access token expire after AUTH_ACCESS_TTL_S, and the refresh token after AUTH_REFRESH_TTL_S', async () => {
      t = await start({ auth: { accessTtlS: 60, refreshTtlS: 600 } });
      const { access_token, refresh_token } = (await login(t, 'acme', 'acme-password')).body;
      t.clock.advance(59_000);
      expect((await t.withToken(access_token).get(BASE)).status).toBe(200);
      t.clock.advance(2_000);
      const expired = await t.withToken(access_token).get(BASE);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual({ error: 'The bearer token has expired', code: 'TOKEN_EXPIRED', details: null });
      expect(expired.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      const renewed = await t.withToken(refresh_token).get(REFRESH);
      expect(renewed.status).toBe(200);
      expect((await t.withToken(renewed.body.access_token).get(BASE)).status).toBe(200);
      t.clock.advance(600_000);
      expect((await t.withToken(refresh_token).get(REFRESH)).body).toMatchObject({ code: 'TOKEN_EXPIRED' });
    });
  });

  describe('users that change', () => {
    it('refuses the tokens of a deleted user at once, access and refresh', async () => {
      t = await start();
      const { access_token, refresh_token } = (await login(t, 'acme', 'acme-password')).body;
      await t.users.remove('acme');
      const before = t.engine.snapshot();
      const res = await t
        .withToken(access_token)
        .post(BASE)
        .send({
          serviceUserId: 'x@sip.netaxis.be',
          serviceInstanceProfile: { name: 'x', cliLastName: 'x', cliFirstName: 'x' },
        });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'INVALID_TOKEN' });
      expect(t.engine.snapshot()).toBe(before);
      expect((await t.withToken(refresh_token).get(REFRESH)).status).toBe(401);
      expect((await login(t, 'acme', 'acme-password')).status).toBe(401);
    });

    it('refuses the tokens of a user whose password was reset, even under the same name and level', async () => {
      t = await start();
      const { access_token } = (await login(t, 'acme', 'acme-password')).body;
      await t.users.add({ ...ACME, password: 'a-new-password' });
      expect((await t.withToken(access_token).get(BASE)).status).toBe(401);
      const fresh = await login(t, 'acme', 'a-new-password');
      expect((await t.withToken(fresh.body.access_token).get(BASE)).status).toBe(200);
    });

    it('applies a narrowed reach to tokens already issued', async () => {
      t = await start();
      const { access_token } = (await login(t, 'acme', 'acme-password')).body;
      // Same credential (the store keeps the hash), only the reach changes.
      await t.users.update('acme', (u) => ({ ...u, tenants: ['foo'] }));
      const res = await t.withToken(access_token).get(BASE);
      expect(res.status).toBe(403);
      expect(
        (await t.withToken(access_token).get('/api/v1/tenants/foo/groups/foogroup/services/hunt_groups')).status,
      ).toBe(200);
    });
  });

  describe('machine tokens', () => {
    it('issues, lists (never the token) and revokes; a revoked token is refused at once', async () => {
      t = await start();
      const issued = await t.http.post(TOKENS).send({ name: 'portal', level: 'tenant', tenants: ['ApioSpTest'] });
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({
        id: expect.any(String),
        token: expect.any(String),
        name: 'portal',
        level: 'tenant',
        tenants: ['ApioSpTest'],
        created_by: TEST_ADMIN,
      });
      const { id, token } = issued.body;
      expect((await t.withToken(token).get(BASE)).status).toBe(200);
      expect((await t.withToken(token).get('/api/v1/tenants/foo/groups/foogroup/services/hunt_groups')).status).toBe(
        403,
      );
      const list = await t.http.get(TOKENS);
      expect(list.body.machine_tokens).toEqual([expect.objectContaining({ id, name: 'portal' })]);
      expect(JSON.stringify(list.body)).not.toContain(token);
      expect((await t.http.delete(`${TOKENS}/${id}`)).status).toBe(200);
      const refused = await t.withToken(token).get(BASE);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'TOKEN_REVOKED' });
      expect((await t.http.get(TOKENS)).body.machine_tokens).toEqual([]);
    });

    it('keeps revocations across a restart', async () => {
      // The second app boots on the first one's store (a schema of its own, not recycled meanwhile).
      const schema = freshSchema();
      const first = await start({ store: { schema } });
      const kept = (await first.http.post(TOKENS).send({ name: 'kept', level: 'system' })).body;
      const revoked = (await first.http.post(TOKENS).send({ name: 'revoked', level: 'system' })).body;
      expect((await first.http.delete(`${TOKENS}/${revoked.id}`)).status).toBe(200);
      await first.close();
      apps.splice(apps.indexOf(first), 1);
      const second = await start({ store: { schema } });
      expect((await second.withToken(kept.token).get(BASE)).status).toBe(200);
      expect((await second.withToken(revoked.token).get(BASE)).status).toBe(401);
    });

    it.each([
      [{ name: 'x', level: 'tenant' }, /needs at least one tenant/],
      [{ name: 'x', level: 'group', tenants: ['ApioSpTest'] }, /needs at least one group|tenants is only/],
      [{ name: 'x', level: 'boss' }, /level must be one of/],
      [{ level: 'system' }, /name/],
      [{ name: 'x', level: 'group', groups: [{ tenantId: 'ApioSpTest' }] }, /groupId/],
    ])('answers 400 to %j', async (body, message) => {
      t = await start();
      const res = await t.http.post(TOKENS).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(message);
      expect((await t.http.get(TOKENS)).body.machine_tokens).toEqual([]);
    });

    it('answers 404 for an unknown id and 400 for one that is not a token id', async () => {
      t = await start();
      expect((await t.http.delete(`${TOKENS}/7a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d`)).status).toBe(404);
      expect((await t.http.delete(`${TOKENS}/..%2F..%2Fetc`)).status).toBe(400);
    });
  });

  describe('login bound', () => {
    it('answers 429 with Retry-After after 5 failures for a user name, even with the right password', async () => {
      t = await start();
      for (let i = 0; i < 5; i++) expect((await login(t, 'acme', `wrong${i}`)).status).toBe(401);
      const res = await login(t, 'acme', 'acme-password');
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({
        code: 'TOO_MANY_LOGIN_ATTEMPTS',
        error: expect.stringMatching(/try again in \d+ seconds/),
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(890);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
      // Other users are not locked out by one user's bound.
      expect((await login(t, TEST_ADMIN, 'admin-password')).status).toBe(200);
      t.clock.advance(900_000);
      expect((await login(t, 'acme', 'acme-password')).status).toBe(200);
    });

    it("clears a user name's failures on a success", async () => {
      t = await start();
      for (let i = 0; i < 4; i++) await login(t, 'acme', 'wrong');
      expect((await login(t, 'acme', 'acme-password')).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login(t, 'acme', 'wrong')).status).toBe(401);
      expect((await login(t, 'acme', 'acme-password')).status).toBe(200);
    });

    it('answers 429 after 20 failures from one address, whatever the user names', async () => {
      t = await start();
      for (let i = 0; i < 20; i++) expect((await login(t, `guess${i}`, 'wrong')).status).toBe(401);
      const res = await login(t, TEST_ADMIN, 'admin-password');
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBeDefined();
    });

    it('follows the configured bounds', async () => {
      t = await start({ auth: { maxFailuresPerUser: 2, loginWindowS: 30 } });
      await login(t, 'acme', 'wrong');
      await login(t, 'acme', 'wrong');
      const res = await login(t, 'acme', 'acme-password');
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(30);
    });
  });

  describe('the per-address bound behind a load balancer (TRUST_PROXY)', () => {
    const fail = (app: TestApp, forwardedFor: string, i: number) =>
      app.anonymous
        .post(LOGIN)
        .set('X-Forwarded-For', forwardedFor)
        .send({ username: `guess${i}`, password: 'wrong' });

    it('ignores X-Forwarded-For by default: a client cannot pick a fresh address per guess', async () => {
      t = await start();
      for (let i = 0; i < 20; i++) expect((await fail(t, `203.0.113.${i}`, i)).status).toBe(401);
      const res = await t.anonymous
        .post(LOGIN)
        .set('X-Forwarded-For', '203.0.113.99')
        .send({ username: 'acme', password: 'acme-password' });
      expect(res.status).toBe(429);
    });

    it("with TRUST_PROXY=1 counts the client's address the proxy forwards, not the proxy's", async () => {
      t = await start({ auth: { trustProxy: 1 } });
      // 20 failures of one client behind the proxy (the proxy appends the address it saw last).
      for (let i = 0; i < 20; i++) expect((await fail(t, `198.51.100.7`, i)).status).toBe(401);
      expect((await fail(t, '198.51.100.7', 99)).status).toBe(429);
      // Another client behind the same proxy is not locked out by the first one's failures.
      const other = await t.anonymous
        .post(LOGIN)
        .set('X-Forwarded-For', '198.51.100.8')
        .send({ username: 'acme', password: 'acme-password' });
      expect(other.status).toBe(200);
      // Only the last hop counts: a client cannot pick its address by prepending one.
      expect((await fail(t, '10.9.9.9, 198.51.100.7', 100)).status).toBe(429);
    });
  });

  describe('tokens that do not expire', () => {
    const jwt = new JwtService();
    /** A token signed with the service's own secret, as a leaked secret or an older version could mint one. */
    const mint = (claims: Record<string, unknown>, expiresIn?: number): string =>
      jwt.sign(
        { iat: Math.floor(Date.now() / 1000), ...claims },
        { secret: TEST_JWT_SECRET, issuer: 'hunt-group-api', algorithm: 'HS256', ...(expiresIn ? { expiresIn } : {}) },
      );
    const credOf = (app: TestApp, username: string): string => UsersStore.credentialTag(app.users.get(username)!);

    it('refuses an access token without exp (401), though signed with the secret and carrying the credential', async () => {
      t = await start();
      const forever = mint({ sub: 'acme', typ: 'access', cred: credOf(t, 'acme') });
      const res = await t.withToken(forever).get(BASE);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'INVALID_TOKEN', error: expect.stringMatching(/no expiry/) });
      // The same claims with an expiry are accepted: the refusal is the missing exp, nothing else.
      expect(
        (await t.withToken(mint({ sub: 'acme', typ: 'access', cred: credOf(t, 'acme') }, 60)).get(BASE)).status,
      ).toBe(200);
    });

    it('refuses a refresh token and a machine token without exp', async () => {
      t = await start();
      const refresh = mint({ sub: 'acme', typ: 'refresh', cred: credOf(t, 'acme') });
      expect((await t.withToken(refresh).get(REFRESH)).status).toBe(401);
      const issued = (await t.http.post(TOKENS).send({ name: 'forever', level: 'system' })).body;
      const machine = mint({ sub: issued.id, typ: 'machine', jti: issued.id });
      const res = await t.withToken(machine).get(BASE);
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/no expiry/);
      expect((await t.withToken(issued.token).get(BASE)).status).toBe(200);
    });

    it('says a token without a type has none (not "A undefined token")', async () => {
      t = await start();
      const untyped = mint({ sub: 'acme', cred: credOf(t, 'acme') }, 60);
      const res = await t.withToken(untyped).get(BASE);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('The bearer token names no subject or no token type');
    });

    it('refuses a token whose lifetime is longer than its type allows', async () => {
      t = await start({ auth: { accessTtlS: 900 } });
      const long = mint({ sub: 'acme', typ: 'access', cred: credOf(t, 'acme') }, 901);
      const res = await t.withToken(long).get(BASE);
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/lives longer than access tokens may \(900 s\)/);
      // Issued "in the future" so that exp - iat looks right: still too far from now.
      const future = mint(
        { sub: 'acme', typ: 'access', cred: credOf(t, 'acme'), iat: Math.floor(Date.now() / 1000) + 3600 },
        900,
      );
      expect((await t.withToken(future).get(BASE)).status).toBe(401);
    });
  });

  describe('production', () => {
    it('refuses to start while the seed of an empty store holds the demo user with its demo password', async () => {
      await expect(
        start({ users: [{ username: 'demo', level: 'system', password: 'demo' }], auth: { production: true } }),
      ).rejects.toThrow(
        /The store has no user, and its seed AUTH_USERS_FILE=.* holds the demo user "demo" with its demo password/,
      );
    });

    it('refuses to start while the store holds the demo user with its demo password', async () => {
      const schema = freshSchema();
      const dev = await start({ users: [{ username: 'demo', level: 'system', password: 'demo' }], store: { schema } });
      await dev.close();
      apps.splice(apps.indexOf(dev), 1);
      await expect(start({ store: { schema }, auth: { production: true } })).rejects.toThrow(
        /The store still holds the demo user "demo" with its demo password: remove it/,
      );
    });

    it('starts when the demo user has another password', async () => {
      t = await start({
        users: [{ username: 'demo', level: 'system', password: 'something-else' }],
        auth: { production: true },
      });
      expect((await t.http.get(BASE)).status).toBe(200);
    });
  });
});
