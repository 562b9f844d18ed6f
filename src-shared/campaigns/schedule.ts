import { isKnownTimezone } from '../flow/primitives';
import { zonedLocalToInstant } from '../time/zoned';

export type ScheduleCheck =
  | { ok: true; at: Date; note?: string }
  | { ok: false; reason: string };

/**
 * Checks a one-off send time typed as wall-clock time in a timezone: a real date, not in the
 * past (a broadcast cannot be sent back in time, and Chatwoot never sends one scheduled before
 * now), and says when a DST change moves it.
 */
export function checkSchedule(local: string, timezone: string, now: Date): ScheduleCheck {
  if (!local) return { ok: false, reason: 'Choose a date and time.' };
  if (!isKnownTimezone(timezone)) return { ok: false, reason: `"${timezone}" is not a timezone this app knows.` };
  const at = zonedLocalToInstant(local, timezone);
  if (!at) return { ok: false, reason: `${local.replace('T', ' ')} is not a real date.` };
  const shown = local.replace('T', ' ');
  if (at.getTime() <= now.getTime()) return { ok: false, reason: `${shown} in ${timezone} has already passed: pick a time in the future.` };
  const wall = wallClock(at, timezone);
  if (wall !== local.slice(0, 16)) {
    return { ok: true, at, note: `${shown} does not exist in ${timezone} that day (clocks go forward); it will be sent at ${wall.replace('T', ' ')}.` };
  }
  return { ok: true, at };
}

/** "YYYY-MM-DDTHH:mm" of an instant in a timezone. */
export function wallClock(at: Date, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
