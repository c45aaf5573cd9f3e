import { describe, expect, it } from '@jest/globals';
import type {
  GroupHuntGroupGetAvailableUserPagedSortedListResponse,
  GroupHuntGroupGetInstancePagedSortedListResponse,
} from '../../ocip/commands.js';
import { addCommand, demoEngine, GROUP, records, refusal, SP, USER, USER1, USER2 } from '../testing/fixtures.js';

const profile = addCommand().serviceInstanceProfile;
const paged = (extra: Record<string, unknown> = {}) => ({
  $type: 'GroupHuntGroupGetInstancePagedSortedListRequest',
  serviceProviderId: SP,
  groupId: GROUP,
  ...extra,
});
const exact = (value: string) => ({ mode: 'Equal To', value, isCaseInsensitive: false });

/** Five hunt groups whose ids, names and extensions sort differently; hg-c is inactive. */
function engineWithFive() {
  const engine = demoEngine();
  const names = ['Echo', 'delta', 'Charlie', 'bravo', 'Alpha'];
  names.forEach((name, i) =>
    engine.execute(
      addCommand({
        serviceUserId: `hg-${'abcde'[i]}@sip.netaxis.be`,
        serviceInstanceProfile: { ...profile, name, extension: String(4200 + ((i * 3) % 5)) },
      }),
    ),
  );
  engine.execute({
    $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
    serviceActivation: [{ serviceUserId: 'hg-c@sip.netaxis.be', isActive: false }],
  });
  engine.execute(addCommand({ serviceUserId: 'other@sip.netaxis.be', groupId: 'ApioGrpTest2' }));
  return engine;
}
const ids = (answer: unknown) =>
  records((answer as GroupHuntGroupGetInstancePagedSortedListResponse).huntGroupTable).map((r) => r['Service User Id']);

