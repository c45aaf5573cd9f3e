import { describe, expect, it } from '@jest/globals';
import type { GroupHuntGroupGetInstanceResponse20 } from '../../ocip/commands.js';
import { engineWithHuntGroup, FOO_AGENT, HG, records, refusal, USER, USER1 } from '../testing/fixtures.js';

const rename = (userId: string, newUserId: string) => ({ $type: 'UserModifyUserIdRequest', userId, newUserId });
const get = (serviceUserId: string) => ({ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId });

describe('UserModifyUserIdRequest', () => {
  it('renames a hunt group', () => {
    const engine = engineWithHuntGroup();
    expect(engine.execute(rename(HG, 'sales@sip.netaxis.be'))).toEqual({ $type: 'SuccessResponse' });
    expect(refusal(engine, get(HG)).code).toBe(4008);
    const read = engine.execute(get('sales@sip.netaxis.be')) as GroupHuntGroupGetInstanceResponse20;
    expect(read.serviceInstanceProfile.name).toBe('Sales');
    expect(read.agentUserTable.rows).toHaveLength(2);
  });

  it('renames a real user in the agent lists too, keeping its place and weight', () => {
    const engine = engineWithHuntGroup();
    engine.execute({
      $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
      serviceUserId: HG,
      agentWeight: [{ agentUserId: USER, weight: 70 }],
    });
    expect(engine.execute(rename(USER, 'renamed@sip.netaxis.be'))).toEqual({ $type: 'SuccessResponse' });
    const read = engine.execute(get(HG)) as GroupHuntGroupGetInstanceResponse20;
    expect(records(read.agentUserTable).map((r) => [r['User Id'], r.Weight, r['Last Name']])).toEqual([
      ['renamed@sip.netaxis.be', '70', 'Test'],
      [USER1, '0', 'Test1'],
    ]);
  });

  it('accepts the current id as a no-op', () => {
    const engine = engineWithHuntGroup();
    const before = engine.snapshot();
    expect(engine.execute(rename(HG, HG))).toEqual({ $type: 'SuccessResponse' });
    expect(engine.snapshot()).toBe(before);
  });

  describe('refuses, changing nothing,', () => {
    it('an unknown user', () => {
      expect(refusal(engineWithHuntGroup(), rename('ghost@sip.netaxis.be', 'new@sip.netaxis.be'))).toEqual({
        code: 4008,
        summary: '[Error 4008] User not found: ghost@sip.netaxis.be',
        unchanged: true,
      });
    });

    it('a new id taken by a real or virtual user', () => {
      expect(refusal(engineWithHuntGroup(), rename(HG, USER1))).toEqual({
        code: 4501,
        summary: `[Error 4501] User already exists: ${USER1}`,
        unchanged: true,
      });
      expect(refusal(engineWithHuntGroup(), rename(USER, HG)).code).toBe(4501);
      expect(refusal(engineWithHuntGroup(), rename(HG, FOO_AGENT)).code).toBe(4501);
    });

    it('a new id without a domain, or with a domain the group does not have', () => {
      expect(refusal(engineWithHuntGroup(), rename(HG, 'sales'))).toEqual({
        code: 4502,
        summary: '[Error 4502] A domain is required in the user id: sales',
        unchanged: true,
      });
      expect(refusal(engineWithHuntGroup(), rename(HG, 'sales@example.com')).code).toBe(4503);
    });
  });
});
