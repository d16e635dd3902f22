import { localClock } from './schedule.js';

/** A deadline length as people type it: 30m, 4h, 3d. */
export type Duration = { amount: number; unit: 'm' | 'h' | 'd' };

/** When work is counted, local to `timeZone`. */
export interface WorkingTime {
  timeZone: string;
  /** ISO weekdays that are working days, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Minutes since local midnight; default 9 * 60. */
  start: number;
  /** Minutes since local midnight, exclusive; default 18 * 60. */
  end: number;
}

export const DEFAULT_WORKING_HOURS = { start: 540, end: 1080 };

const MINUTE = 60_000;
const DAY = 86_400_000;
const UNIT_MS = { m: MINUTE, h: 60 * MINUTE, d: DAY } as const;
const MAX_AMOUNT = { m: 999, h: 999, d: 90 } as const;
const UNIT_WORDS = { m: 'minute', h: 'hour', d: 'day' } as const;
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reads what a user typed ("30m", "4 h", "3D"); undefined for anything we would have to guess about. */
export function parseDuration(text: string): Duration | undefined {
  const match = /^([1-9]\d{0,2}) ?([mhd])$/i.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2]!.toLowerCase() as Duration['unit'];
  return amount <= MAX_AMOUNT[unit] ? { amount, unit } : undefined;
}

/** The compact form parseDuration reads back, for storage and input defaults. */
export function formatDuration(d: Duration): string {
  return `${d.amount}${d.unit}`;
}

/** The duration in words for messages: "1 hour", "3 days". */
export function describeDuration(d: Duration): string {
  return `${d.amount} ${UNIT_WORDS[d.unit]}${d.amount === 1 ? '' : 's'}`;
}

/** A local date and minutes as if they were UTC, to do calendar arithmetic without a zone. */
function wallMs(date: string, minutes: number): number {
  // "YYYY-MM-DD" by position: deadlines ask this thousands of times a minute, and split allocates.
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * MINUTE;
}

/** The sub-minute part of an instant (zone offsets are whole minutes, so it is the same locally). */
function subMinute(t: number): number {
  return ((t % MINUTE) + MINUTE) % MINUTE;
}

/** The local wall-clock time of instant `t`, to the minute, as wallMs. */
function wallOf(t: number, timeZone: string): number {
  const clock = localClock(new Date(t), timeZone);
  return wallMs(clock.date, clock.minutes);
}

/** The calendar date `days` after `date`. */
function addDays(date: string, days: number): string {
  return new Date(wallMs(date, 0) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday (Mon = 1) of a calendar date. */
function weekdayOf(date: string): number {
  return ((new Date(wallMs(date, 0)).getUTCDay() + 6) % 7) + 1;
}

/** The instant of a local wall-clock time; inside a daylight-saving gap, the first valid instant after it. */
export function localInstant(date: string, minutes: number, timeZone: string): Date {
  const wall = wallMs(date, minutes);
  // The zone's offsets a day either side: equal unless the clocks change around that time.
  const [before, after] = [wall - DAY, wall + DAY].map((t) => wallOf(t, timeZone) - t) as [number, number];
  const candidates = [wall - Math.max(before, after), wall - Math.min(before, after)];
  const valid = candidates.find((t) => wallOf(t, timeZone) === wall);
  if (valid !== undefined) return new Date(valid); // the earlier one when the clock goes back
  // A gap: find the first minute whose local time is at or after `wall` (the change itself).
  let [lo, hi] = candidates as [number, number];
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wallOf(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Business time that can't make progress (no working day, empty hours) is ignored rather than looped on. */
function usable(business: WorkingTime | undefined): business is WorkingTime {
  return !!business && business.days.some((day) => day >= 1 && day <= 7) && business.start < business.end;
}

/** The first instant at or after `at` inside working time on a working day. */
function nextOpening(at: Date, business: WorkingTime): Date {
  const clock = localClock(at, business.timeZone);
  if (business.days.includes(clock.weekday) && clock.minutes >= business.start && clock.minutes < business.end) return at;
  let date = clock.date;
  if (!business.days.includes(clock.weekday) || clock.minutes >= business.end) date = addDays(date, 1);
  while (!business.days.includes(weekdayOf(date))) date = addDays(date, 1);
  return localInstant(date, business.start, business.timeZone);
}

/** When a deadline of `duration` from `start` falls; with `business`, only working time counts. */
export function addDuration(start: Date, duration: Duration, business?: WorkingTime): Date {
  if (!usable(business)) return new Date(start.getTime() + duration.amount * UNIT_MS[duration.unit]);
  const { timeZone } = business;
  if (duration.unit === 'd') {
    const origin = nextOpening(start, business);
    const clock = localClock(origin, timeZone);
    let date = clock.date;
    for (let left = duration.amount; left > 0; ) {
      date = addDays(date, 1);
      if (business.days.includes(weekdayOf(date))) left -= 1;
    }
    return new Date(localInstant(date, clock.minutes, timeZone).getTime() + subMinute(origin.getTime()));
  }
  let remaining = duration.amount * UNIT_MS[duration.unit];
  let cursor = nextOpening(start, business).getTime();
  let date = localClock(new Date(cursor), timeZone).date;
  for (;;) {
    const closing = localInstant(date, business.end, timeZone).getTime();
    if (remaining <= closing - cursor) return new Date(cursor + remaining);
    remaining -= closing - cursor;
    do date = addDays(date, 1);
    while (!business.days.includes(weekdayOf(date)));
    cursor = localInstant(date, business.start, timeZone).getTime();
  }
}

/** The first moment at or after `at` when it is a sensible hour to ping someone in `timeZone`. */
export function nextSensibleTime(at: Date, timeZone: string, hours: { start: number; end: number } = DEFAULT_WORKING_HOURS): Date {
  const clock = localClock(at, timeZone);
  if (clock.minutes >= hours.start && clock.minutes < hours.end) return at;
  const date = clock.minutes < hours.start ? clock.date : addDays(clock.date, 1);
  return localInstant(date, hours.start, timeZone);
}

/** A short local label for a deadline relative to `now`: "today 14:00", "Thu 14:00", "Thu 10 Dec 14:00". */
export function formatDeadline(at: Date, timeZone: string, now: Date): string {
  const clock = localClock(at, timeZone);
  const days = Math.round((wallMs(clock.date, 0) - wallMs(localClock(now, timeZone).date, 0)) / DAY);
  const time = `${String(Math.floor(clock.minutes / 60)).padStart(2, '0')}:${String(clock.minutes % 60).padStart(2, '0')}`;
  const weekday = WEEKDAY_NAMES[clock.weekday - 1];
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  if (days > 1 && days <= 6) return `${weekday} ${time}`;
  const [, month, day] = clock.date.split('-').map(Number) as [number, number, number];
  return `${weekday} ${day} ${MONTH_NAMES[month - 1]} ${time}`;
}
