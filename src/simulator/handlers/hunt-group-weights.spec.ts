import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetInstanceResponse20 } from '../../ocip/commands.js';
import type { BroadWorksEngine } from '../engine.js';
import { engineWithHuntGroup, HG, records, refusal, USER, USER1, USER2 } from '../testing/fixtures.js';

const weights = (agentWeight: { agentUserId: string; weight: unknown }[], serviceUserId = HG) => ({
  $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
  serviceUserId,
  agentWeight,
});
const weightsOf = (engine: BroadWorksEngine) =>
  records(
    (
      engine.execute({
        $type: 'GroupHuntGroupGetInstanceRequest20',
        serviceUserId: HG,
      }) as GroupHuntGroupGetInstanceResponse20
    ).agentUserTable,
  ).map((r) => [r['User Id'], r.Weight]);

describe('GroupHuntGroupModifyInstanceWeightedCallDistributionRequest', () => {
  it("sets the agents' weights", () => {
    const engine = engineWithHuntGroup();
    expect(
      engine.execute(
        weights([
          { agentUserId: USER1, weight: 40 },
          { agentUserId: USER, weight: 60 },
        ]),
      ),
    ).toEqual({ $type: 'SuccessResponse' });
    expect(weightsOf(engine)).toEqual([
      [USER, '60'],
      [USER1, '40'],
    ]);
  });

  it('gives 0 to the agents left out', () => {
    const engine = engineWithHuntGroup();
    engine.execute(
      weights([
        { agentUserId: USER1, weight: 40 },
        { agentUserId: USER, weight: 60 },
      ]),
    );
    engine.execute(weights([{ agentUserId: USER1, weight: 100 }]));
    expect(weightsOf(engine)).toEqual([
      [USER, '0'],
      [USER1, '100'],
    ]);
    engine.execute(weights([]));
    expect(weightsOf(engine)).toEqual([
      [USER, '0'],
      [USER1, '0'],
    ]);
  });

  describe('refuses, changing nothing,', () => {
    it('an unknown hunt group', () => {
      expect(refusal(engineWithHuntGroup(), weights([], 'ghost@sip.netaxis.be'))).toEqual({
        code: 4008,
        summary: '[Error 4008] User not found: ghost@sip.netaxis.be',
        unchanged: true,
      });
    });

    it('a user that is not an agent', () => {
      expect(
        refusal(
          engineWithHuntGroup(),
          weights([
            { agentUserId: USER, weight: 50 },
            { agentUserId: USER2, weight: 50 },
          ]),
        ),
      ).toEqual({
        code: 4511,
        summary: `[Error 4511] User is not an agent of the hunt group: ${USER2}`,
        unchanged: true,
      });
    });

    it('an agent listed twice', () => {
      expect(
        refusal(
          engineWithHuntGroup(),
          weights([
            { agentUserId: USER, weight: 50 },
            { agentUserId: USER, weight: 50 },
          ]),
        ),
      ).toEqual({
        code: 4510,
        summary: `[Error 4510] Agent listed more than once: ${USER}`,
        unchanged: true,
      });
    });

    it('a weight outside 0..100 or not a number', () => {
      expect(refusal(engineWithHuntGroup(), weights([{ agentUserId: USER, weight: 101 }]))).toEqual({
        code: 4001,
        summary: "[Error 4001] Invalid value for element 'agentWeight[0]/weight': must be in 0..100, not 101",
        unchanged: true,
      });
      expect(refusal(engineWithHuntGroup(), weights([{ agentUserId: USER, weight: -1 }])).code).toBe(4001);
      expect(refusal(engineWithHuntGroup(), weights([{ agentUserId: USER, weight: '50' }])).code).toBe(4001);
    });
  });
});
