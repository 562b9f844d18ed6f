import { z } from 'zod';

/** Identifiers of nodes, edges and campaigns: short, stable, safe in URLs and JSON paths. */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits, "_", ".", ":" and "-"');

export const DurationUnit = z.enum(['minutes', 'hours', 'days', 'weeks']);
export type DurationUnit = z.infer<typeof DurationUnit>;

/** A length of time as a marketer says it ("2 days"), not as seconds. */
export const Duration = z.strictObject({
  amount: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000),
  unit: DurationUnit,
});
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

/** Wall-clock time of day, 24 h: "09:30". */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like "09:30" (24-hour)');

/** A local date-time without offset, read in a named timezone: "2026-12-01T09:00". */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a local date-time like "2026-12-01T09:00"');

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;
export const WEEKDAYS = Weekday.options;

/** An IANA timezone name; checked against the runtime's Intl data during validation. */
export const TimezoneName = z.string().min(1, 'must name a timezone such as "Europe/Paris"').max(64);

/** True when the runtime knows this IANA timezone. */
export function isKnownTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const Position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof Position>;

/** Who a message appears to come from. */
export const Sender = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bot'), name: z.string().max(100).optional() }),
  z.strictObject({ type: z.literal('agent'), agentId: z.string().min(1), name: z.string().max(100).optional() }),
]);
export type Sender = z.infer<typeof Sender>;

/** Minutes since midnight for "HH:mm". */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
