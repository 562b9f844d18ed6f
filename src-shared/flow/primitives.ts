import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';

/** Identifiers of nodes, edges and campaigns: short, stable, safe in URLs and JSON paths. */
export const Id = lazySchema(() =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits, "_", ".", ":" and "-"'),
);

export const DurationUnit = lazySchema(() => z.enum(['minutes', 'hours', 'days', 'weeks']));
export type DurationUnit = z.infer<typeof DurationUnit>;

/** A length of time as a marketer says it ("2 days"), not as seconds. */
export const Duration = lazySchema(() => z.strictObject({
  amount: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000),
  unit: DurationUnit,
}));
export type Duration = z.infer<typeof Duration>;

const UNIT_SECONDS: Record<DurationUnit, number> = { minutes: 60, hours: 3600, days: 86_400, weeks: 604_800 };

/** Seconds in a duration; days are counted as 24 h here (calendar-aware waits are the engine's job). */
export function durationSeconds(d: Duration): number {
  return d.amount * UNIT_SECONDS[d.unit];
}

/** "2 days", "1 hour". */
export function formatDuration(d: Duration): string {
  const unit = d.amount === 1 ? d.unit.slice(0, -1) : d.unit;
  return `${d.amount} ${unit}`;
}

/**
 * Wall-clock time of day, 24 h: "09:30". "24:00" is the end of the day, so a closing time can
 * say "until midnight" (an opening time of 24:00 opens nothing; the interval checks say so).
 */
export const TimeOfDay = lazySchema(() => z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
  error: (issue) => {
    const text = typeof issue.input === 'string' ? issue.input : '';
    const parsed = parseTimeOfDay(text);
    return parsed.ok ? `write "${text}" as "${parsed.value}" (two-digit hours)` : parsed.message;
  },
}));

export type ParsedTime = { ok: true; value: string; minutes: number } | { ok: false; message: string };

/**
 * A typed time of day, normalised to "HH:mm": "9:30" is "09:30", "24:00" is the end of the day
 * (1440 minutes). Anything else says what is wrong with it: "24:01" is past the end of the day,
 * "25:00" has no such hour, "12:60" no such minute.
 *
 * @example parseTimeOfDay('9:05') // { ok: true, value: '09:05', minutes: 545 }
 */
export function parseTimeOfDay(text: string): ParsedTime {
  const t = text.trim();
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return { ok: false, message: t ? `"${t}" is not a time like "09:30" (24-hour, hours:minutes)` : 'must be a time like "09:30" (24-hour)' };
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return { ok: false, message: `"${t}" has no minute ${m[2]}: minutes go from 00 to 59` };
  if (h === 24 && min > 0) return { ok: false, message: `"${t}" is past the end of the day: the latest time is 24:00` };
  if (h > 24) return { ok: false, message: `"${t}" has no hour ${m[1]}: hours go from 00 to 23, and 24:00 is the end of the day` };
  return { ok: true, value: `${String(h).padStart(2, '0')}:${m[2]}`, minutes: h * 60 + min };
}

/** A local date-time without offset, read in a named timezone: "2026-12-01T09:00". */
export const LocalDateTime = lazySchema(() =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a local date-time like "2026-12-01T09:00"'),
);

export const Weekday = lazySchema(() => z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']));
export type Weekday = z.infer<typeof Weekday>;
export const WEEKDAYS = Weekday.options;

/** An IANA timezone name; checked against the runtime's Intl data during validation. */
export const TimezoneName = lazySchema(() => z.string().min(1, 'must name a timezone such as "Europe/Paris"').max(64));

/** True when the runtime knows this IANA timezone. */
export function isKnownTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const Position = lazySchema(() => z.strictObject({ x: z.number().finite(), y: z.number().finite() }));
export type Position = z.infer<typeof Position>;

/** Who a message appears to come from. */
export const Sender = lazySchema(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bot'), name: z.string().max(100).optional() }),
  z.strictObject({ type: z.literal('agent'), agentId: z.string().min(1), name: z.string().max(100).optional() }),
]));
export type Sender = z.infer<typeof Sender>;

/** Minutes since midnight for "HH:mm" ("24:00" is 1440, the end of the day). */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
