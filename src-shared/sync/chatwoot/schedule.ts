import { TZDate } from '@date-fns/tz';
import { zonedLocalToInstant } from '../../time/zoned';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/**
 * An instant as ISO 8601 with the UTC offset it has in `timezone`, the way the marketer
 * scheduled it: `2030-03-02T08:30:00-05:00`. Chatwoot accepts any offset; keeping the local
 * one makes the request readable in logs and dry runs.
 */
export function isoWithOffset(instant: Date, timezone: string): string {
  const d = new TZDate(instant.getTime(), timezone);
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The flow's local schedule ("2030-03-02T08:30" in New York) as Chatwoot's `scheduled_at`, or null if malformed. */
export function scheduledAtIso(local: string, timezone: string): string | null {
  const instant = zonedLocalToInstant(local, timezone);
  return instant ? isoWithOffset(instant, timezone) : null;
}

/** Chatwoot's answer (Unix seconds) as the flow's wall-clock "YYYY-MM-DDTHH:mm" in `timezone`. */
export function unixToLocal(seconds: number, timezone: string): string {
  const d = new TZDate(seconds * 1000, timezone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
