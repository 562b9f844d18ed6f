import { TZDate } from '@date-fns/tz';

/**
 * The instant at which a wall-clock time ("2026-03-29T02:30") happens in a timezone.
 * In a DST gap the time is pushed forward by the gap (as clocks do); in an overlap (clocks
 * going back) the second occurrence, in standard time, is taken. Returns null for a malformed local time.
 *
 * @example zonedLocalToInstant('2026-12-01T09:00', 'Europe/Paris') // 2026-12-01T08:00:00Z
 */
export function zonedLocalToInstant(local: string, timezone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new TZDate(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s, timezone);
  if (Number.isNaN(date.getTime())) return null;
  // Reject 2026-02-31 and friends, which Date would roll over into March.
  if (date.getDate() !== d) return null;
  return new Date(date.getTime());
}
