import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  DEFAULT_WORKING_HOURS,
  describeDuration,
  formatDeadline,
  formatDuration,
  localInstant,
  nextSensibleTime,
  parseDuration,
  type Duration,
  type WorkingTime,
} from '../../src/domain/durations.js';
import { localClock } from '../../src/domain/schedule.js';

const weekdays = [1, 2, 3, 4, 5];
const paris: WorkingTime = { timeZone: 'Europe/Paris', days: weekdays, ...DEFAULT_WORKING_HOURS };
const at = (iso: string) => new Date(iso);

describe('durations as typed', () => {
  it('parses, formats and describes minutes, hours and days', () => {
    expect(parseDuration('30m')).toEqual({ amount: 30, unit: 'm' });
    expect(parseDuration(' 4H ')).toEqual({ amount: 4, unit: 'h' });
    expect(parseDuration('3 d')).toEqual({ amount: 3, unit: 'd' });
    expect(parseDuration('999h')).toEqual({ amount: 999, unit: 'h' });
    expect(parseDuration('90d')).toEqual({ amount: 90, unit: 'd' });
    for (const text of ['30m', '4h', '3d', '1m', '999m', '90d']) expect(formatDuration(parseDuration(text)!)).toBe(text);
    expect(describeDuration({ amount: 30, unit: 'm' })).toBe('30 minutes');
    expect(describeDuration({ amount: 1, unit: 'm' })).toBe('1 minute');
    expect(describeDuration({ amount: 1, unit: 'h' })).toBe('1 hour');
    expect(describeDuration({ amount: 4, unit: 'h' })).toBe('4 hours');
    expect(describeDuration({ amount: 1, unit: 'd' })).toBe('1 day');
    expect(describeDuration({ amount: 3, unit: 'd' })).toBe('3 days');
  });

  it('rejects anything it would have to guess about', () => {
    for (const text of ['', '   ', 'h', '4', '0h', '00m', '05h', '1.5h', '2w', '-3d', '+3d', '4  h', '4hours', '1000m', '1000h', '91d', '3d4h']) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });
});

