import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetAvailableUserListResponse, SearchMode } from '../../ocip/commands.js';
import {
  demoEngine,
  engineWithHuntGroup,
  FOO_AGENT,
  HG,
  OTHER_GROUP_USER,
  records,
  refusal,
  SP,
  USER,
  USER1,
  USER2,
} from '../testing/fixtures.js';
import { matches } from './hunt-group-available-users.js';

const request = (extra: Record<string, unknown> = {}) => ({
  $type: 'GroupHuntGroupGetAvailableUserListRequest',
  serviceProviderId: SP,
  groupId: 'ApioGrpTest',
  ...extra,
});
const criteria = (mode: SearchMode, value: string, isCaseInsensitive = false) => ({ mode, value, isCaseInsensitive });
const ids = (extra: Record<string, unknown> = {}, engine = demoEngine()) =>
  records((engine.execute(request(extra)) as GroupHuntGroupGetAvailableUserListResponse).userTable).map(
    (r) => r['User Id'],
  );

describe('GroupHuntGroupGetAvailableUserListRequest', () => {
  it("lists every group's users of an enterprise, by last name, first name and user id, with every column", () => {
    const answer = demoEngine().execute(request()) as GroupHuntGroupGetAvailableUserListResponse;
    expect(answer.userTable.headings).toEqual([
      'User Id',
      'Last Name',
      'First Name',
      'Hiragana Last Name',
      'Hiragana First Name',
      'Phone Number',
      'Extension',
      'Department',
      'Email Address',
    ]);
    const rows = records(answer.userTable);
    expect(rows.map((r) => r['User Id'])).toEqual([USER, OTHER_GROUP_USER, USER1, USER2]);
    expect(rows[0]).toEqual({
      'User Id': USER,
      'Last Name': 'Test',
      'First Name': 'Test',
      'Hiragana Last Name': '',
      'Hiragana First Name': '',
      'Phone Number': '',
      Extension: '4000',
      Department: 'test_department_parent_1 \\ test_department_initial',
      'Email Address': 'test_mail@test.netaxis.be',
    });
  });

  it('lists only its own users in a plain service provider', () => {
    expect(ids({ serviceProviderId: 'foo', groupId: 'foogroup' })).toEqual([FOO_AGENT, 'fooagent2@sip.netaxis.be']);
  });

  it('never lists virtual users', () => {
    expect(ids({}, engineWithHuntGroup())).not.toContain(HG);
  });

  it('filters on text criteria, ANDing them', () => {
    expect(ids({ searchCriteriaUserLastName: [criteria('Starts With', 'Test')] })).toEqual([
      USER,
      OTHER_GROUP_USER,
      USER1,
      USER2,
    ]);
    expect(ids({ searchCriteriaUserLastName: [criteria('Equal To', 'Test')] })).toEqual([USER, OTHER_GROUP_USER]);
    expect(
      ids({
        searchCriteriaUserLastName: [criteria('Equal To', 'Test')],
        searchCriteriaExtension: [criteria('Starts With', '40')],
      }),
    ).toEqual([USER, OTHER_GROUP_USER]);
    expect(
      ids({
        searchCriteriaUserLastName: [criteria('Equal To', 'Test')],
        searchCriteriaExtension: [criteria('Equal To', '4004')],
      }),
    ).toEqual([OTHER_GROUP_USER]);
    expect(ids({ searchCriteriaUserId: [criteria('Contains', 'UserTest'), criteria('Contains', '2')] })).toEqual([
      USER2,
    ]);
    expect(ids({ searchCriteriaUserFirstName: [criteria('Equal To', 'Test1')] })).toEqual([USER1]);
  });

  it('honours case sensitivity', () => {
    expect(ids({ searchCriteriaUserId: [criteria('Starts With', 'apiousertest1')] })).toEqual([]);
    expect(ids({ searchCriteriaUserId: [criteria('Starts With', 'apiousertest1', true)] })).toEqual([USER1]);
  });

  it('matches phone numbers, and users without one never match a DN criterion', () => {
    expect(ids({ searchCriteriaDn: [criteria('Contains', '6778')] })).toEqual([USER1]);
    expect(ids({ searchCriteriaDn: [criteria('Contains', '+')] })).toEqual([USER1]);
  });

  it('filters on an exact department', () => {
    const departmentKey = {
      $type: 'GroupDepartmentKey',
      serviceProviderId: SP,
      groupId: 'ApioGrpTest',
      name: 'test_department_initial',
    };
    expect(ids({ searchCriteriaExactUserDepartment: { departmentKey } })).toEqual([USER]);
    const enterprise = { $type: 'EnterpriseDepartmentKey', serviceProviderId: SP, name: 'test_department_parent_1' };
    expect(ids({ searchCriteriaExactUserDepartment: { departmentKey: enterprise } })).toEqual([]);
  });

  it('filters on an exact group; in a plain service provider only the own group can match', () => {
    expect(ids({ searchCriteriaExactUserGroup: { serviceProviderId: SP, groupId: 'ApioGrpTest2' } })).toEqual([
      OTHER_GROUP_USER,
    ]);
    expect(ids({ searchCriteriaExactUserGroup: { serviceProviderId: SP, groupId: 'ApioGrpTest' } })).toEqual([
      USER,
      USER1,
      USER2,
    ]);
    const foo = { serviceProviderId: 'foo', groupId: 'foogroup' };
    expect(ids({ ...foo, searchCriteriaExactUserGroup: { serviceProviderId: SP, groupId: 'ApioGrpTest' } })).toEqual(
      [],
    );
    expect(ids({ ...foo, searchCriteriaExactUserGroup: foo })).toEqual([FOO_AGENT, 'fooagent2@sip.netaxis.be']);
  });

  it('truncates to responseSizeLimit', () => {
    expect(ids({ responseSizeLimit: 2 })).toEqual([USER, OTHER_GROUP_USER]);
  });

  it('refuses an unknown group with 4152, and bad criteria with 4001', () => {
    expect(refusal(demoEngine(), request({ groupId: 'ghost' }))).toEqual({
      code: 4152,
      summary: '[Error 4152] Group not found: ghost',
      unchanged: true,
    });
    expect(refusal(demoEngine(), request({ searchCriteriaUserId: [criteria('Contains', '')] })).code).toBe(4001);
  });
});

describe('matches', () => {
  it('applies each mode', () => {
    expect(matches(criteria('Starts With', 'ab'), 'abc')).toBe(true);
    expect(matches(criteria('Starts With', 'bc'), 'abc')).toBe(false);
    expect(matches(criteria('Contains', 'bc'), 'abc')).toBe(true);
    expect(matches(criteria('Equal To', 'ab'), 'abc')).toBe(false);
    expect(matches(criteria('Equal To', 'ABC', true), 'abc')).toBe(true);
    expect(matches(criteria('Contains', 'a'), undefined)).toBe(false);
  });
});
