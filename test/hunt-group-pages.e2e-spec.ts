/**
 * The list's pages (limit, offset, sort, filters, the Link header), the export, the agent bound and
 * the cost of single-item calls in a big group, on both gateways.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FaultyGateway } from './support/faulty-gateway.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';
import type { BroadWorksEngine } from '../src/simulator/engine.js';
import { addCommand } from '../src/simulator/testing/fixtures.js';

const SP = 'ApioSpTest';
const GROUP = 'ApioGrpTest';
const domain = 'sip.netaxis.be';
const department = {
  $type: 'GroupDepartmentKey' as const,
  serviceProviderId: SP,
  groupId: GROUP,
  name: 'test_department_initial',
};

/** Hunt groups hg-00…, named so that name order differs from id order; every third inactive, every fourth in a department. */
function seed(engine: BroadWorksEngine, count: number): void {
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(4, '0');
    const outcome = engine.execute(
      addCommand({
        serviceUserId: `hg-${n}@${domain}`,
        serviceInstanceProfile: {
          name: `${i % 2 === 0 ? 'Sales' : 'support'} ${String(count - i).padStart(4, '0')}`,
          callingLineIdLastName: 'Line',
          callingLineIdFirstName: 'Hunt',
          extension: `7${n}`,
          ...(i % 4 === 0 ? { department } : {}),
        },
      }),
    );
    if ('summary' in (outcome as object)) throw new Error(JSON.stringify(outcome));
    if (i % 3 === 0) {
      engine.execute({
        $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
        serviceActivation: [{ serviceUserId: `hg-${n}@${domain}`, isActive: false }],
      });
    }
  }
}

const idsOf = (body: { hunt_groups: { serviceUserId: string }[] }) => body.hunt_groups.map((h) => h.serviceUserId);
const id = (i: number) => `hg-${String(i).padStart(4, '0')}@${domain}`;

