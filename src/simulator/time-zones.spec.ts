import { describe, expect, it } from '@jest/globals';
import { isKnownTimeZone, timeZoneDisplayName } from './time-zones.js';

describe('time zones', () => {
  it('shows the standard offset whatever the date', () => {
    expect(timeZoneDisplayName('Europe/Brussels')).toBe('(GMT+01:00) Europe/Brussels');
    expect(timeZoneDisplayName('America/New_York')).toBe('(GMT-05:00) America/New_York');
    expect(timeZoneDisplayName('Asia/Kolkata')).toBe('(GMT+05:30) Asia/Kolkata');
    expect(timeZoneDisplayName('UTC')).toBe('(GMT+00:00) UTC');
  });

  it('knows IANA zones and nothing else', () => {
    expect(isKnownTimeZone('Europe/Brussels')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(timeZoneDisplayName('Mars/Olympus')).toBe('Mars/Olympus');
  });
});
