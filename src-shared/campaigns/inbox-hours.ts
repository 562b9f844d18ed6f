import { TZDate } from '@date-fns/tz';
import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import type { BusinessHours, OpeningInterval } from '../flow/campaign';
import { isKnownTimezone, WEEKDAYS, type Weekday } from '../flow/primitives';

/**
 * A Chatwoot inbox's working hours, as the inbox list answers them (`working_hours_enabled`,
 * `working_hours`, `timezone`), and the widget's rule for "is the inbox open now", which
 * decides whether a campaign with `trigger_only_during_business_hours` shows.
 *
 * Facts, read from chatwoot/chatwoot (develop, 2026; docs/chatwoot-inbox-hours.md has the list):
 * - Each inbox has one row per weekday, `day_of_week` 0 = Sunday … 6 = Saturday, with
 *   `open_hour`/`open_minutes`/`close_hour`/`close_minutes` (0–23 and 0–59), `closed_all_day` and
 *   `open_all_day` (app/models/working_hour.rb, app/models/concerns/out_of_offisable.rb).
 * - The widget finds the row of the weekday on the inbox's clock; no rows, or none for that
 *   day, is closed; `open_all_day` is open and `closed_all_day` closed; otherwise open from the
 *   opening minute up to, not including, the closing minute; a closing time at or before the
 *   opening time "crosses midnight" within that same day's row: open from the opening time to
 *   the end of the day and from the start of the day to the closing time, so open == close is
 *   open all day (app/javascript/widget/helpers/availabilityHelpers.js, `isInWorkingHours`).
 * - With working hours disabled, a business-hours-only campaign shows at any time
 *   (app/javascript/widget/mixins/availability.js, `isInBusinessHours`).
 */

/** One weekday of an inbox; times in minutes since midnight. */
export const InboxDay = lazySchema(() => z.object({
  /** 0 = Sunday, as Chatwoot numbers them. */
  day: z.number().int().min(0).max(6),
  closedAllDay: z.boolean(),
  openAllDay: z.boolean(),
  open: z.number().int().min(0).max(1439),
  close: z.number().int().min(0).max(1439),
}));
export type InboxDay = z.infer<typeof InboxDay>;

/** An inbox's working hours; `problems` name the rows Chatwoot sent that could not be read. */
export const InboxHours = lazySchema(() => z.object({ enabled: z.boolean(), timezone: z.string(), days: z.array(InboxDay), problems: z.array(z.string()).optional() }));
export type InboxHours = z.infer<typeof InboxHours>;

/** One row of Chatwoot's `working_hours`, loosely: closed days carry null times. */
const WorkingHourRow = lazySchema(() => z.looseObject({
  day_of_week: z.number().int().min(0).max(6),
  closed_all_day: z.boolean().nullish(),
  open_all_day: z.boolean().nullish(),
  open_hour: z.number().int().min(0).max(23).nullish(),
  open_minutes: z.number().int().min(0).max(59).nullish(),
  close_hour: z.number().int().min(0).max(23).nullish(),
  close_minutes: z.number().int().min(0).max(59).nullish(),
}));

const SUNDAY_FIRST: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The working hours of an inbox from its entry in Chatwoot's inbox list, or undefined when the
 * entry has none (a Chatwoot that does not send them). Rows that cannot be read are left out and
 * named in `problems`; an unknown timezone is read as UTC, and said so.
 */
export function readInboxHours(inbox: { working_hours?: unknown; timezone?: unknown; working_hours_enabled?: unknown }): InboxHours | undefined {
  if (!Array.isArray(inbox.working_hours)) return undefined;
  const problems: string[] = [];
  const days: InboxDay[] = [];
  inbox.working_hours.forEach((raw, i) => {
    const row = WorkingHourRow.safeParse(raw);
    if (!row.success) {
      const issue = row.error.issues[0];
      problems.push(`working_hours[${i}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unreadable'}; that day is left out (closed).`);
      return;
    }
    const r = row.data;
    days.push({ day: r.day_of_week, closedAllDay: r.closed_all_day === true, openAllDay: r.open_all_day === true, open: (r.open_hour ?? 0) * 60 + (r.open_minutes ?? 0), close: (r.close_hour ?? 0) * 60 + (r.close_minutes ?? 0) });
  });
  let timezone = typeof inbox.timezone === 'string' && inbox.timezone ? inbox.timezone : 'UTC';
  if (!isKnownTimezone(timezone)) {
    problems.push(`Timezone "${timezone}" is not one this app knows; the hours are read in UTC.`);
    timezone = 'UTC';
  }
  return { enabled: inbox.working_hours_enabled === true, timezone, days, ...(problems.length ? { problems } : {}) };
}

