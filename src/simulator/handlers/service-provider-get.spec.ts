import { describe, expect, it } from '@jest/globals';
import { demoEngine, refusal } from '../testing/fixtures.js';

const get = (serviceProviderId: string) => ({ $type: 'ServiceProviderGetRequest22V4', serviceProviderId });

describe('ServiceProviderGetRequest22V4', () => {
  it('answers isEnterprise for an enterprise', () => {
    expect(demoEngine().execute(get('ApioSpTest'))).toEqual({
      $type: 'ServiceProviderGetResponse22V4',
      isEnterprise: true,
      defaultDomain: 'sip.netaxis.be',
      serviceProviderName: 'APIO Test Enterprise',
      useServiceProviderLanguages: false,
      serviceProviderId: 'ApioSpTest',
    });
  });

  it('answers useCustomRoutingProfile, and no isEnterprise, for a plain service provider', () => {
    const answer = demoEngine().execute(get('foo'));
    expect(answer).toMatchObject({
      useCustomRoutingProfile: false,
      defaultDomain: 'sip.netaxis.be',
      serviceProviderId: 'foo',
    });
    expect('isEnterprise' in answer).toBe(false);
  });

  it('refuses an unknown service provider', () => {
    expect(refusal(demoEngine(), get('ghost'))).toEqual({
      code: 4002,
      summary: '[Error 4002] Service Provider not found: ghost',
      unchanged: true,
    });
  });
});
