import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { OpenAPIV3 } from 'openapi-types';
import { GroupParamsDto, HuntGroupParamsDto } from '../src/http/route-params.dto.js';
import { registeredRoutes } from './support/registered-routes.js';
import { startApp, type TestApp } from './support/harness.js';

type Schema = OpenAPIV3.SchemaObject & { $ref?: string; items?: OpenAPIV3.SchemaObject };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** The class-validator rules of a class (its parents' included), by property. */
function rulesOf(target: new () => object): Map<string, { name: string; constraints: unknown[]; each: boolean }[]> {
  const rules = new Map<string, { name: string; constraints: unknown[]; each: boolean }[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    const name = m.name ?? m.type;
    if (!rules.has(m.propertyName)) rules.set(m.propertyName, []);
    rules
      .get(m.propertyName)!
      .push({ name, constraints: (m.constraints as unknown[] | undefined) ?? [], each: m.each ?? false });
  }
  return rules;
}

/** The bounds a schema must show for the rules of one property; problems as readable strings. */
function boundProblems(
  where: string,
  schema: Schema,
  rules: { name: string; constraints: unknown[]; each: boolean }[],
): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    const target = rule.each ? ((schema.items ?? {}) as Schema) : schema;
    const [a, b] = rule.constraints as [number, number];
    const expectEq = (key: string, actual: unknown, expected: unknown): void => {
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`${where}: ${key} is ${JSON.stringify(actual)}, validation says ${JSON.stringify(expected)}`);
    };
    switch (rule.name) {
      case 'isLength':
        expectEq(`${rule.each ? 'items.' : ''}maxLength`, target.maxLength, b);
        // A clearable field (nullable) also takes "", so its schema starts at 0.
        if (!(target.nullable && target.minLength === undefined))
          expectEq(`${rule.each ? 'items.' : ''}minLength`, target.minLength, a);
        break;
      case 'min':
        expectEq('minimum', target.minimum, a);
        break;
      case 'max':
        expectEq('maximum', target.maximum, a);
        break;
      case 'isIn':
        expectEq('enum', target.enum, rule.constraints[0]);
        break;
      case 'arrayMaxSize':
        expectEq('maxItems', schema.maxItems, a);
        break;
    }
  }
  return problems;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenAPIV3.Document;

  beforeAll(async () => {
    t = await startApp('memory');
    const res = await t.anonymous.get('/api/docs-json').expect(200);
    doc = res.body as OpenAPIV3.Document;
  });
  afterAll(async () => {
    await t.close();
  });

  const operations = (): { route: string; op: OpenAPIV3.OperationObject }[] =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item?.[m]).map((m) => ({ route: `${m.toUpperCase()} ${path}`, op: item![m]! })),
    );

  it('lists exactly the routes Nest registered', () => {
    const documented = operations()
      .map((o) => o.route)
      .sort();
    const registered = registeredRoutes(t.app);
    expect(registered.length).toBeGreaterThanOrEqual(12);
    expect(registered).toContain(
      'GET /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/users/available',
    );
    expect(documented).toEqual(registered);
  });

  it('validates as OpenAPI 3', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every operation, with a success answer', () => {
    for (const { route, op } of operations()) {
      expect({ route, summary: typeof op.summary === 'string' && op.summary.length > 0 }).toEqual({
        route,
        summary: true,
      });
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      expect({ route, success: success.length }).toEqual({ route, success: 1 });
    }
  });

  it('gives every hunt group and agents route the error envelope for 400, 404, 502, 503 and 504, with examples', () => {
    // The bulk upload only queues a job: it never calls BroadWorks (its own check is below).
    const api = operations().filter(
      (o) => (o.route.includes('/hunt_groups') || o.route.includes('/numbers/')) && !o.route.endsWith('/bulk'),
    );
    // 9 hunt group and agent routes (the export among them), 4 agent-centred ones; 8 call forwarding,
    // 2 alternate numbers and 1 numbers route.
    expect(api).toHaveLength(24);
    for (const { route, op } of api) {
      for (const status of ['400', '401', '403', '404', '502', '503', '504']) {
        const answer = op.responses[status] as OpenAPIV3.ResponseObject | undefined;
        const json = answer?.content?.['application/json'];
        expect({ route, status, schema: (json?.schema as { $ref?: string } | undefined)?.$ref }).toEqual({
          route,
          status,
          schema: '#/components/schemas/ErrorEnvelopeDto',
        });
        expect(Object.keys(json?.examples ?? {}).length).toBeGreaterThan(0);
      }
    }
    // Every write: 409 (an id taken, a service not assigned, or the same Idempotency-Key still running)
    // and 422 (a key reused), the Idempotency-Key header and the dryRun parameter. A service's GET: 409 too.
    const service = (path: string) => `/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/{name}/${path}`;
    const services = [
      ...['always', 'busy', 'no_answer', 'not_reachable'].map((f) => service(`call_forwarding/${f}`)),
      service('alternate_numbers'),
    ];
    const writes = [
      'DELETE /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/{name}',
      'POST /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups',
      'PUT /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/{name}',
      'PUT /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/{name}/weighted_distribution',
      'POST /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/{name}/agents',
      'DELETE /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/{name}/agents/{userId}',
      'DELETE /api/v1/tenants/{tenantId}/groups/{groupId}/users/{userId}/hunt_groups',
      ...services.map((path) => `PUT ${path}`),
    ].sort();
    expect(
      api
        .filter(({ op }) => op.responses['409'])
        .map((o) => o.route)
        .sort(),
    ).toEqual([...writes, ...services.map((path) => `GET ${path}`)].sort());
    expect(
      api
        .filter(({ op }) => op.responses['422'])
        .map((o) => o.route)
        .sort(),
    ).toEqual(writes);
    for (const { route, op } of api.filter((o) => writes.includes(o.route))) {
      const names = (op.parameters as OpenAPIV3.ParameterObject[]).map((p) => `${p.in}:${p.name}`);
      expect({ route, names }).toEqual({
        route,
        names: expect.arrayContaining(['header:Idempotency-Key', 'query:dryRun']),
      });
    }
    const envelope = doc.components!.schemas!.ErrorEnvelopeDto as Schema;
    expect(Object.keys(envelope.properties!)).toEqual(['error', 'code', 'details']);
    expect(envelope.required).toEqual(['error', 'code', 'details']);
  });

  it('documents the bulk upload (JSON or CSV, 202) and the job routes, with their error envelopes', () => {
    const bulk = operations().find(
      (o) => o.route === 'POST /api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/bulk',
    );
    expect(bulk).toBeDefined();
    expect(Object.keys((bulk!.op.requestBody as OpenAPIV3.RequestBodyObject).content).sort()).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(Object.keys(bulk!.op.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '403', '415']));
    const names = (bulk!.op.parameters as OpenAPIV3.ParameterObject[]).map((p) => `${p.in}:${p.name}`);
    expect(names).toContain('query:partial');
    for (const method of ['GET', 'DELETE']) {
      const job = operations().find((o) => o.route === `${method} /api/v1/jobs/{id}`);
      expect(Object.keys(job!.op.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
      const answer = job!.op.responses['200'] as OpenAPIV3.ResponseObject;
      expect(answer.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/JobAnswerDto' });
    }
  });

  it('shows the bounds of every validated field of every documented DTO, as the validation has them', () => {
    const problems: string[] = [];
    let checked = 0;
    const schemas = doc.components!.schemas as Record<string, Schema>;
    for (const target of getMetadataStorage()['validationMetadatas'].keys() as Iterable<new () => object>) {
      const schema = schemas[target.name];
      if (!schema) continue;
      for (const [property, rules] of rulesOf(target)) {
        const field = schema.properties?.[property];
        if (!field) {
          problems.push(`${target.name}.${property}: validated but not in the document`);
          continue;
        }
        checked++;
        problems.push(...boundProblems(`${target.name}.${property}`, field, rules));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('gives the path parameters the bounds of the route parameter DTOs', () => {
    const params = [...rulesOf(GroupParamsDto), ...rulesOf(HuntGroupParamsDto)];
    const problems: string[] = [];
    for (const { route, op } of operations().filter((o) => o.route.includes('/hunt_groups'))) {
      const inPath = (op.parameters ?? []).filter((p): p is OpenAPIV3.ParameterObject => 'in' in p && p.in === 'path');
      expect({ route, names: inPath.map((p) => p.name).sort() }).toEqual({
        route,
        names: [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(),
      });
      for (const p of inPath) {
        const rules = params.find(([name]) => name === p.name)?.[1] ?? [];
        problems.push(...boundProblems(`${route} ${p.name}`, p.schema as Schema, rules));
      }
    }
    expect(problems).toEqual([]);
  });

  it('says that agents left out of a weighted distribution get weight 0', () => {
    const put =
      doc.paths['/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/{name}/weighted_distribution']!.put!;
    expect(put.description).toMatch(/left out get weight 0/);
    const body = put.requestBody as OpenAPIV3.RequestBodyObject;
    expect(body.content['application/json'].examples?.seed).toBeDefined();
  });

  it("documents the list's paging, sorting and filters, and the export as JSON lines", () => {
    const list = doc.paths['/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups']!.get!;
    const query = (list.parameters ?? []).filter((p): p is OpenAPIV3.ParameterObject => 'in' in p && p.in === 'query');
    expect(Object.fromEntries(query.map((p) => [p.name, p.schema]))).toEqual({
      limit: { type: 'integer', minimum: 1, maximum: 2000 },
      offset: { type: 'integer', minimum: 0, maximum: 2147483646 },
      sort: expect.objectContaining({ type: 'string' }),
      name: { type: 'string', minLength: 1, maxLength: 30 },
      phoneNumber: { type: 'string', minLength: 1, maxLength: 23 },
      extension: { type: 'string', minLength: 1, maxLength: 20 },
      department: { type: 'string', minLength: 1, maxLength: 50 },
      active: { type: 'boolean' },
    });
    expect((list.responses['200'] as OpenAPIV3.ResponseObject).headers?.Link).toBeDefined();
    const exported = doc.paths['/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/export']!.get!;
    const answer = exported.responses['200'] as OpenAPIV3.ResponseObject;
    expect(Object.keys(answer.content ?? {})).toEqual(['application/x-ndjson']);
  });

  it('documents the available-users filters both as a JSON body and as query parameters', () => {
    const get = doc.paths['/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups/users/available']!.get!;
    expect(get.description).toMatch(/JSON body/);
    expect(get.description).toMatch(/query string/);
    const query = (get.parameters ?? [])
      .filter((p): p is OpenAPIV3.ParameterObject => 'in' in p && p.in === 'query')
      .map((p) => p.name);
    expect(query).toEqual(
      expect.arrayContaining([
        'sameGroupOnly',
        'sensitiveDepartmentEquals',
        'sensitiveUserGroupEquals',
        'insensitiveUserLastNameContains',
        'sensitiveExtensionEquals',
      ]),
    );
    // 34 filters, and the paging parameters, which only the query string carries.
    expect(query).toHaveLength(37);
    const paging = ['limit', 'offset', 'sort'];
    expect(query).toEqual(expect.arrayContaining(paging));
    const filter = doc.components!.schemas!.AvailableUsersFilterDto as Schema;
    expect(Object.keys(filter.properties!).sort()).toEqual(query.filter((q) => !paging.includes(q)).sort());
    expect((get.requestBody as OpenAPIV3.RequestBodyObject).required).toBe(false);
  });

  it('carries the seed examples, on the demo tenant and group', () => {
    const post = doc.paths['/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups']!.post!;
    const example = (post.requestBody as OpenAPIV3.RequestBodyObject).content['application/json'].examples!
      .seed as OpenAPIV3.ExampleObject;
    expect(example.value).toMatchObject({
      serviceUserId: 'APIOTestHuntGroup',
      agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'],
    });
    const created = (post.responses['201'] as OpenAPIV3.ResponseObject).content!['application/json'];
    expect(created.example).toMatchObject({ serviceUserId: 'APIOTestHuntGroup@sip.netaxis.be' });
  });

  it('serves the browsable page with its assets from this server', async () => {
    const page = await t.anonymous.get('/api/docs').redirects(1).expect(200);
    expect(page.type).toBe('text/html');
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      await t.anonymous.get(`/api/docs/${asset.replace(/^\.\//, '')}`).expect(200);
    }
  });
});