/** Weekday (0 = Sunday) and minute of the day of an instant on a timezone's clock, DST included. */
export function inboxClock(at: Date, timezone: string): { day: number; minute: number } {
  const wall = new TZDate(at.getTime(), timezone);
  return { day: wall.getDay(), minute: wall.getHours() * 60 + wall.getMinutes() };
}

/** Whether a day's row is open at a minute of that day, by the widget's rule (see the file comment). */
export function isDayOpenAt(row: InboxDay | undefined, minute: number): boolean {
  if (!row) return false;
  if (row.openAllDay) return true;
  if (row.closedAllDay) return false;
  if (row.close <= row.open) return minute >= row.open || minute < row.close;
  return minute >= row.open && minute < row.close;
}

/** Whether the inbox is inside its working hours at an instant (regardless of `enabled`). */
export function isInboxOpenAt(hours: Pick<InboxHours, 'timezone' | 'days'>, at: Date): boolean {
  const { day, minute } = inboxClock(at, hours.timezone);
  return isDayOpenAt(hours.days.find((d) => d.day === day), minute);
}

/**
 * Whether Chatwoot's widget shows a business-hours-only campaign of this inbox at an instant:
 * always when the inbox has working hours disabled, else when the inbox is open.
 */
export function campaignShowsAt(hours: InboxHours, at: Date): boolean {
  return !hours.enabled || isInboxOpenAt(hours, at);
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The opening intervals of one day's row, 24:00 ending the day: a slot crossing midnight is two. */
export function dayIntervals(row: InboxDay | undefined): [string, string][] {
  if (!row || row.closedAllDay) return [];
  if (row.openAllDay || row.open === row.close) return [['00:00', '24:00']];
  if (row.close > row.open) return [[hhmm(row.open), hhmm(row.close)]];
  return [...(row.close > 0 ? [['00:00', hhmm(row.close)] as [string, string]] : []), [hhmm(row.open), '24:00']];
}

/** "09:00–17:00", "Open all day", "Closed", or "00:00–06:00 and 22:00–24:00" for a slot crossing midnight. */
export function describeInboxDay(row: InboxDay | undefined): string {
  if (!row || row.closedAllDay) return 'Closed';
  const parts = dayIntervals(row);
  if (parts.length === 1 && parts[0]![0] === '00:00' && parts[0]![1] === '24:00') return 'Open all day';
  return parts.map(([a, b]) => `${a}–${b}`).join(' and ');
}

/** The week Monday first, as a form shows it. */
export function inboxWeek(hours: Pick<InboxHours, 'days'>): { day: Weekday; text: string; open: boolean }[] {
  return WEEKDAYS.map((day) => {
    const row = hours.days.find((d) => d.day === SUNDAY_FIRST.indexOf(day));
    const text = describeInboxDay(row);
    return { day, text, open: text !== 'Closed' };
  });
}

/**
 * The same hours as the flow document's business hours, in the inbox's timezone: what a
 * campaign stores so previews and files read them without Chatwoot. Exact, thanks to 24:00.
 */
export function inboxToBusinessHours(hours: Pick<InboxHours, 'timezone' | 'days'>): BusinessHours {
  const intervals: OpeningInterval[] = [];
  for (const day of WEEKDAYS) {
    const row = hours.days.find((d) => d.day === SUNDAY_FIRST.indexOf(day));
    for (const [open, close] of dayIntervals(row)) intervals.push({ day, open, close });
  }
  return { timezone: hours.timezone, intervals };
}
