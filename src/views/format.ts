/** Slack shows each reader the time in their own zone; the fallback is UTC. */
export function slackDate(date: Date, format = '{date_short_pretty} {time}'): string {
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(date.getTime() / 1000)}^${format}|${fallback}>`;
}

/** A calendar date (stored as midnight UTC), shown the same to everyone. */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A person, or the app itself: the scheduler, or an approval deadline that acted. */
export function mention(userId: string): string {
  if (userId === 'deadline') return 'the deadline';
  return userId === 'system' ? 'the scheduler' : `<@${userId}>`;
}

// An Intl format takes some 20 µs to build and well under one to use: a digest or a report formats
// thousands of numbers, so each format is built once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat('en', options)));
  return format;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Digits after the decimal point of a currency (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return numberFormat({ style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 1234567 minor units of USD → "$12,345.67"; a fraction of a minor unit (a cost per engagement) is rounded. */
export function money(minor: number, currency: string): string {
  return numberFormat({ style: 'currency', currency }).format(minor / 10 ** currencyDigits(currency));
}

/** 150025 minor units with 2 digits → "1500.25": a plain number, for inputs and the CSV (no symbol, no grouping). */
export function majorUnits(minor: number, digits: number): string {
  return numberFormat({ useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}

export function rate(value: number | null, suffix = ' %'): string {
  return value === null ? 'not available' : `${numberFormat({ maximumFractionDigits: 2 }).format(value)}${suffix}`;
}

/** How profit is computed (README, "Numbers"), said where profit is shown. */
export const PROFIT_FORMULA = 'Profit = budget − influencer costs.';

/** How the report's and the digest's ratios are computed (README, "Numbers"), in one context line. */
export const FORMULAS =
  'Engagement rate = engagements (likes + comments + shares + saves) ÷ reach × 100 · cost per engagement = total cost (influencers + shipping) ÷ engagements · ROI = (attributed revenue − total cost) ÷ total cost × 100 · profit = budget − influencer costs.';

/** "Sun 6 Dec, 09:00" in the workspace's time zone (the digest settings' IANA zone). */
export function zonedDateTime(date: Date, timeZone: string): string {
  return dateFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
