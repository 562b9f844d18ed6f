import type { BusinessHours } from '../flow/campaign';
import type { Weekday } from '../flow/primitives';
import { minutesOfDay, WEEKDAYS } from '../flow/primitives';

const SHORT_DAYS: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/** Weekday and minutes since midnight of an instant on a timezone's wall clock. */
export function wallTime(at: Date, timezone: string): { day: Weekday; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: SHORT_DAYS[parts.weekday ?? 'Mon'] ?? 'mon', minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/**
 * Whether an inbox is open at an instant, as Chatwoot's widget asks before starting a
 * business-hours-only campaign: no working hours configured means never open. The hours are
 * read in their own timezone, else the campaign's. A slot whose close equals its open is open
 * all day; one that closes before it opens runs overnight into the next day (22:00–06:00 on
 * Friday is open Friday night and early Saturday).
 */
export function isWithinBusinessHours(hours: BusinessHours | null, campaignTimezone: string, at: Date): boolean {
  if (!hours) return false;
  const { day, minutes } = wallTime(at, hours.timezone ?? campaignTimezone);
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7];
  return hours.intervals.some((iv) => {
    const open = minutesOfDay(iv.open);
    const close = minutesOfDay(iv.close);
    if (open === close) return iv.day === day;
    if (open < close) return iv.day === day && open <= minutes && minutes < close;
    return (iv.day === day && minutes >= open) || (iv.day === yesterday && minutes < close);
  });
}

/** Monday to Friday, 09:00 to 17:00: the hours a new campaign starts with. */
export function officeHours(open = '09:00', close = '17:00', days: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']): BusinessHours {
  return { intervals: days.map((day) => ({ day, open, close })) };
}

/** "Mon–Fri 09:00–17:00", or one part per distinct opening time. */
export function describeBusinessHours(hours: BusinessHours | null): string {
  if (!hours || hours.intervals.length === 0) return 'No opening hours';
  const byTime = new Map<string, Weekday[]>();
  for (const iv of hours.intervals) {
    const key = `${iv.open}–${iv.close}`;
    byTime.set(key, [...(byTime.get(key) ?? []), iv.day]);
  }
  return [...byTime].map(([time, days]) => `${describeDays(days)} ${time}`).join(', ');
}

function describeDays(days: Weekday[]): string {
  const idx = [...new Set(days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
  const name = (i: number) => { const d = WEEKDAYS[i] ?? 'mon'; return d[0]!.toUpperCase() + d.slice(1); };
  const runs: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${name(idx[i]!)}–${name(idx[j]!)}` : idx.slice(i, j + 1).map(name).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}
