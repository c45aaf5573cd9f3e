import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetInstanceResponse20 } from '../../ocip/commands.js';
import {
  addCommand,
  engineWithHuntGroup,
  HG,
  OTHER_GROUP_USER,
  records,
  refusal,
  SP,
  USER,
  USER1,
} from '../testing/fixtures.js';
import { AGENT_COLUMNS } from './views.js';

const get = (serviceUserId = HG) => ({ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId });

describe('GroupHuntGroupGetInstanceRequest20', () => {
  it('returns the profile, the settings and the agents in their order with every column', () => {
    const engine = engineWithHuntGroup({
      agentUserId: [USER1, USER, OTHER_GROUP_USER],
      serviceInstanceProfile: {
        ...addCommand().serviceInstanceProfile,
        phoneNumber: '+3225126780',
        department: {
          $type: 'GroupDepartmentKey',
          serviceProviderId: SP,
          groupId: 'ApioGrpTest',
          name: 'test_department_initial',
        },
        timeZone: 'Europe/Brussels',
        password: 'hidden123',
      },
    });
    const read = engine.execute(get()) as GroupHuntGroupGetInstanceResponse20;
    expect(read.$type).toBe('GroupHuntGroupGetInstanceResponse20');
    expect(read.serviceInstanceProfile).toEqual({
      name: 'Sales',
      callingLineIdLastName: 'Sales',
      callingLineIdFirstName: 'Team',
      phoneNumber: '+3225126780',
      countryCode: '32',
      nationalPrefix: '0',
      department: {
        $type: 'GroupDepartmentKey',
        serviceProviderId: SP,
        groupId: 'ApioGrpTest',
        name: 'test_department_initial',
      },
      timeZone: 'Europe/Brussels',
      timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
    });
    expect(read).toMatchObject({
      policy: 'Regular',
      noAnswerNumberOfRings: 5,
      useSystemHuntGroupCLIDSetting: true,
      enableGroupBusy: false,
    });
    expect('forwardToPhoneNumber' in read).toBe(false);
    expect(read.agentUserTable.headings).toEqual(AGENT_COLUMNS);
    expect(read.agentUserTable.headings).toHaveLength(19);
    const [first, second, third] = records(read.agentUserTable);
    expect(first).toEqual({
      'User Id': USER1,
      'Last Name': 'Test1',
      'First Name': 'Test1',
      'Hiragana Last Name': '',
      'Hiragana First Name': '',
      Weight: '0',
      'Phone Number': '+3225126778',
      Extension: '5001',
      Department: '',
      'Email Address': '',
      'Is Phone Number Activated': 'true',
      'Country Code': '32',
      'National Prefix': '0',
      'Department Name': '',
      'Department Type': '',
      'Parent Department': '',
      'Parent Department Type': '',
      'Group Id': 'ApioGrpTest',
      'Group Name': 'APIO Test Group',
    });
    expect(second).toMatchObject({
      'User Id': USER,
      Department: 'test_department_parent_1 \\ test_department_initial',
      'Department Name': 'test_department_initial',
      'Department Type': 'Group',
      'Parent Department': 'test_department_parent_1',
      'Parent Department Type': 'Enterprise',
      'Email Address': 'test_mail@test.netaxis.be',
      'Is Phone Number Activated': 'false',
    });
    expect(third).toMatchObject({
      'User Id': OTHER_GROUP_USER,
      'Group Id': 'ApioGrpTest2',
      'Group Name': 'APIO Test Group 2',
    });
  });

  it('leaves out country code and national prefix when the hunt group has no number', () => {
    const read = engineWithHuntGroup().execute(get()) as GroupHuntGroupGetInstanceResponse20;
    expect(read.serviceInstanceProfile.countryCode).toBeUndefined();
    expect(read.serviceInstanceProfile.nationalPrefix).toBeUndefined();
  });

  it('answers 4008 for an unknown id and for a user that is not a hunt group', () => {
    expect(refusal(engineWithHuntGroup(), get('nobody@sip.netaxis.be'))).toEqual({
      code: 4008,
      summary: '[Error 4008] User not found: nobody@sip.netaxis.be',
      unchanged: true,
    });
    expect(refusal(engineWithHuntGroup(), get(USER)).summary).toBe(`[Error 4008] User not found: ${USER}`);
  });

  it('answers a copy: changing the answer does not change the world', () => {
    const engine = engineWithHuntGroup();
    const before = engine.snapshot();
    const read = engine.execute(get()) as GroupHuntGroupGetInstanceResponse20;
    read.agentUserTable.rows[0][0] = 'tampered';
    read.serviceInstanceProfile.name = 'tampered';
    expect(engine.snapshot()).toBe(before);
  });
});
