import { describe, expect, it } from 'vitest';
import { dateKey, timeZones, zonedIso } from './time';

describe('zonedIso: a wall-clock time in a zone as ISO 8601 with that zone’s offset', () => {
  it('uses the offset in force on that date', () => {
    expect(zonedIso('2025-01-15', '14:00', 'Europe/London')).toBe('2025-01-15T14:00:00+00:00');
    expect(zonedIso('2025-07-15', '14:00', 'Europe/London')).toBe('2025-07-15T14:00:00+01:00');
    expect(zonedIso('2025-07-15', '09:30', 'America/New_York')).toBe('2025-07-15T09:30:00-04:00');
    expect(zonedIso('2025-12-01', '09:30', 'Asia/Kolkata')).toBe('2025-12-01T09:30:00+05:30');
    expect(zonedIso('2025-12-01', '23:45', 'UTC')).toBe('2025-12-01T23:45:00+00:00');
  });

  it('settles times next to a clock change on the right side of it', () => {
    // London goes to summer time at 01:00 UTC on 30 March 2025 and back at 01:00 UTC on 26 October 2025.
    expect(zonedIso('2025-03-30', '00:30', 'Europe/London')).toBe('2025-03-30T00:30:00+00:00');
    expect(zonedIso('2025-03-30', '03:00', 'Europe/London')).toBe('2025-03-30T03:00:00+01:00');
    expect(zonedIso('2025-10-26', '00:30', 'Europe/London')).toBe('2025-10-26T00:30:00+01:00');
    expect(zonedIso('2025-10-26', '02:30', 'Europe/London')).toBe('2025-10-26T02:30:00+00:00');
    // New York changes at 02:00 local time.
    expect(zonedIso('2025-03-09', '03:30', 'America/New_York')).toBe('2025-03-09T03:30:00-04:00');
    expect(zonedIso('2025-03-09', '01:30', 'America/New_York')).toBe('2025-03-09T01:30:00-05:00');
  });

  it('names the same instant the wall clock shows', () => {
    const iso = zonedIso('2025-11-03', '18:15', 'Australia/Sydney');
    const shown = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Australia/Sydney',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(iso));
    expect(shown).toBe('03/11/2025, 18:15');
  });
});

describe('dates and zones', () => {
  it('keys a local date as YYYY-MM-DD', () => {
    expect(dateKey(new Date(2025, 0, 5))).toBe('2025-01-05');
    expect(dateKey(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });

  it('lists zones sorted, without duplicates, with UTC and the browser’s own', () => {
    const zones = timeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zones).toContain('Europe/London');
    expect([...zones].sort()).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
  });
});