describe('GroupHuntGroupGetInstancePagedSortedListRequest', () => {
  it('answers every hunt group of the group by user id without paging or sort, with the R25 columns', () => {
    const answer = engineWithFive().execute(paged()) as GroupHuntGroupGetInstancePagedSortedListResponse;
    expect(answer.huntGroupTable.headings).toContain('Is Phone Number Activated');
    expect(answer.huntGroupTable.headings).toContain('Parent Department Type');
    expect(ids(answer)).toEqual(['a', 'b', 'c', 'd', 'e'].map((x) => `hg-${x}@sip.netaxis.be`));
  });

  it('pages from row 1', () => {
    const engine = engineWithFive();
    const page = (start: number, size: number) =>
      ids(engine.execute(paged({ responsePagingControl: { responseStartIndex: start, responsePageSize: size } })));
    expect(page(2, 2)).toEqual(['hg-b@sip.netaxis.be', 'hg-c@sip.netaxis.be']);
    expect(page(5, 2)).toEqual(['hg-e@sip.netaxis.be']);
    expect(page(9, 2)).toEqual([]);
  });

  it('refuses paging outside the schema bounds', () => {
    const engine = engineWithFive();
    for (const control of [
      { responseStartIndex: 0, responsePageSize: 1 },
      { responseStartIndex: 1, responsePageSize: 2001 },
    ]) {
      expect(refusal(engine, paged({ responsePagingControl: control })).code).toBe(4001);
    }
  });

  it('sorts by up to three keys, descending and case-insensitively as asked', () => {
    const engine = engineWithFive();
    const byName = (isCaseSensitive: boolean, isAscending = true) =>
      ids(engine.execute(paged({ sortOrder: [{ sortByUserLastName: { isAscending, isCaseSensitive } }] })));
    // Case-sensitive code point order puts capitals first.
    expect(byName(true)).toEqual(['hg-e', 'hg-c', 'hg-a', 'hg-d', 'hg-b'].map((x) => `${x}@sip.netaxis.be`));
    expect(byName(false)).toEqual(['hg-e', 'hg-d', 'hg-c', 'hg-b', 'hg-a'].map((x) => `${x}@sip.netaxis.be`));
    expect(byName(false, false)).toEqual(['hg-a', 'hg-b', 'hg-c', 'hg-d', 'hg-e'].map((x) => `${x}@sip.netaxis.be`));
    const byExtensionThenId = ids(
      engine.execute(
        paged({
          sortOrder: [
            { sortByExtension: { isAscending: false, isCaseSensitive: true } },
            { sortByUserId: { isAscending: true, isCaseSensitive: true } },
          ],
        }),
      ),
    );
    expect(byExtensionThenId).toEqual(['hg-d', 'hg-b', 'hg-e', 'hg-c', 'hg-a'].map((x) => `${x}@sip.netaxis.be`));
  });

  it('refuses a fourth sort key and a sort order that is not one choice', () => {
    const engine = engineWithFive();
    const key = { sortByUserId: { isAscending: true, isCaseSensitive: true } };
    expect(refusal(engine, paged({ sortOrder: [key, key, key, key] })).code).toBeDefined();
    const both = { sortByUserId: key.sortByUserId, sortByDn: key.sortByUserId };
    expect(refusal(engine, paged({ sortOrder: [both] })).code).toBe(4003);
  });

  it('ANDs the criteria, or ORs them with searchCriteriaModeOr', () => {
    const engine = engineWithFive();
    const name = { mode: 'Starts With', value: 'c', isCaseInsensitive: true };
    const inactive = { isActive: false };
    expect(
      ids(engine.execute(paged({ searchCriteriaUserLastName: [name], searchCriteriaServiceStatus: inactive }))),
    ).toEqual(['hg-c@sip.netaxis.be']);
    expect(
      ids(
        engine.execute(
          paged({
            searchCriteriaUserLastName: [name],
            searchCriteriaUserId: [exact('hg-a@sip.netaxis.be')],
            searchCriteriaModeOr: true,
          }),
        ),
      ),
    ).toEqual(['hg-a@sip.netaxis.be', 'hg-c@sip.netaxis.be']);
    expect(ids(engine.execute(paged({ searchCriteriaServiceStatus: { isActive: true } })))).toHaveLength(4);
  });

  it("finds one hunt group by exact id, never another group's", () => {
    const engine = engineWithFive();
    expect(ids(engine.execute(paged({ searchCriteriaUserId: [exact('hg-d@sip.netaxis.be')] })))).toEqual([
      'hg-d@sip.netaxis.be',
    ]);
    expect(ids(engine.execute(paged({ searchCriteriaUserId: [exact('other@sip.netaxis.be')] })))).toEqual([]);
    expect(ids(engine.execute(paged({ searchCriteriaUserId: [exact('HG-D@sip.netaxis.be')] })))).toEqual([]);
  });
});

describe('GroupHuntGroupGetAvailableUserPagedSortedListRequest', () => {
  const available = (extra: Record<string, unknown> = {}) => ({
    $type: 'GroupHuntGroupGetAvailableUserPagedSortedListRequest',
    serviceProviderId: SP,
    groupId: GROUP,
    ...extra,
  });
  const userIds = (answer: unknown) =>
    records((answer as GroupHuntGroupGetAvailableUserPagedSortedListResponse).userTable).map((r) => r['User Id']);

  it('checks many users in one search: exact ids ORed, unknown ones simply absent', () => {
    const answer = demoEngine().execute(
      available({
        searchCriteriaUserId: [exact(USER2), exact('nobody@sip.netaxis.be'), exact(USER), exact(USER1)],
        searchCriteriaModeOr: true,
      }),
    );
    expect(userIds(answer)).toEqual([USER, USER1, USER2].sort());
  });

  it('pages and sorts', () => {
    const engine = demoEngine();
    const all = userIds(engine.execute(available()));
    expect(all).toEqual([...all].sort());
    const second = userIds(
      engine.execute(available({ responsePagingControl: { responseStartIndex: 2, responsePageSize: 1 } })),
    );
    expect(second).toEqual([all[1]]);
    const descending = userIds(
      engine.execute(available({ sortOrder: [{ sortByUserId: { isAscending: false, isCaseSensitive: true } }] })),
    );
    expect(descending).toEqual([...all].reverse());
  });

  it('refuses searchCriteriaModeOr false (fixed true in the schema)', () => {
    expect(refusal(demoEngine(), available({ searchCriteriaModeOr: false })).code).toBe(4001);
  });
});
