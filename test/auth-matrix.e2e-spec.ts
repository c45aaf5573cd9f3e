/**
 * Every route × every level × inside/outside reach. The routes come from the HTTP server's own
 * route table, so a route added later is covered (or fails the "known routes" check) without
 * anybody editing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type TestAgent from 'supertest/lib/agent.js';
import { startApp, TEST_JWT_SECRET, type TestApp } from './support/harness.js';

interface Route {
  method: string;
  path: string;
}

/** Routes of Express' table; the `/*splat` entries are Nest middleware (logging, metrics), not routes. */
function registeredRoutes(t: TestApp): Route[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((method) => ({ method, path: layer.route!.path })) : [],
    )
    .filter((r) => !r.path.includes('*splat'));
}

/** The only routes that answer without a token. Anything else must be 401 anonymously. */
const OPEN = new Set(['post /api/v1/auth/login', 'get /health/live', 'get /health/ready', 'get /metrics']);
/** Public to the guard, but checks its own token (a refresh token): 401 without one. */
const REFRESH = 'get /api/v1/auth/access_token';
const isDocs = (r: Route): boolean =>
  r.path === '/api/docs' || r.path.startsWith('/api/docs/') || r.path.startsWith('/api/docs-');
const key = (r: Route): string => `${r.method} ${r.path}`;
/** Routes without a tenant that bound what they answer by the caller's reach themselves. */
const isBoundedByReach = (r: Route): boolean =>
  r.path.startsWith('/api/v1/audit_records') || r.path.startsWith('/api/v1/webhooks');

