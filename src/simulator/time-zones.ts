/** Time zones as BroadWorks knows them: IANA names, shown as `(GMT+01:00) Europe/Brussels`. */

/**
 * The zones found known, in their canonical spelling only (so the set is no larger than the zone
 * database, whatever spellings clients send): Intl builds a whole formatter to say so.
 */
const knownTimeZones = new Set<string>();

export function isKnownTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) return true;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  if (canonical === timeZone) knownTimeZones.add(timeZone);
  return true;
}

/**
 * The display name uses the zone's standard (winter) offset, the smaller of January's and July's,
 * so the answer does not change with the date the simulator runs on.
 */
export function timeZoneDisplayName(timeZone: string): string {
  if (!isKnownTimeZone(timeZone)) return timeZone;
  // Two Intl formatters a name: kept (for canonical spellings), since every read of a hunt group or user answers one.
  let name = displayNames.get(timeZone);
  if (name === undefined) {
    name = displayNameOf(timeZone);
    if (knownTimeZones.has(timeZone)) displayNames.set(timeZone, name);
  }
  return name;
}

/** The display names made so far, of canonical zone names only (a bounded set). */
const displayNames = new Map<string, string>();

function displayNameOf(timeZone: string): string {
  const offsets = [Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1)].map((at) => offsetMinutes(timeZone, at));
  const minutes = Math.min(...offsets);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `(GMT${sign}${hh}:${mm}) ${timeZone}`;
}

function offsetMinutes(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  const value = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -value : value;
}
