import { describe, expect, it } from '@jest/globals';
import type {
  GroupHuntGroupGetInstanceListResponse,
  GroupHuntGroupGetInstanceResponse20,
  ServiceInstanceAddProfile,
} from '../../ocip/commands.js';
import {
  addCommand,
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

const profile = (overrides: Partial<ServiceInstanceAddProfile>): ServiceInstanceAddProfile => ({
  ...addCommand().serviceInstanceProfile,
  ...overrides,
});
const groupDepartment = (name: string) => ({
  $type: 'GroupDepartmentKey' as const,
  serviceProviderId: SP,
  groupId: 'ApioGrpTest',
  name,
});

describe('GroupHuntGroupAddInstanceRequest20', () => {
  it('creates an active hunt group whose agents start at weight 0', () => {
    const engine = demoEngine();
    const outcome = engine.execute(
      addCommand({
        agentUserId: [USER1, USER],
        serviceInstanceProfile: profile({
          phoneNumber: '+3225126780',
          extension: '4100',
          department: groupDepartment('test_department_initial'),
          password: 'secret1',
          alias: ['sales@sip.netaxis.be'],
          language: 'French',
          timeZone: 'Europe/Brussels',
        }),
        policy: 'Weighted',
        forwardToPhoneNumber: '+3225550000',
      }),
    );
    expect(outcome).toEqual({ $type: 'SuccessResponse' });
    const read = engine.execute({
      $type: 'GroupHuntGroupGetInstanceRequest20',
      serviceUserId: HG,
    }) as GroupHuntGroupGetInstanceResponse20;
    expect(read.policy).toBe('Weighted');
    expect(read.forwardToPhoneNumber).toBe('+3225550000');
    expect(read.serviceInstanceProfile).toMatchObject({
      phoneNumber: '+3225126780',
      extension: '4100',
      alias: ['sales@sip.netaxis.be'],
      language: 'French',
    });
    expect(records(read.agentUserTable).map((r) => [r['User Id'], r.Weight])).toEqual([
      [USER1, '0'],
      [USER, '0'],
    ]);
    expect(JSON.stringify(read)).not.toContain('secret1');
    const list = engine.execute({
      $type: 'GroupHuntGroupGetInstanceListRequest',
      serviceProviderId: SP,
      groupId: 'ApioGrpTest',
    });
    expect(records((list as GroupHuntGroupGetInstanceListResponse).huntGroupTable)[0]?.['Is Active']).toBe('true');
  });

  it('accepts an agent from another group of the same enterprise', () => {
    expect(demoEngine().execute(addCommand({ agentUserId: [OTHER_GROUP_USER] }))).toEqual({ $type: 'SuccessResponse' });
  });

  it('accepts an enterprise department of its enterprise', () => {
    const department = {
      $type: 'EnterpriseDepartmentKey' as const,
      serviceProviderId: SP,
      name: 'test_department_parent_1',
    };
    expect(demoEngine().execute(addCommand({ serviceInstanceProfile: profile({ department }) }))).toEqual({
      $type: 'SuccessResponse',
    });
  });

  describe('refuses, changing nothing,', () => {
    it('an unknown service provider or group', () => {
      expect(refusal(demoEngine(), addCommand({ serviceProviderId: 'nosp' }))).toEqual({
        code: 4152,
        summary: '[Error 4152] Group not found: ApioGrpTest',
        unchanged: true,
      });
      expect(refusal(demoEngine(), addCommand({ groupId: 'nogroup' }))).toEqual({
        code: 4152,
        summary: '[Error 4152] Group not found: nogroup',
        unchanged: true,
      });
      // A group of another service provider is not found either.
      expect(refusal(demoEngine(), addCommand({ groupId: 'foogroup' })).code).toBe(4152);
    });

    it('a service user id without a domain, or with a domain the group does not have', () => {
      expect(refusal(demoEngine(), addCommand({ serviceUserId: 'hg1' }))).toEqual({
        code: 4502,
        summary: '[Error 4502] A domain is required in the user id: hg1',
        unchanged: true,
      });
      expect(refusal(demoEngine(), addCommand({ serviceUserId: 'hg1@example.com' }))).toEqual({
        code: 4503,
        summary: '[Error 4503] Domain is not assigned to the group: example.com',
        unchanged: true,
      });
    });

    it('a service user id taken by a user or by another hunt group', () => {
      expect(refusal(demoEngine(), addCommand({ serviceUserId: USER }))).toEqual({
        code: 4501,
        summary: `[Error 4501] User already exists: ${USER}`,
        unchanged: true,
      });
      expect(refusal(engineWithHuntGroup(), addCommand()).summary).toBe(`[Error 4501] User already exists: ${HG}`);
      // Ids are unique across the whole system, not per service provider.
      expect(refusal(demoEngine(), addCommand({ serviceUserId: FOO_AGENT })).code).toBe(4501);
    });

    it('a phone number not assigned to the group', () => {
      expect(
        refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ phoneNumber: '+3225127780' }) })),
      ).toEqual({
        code: 4504,
        summary: '[Error 4504] Phone number is not assigned to the group: +3225127780',
        unchanged: true,
      });
    });

    it('a phone number used by a user or another hunt group', () => {
      expect(
        refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ phoneNumber: '+3225126778' }) })),
      ).toEqual({
        code: 4505,
        summary: '[Error 4505] Phone number already in use: +3225126778',
        unchanged: true,
      });
      const engine = engineWithHuntGroup({ serviceInstanceProfile: profile({ phoneNumber: '+3225126781' }) });
      const second = addCommand({
        serviceUserId: 'hg2@sip.netaxis.be',
        serviceInstanceProfile: profile({ phoneNumber: '+3225126781' }),
      });
      expect(refusal(engine, second).code).toBe(4505);
    });

    it('an extension used in the group by a user or a hunt group, or not made of digits', () => {
      expect(refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ extension: '5001' }) }))).toEqual({
        code: 4506,
        summary: '[Error 4506] Extension already in use in the group: 5001',
        unchanged: true,
      });
      const engine = engineWithHuntGroup({ serviceInstanceProfile: profile({ extension: '4100' }) });
      expect(
        refusal(
          engine,
          addCommand({ serviceUserId: 'hg2@sip.netaxis.be', serviceInstanceProfile: profile({ extension: '4100' }) }),
        ).code,
      ).toBe(4506);
      expect(refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ extension: '41a' }) })).code).toBe(
        4507,
      );
    });

    it('allows the same extension in another group', () => {
      // foouser has 4004 in ApioGrpTest2; ApioGrpTest may use it.
      expect(demoEngine().execute(addCommand({ serviceInstanceProfile: profile({ extension: '4004' }) }))).toEqual({
        $type: 'SuccessResponse',
      });
    });

    it('a department that does not exist, or of another group', () => {
      expect(
        refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ department: groupDepartment('nope') }) })),
      ).toEqual({
        code: 4508,
        summary: '[Error 4508] Department not found: nope',
        unchanged: true,
      });
      const otherGroup = {
        $type: 'GroupDepartmentKey' as const,
        serviceProviderId: SP,
        groupId: 'ApioGrpTest2',
        name: 'test_department_initial',
      };
      expect(
        refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ department: otherGroup }) })).code,
      ).toBe(4508);
    });

    it('an enterprise department key in a plain service provider', () => {
      const command = addCommand({
        serviceProviderId: 'foo',
        groupId: 'foogroup',
        serviceInstanceProfile: profile({
          department: { $type: 'EnterpriseDepartmentKey', serviceProviderId: 'foo', name: 'test_department_parent_1' },
        }),
      });
      expect(refusal(demoEngine(), command)).toEqual({
        code: 4508,
        summary: '[Error 4508] Department not found: test_department_parent_1',
        unchanged: true,
      });
    });

    it('an agent that does not exist', () => {
      expect(refusal(demoEngine(), addCommand({ agentUserId: [USER, 'ghost@sip.netaxis.be'] }))).toEqual({
        code: 4008,
        summary: '[Error 4008] User not found: ghost@sip.netaxis.be',
        unchanged: true,
      });
    });

    it('an agent of another service provider, or of another group outside an enterprise', () => {
      expect(refusal(demoEngine(), addCommand({ agentUserId: [FOO_AGENT] }))).toEqual({
        code: 4509,
        summary: `[Error 4509] User is not available as an agent of this hunt group: ${FOO_AGENT}`,
        unchanged: true,
      });
      const inFoo = addCommand({ serviceProviderId: 'foo', groupId: 'foogroup', agentUserId: [USER] });
      expect(refusal(demoEngine(), inFoo).code).toBe(4509);
    });

    it('a virtual user (another hunt group) as agent', () => {
      const engine = engineWithHuntGroup();
      expect(refusal(engine, addCommand({ serviceUserId: 'hg2@sip.netaxis.be', agentUserId: [HG] }))).toEqual({
        code: 4509,
        summary: `[Error 4509] User is not available as an agent of this hunt group: ${HG}`,
        unchanged: true,
      });
    });

    it('an agent listed twice', () => {
      expect(refusal(demoEngine(), addCommand({ agentUserId: [USER, USER2, USER] }))).toEqual({
        code: 4510,
        summary: `[Error 4510] Agent listed more than once: ${USER}`,
        unchanged: true,
      });
    });

    it('a badly formed, foreign or taken SIP alias', () => {
      expect(
        refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ alias: ['sip:x@sip.netaxis.be'] }) }))
          .code,
      ).toBe(4512);
      expect(
        refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ alias: ['x@other.org'] }) })).code,
      ).toBe(4503);
      expect(refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ alias: [USER] }) })).code).toBe(4513);
      const engine = engineWithHuntGroup({ serviceInstanceProfile: profile({ alias: ['sales@sip.netaxis.be'] }) });
      const second = addCommand({
        serviceUserId: 'hg2@sip.netaxis.be',
        serviceInstanceProfile: profile({ alias: ['sales@sip.netaxis.be'] }),
      });
      expect(refusal(engine, second)).toEqual({
        code: 4513,
        summary: '[Error 4513] SIP alias already in use: sales@sip.netaxis.be',
        unchanged: true,
      });
    });

    it('an unknown language or time zone', () => {
      expect(refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ language: 'Klingon' }) }))).toEqual({
        code: 4515,
        summary: '[Error 4515] Language not found: Klingon',
        unchanged: true,
      });
      expect(
        refusal(demoEngine(), addCommand({ serviceInstanceProfile: profile({ timeZone: 'Mars/Olympus' }) })).code,
      ).toBe(4514);
    });

    it('a command that fails the schema', () => {
      expect(refusal(demoEngine(), { ...addCommand(), noAnswerNumberOfRings: 25 })).toEqual({
        code: 4001,
        summary: "[Error 4001] Invalid value for element 'noAnswerNumberOfRings': must be in 1..20, not 25",
        unchanged: true,
      });
    });
  });
});
