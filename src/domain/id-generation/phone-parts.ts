import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The phone placeholders of an id rule, from one number. */
export interface PhoneParts {
  /** E.164 without "+": 3225126778. */
  phone_number_e164: string;
  /** 32 */
  country_code: string;
  /** The national number without its trunk prefix 0: 25126778. */
  national_no_0: string;
}

/**
 * Reads a number in E.164 (+3225126778) or, when it lacks a country code, as a national number of
 * the country of `reference` (the group's calling line id number). Undefined when it cannot be read.
 */
export function phoneParts(number: string, reference?: string): PhoneParts | undefined {
  const parsed = parseNumber(number, reference);
  if (!parsed) return undefined;
  return {
    phone_number_e164: parsed.number.replace(/^\+/, ''),
    country_code: parsed.countryCallingCode,
    national_no_0: parsed.nationalNumber.replace(/^0+/, ''),
  };
}

/** A number in E.164 with "+"; a national number is read in the country of `reference`. */
export function toE164(number: string, reference?: string): string | undefined {
  return parseNumber(number, reference)?.number;
}

function parseNumber(number: string, reference?: string) {
  if (number.startsWith('+')) return parsePhoneNumberFromString(number);
  const country = countryOf(reference);
  if (!country) return undefined;
  return parsePhoneNumberFromString(
    number,
    country.region ? { defaultCountry: country.region } : { defaultCallingCode: country.callingCode },
  );
}

function countryOf(reference?: string): { region?: CountryCode; callingCode: string } | undefined {
  if (!reference) return undefined;
  const parsed = parsePhoneNumberFromString(reference.startsWith('+') ? reference : `+${reference}`);
  return parsed ? { region: parsed.country, callingCode: parsed.countryCallingCode } : undefined;
}
