import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetInstanceListResponse } from '../../ocip/commands.js';
import type { BroadWorksEngine } from '../engine.js';
import { addCommand, engineWithHuntGroup, HG, records, refusal, SP, USER } from '../testing/fixtures.js';

const HG2 = 'hg2@sip.netaxis.be';
const activate = (...serviceActivation: { serviceUserId: string; isActive: boolean }[]) => ({
  $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
  serviceActivation,
});
const activeStates = (engine: BroadWorksEngine) =>
  records(
    (
      engine.execute({
        $type: 'GroupHuntGroupGetInstanceListRequest',
        serviceProviderId: SP,
        groupId: 'ApioGrpTest',
      }) as GroupHuntGroupGetInstanceListResponse
    ).huntGroupTable,
  ).map((r) => [r['Service User Id'], r['Is Active']]);
const engineWithTwo = () => {
  const engine = engineWithHuntGroup();
  engine.execute(addCommand({ serviceUserId: HG2 }));
  return engine;
};

describe('GroupHuntGroupModifyActiveInstanceListRequest', () => {
  it('deactivates and reactivates hunt groups', () => {
    const engine = engineWithTwo();
    expect(
      engine.execute(activate({ serviceUserId: HG, isActive: false }, { serviceUserId: HG2, isActive: false })),
    ).toEqual({ $type: 'SuccessResponse' });
    expect(activeStates(engine)).toEqual([
      [HG, 'false'],
      [HG2, 'false'],
    ]);
    engine.execute(activate({ serviceUserId: HG2, isActive: true }));
    expect(activeStates(engine)).toEqual([
      [HG, 'false'],
      [HG2, 'true'],
    ]);
  });

  it('accepts an empty list', () => {
    expect(engineWithTwo().execute(activate())).toEqual({ $type: 'SuccessResponse' });
  });

  it('refuses the whole list when one id is not a hunt group (all or nothing)', () => {
    expect(
      refusal(
        engineWithTwo(),
        activate({ serviceUserId: HG, isActive: false }, { serviceUserId: 'ghost@sip.netaxis.be', isActive: false }),
      ),
    ).toEqual({
      code: 4008,
      summary: '[Error 4008] User not found: ghost@sip.netaxis.be',
      unchanged: true,
    });
    expect(
      refusal(
        engineWithTwo(),
        activate({ serviceUserId: HG, isActive: false }, { serviceUserId: USER, isActive: false }),
      ).code,
    ).toBe(4008);
  });

  it('refuses a hunt group listed twice, and an isActive that is not a boolean', () => {
    expect(
      refusal(engineWithTwo(), activate({ serviceUserId: HG, isActive: false }, { serviceUserId: HG, isActive: true })),
    ).toEqual({
      code: 4516,
      summary: `[Error 4516] Service user listed more than once: ${HG}`,
      unchanged: true,
    });
    expect(
      refusal(engineWithTwo(), { ...activate(), serviceActivation: [{ serviceUserId: HG, isActive: 'no' }] }).code,
    ).toBe(4001);
  });
});