describe('adding a duration', () => {
  it('adds plain elapsed time without business hours, and when no day is a working day', () => {
    const start = at('2026-03-28T12:00:00Z');
    expect(addDuration(start, { amount: 30, unit: 'm' })).toEqual(at('2026-03-28T12:30:00Z'));
    expect(addDuration(start, { amount: 4, unit: 'h' })).toEqual(at('2026-03-28T16:00:00Z'));
    // Elapsed days, even across the Paris spring-forward on 2026-03-29.
    expect(addDuration(start, { amount: 2, unit: 'd' })).toEqual(at('2026-03-30T12:00:00Z'));
    expect(addDuration(start, { amount: 4, unit: 'h' }, { ...paris, days: [] })).toEqual(at('2026-03-28T16:00:00Z'));
  });

  it('counts business hours over a weekend: 4h from Friday 16:00 in Paris is Monday 11:00', () => {
    // Friday 2026-01-16 16:00 CET = 15:00 UTC; Monday 11:00 CET = 10:00 UTC.
    expect(addDuration(at('2026-01-16T15:00:00Z'), { amount: 4, unit: 'h' }, paris)).toEqual(at('2026-01-19T10:00:00Z'));
    // Ending exactly at closing time stays on the Friday.
    expect(addDuration(at('2026-01-16T15:00:00Z'), { amount: 2, unit: 'h' }, paris)).toEqual(at('2026-01-16T17:00:00Z'));
  });

  it('counts business days at the same wall-clock time: 3d from Wednesday 14:00 is next Monday 14:00', () => {
    expect(addDuration(at('2026-01-14T13:00:00Z'), { amount: 3, unit: 'd' }, paris)).toEqual(at('2026-01-19T13:00:00Z'));
  });

  it('starts counting at the next opening when started outside working time', () => {
    // Saturday 2026-01-17 10:00 CET: counting starts Monday 09:00.
    expect(addDuration(at('2026-01-17T09:00:00Z'), { amount: 2, unit: 'h' }, paris)).toEqual(at('2026-01-19T10:00:00Z'));
    expect(addDuration(at('2026-01-17T09:00:00Z'), { amount: 1, unit: 'd' }, paris)).toEqual(at('2026-01-20T08:00:00Z'));
    // Tuesday 20:00 CET: counting starts Wednesday 09:00.
    expect(addDuration(at('2026-01-20T19:00:00Z'), { amount: 30, unit: 'm' }, paris)).toEqual(at('2026-01-21T08:30:00Z'));
  });

  it('works in half-hour zones: Asia/Kolkata opens at 09:00 IST = 03:30 UTC', () => {
    const kolkata: WorkingTime = { timeZone: 'Asia/Kolkata', days: weekdays, ...DEFAULT_WORKING_HOURS };
    // Monday 2026-01-19 08:30 IST: 30m of work ends 09:30 IST = 04:00 UTC.
    expect(addDuration(at('2026-01-19T03:00:00Z'), { amount: 30, unit: 'm' }, kolkata)).toEqual(at('2026-01-19T04:00:00Z'));
    // 17:45 IST: 15 minutes on Monday, 15 on Tuesday → Tuesday 09:15 IST.
    expect(addDuration(at('2026-01-19T12:15:00Z'), { amount: 30, unit: 'm' }, kolkata)).toEqual(at('2026-01-20T03:45:00Z'));
  });

  it('follows the Paris spring-forward weekend (2026-03-29, CET → CEST)', () => {
    // Friday 17:00 CET: 1h on Friday, 2h on Monday 09:00–11:00 CEST (07:00–09:00 UTC).
    expect(addDuration(at('2026-03-27T16:00:00Z'), { amount: 3, unit: 'h' }, paris)).toEqual(at('2026-03-30T09:00:00Z'));
    // Friday 10:00 CET + 1 working day = Monday 10:00 CEST, 71 hours later.
    expect(addDuration(at('2026-03-27T09:00:00Z'), { amount: 1, unit: 'd' }, paris)).toEqual(at('2026-03-30T08:00:00Z'));
    // And back in autumn (2026-10-25, CEST → CET): Friday 10:00 CEST + 1d = Monday 10:00 CET.
    expect(addDuration(at('2026-10-23T08:00:00Z'), { amount: 1, unit: 'd' }, paris)).toEqual(at('2026-10-26T09:00:00Z'));
  });

  it('follows Australia/Adelaide moving from +09:30 to +10:30 (2026-10-04)', () => {
    const adelaide: WorkingTime = { timeZone: 'Australia/Adelaide', days: weekdays, ...DEFAULT_WORKING_HOURS };
    // Friday 2026-10-02 17:00 ACST (07:30 UTC) + 2h: Monday 10:00 ACDT = Sunday 23:30 UTC.
    expect(addDuration(at('2026-10-02T07:30:00Z'), { amount: 2, unit: 'h' }, adelaide)).toEqual(at('2026-10-04T23:30:00Z'));
  });

  it('keeps the seconds of the start', () => {
    expect(addDuration(at('2026-01-14T13:00:42.500Z'), { amount: 3, unit: 'd' }, paris)).toEqual(at('2026-01-19T13:00:42.500Z'));
  });
});

describe('local instants', () => {
  it('turns local wall-clock times into instants, in fractional-hour zones and around daylight saving', () => {
    expect(localInstant('2026-01-19', 9 * 60, 'Asia/Kolkata')).toEqual(at('2026-01-19T03:30:00Z'));
    expect(localInstant('2026-01-19', 9 * 60, 'Australia/Adelaide')).toEqual(at('2026-01-18T22:30:00Z'));
    expect(localInstant('2026-07-01', 9 * 60, 'Europe/Paris')).toEqual(at('2026-07-01T07:00:00Z'));
    // 02:30 does not exist in Paris on 2026-03-29: the first instant after the gap is 03:00 CEST.
    expect(localInstant('2026-03-29', 150, 'Europe/Paris')).toEqual(at('2026-03-29T01:00:00Z'));
    // 02:30 happens twice on 2026-10-25: the earlier one (CEST).
    expect(localInstant('2026-10-25', 150, 'Europe/Paris')).toEqual(at('2026-10-25T00:30:00Z'));
  });
});

