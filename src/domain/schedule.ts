/** The workspace's digest schedule. */
export interface DigestSchedule {
  /** "HH:MM", local to `timeZone`. */
  time: string;
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isClockTime(time: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
}

/** Every fault of a schedule at once, by field. */
export function scheduleErrors(schedule: DigestSchedule): Partial<Record<keyof DigestSchedule, string>> {
  const errors: Partial<Record<keyof DigestSchedule, string>> = {};
  if (!isClockTime(schedule.time)) errors.time = 'Use a time such as 09:00.';
  if (!isTimeZone(schedule.timeZone)) errors.timeZone = 'Use an IANA time zone such as Asia/Tokyo or Europe/Paris.';
  if (schedule.days.length === 0 || schedule.days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) errors.days = 'Choose at least one day.';
  return errors;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Building a format with a time zone takes tens of microseconds; deadlines and digests ask thousands of times.
const clockFormats = new Map<string, Intl.DateTimeFormat>();
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

export interface LocalClock {
  readonly date: string;
  readonly weekday: number;
  readonly minutes: number;
}

// formatToParts costs tens of microseconds, and a deadline asks for the same few minutes again and
// again (the edges of working hours a day either side): the scheduler's reminders and deadline
// decisions took 150 ms of the main thread every minute for 200 waiting posts. Kept per minute and zone.
const clocks = new Map<string, LocalClock>();
const CLOCKS_KEPT = 10_000;

/** The local calendar date, weekday and minutes since local midnight of `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): LocalClock {
  const key = `${timeZone} ${Math.floor(now.getTime() / 60_000)}`;
  const known = clocks.get(key);
  if (known) return known;
  const parts = Object.fromEntries(
    clockFormat(timeZone)
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const clock = Object.freeze({
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!] ?? 0,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  });
  if (clocks.size >= CLOCKS_KEPT) clocks.clear();
  clocks.set(key, clock);
  return clock;
}

/**
 * Is today's digest due at `now`? From the configured local time until the end of the local day,
 * so a run missed while the app was down is caught up later the same day (the claim per channel
 * and day keeps it to once). A time inside a daylight-saving gap is reached at the first minute
 * after the gap instead of being skipped.
 */
export function digestDue(schedule: DigestSchedule, now: Date): { due: boolean; localDate: string } {
  const clock = localClock(now, schedule.timeZone);
  const [hours, minutes] = schedule.time.split(':').map(Number) as [number, number];
  return { due: schedule.days.includes(clock.weekday) && clock.minutes >= hours * 60 + minutes, localDate: clock.date };
}