interface Target {
  tenantId: string;
  groupId: string;
  hg: string;
}
const OWN: Target = { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest', hg: 'hg-own@sip.netaxis.be' };
const SIBLING: Target = { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest2', hg: 'hg-sibling@sip.netaxis.be' };
const OTHER_TENANT: Target = { tenantId: 'foo', groupId: 'foogroup', hg: 'hg-foo@sip.netaxis.be' };
const TARGETS = { own: OWN, sibling: SIBLING, 'other tenant': OTHER_TENANT };
/** A hunt group's service routes (below its :name). */
const SERVICES = [
  'call_forwarding/always',
  'call_forwarding/busy',
  'call_forwarding/no_answer',
  'call_forwarding/not_reachable',
  'alternate_numbers',
];

/** One available user of each target group (the demo world's), made an agent of its hunt group. */
const agentsOf = (t: Target): string[] =>
  ({
    ApioGrpTest: ['ApioUserTest@sip.netaxis.be'],
    ApioGrpTest2: ['foouser@sip.netaxis.be'],
    foogroup: ['fooagent1@sip.netaxis.be'],
  })[t.groupId] ?? [];

/** A user of each target group's reach who is not an agent at first: added and taken out again by the agent routes. */
const newcomerOf = (t: Target): string =>
  ({ ApioGrpTest: 'ApioUserTest1@sip.netaxis.be', ApioGrpTest2: 'ApioUserTest2@sip.netaxis.be' })[t.groupId] ??
  'fooagent2@sip.netaxis.be';

const fill = (path: string, t: Target, extra: Record<string, string> = {}): string =>
  path
    .replace(':userId', encodeURIComponent(newcomerOf(t)))
    .replace(':tenantId', encodeURIComponent(t.tenantId))
    .replace(':groupId', encodeURIComponent(t.groupId))
    .replace(':name', encodeURIComponent(t.hg))
    .replace(':id', extra.id ?? '00000000-0000-4000-8000-000000000000');

/** A plausible body for each route, so an allowed request does real work. */
function bodyOf(route: Route, t: Target, n: number): object | undefined {
  if (route.method === 'post' && route.path.endsWith('/hunt_groups')) {
    return {
      serviceUserId: `hg-new${n}@sip.netaxis.be`,
      serviceInstanceProfile: { name: `New ${n}`, cliLastName: 'New', cliFirstName: 'Line' },
    };
  }
  if (route.method === 'post' && route.path.endsWith('/agents')) return { userId: newcomerOf(t) };
  if (route.method === 'post' && route.path.endsWith('/bulk'))
    return [{ action: 'delete', serviceUserId: `hg-absent${n}@sip.netaxis.be` }];
  if (route.method === 'put' && route.path.endsWith('/weighted_distribution'))
    return { agents: [{ userId: agentsOf(t)[0], weight: 100 }] };
  if (route.method === 'put') return { policy: 'Circular' };
  if (route.path === '/api/v1/webhooks' && route.method === 'post')
    return { url: 'http://127.0.0.1:9/hook', events: ['created'], tenantId: t.tenantId };
  if (route.path === '/api/v1/auth/machine_tokens' && route.method === 'post')
    return { name: 'matrix', level: 'tenant', tenants: [t.tenantId] };
  return undefined;
}

/** 201 for a create, 202 for a bulk upload (a job), 200 for the rest (adding an agent answers the hunt group). */
function successOf(route: Route): number {
  if (route.method !== 'post' || route.path.endsWith('/agents')) return 200;
  return route.path.endsWith('/bulk') ? 202 : 201;
}

function send(client: TestAgent, method: string, url: string, body?: object) {
  const req = (client as unknown as Record<string, (u: string) => ReturnType<TestAgent['get']>>)[method](url);
  return body === undefined ? req : req.send(body);
}

describe('access matrix', () => {
  let t: TestApp;
  /** The hunt group each target's :name routes work on (an allowed DELETE of an earlier case removes it). */
  const ensureHuntGroups = async (): Promise<void> => {
    for (const target of Object.values(TARGETS)) {
      const res = await t.http
        .post(`/api/v1/tenants/${target.tenantId}/groups/${target.groupId}/services/hunt_groups`)
        .send({
          serviceUserId: target.hg,
          serviceInstanceProfile: { name: 'HG', cliLastName: 'HG', cliFirstName: 'Line' },
          agents: agentsOf(target),
        });
      expect([201, 409]).toContain(res.status);
      // Its own services assigned (the demo groups authorize them), so their routes answer 200.
      const one = `/api/v1/tenants/${target.tenantId}/groups/${target.groupId}/services/hunt_groups/${target.hg}`;
      for (const service of SERVICES)
        expect((await t.http.put(`${one}/${service}?assign=true`).send({})).status).toBe(200);
    }
  };
  let routes: Route[];
  let apiRoutes: Route[];
  let tenantRoutes: Route[];
  const clients: Record<string, () => TestAgent> = {};
  /** Who is expected to reach which target. */
  const reachOf: Record<string, (keyof typeof TARGETS)[]> = {};

  beforeAll(async () => {
    t = await startApp('memory', {
      users: [
        { username: 'acme', level: 'tenant', tenants: ['ApioSpTest'] },
        { username: 'desk', level: 'group', groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest' }] },
      ],
    });
    await ensureHuntGroups();
    const machine = async (body: object): Promise<string> => {
      const res = await t.http.post('/api/v1/auth/machine_tokens').send(body);
      expect(res.status).toBe(201);
      return res.body.token as string;
    };
    const machineSystem = await machine({ name: 'ops', level: 'system' });
    const machineTenant = await machine({ name: 'portal', level: 'tenant', tenants: ['ApioSpTest'] });
    const machineGroup = await machine({
      name: 'desk-script',
      level: 'group',
      groups: [{ tenantId: 'ApioSpTest', groupId: 'ApioGrpTest' }],
    });
    Object.assign(clients, {
      'system user': () => t.http,
      'tenant user': () => t.as('acme'),
      'group user': () => t.as('desk'),
      'system machine token': () => t.withToken(machineSystem),
      'tenant machine token': () => t.withToken(machineTenant),
      'group machine token': () => t.withToken(machineGroup),
    });
    Object.assign(reachOf, {
      'system user': ['own', 'sibling', 'other tenant'],
      'tenant user': ['own', 'sibling'],
      'group user': ['own'],
      'system machine token': ['own', 'sibling', 'other tenant'],
      'tenant machine token': ['own', 'sibling'],
      'group machine token': ['own'],
    });
    routes = registeredRoutes(t);
    apiRoutes = routes.filter((r) => !isDocs(r));
    // DELETEs last, the hunt group's own last of all, so the routes before it find the hunt group
    // (and the agent the POST added is taken out again before the next principal adds it).
    const order = (r: Route): number => (r.method !== 'delete' ? 0 : r.path.endsWith('/hunt_groups/:name') ? 2 : 1);
    tenantRoutes = apiRoutes.filter((r) => r.path.includes(':tenantId')).sort((a, b) => order(a) - order(b));
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the routes: the eight hunt group routes, the auth routes, and the operational ones', () => {
    expect(tenantRoutes.map(key).sort()).toEqual(
      [
        'delete /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name',
        'get /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups',
        'get /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name',
        'get /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/export',
        'get /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/weighted_distribution',
        'get /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/users/available',
        'post /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups',
        'put /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name',
        'put /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/weighted_distribution',
        'post /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/agents',
        'delete /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/agents/:userId',
        'get /api/v1/tenants/:tenantId/groups/:groupId/users/:userId/hunt_groups',
        'delete /api/v1/tenants/:tenantId/groups/:groupId/users/:userId/hunt_groups',
        'post /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/bulk',
        ...SERVICES.flatMap((s) => [
          `get /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/${s}`,
          `put /api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/${s}`,
        ]),
        'get /api/v1/tenants/:tenantId/groups/:groupId/numbers/available',
      ].sort(),
    );
    expect(apiRoutes.map(key)).toEqual(
      expect.arrayContaining([
        ...OPEN,
        REFRESH,
        'post /api/v1/auth/machine_tokens',
        'delete /api/v1/auth/machine_tokens/:id',
        'get /api/v1/jobs/:id',
        'delete /api/v1/jobs/:id',
      ]),
    );
  });

  it('answers 401 to every route but the open ones without a token, in the envelope, changing nothing', async () => {
    const before = t.engine.snapshot();
    for (const route of apiRoutes) {
      const res = await send(t.anonymous, route.method, fill(route.path, OWN), bodyOf(route, OWN, 0));
      if (OPEN.has(key(route))) {
        expect([key(route), res.status]).not.toEqual([key(route), 401]);
      } else {
        expect([key(route), res.status, res.body.code]).toEqual([key(route), 401, 'UNAUTHENTICATED']);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      }
    }
    expect(t.engine.snapshot()).toBe(before);
  });

  it('serves the API docs without a token', async () => {
    const res = await t.anonymous.get('/api/docs-json');
    expect(res.status).toBe(200);
  });

  describe('bad tokens', () => {
    const jwt = new JwtService();
    const BAD: Record<string, () => string> = {
      garbage: () => 'not-a-token',
      'a JWT signed with another secret': () =>
        jwt.sign({ sub: 'admin', typ: 'access' }, { secret: 'x'.repeat(40), issuer: 'hunt-group-api', expiresIn: 600 }),
      'an unsigned JWT (alg none)': () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'admin', typ: 'access', iss: 'hunt-group-api', exp: 9999999999 })).toString('base64url')}.`,
      'a JWT without the credential claim': () =>
        jwt.sign(
          { sub: 'admin', typ: 'access' },
          { secret: TEST_JWT_SECRET, issuer: 'hunt-group-api', expiresIn: 600 },
        ),
      'an expired access token': () =>
        jwt.sign(
          { sub: 'admin', typ: 'access', iat: Math.floor(Date.now() / 1000) - 1000 },
          { secret: TEST_JWT_SECRET, issuer: 'hunt-group-api', expiresIn: 10 },
        ),
      'a refresh token': () => refreshToken,
    };
    let refreshToken = '';
    beforeAll(async () => {
      const res = await t.anonymous.post('/api/v1/auth/login').send({ username: 'acme', password: 'acme-password' });
      refreshToken = res.body.refresh_token as string;
    });

    it.each(Object.keys(BAD))('answers 401 to every protected route for %s, changing nothing', async (what) => {
      const before = t.engine.snapshot();
      const token = BAD[what]();
      for (const route of apiRoutes.filter((r) => !OPEN.has(key(r)) && key(r) !== REFRESH)) {
        const res = await send(t.withToken(token), route.method, fill(route.path, OWN), bodyOf(route, OWN, 0));
        expect([key(route), res.status]).toEqual([key(route), 401]);
        expect(res.body.code).toMatch(/^(INVALID_TOKEN|TOKEN_EXPIRED)$/);
      }
      expect(t.engine.snapshot()).toBe(before);
    });

    it.each([
      ['no scheme', (tok: string) => tok],
      ['Basic', () => `Basic ${Buffer.from('admin:admin-password').toString('base64')}`],
      ['two tokens', (tok: string) => `Bearer ${tok} ${tok}`],
    ])('answers 401 to a malformed Authorization header (%s)', async (_what, header) => {
      const res = await t.anonymous
        .get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/hunt_groups')
        .set('Authorization', header(t.accessTokenOf('admin')));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'INVALID_TOKEN' });
    });
  });

  describe('reach', () => {
    const PRINCIPALS = [
      'system user',
      'tenant user',
      'group user',
      'system machine token',
      'tenant machine token',
      'group machine token',
    ];
    let n = 0;

    it.each(PRINCIPALS)('%s: allowed inside its reach, 403 outside it on every hunt group route', async (principal) => {
      await ensureHuntGroups();
      for (const route of tenantRoutes) {
        for (const [where, target] of Object.entries(TARGETS) as [keyof typeof TARGETS, Target][]) {
          const before = t.engine.snapshot();
          const res = await send(
            clients[principal](),
            route.method,
            fill(route.path, target),
            bodyOf(route, target, ++n),
          );
          const label = `${principal} ${key(route)} on ${where}`;
          if (reachOf[principal].includes(where)) {
            expect([label, res.status, res.body.code]).toEqual([label, successOf(route), undefined]);
          } else {
            expect([label, res.status, res.body.code]).toEqual([label, 403, 'FORBIDDEN']);
            expect(t.engine.snapshot()).toBe(before);
          }
        }
      }
    });

    it('lets a tenant admin use every group of the tenant, a group admin only theirs', async () => {
      const list = (client: TestAgent, target: Target) =>
        client.get(`/api/v1/tenants/${target.tenantId}/groups/${target.groupId}/services/hunt_groups`);
      expect((await list(t.as('acme'), SIBLING)).status).toBe(200);
      expect((await list(t.as('desk'), SIBLING)).status).toBe(403);
      expect((await list(t.as('desk'), OWN)).status).toBe(200);
    });

    it('refuses before validating: a tenant admin gets 403, not 400, for another tenant with a bad hunt group name', async () => {
      const res = await t.as('acme').get('/api/v1/tenants/foo/groups/foogroup/services/hunt_groups/no-at-sign');
      expect(res.status).toBe(403);
    });

    it.each(PRINCIPALS)('auth administration routes for the %s', async (principal) => {
      const authRoutes = apiRoutes.filter(
        (r) =>
          !r.path.includes(':tenantId') &&
          !isBoundedByReach(r) &&
          !OPEN.has(key(r)) &&
          key(r) !== REFRESH &&
          !r.path.startsWith('/health') &&
          r.path !== '/metrics' &&
          // A job's route checks the reach of the job's own group (test/bulk-jobs.e2e-spec.ts).
          !r.path.startsWith('/api/v1/jobs'),
      );
      expect(authRoutes.length).toBeGreaterThanOrEqual(3);
      for (const route of authRoutes) {
        const res = await send(clients[principal](), route.method, fill(route.path, OWN), bodyOf(route, OWN, ++n));
        const label = `${principal} ${key(route)}`;
        if (principal === 'system user') {
          expect([label, [401, 403].includes(res.status)]).toEqual([label, false]);
        } else if (principal === 'system machine token') {
          // A machine token may read the list, but neither issue nor revoke tokens.
          expect([label, res.status]).toEqual([label, route.method === 'get' ? 200 : 403]);
        } else {
          expect([label, res.status, res.body.code]).toEqual([label, 403, 'FORBIDDEN']);
        }
      }
    });

    it.each(PRINCIPALS)(
      'routes bounded by the reach of the %s: audit records for all, webhooks for system and tenant',
      async (principal) => {
        const bounded = apiRoutes.filter(isBoundedByReach);
        expect(bounded.map(key).sort()).toEqual(
          [
            'get /api/v1/audit_records',
            'get /api/v1/webhooks',
            'post /api/v1/webhooks',
            'get /api/v1/webhooks/:id',
            'post /api/v1/webhooks/:id',
            'delete /api/v1/webhooks/:id',
          ].sort(),
        );
        for (const route of bounded) {
          const res = await send(clients[principal](), route.method, fill(route.path, OWN), bodyOf(route, OWN, ++n));
          const label = `${principal} ${key(route)}`;
          const expected =
            route.path === '/api/v1/audit_records'
              ? 200
              : principal.startsWith('group')
                ? 403
                : route.path.endsWith(':id')
                  ? 404
                  : route.method === 'post'
                    ? 201
                    : 200;
          expect([label, res.status]).toEqual([label, expected]);
        }
      },
    );
  });
});