describe('the next sensible time', () => {
  it('waits for 09:00 local in Kolkata, and leaves times inside the hours alone', () => {
    // 02:00 IST on 2026-01-19 → 09:00 IST the same day.
    expect(nextSensibleTime(at('2026-01-18T20:30:00Z'), 'Asia/Kolkata')).toEqual(at('2026-01-19T03:30:00Z'));
    // 20:00 IST → 09:00 IST the next day.
    expect(nextSensibleTime(at('2026-01-19T14:30:00Z'), 'Asia/Kolkata')).toEqual(at('2026-01-20T03:30:00Z'));
    // 12:00 IST is fine as it is.
    expect(nextSensibleTime(at('2026-01-19T06:30:00Z'), 'Asia/Kolkata')).toEqual(at('2026-01-19T06:30:00Z'));
    // Weekends are sensible too; custom hours apply.
    expect(nextSensibleTime(at('2026-01-17T06:30:00Z'), 'Asia/Kolkata', { start: 13 * 60, end: 14 * 60 })).toEqual(at('2026-01-17T07:30:00Z'));
  });
});

describe('deadline labels', () => {
  it('says today, tomorrow, a weekday within six days, else the date', () => {
    // Now: Monday 2026-01-19 10:00 in Paris.
    const now = at('2026-01-19T09:00:00Z');
    expect(formatDeadline(at('2026-01-19T13:00:00Z'), 'Europe/Paris', now)).toBe('today 14:00');
    expect(formatDeadline(at('2026-01-20T08:30:00Z'), 'Europe/Paris', now)).toBe('tomorrow 09:30');
    // 23:30 UTC on Monday is already Tuesday 00:30 in Paris.
    expect(formatDeadline(at('2026-01-19T23:30:00Z'), 'Europe/Paris', now)).toBe('tomorrow 00:30');
    expect(formatDeadline(at('2026-01-22T13:00:00Z'), 'Europe/Paris', now)).toBe('Thu 14:00');
    expect(formatDeadline(at('2026-01-25T13:00:00Z'), 'Europe/Paris', now)).toBe('Sun 14:00');
    expect(formatDeadline(at('2026-01-26T13:00:00Z'), 'Europe/Paris', now)).toBe('Mon 26 Jan 14:00');
    expect(formatDeadline(at('2026-12-10T13:00:00Z'), 'Europe/Paris', now)).toBe('Thu 10 Dec 14:00');
    expect(formatDeadline(at('2026-01-18T13:00:00Z'), 'Europe/Paris', now)).toBe('Sun 18 Jan 14:00');
  });
});

describe('business time, for any start', () => {
  const zones = ['Europe/Paris', 'Asia/Kolkata', 'Australia/Adelaide', 'America/New_York', 'UTC'];
  const durationArb: fc.Arbitrary<Duration> = fc.oneof(
    fc.record({ amount: fc.integer({ min: 1, max: 999 }), unit: fc.constant('m' as const) }),
    fc.record({ amount: fc.integer({ min: 1, max: 100 }), unit: fc.constant('h' as const) }),
    fc.record({ amount: fc.integer({ min: 1, max: 90 }), unit: fc.constant('d' as const) }),
  );
  // Hours from 04:00 keep clear of the daylight-saving gaps in these zones (02:00–03:00 local).
  const businessArb: fc.Arbitrary<WorkingTime> = fc
    .record({
      timeZone: fc.constantFrom(...zones),
      days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      start: fc.integer({ min: 240, max: 1380 }),
      length: fc.integer({ min: 30, max: 1200 }),
    })
    .map(({ timeZone, days, start, length }) => ({ timeZone, days, start, end: Math.min(1440, start + length) }));

  it('ends no earlier than it starts, inside working time on a working day or at its closing', () => {
    const working = (instant: Date, business: WorkingTime) => {
      const clock = localClock(instant, business.timeZone);
      return business.days.includes(clock.weekday) && clock.minutes >= business.start && clock.minutes < business.end;
    };
    fc.assert(
      fc.property(
        fc.date({ min: at('2024-01-01T00:00:00Z'), max: at('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        durationArb,
        businessArb,
        (start, duration, business) => {
          const result = addDuration(start, duration, business);
          expect(result.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(working(result, business) || working(new Date(result.getTime() - 1), business)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
