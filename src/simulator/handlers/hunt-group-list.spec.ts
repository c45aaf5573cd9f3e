import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetInstanceListResponse } from '../../ocip/commands.js';
import { addCommand, demoEngine, records, refusal, SP } from '../testing/fixtures.js';

const list = (extra: Record<string, unknown> = {}) => ({
  $type: 'GroupHuntGroupGetInstanceListRequest',
  serviceProviderId: SP,
  groupId: 'ApioGrpTest',
  ...extra,
});
const profile = addCommand().serviceInstanceProfile;
const initial = {
  $type: 'GroupDepartmentKey' as const,
  serviceProviderId: SP,
  groupId: 'ApioGrpTest',
  name: 'test_department_initial',
};

function engineWithTwo() {
  const engine = demoEngine();
  engine.execute(
    addCommand({
      serviceUserId: 'zeta@sip.netaxis.be',
      policy: 'Weighted',
      serviceInstanceProfile: { ...profile, name: 'Zeta', department: initial },
    }),
  );
  engine.execute(
    addCommand({
      serviceUserId: 'alpha@sip.netaxis.be',
      serviceInstanceProfile: { ...profile, name: 'Alpha', phoneNumber: '+3225126781', extension: '4101' },
    }),
  );
  engine.execute({
    $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
    serviceActivation: [{ serviceUserId: 'zeta@sip.netaxis.be', isActive: false }],
  });
  // A hunt group of another group must not show up.
  engine.execute(addCommand({ serviceUserId: 'other@sip.netaxis.be', groupId: 'ApioGrpTest2' }));
  return engine;
}

describe('GroupHuntGroupGetInstanceListRequest', () => {
  it("lists the group's hunt groups by service user id with every column", () => {
    const answer = engineWithTwo().execute(list()) as GroupHuntGroupGetInstanceListResponse;
    expect(answer.huntGroupTable.headings).toEqual([
      'Service User Id',
      'Name',
      'Phone Number',
      'Extension',
      'Department',
      'Is Active',
      'Policy',
    ]);
    expect(records(answer.huntGroupTable)).toEqual([
      {
        'Service User Id': 'alpha@sip.netaxis.be',
        Name: 'Alpha',
        'Phone Number': '+3225126781',
        Extension: '4101',
        Department: '',
        'Is Active': 'true',
        Policy: 'Regular',
      },
      {
        'Service User Id': 'zeta@sip.netaxis.be',
        Name: 'Zeta',
        'Phone Number': '',
        Extension: '',
        Department: 'test_department_parent_1 \\ test_department_initial',
        'Is Active': 'false',
        Policy: 'Weighted',
      },
    ]);
  });

  it('filters on a group department name', () => {
    const answer = engineWithTwo().execute(
      list({ groupDepartmentName: 'test_department_initial' }),
    ) as GroupHuntGroupGetInstanceListResponse;
    expect(records(answer.huntGroupTable).map((r) => r['Service User Id'])).toEqual(['zeta@sip.netaxis.be']);
    const none = engineWithTwo().execute(
      list({ groupDepartmentName: 'ghost' }),
    ) as GroupHuntGroupGetInstanceListResponse;
    expect(none.huntGroupTable.rows).toEqual([]);
  });

  it('answers an empty table for a group without hunt groups', () => {
    const answer = demoEngine().execute(list()) as GroupHuntGroupGetInstanceListResponse;
    expect(answer.huntGroupTable.rows).toEqual([]);
    expect(answer.huntGroupTable.headings).toHaveLength(7);
  });

  it('refuses an unknown group with 4152', () => {
    expect(refusal(demoEngine(), list({ groupId: 'ghost' }))).toEqual({
      code: 4152,
      summary: '[Error 4152] Group not found: ghost',
      unchanged: true,
    });
    expect(refusal(demoEngine(), list({ serviceProviderId: 'foo' })).code).toBe(4152);
  });
});
