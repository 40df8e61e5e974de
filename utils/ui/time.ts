import { intlLocale } from './intl';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** The unit and signed amount that describe `ms` best (negative = in the past). */
export function relativeParts(ms: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  const pick = (size: number, unit: Intl.RelativeTimeFormatUnit) => ({ value: sign * Math.floor(abs / size), unit });
  if (abs < MINUTE) return pick(SECOND, 'second');
  if (abs < HOUR) return pick(MINUTE, 'minute');
  if (abs < DAY) return pick(HOUR, 'hour');
  if (abs < WEEK) return pick(DAY, 'day');
  if (abs < MONTH) return pick(WEEK, 'week');
  if (abs < YEAR) return pick(MONTH, 'month');
  return pick(YEAR, 'year');
}

const formatters = new Map<string, Intl.RelativeTimeFormat>();

/** "3 minutes ago", "il y a 3 minutes", "قبل 3 دقائق" — in the UI language. */
export function relativeTime(timestamp: number, now: number = Date.now(), lang?: string): string {
  if (!Number.isFinite(timestamp)) return '';
  const locale = intlLocale(lang);
  let rtf = formatters.get(locale);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formatters.set(locale, rtf);
  }
  // A clock a few seconds off must not print "in 2 seconds" for something just reported.
  const diff = Math.min(0, timestamp - now);
  const { value, unit } = relativeParts(diff);
  return rtf.format(value === 0 ? 0 : value, unit);
}

/** Full date and time, for a tooltip or a `<time>` label. */
export function formatDateTime(timestamp: number, lang?: string): string {
  if (!Number.isFinite(timestamp)) return '';
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}

/** ISO string for `<time datetime>`; empty when the timestamp is not a valid date. */
export function isoDate(timestamp: number): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
