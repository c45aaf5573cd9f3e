import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetInstanceResponse20 } from '../../ocip/commands.js';
import type { BroadWorksEngine } from '../engine.js';
import {
  addCommand,
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

const modify = (changes: Record<string, unknown>) => ({
  $type: 'GroupHuntGroupModifyInstanceRequest',
  serviceUserId: HG,
  ...changes,
});
const read = (engine: BroadWorksEngine) =>
  engine.execute({
    $type: 'GroupHuntGroupGetInstanceRequest20',
    serviceUserId: HG,
  }) as GroupHuntGroupGetInstanceResponse20;
const agentsOf = (engine: BroadWorksEngine) =>
  records(read(engine).agentUserTable).map((r) => [r['User Id'], r.Weight]);
const richHuntGroup = () =>
  engineWithHuntGroup({
    forwardToPhoneNumber: '+3225550000',
    serviceInstanceProfile: {
      ...addCommand().serviceInstanceProfile,
      phoneNumber: '+3225126780',
      extension: '4100',
      department: { $type: 'EnterpriseDepartmentKey', serviceProviderId: SP, name: 'test_department_parent_1' },
      alias: ['sales@sip.netaxis.be'],
      publicUserIdentity: 'sales.pui@sip.netaxis.be',
      callingLineIdPhoneNumber: '+3225126700',
      language: 'English',
    },
  });

describe('GroupHuntGroupModifyInstanceRequest', () => {
  it('changes only what the command carries', () => {
    const engine = richHuntGroup();
    const before = read(engine);
    expect(engine.execute(modify({ policy: 'Circular', serviceInstanceProfile: { language: 'French' } }))).toEqual({
      $type: 'SuccessResponse',
    });
    const after = read(engine);
    expect(after.policy).toBe('Circular');
    expect(after.serviceInstanceProfile.language).toBe('French');
    expect({
      ...after,
      policy: before.policy,
      serviceInstanceProfile: { ...after.serviceInstanceProfile, language: 'English' },
    }).toEqual(before);
  });

  it('clears nillable elements sent as nil', () => {
    const engine = richHuntGroup();
    const outcome = engine.execute(
      modify({
        forwardToPhoneNumber: null,
        serviceInstanceProfile: {
          phoneNumber: null,
          extension: null,
          department: null,
          sipAliasList: null,
          publicUserIdentity: null,
          callingLineIdPhoneNumber: null,
        },
      }),
    );
    expect(outcome).toEqual({ $type: 'SuccessResponse' });
    const after = read(engine);
    expect(after.forwardToPhoneNumber).toBeUndefined();
    expect(after.serviceInstanceProfile).toEqual({
      name: 'Sales',
      callingLineIdLastName: 'Sales',
      callingLineIdFirstName: 'Team',
      language: 'English',
    });
  });

  it('frees a cleared phone number for someone else', () => {
    const engine = richHuntGroup();
    engine.execute(modify({ serviceInstanceProfile: { phoneNumber: null } }));
    const other = addCommand({
      serviceUserId: 'hg2@sip.netaxis.be',
      serviceInstanceProfile: { ...addCommand().serviceInstanceProfile, phoneNumber: '+3225126780' },
    });
    expect(engine.execute(other)).toEqual({ $type: 'SuccessResponse' });
  });

  it('replaces the agent list in order: staying agents keep their weight, new ones get 0', () => {
    const engine = engineWithHuntGroup();
    engine.execute({
      $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
      serviceUserId: HG,
      agentWeight: [
        { agentUserId: USER, weight: 60 },
        { agentUserId: USER1, weight: 40 },
      ],
    });
    expect(engine.execute(modify({ agentUserIdList: { userId: [USER2, USER1, OTHER_GROUP_USER] } }))).toEqual({
      $type: 'SuccessResponse',
    });
    expect(agentsOf(engine)).toEqual([
      [USER2, '0'],
      [USER1, '40'],
      [OTHER_GROUP_USER, '0'],
    ]);
  });

  it('removes every agent on a nil list', () => {
    const engine = engineWithHuntGroup();
    expect(engine.execute(modify({ agentUserIdList: null }))).toEqual({ $type: 'SuccessResponse' });
    expect(agentsOf(engine)).toEqual([]);
  });

  it('lets the hunt group keep its own phone number and extension', () => {
    const engine = richHuntGroup();
    expect(
      engine.execute(modify({ serviceInstanceProfile: { phoneNumber: '+3225126780', extension: '4100' } })),
    ).toEqual({ $type: 'SuccessResponse' });
  });

  it('replaces the SIP aliases', () => {
    const engine = richHuntGroup();
    engine.execute(
      modify({ serviceInstanceProfile: { sipAliasList: { sipAlias: ['a@sip.netaxis.be', 'sales@sip.netaxis.be'] } } }),
    );
    expect(read(engine).serviceInstanceProfile.alias).toEqual(['a@sip.netaxis.be', 'sales@sip.netaxis.be']);
  });

  describe('refuses, changing nothing,', () => {
    it('an unknown hunt group, or a user that is not one', () => {
      expect(refusal(richHuntGroup(), modify({ serviceUserId: 'ghost@sip.netaxis.be', policy: 'Circular' }))).toEqual({
        code: 4008,
        summary: '[Error 4008] User not found: ghost@sip.netaxis.be',
        unchanged: true,
      });
      expect(refusal(richHuntGroup(), modify({ serviceUserId: USER })).code).toBe(4008);
    });

    it('a phone number used elsewhere or not assigned, even beside valid changes', () => {
      expect(
        refusal(
          richHuntGroup(),
          modify({ policy: 'Circular', serviceInstanceProfile: { name: 'New', phoneNumber: '+3225126778' } }),
        ),
      ).toEqual({
        code: 4505,
        summary: '[Error 4505] Phone number already in use: +3225126778',
        unchanged: true,
      });
      expect(refusal(richHuntGroup(), modify({ serviceInstanceProfile: { phoneNumber: '+3225127780' } })).code).toBe(
        4504,
      );
    });

    it('an extension used by a user of the group', () => {
      expect(refusal(richHuntGroup(), modify({ serviceInstanceProfile: { extension: '4000' } }))).toEqual({
        code: 4506,
        summary: '[Error 4506] Extension already in use in the group: 4000',
        unchanged: true,
      });
    });

    it('a department that does not exist', () => {
      const department = { $type: 'GroupDepartmentKey', serviceProviderId: SP, groupId: 'ApioGrpTest', name: 'ghost' };
      expect(refusal(richHuntGroup(), modify({ serviceInstanceProfile: { department } }))).toEqual({
        code: 4508,
        summary: '[Error 4508] Department not found: ghost',
        unchanged: true,
      });
    });

    it('agents that do not exist, are not available, or are listed twice', () => {
      expect(
        refusal(
          richHuntGroup(),
          modify({ policy: 'Uniform', agentUserIdList: { userId: [USER2, 'ghost@sip.netaxis.be'] } }),
        ),
      ).toEqual({
        code: 4008,
        summary: '[Error 4008] User not found: ghost@sip.netaxis.be',
        unchanged: true,
      });
      expect(refusal(richHuntGroup(), modify({ agentUserIdList: { userId: [FOO_AGENT] } })).code).toBe(4509);
      expect(refusal(richHuntGroup(), modify({ agentUserIdList: { userId: [HG] } })).code).toBe(4509);
      expect(refusal(richHuntGroup(), modify({ agentUserIdList: { userId: [USER2, USER2] } })).code).toBe(4510);
    });

    it('an alias taken by another hunt group, an unknown language or time zone', () => {
      const engine = richHuntGroup();
      engine.execute(addCommand({ serviceUserId: 'hg2@sip.netaxis.be' }));
      const other = {
        ...modify({ serviceInstanceProfile: { sipAliasList: { sipAlias: ['sales@sip.netaxis.be'] } } }),
        serviceUserId: 'hg2@sip.netaxis.be',
      };
      expect(refusal(engine, other).code).toBe(4513);
      expect(refusal(engine, modify({ serviceInstanceProfile: { language: 'Klingon' } })).code).toBe(4515);
      expect(refusal(engine, modify({ serviceInstanceProfile: { timeZone: 'Mars/Olympus' } })).code).toBe(4514);
    });

    it('nil on an element that cannot be cleared', () => {
      expect(refusal(richHuntGroup(), modify({ serviceInstanceProfile: { name: null } }))).toEqual({
        code: 4001,
        summary: "[Error 4001] Invalid value for element 'serviceInstanceProfile/name': may not be nil",
        unchanged: true,
      });
      expect(refusal(richHuntGroup(), modify({ networkClassOfService: null })).code).toBe(4001);
    });
  });
});
