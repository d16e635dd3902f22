import { describe, expect, it } from 'vitest';
import { digestDue, isClockTime, isTimeZone, localClock } from '../../src/domain/schedule.js';

const weekdays = { time: '09:00', days: [1, 2, 3, 4, 5] };

describe('the digest schedule', () => {
  it('is due from 09:00 local time until the end of the local day, on the chosen weekdays', () => {
    const tokyo = { ...weekdays, timeZone: 'Asia/Tokyo' };
    // Monday 2026-11-23 08:59 in Tokyo is 23:59 UTC on Sunday.
    expect(digestDue(tokyo, new Date('2026-11-22T23:59:00Z'))).toEqual({ due: false, localDate: '2026-11-23' });
    expect(digestDue(tokyo, new Date('2026-11-23T00:00:00Z'))).toEqual({ due: true, localDate: '2026-11-23' });
    // Caught up later the same local day (the app was down at 09:00).
    expect(digestDue(tokyo, new Date('2026-11-23T14:59:00Z'))).toEqual({ due: true, localDate: '2026-11-23' });
    // Saturday in Tokyo: not a digest day.
    expect(digestDue(tokyo, new Date('2026-11-28T03:00:00Z')).due).toBe(false);
  });

  it('follows daylight saving: 09:00 in New York is 14:00 UTC in winter, 13:00 UTC in summer', () => {
    const newYork = { ...weekdays, timeZone: 'America/New_York' };
    expect(digestDue(newYork, new Date('2027-03-12T13:59:00Z')).due).toBe(false);
    expect(digestDue(newYork, new Date('2027-03-12T14:00:00Z')).due).toBe(true);
    // Monday after the change on Sunday 2027-03-14.
    expect(digestDue(newYork, new Date('2027-03-15T12:59:00Z')).due).toBe(false);
    expect(digestDue(newYork, new Date('2027-03-15T13:00:00Z')).due).toBe(true);
  });

  it('runs a time inside the spring-forward gap at the first minute after it, not never', () => {
    const early = { time: '02:30', timeZone: 'America/New_York', days: [7] };
    // Sunday 2027-03-14: 02:00 → 03:00 local. 06:59 UTC is 01:59 EST; 07:00 UTC is 03:00 EDT.
    expect(digestDue(early, new Date('2027-03-14T06:59:00Z')).due).toBe(false);
    expect(digestDue(early, new Date('2027-03-14T07:00:00Z'))).toEqual({ due: true, localDate: '2027-03-14' });
  });

  it('reads local clocks and validates settings', () => {
    expect(localClock(new Date('2026-11-23T15:30:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-11-23', weekday: 1, minutes: 21 * 60 });
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isClockTime('09:00')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
  });
});