describe.each(DRIVERS)('hunt group list pages and export on the %s gateway', (driver) => {
  let t: TestApp;
  let counter: FaultyGateway;
  const documents = async (call: () => PromiseLike<{ status: number }>, status: number) => {
    counter.sent.length = 0;
    expect((await call()).status).toBe(status);
    return [...counter.sent];
  };
  beforeAll(async () => {
    t = await startApp(driver, { wrap: (g) => (counter = new FaultyGateway(g)) });
    seed(t.engine, 40);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the whole list without parameters, as before, with no Link', async () => {
    const res = await t.http.get(BASE).expect(200);
    expect(idsOf(res.body)).toHaveLength(40);
    expect(res.headers.link).toBeUndefined();
    expect(Object.keys(res.body)).toEqual(['hunt_groups']);
  });

  it('pages by limit and offset in one document a page, with a Link to the next page while there are more', async () => {
    const sent = await documents(() => t.http.get(`${BASE}?limit=15&offset=10`), 200);
    expect(sent).toHaveLength(1);
    const res = await t.http.get(`${BASE}?limit=15&offset=10`).expect(200);
    expect(idsOf(res.body)).toEqual(Array.from({ length: 15 }, (_, i) => id(10 + i)));
    expect(res.headers.link).toBe(`<${BASE}?limit=15&offset=25>; rel="next"`);
    const last = await t.http.get(`${BASE}?limit=15&offset=25`).expect(200);
    expect(idsOf(last.body)).toEqual(Array.from({ length: 15 }, (_, i) => id(25 + i)));
    expect(last.headers.link).toBeUndefined();
    const beyond = await t.http.get(`${BASE}?limit=15&offset=40`).expect(200);
    expect(beyond.body).toEqual({ hunt_groups: [] });
  });

  it('keeps the filters and sort in the Link', async () => {
    const res = await t.http.get(`${BASE}?active=true&sort=-name&limit=2`).expect(200);
    expect(res.headers.link).toBe(`<${BASE}?active=true&sort=-name&limit=2&offset=2>; rel="next"`);
  });

  it('sorts by up to three keys, "-" descending', async () => {
    const byName = await t.http.get(`${BASE}?sort=name&limit=5`).expect(200);
    const names = byName.body.hunt_groups.map((h: { name: string }) => h.name);
    // Case-insensitive: every "Sales" before every "support".
    expect(names).toEqual(['Sales 0002', 'Sales 0004', 'Sales 0006', 'Sales 0008', 'Sales 0010']);
    const byExtensionDown = await t.http.get(`${BASE}?sort=-extension,name&limit=3`).expect(200);
    expect(idsOf(byExtensionDown.body)).toEqual([id(39), id(38), id(37)]);
    const byIdDown = await t.http.get(`${BASE}?sort=-serviceUserId,phoneNumber,extension&offset=38`).expect(200);
    expect(idsOf(byIdDown.body)).toEqual([id(1), id(0)]);
  });

  it('filters on name, extension, department and active state, all together', async () => {
    const active = await t.http.get(`${BASE}?active=false`).expect(200);
    expect(idsOf(active.body)).toEqual(Array.from({ length: 14 }, (_, i) => id(i * 3)));
    expect(active.body.hunt_groups.every((h: { active: boolean }) => !h.active)).toBe(true);
    const support = await t.http.get(`${BASE}?name=SUPPORT&limit=100`).expect(200);
    expect(idsOf(support.body)).toHaveLength(20);
    const extension = await t.http.get(`${BASE}?extension=70007`).expect(200);
    expect(idsOf(extension.body)).toEqual([id(7)]);
    const both = await t.http.get(`${BASE}?department=initial&active=false`).expect(200);
    // In the department (every fourth) and inactive (every third): every twelfth.
    expect(idsOf(both.body)).toEqual([id(0), id(12), id(24), id(36)]);
    expect(both.body.hunt_groups[0].department).toMatchObject({ departmentName: 'test_department_initial' });
    const none = await t.http.get(`${BASE}?phoneNumber=%2B3225550000`).expect(200);
    expect(none.body).toEqual({ hunt_groups: [] });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=2001', 'limit'],
    ['limit=1e2', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=policy', 'sort'],
    ['sort=name,-name', 'sort'],
    ['sort=name,extension,phoneNumber,serviceUserId', 'sort'],
    ['active=yes', 'active'],
    [`name=${'x'.repeat(31)}`, 'name'],
    ['name=a&name=b', 'name'],
  ])('refuses %s with 400 VALIDATION_FAILED naming %s, sending nothing', async (query, field) => {
    counter.sent.length = 0;
    const res = await t.http.get(`${BASE}?${query}`);
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(counter.sent).toHaveLength(0);
  });

  it('refuses a filter value XML cannot carry, sending nothing', async () => {
    counter.sent.length = 0;
    const res = await t.http.get(`${BASE}?name=a%01b`);
    expect([res.status, res.body.code]).toEqual([400, 'INVALID_CHARACTERS']);
    expect(counter.sent).toHaveLength(0);
  });

  it('refuses an unknown parameter', async () => {
    const res = await t.http.get(`${BASE}?limt=5`);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('limt');
  });

  it('exports every hunt group as JSON lines, each as GET one answers it, in ceil(N/15) detail documents', async () => {
    const sent = await documents(() => t.http.get(`${BASE}/export`), 200);
    const res = await t.http
      .get(`${BASE}/export/`)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = (res.body as string)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { serviceUserId: string });
    expect(lines.map((h) => h.serviceUserId)).toEqual(Array.from({ length: 40 }, (_, i) => id(i)));
    expect(lines[7]).toEqual((await t.http.get(`${BASE}/${id(7)}`).expect(200)).body);
    // The list page (its rows give each hunt group's activation), then 40 instances in ceil(40/15) = 3 documents.
    expect(sent.map((d) => d.length)).toEqual([1, 15, 15, 10]);
  });

  it('exports an empty group as an empty body', async () => {
    const res = await t.http.get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest2/services/hunt_groups/export');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('answers 404 to the export of an unknown group', async () => {
    const res = await t.http.get('/api/v1/tenants/ApioSpTest/groups/Nope/services/hunt_groups/export');
    expect(res.status).toBe(404);
  });

  it('refuses more agents than HUNT_GROUP_MAX_AGENTS on POST, PUT and dry-run, before any document', async () => {
    const agents = Array.from({ length: 1001 }, (_, i) => `user${i}@${domain}`);
    const calls = [
      () =>
        t.http.post(BASE).send({
          serviceUserId: `big@${domain}`,
          serviceInstanceProfile: { name: 'B', cliLastName: 'B', cliFirstName: 'B' },
          agents,
        }),
      () => t.http.put(`${BASE}/${id(1)}`).send({ agents }),
      () => t.http.put(`${BASE}/${id(1)}?dryRun=true`).send({ agents }),
    ];
    for (const call of calls) {
      counter.sent.length = 0;
      const res = await call();
      expect([res.status, res.body.code, res.body.details[0].field]).toEqual([400, 'VALIDATION_FAILED', 'agents']);
      expect(counter.sent).toHaveLength(0);
    }
  });
});

