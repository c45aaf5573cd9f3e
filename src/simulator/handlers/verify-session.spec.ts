import { describe, expect, it } from '@jest/globals';
import { demoEngine, refusal } from '../testing/fixtures.js';

describe('VerifySessionIsValidRequest', () => {
  it('answers SuccessResponse', () => {
    expect(demoEngine().execute({ $type: 'VerifySessionIsValidRequest' })).toEqual({ $type: 'SuccessResponse' });
  });

  it('refuses elements it does not have', () => {
    expect(refusal(demoEngine(), { $type: 'VerifySessionIsValidRequest', userId: 'x' }).code).toBe(4003);
  });
});
