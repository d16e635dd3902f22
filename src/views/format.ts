import { escapeMrkdwn } from './mrkdwn.js';

/** Slack shows each reader the time in their own zone; the fallback is UTC. */
export function slackDate(date: Date, format = '{date_short_pretty} {time}'): string {
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(date.getTime() / 1000)}^${format}|${fallback}>`;
}

/** A calendar date (stored as midnight UTC), shown the same to everyone. */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function mention(userId: string): string {
  return userId === 'system' ? 'the scheduler' : `<@${userId}>`;
}

/** Digits after the decimal point of a currency (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1234567 minor units of USD → "$12,345.67". */
export function money(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${escapeMrkdwn(currency)}`;
  }
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}

export function rate(value: number | null, suffix = ' %'): string {
  return value === null ? 'not available' : `${value.toLocaleString('en', { maximumFractionDigits: 2 })}${suffix}`;
}

/** "Sun 6 Dec, 09:00" in the workspace's time zone (the digest settings' IANA zone). */
export function zonedDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
}