describe.each(DRIVERS)('single-item calls in a group of 1,000 hunt groups on the %s gateway', (driver) => {
  let t: TestApp;
  let counter: FaultyGateway;
  beforeAll(async () => {
    t = await startApp(driver, { wrap: (g) => (counter = new FaultyGateway(g)) });
    seed(t.engine, 1000);
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET one costs one document of two commands, none of them the whole list', async () => {
    counter.sent.length = 0;
    const res = await t.http.get(`${BASE}/${id(500)}`).expect(200);
    expect(res.body.serviceUserId).toBe(id(500));
    expect(counter.sent.map((d) => d.map((c) => c.$type))).toEqual([
      ['GroupHuntGroupGetInstanceRequest20', 'GroupHuntGroupGetInstancePagedSortedListRequest'],
    ]);
    const rowSearch = counter.sent[0][1] as { responsePagingControl?: { responsePageSize: number } };
    expect(rowSearch.responsePagingControl?.responsePageSize).toBe(1);
  });

  it('PUT with agents costs two documents', async () => {
    counter.sent.length = 0;
    await t.http
      .put(`${BASE}/${id(501)}`)
      .send({ agents: ['ApioUserTest@sip.netaxis.be'] })
      .expect(200);
    expect(counter.sent).toHaveLength(2);
    expect(counter.sent.flat().map((c) => c.$type)).not.toContain('GroupHuntGroupGetInstanceListRequest');
  });
});

describe.each(DRIVERS)('the export of a group larger than a list page on the %s gateway', (driver) => {
  let t: TestApp;
  let counter: FaultyGateway;
  beforeAll(async () => {
    t = await startApp(driver, { wrap: (g) => (counter = new FaultyGateway(g)) });
    seed(t.engine, 2005);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads two list pages and ceil(2005/15) = 134 detail documents, every one full but the last', async () => {
    counter.sent.length = 0;
    const res = await t.http.get(`${BASE}/export`).expect(200);
    const lines = res.text.trimEnd().split('\n');
    expect(lines).toHaveLength(2005);
    expect((JSON.parse(lines[2004]) as { serviceUserId: string }).serviceUserId).toBe(id(2004));
    const pages = counter.sent.filter((d) => d[0].$type === 'GroupHuntGroupGetInstancePagedSortedListRequest');
    const details = counter.sent.filter((d) => d[0].$type === 'GroupHuntGroupGetInstanceRequest20');
    expect([pages.length, details.length, counter.sent.length]).toEqual([2, 134, 136]);
    expect(details.slice(0, -1).every((d) => d.length === 15)).toBe(true);
    expect(details.at(-1)).toHaveLength(2005 - 133 * 15);
  });
});
