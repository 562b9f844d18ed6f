import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * An instant as a marketer reads it, on the clock of `timezone`: "Tue 24 Nov 09:00". Messages
 * and explanations use this, never epoch milliseconds or ISO "Z" times. An unknown timezone
 * falls back to UTC (the text stays readable; validation reports the bad name elsewhere).
 *
 * @example formatLocalTime(Date.UTC(2026, 10, 24, 8), 'Europe/Paris') // "Tue 24 Nov 09:00"
 */
export function formatLocalTime(t: number, timezone: string): string {
  const local = new TZDate(t, timezone);
  return format(Number.isNaN(local.getTime()) ? new TZDate(t, 'UTC') : local, 'EEE d MMM HH:mm');
}

/** {@link formatLocalTime} with the year, for periods that may span years: "Tue 24 Nov 2026 09:00". */
export function formatLocalDateTime(t: number, timezone: string): string {
  const local = new TZDate(t, timezone);
  return format(Number.isNaN(local.getTime()) ? new TZDate(t, 'UTC') : local, 'EEE d MMM yyyy HH:mm');
}
