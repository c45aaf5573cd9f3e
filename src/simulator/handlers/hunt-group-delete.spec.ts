import { describe, expect, it } from '@jest/globals';
import { addCommand, demoEngine, engineWithHuntGroup, HG, refusal, USER } from '../testing/fixtures.js';

const remove = (serviceUserId = HG) => ({ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId });
const withNumber = {
  serviceInstanceProfile: { ...addCommand().serviceInstanceProfile, phoneNumber: '+3225126780', extension: '4100' },
};

describe('GroupHuntGroupDeleteInstanceRequest', () => {
  it('removes the hunt group and gives back the world as it was', () => {
    const empty = demoEngine().snapshot();
    const engine = engineWithHuntGroup(withNumber);
    expect(engine.execute(remove())).toEqual({ $type: 'SuccessResponse' });
    expect(engine.snapshot()).toBe(empty);
    expect(refusal(engine, { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: HG }).code).toBe(4008);
  });

  it('leaves its phone number assigned to the group, free for a new hunt group', () => {
    const engine = engineWithHuntGroup(withNumber);
    engine.execute(remove());
    expect(engine.execute(addCommand({ serviceUserId: 'hg2@sip.netaxis.be', ...withNumber }))).toEqual({
      $type: 'SuccessResponse',
    });
  });

  it('refuses an unknown id or a real user with 4008, changing nothing', () => {
    expect(refusal(engineWithHuntGroup(), remove('ghost@sip.netaxis.be'))).toEqual({
      code: 4008,
      summary: '[Error 4008] User not found: ghost@sip.netaxis.be',
      unchanged: true,
    });
    expect(refusal(engineWithHuntGroup(), remove(USER))).toEqual({
      code: 4008,
      summary: `[Error 4008] User not found: ${USER}`,
      unchanged: true,
    });
  });
});
