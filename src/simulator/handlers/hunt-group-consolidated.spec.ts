import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetInstanceListResponse } from '../../ocip/commands.js';
import type { BroadWorksEngine } from '../engine.js';
import { addCommand, demoEngine, engineWithHuntGroup, HG, records, refusal, SP, USER } from '../testing/fixtures.js';

const HG2 = 'hg2@sip.netaxis.be';
const consolidatedAdd = (overrides: Record<string, unknown> = {}) => ({
  ...addCommand({ serviceUserId: HG2 }),
  $type: 'GroupHuntGroupConsolidatedAddInstanceRequest',
  isActive: false,
  ...overrides,
});
const listed = (engine: BroadWorksEngine) =>
  records(
    (
      engine.execute({
        $type: 'GroupHuntGroupGetInstanceListRequest',
        serviceProviderId: SP,
        groupId: 'ApioGrpTest',
      }) as GroupHuntGroupGetInstanceListResponse
    ).huntGroupTable,
  ).map((r) => [r['Service User Id'], r['Is Active'], r['Policy']]);

describe('GroupHuntGroupConsolidatedAddInstanceRequest', () => {
  it('adds the hunt group and sets its activation in one command', () => {
    const engine = demoEngine();
    expect(engine.execute(consolidatedAdd({ agentUserId: [USER] }))).toEqual({ $type: 'SuccessResponse' });
    expect(listed(engine)).toEqual([[HG2, 'false', 'Regular']]);
    expect(engine.execute(consolidatedAdd({ serviceUserId: HG, isActive: true }))).toEqual({
      $type: 'SuccessResponse',
    });
    expect(listed(engine)).toContainEqual([HG, 'true', 'Regular']);
  });

  it('refuses what the add refuses, changing nothing (a taken id, an unknown agent)', () => {
    const engine = engineWithHuntGroup();
    expect(refusal(engine, consolidatedAdd({ serviceUserId: HG }))).toMatchObject({ unchanged: true });
    expect(refusal(engine, consolidatedAdd({ agentUserId: ['nobody@sip.netaxis.be'] }))).toMatchObject({
      unchanged: true,
    });
  });

  it('is schema-checked: isActive is required, elements R25 orders are kept in order', () => {
    const { isActive: _isActive, ...withoutActivation } = consolidatedAdd();
    expect(refusal(demoEngine(), withoutActivation).summary).toMatch(/isActive/);
  });
});

describe('GroupHuntGroupConsolidatedModifyInstanceRequest', () => {
  const modify = (overrides: Record<string, unknown>) => ({
    $type: 'GroupHuntGroupConsolidatedModifyInstanceRequest',
    serviceUserId: HG,
    ...overrides,
  });

  it('modifies and (de)activates in one command', () => {
    const engine = engineWithHuntGroup();
    expect(engine.execute(modify({ policy: 'Circular', isActive: false }))).toEqual({ $type: 'SuccessResponse' });
    expect(listed(engine)).toEqual([[HG, 'false', 'Circular']]);
    expect(engine.execute(modify({ policy: 'Uniform' }))).toEqual({ $type: 'SuccessResponse' });
    expect(listed(engine)).toEqual([[HG, 'false', 'Uniform']]);
  });

  it('leaves the activation as it was when the modify is refused', () => {
    const engine = engineWithHuntGroup();
    const refused = refusal(
      engine,
      modify({ agentUserIdList: { userId: ['nobody@sip.netaxis.be'] }, isActive: false }),
    );
    expect(refused.unchanged).toBe(true);
    expect(refusal(engine, modify({ serviceUserId: 'none@sip.netaxis.be', isActive: false })).code).toBe(4008);
  });
});

describe('GroupHuntGroupConsolidatedDeleteInstanceRequest', () => {
  const NUMBER = '+3225126781';
  const groupNumbers = (engine: BroadWorksEngine) =>
    (
      engine.execute({
        $type: 'GroupDnGetListRequest',
        serviceProviderId: SP,
        groupId: 'ApioGrpTest',
      }) as { phoneNumber?: string[] }
    ).phoneNumber ?? [];
  const remove = (unassignPhoneNumbers?: string) => ({
    $type: 'GroupHuntGroupConsolidatedDeleteInstanceRequest',
    serviceUserId: HG,
    ...(unassignPhoneNumbers ? { unassignPhoneNumbers } : {}),
  });
  const withNumber = () =>
    engineWithHuntGroup({
      serviceInstanceProfile: { ...addCommand().serviceInstanceProfile, phoneNumber: NUMBER },
    });

  it('without unassignPhoneNumbers: deletes, and the number stays in the group', () => {
    const engine = withNumber();
    expect(engine.execute(remove())).toEqual({ $type: 'SuccessResponse' });
    expect(listed(engine)).toEqual([]);
    expect(groupNumbers(engine)).toContain(NUMBER);
  });

  it.each(['Group', 'Service Provider'])('with unassignPhoneNumbers %s: the number leaves the group', (level) => {
    const engine = withNumber();
    expect(engine.execute(remove(level))).toEqual({ $type: 'SuccessResponse' });
    expect(groupNumbers(engine)).not.toContain(NUMBER);
    expect(groupNumbers(engine)).toContain('+3225126782');
  });

  it('refuses an unknown hunt group or level, changing nothing', () => {
    const engine = withNumber();
    expect(refusal(engine, { ...remove('Group'), serviceUserId: 'none@sip.netaxis.be' })).toMatchObject({
      code: 4008,
      unchanged: true,
    });
    expect(refusal(engine, remove('Enterprise')).unchanged).toBe(true);
  });
});
