import { describe, expect, it } from '@jest/globals';
import { phoneParts, toE164 } from './phone-parts.js';

describe('phoneParts', () => {
  it('reads an E.164 number', () => {
    expect(phoneParts('+3225126778')).toEqual({
      phone_number_e164: '3225126778',
      country_code: '32',
      national_no_0: '25126778',
    });
  });

  it('reads a national number in the country of the group number', () => {
    expect(phoneParts('025126778', '+3225126700')).toEqual({
      phone_number_e164: '3225126778',
      country_code: '32',
      national_no_0: '25126778',
    });
    expect(phoneParts('0612345678', '+33140000000')).toEqual({
      phone_number_e164: '33612345678',
      country_code: '33',
      national_no_0: '612345678',
    });
  });

  it('cannot read a national number without a reference, or garbage', () => {
    expect(phoneParts('025126778')).toBeUndefined();
    expect(phoneParts('not a number', '+3225126700')).toBeUndefined();
  });
});

describe('toE164', () => {
  it('turns a national number into E.164 in the reference country, and leaves E.164 alone', () => {
    expect(toE164('025126790', '+3225126700')).toBe('+3225126790');
    expect(toE164('+3225126790', '+15550000000')).toBe('+3225126790');
    expect(toE164('025126790')).toBeUndefined();
  });
});
