import { describe, expect, it } from '@jest/globals';
import { demoEngine, engineWithHuntGroup, refusal, SP } from '../testing/fixtures.js';

const get = (serviceProviderId: string, groupId: string) => ({
  $type: 'GroupGetRequest22V5',
  serviceProviderId,
  groupId,
});

describe('GroupGetRequest22V5', () => {
  it("answers the group's profile", () => {
    expect(demoEngine().execute(get(SP, 'ApioGrpTest'))).toEqual({
      $type: 'GroupGetResponse22V5',
      defaultDomain: 'sip.netaxis.be',
      userLimit: 100,
      userCount: 3,
      groupName: 'APIO Test Group',
      callingLineIdName: 'APIO Test Group',
      callingLineIdPhoneNumber: '+3225126700',
      timeZone: 'Europe/Brussels',
      timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
      serviceProviderId: SP,
      groupId: 'ApioGrpTest',
    });
  });

  it('counts real users only, not hunt groups', () => {
    expect(engineWithHuntGroup().execute(get(SP, 'ApioGrpTest'))).toMatchObject({ userCount: 3 });
  });

  it('leaves out what the group does not have', () => {
    const answer = demoEngine().execute(get(SP, 'ApioGrpTest2'));
    expect(answer).toMatchObject({ groupId: 'ApioGrpTest2', userCount: 1 });
    expect('callingLineIdPhoneNumber' in answer).toBe(false);
  });

  it('answers 4152 for an unknown group or a group of another service provider', () => {
    expect(refusal(demoEngine(), get(SP, 'ghost'))).toEqual({
      code: 4152,
      summary: '[Error 4152] Group not found: ghost',
      unchanged: true,
    });
    expect(refusal(demoEngine(), get('foo', 'ApioGrpTest')).code).toBe(4152);
  });
});
