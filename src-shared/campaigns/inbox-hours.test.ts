import { describe, expect, it } from 'vitest';
import { isWithinBusinessHours } from './business-hours';
import { campaignShowsAt, describeInboxDay, inboxToBusinessHours, inboxWeek, isInboxOpenAt, readInboxHours, type InboxDay, type InboxHours } from './inbox-hours';

/** A row as Chatwoot's inbox list sends it ("09:00"–"17:00" style times, or all-day flags). */
type Row = { day_of_week: number; open?: string; close?: string; open_all_day?: boolean; closed_all_day?: boolean };
function row(r: Row): Record<string, unknown> {
  const [oh, om] = (r.open ?? '').split(':').map(Number);
  const [ch, cm] = (r.close ?? '').split(':').map(Number);
  return { day_of_week: r.day_of_week, closed_all_day: r.closed_all_day ?? false, open_all_day: r.open_all_day ?? false, open_hour: r.open ? oh : null, open_minutes: r.open ? om : null, close_hour: r.close ? ch : null, close_minutes: r.close ? cm : null };
}
function inbox(timezone: string, rows: Row[], enabled = true): InboxHours {
  const hours = readInboxHours({ working_hours: rows.map(row), timezone, working_hours_enabled: enabled });
  if (!hours) throw new Error('no hours');
  return hours;
}

const MON = 1;
const SUN = 0;
const FRI = 5;

/**
 * Chatwoot's availability vectors, as facts: the cases of chatwoot/chatwoot's widget specs
 * (app/javascript/widget/helpers/specs/availabilityHelpers.spec.js and
 * availabilityHelpers.timezone.spec.js) and of its `isTimeWithinRange` rule for slots crossing
 * midnight, with the answer Chatwoot's widget (develop, 2026) gives. 2024-01-15 is a Monday.
 * The mocked-clock cases of the first spec are given here as real UTC instants (timezone UTC).
 */
const VECTORS: { name: string; tz: string; rows: Row[]; at: string; open: boolean }[] = [
  // availabilityHelpers.spec.js: isInWorkingHours
  { name: 'no working hours configured', tz: 'UTC', rows: [], at: '2024-01-15T10:00:00Z', open: false },
  { name: 'open all day', tz: 'UTC', rows: [{ day_of_week: MON, open_all_day: true }], at: '2024-01-15T10:00:00Z', open: true },
  { name: 'open all day at 02:00', tz: 'UTC', rows: [{ day_of_week: MON, open_all_day: true }], at: '2024-01-15T02:00:00Z', open: true },
  { name: 'closed all day', tz: 'UTC', rows: [{ day_of_week: MON, closed_all_day: true }], at: '2024-01-15T10:00:00Z', open: false },
  { name: 'inside 09:00–17:00', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '17:00' }], at: '2024-01-15T10:00:00Z', open: true },
  { name: 'before opening', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '17:00' }], at: '2024-01-15T08:00:00Z', open: false },
  { name: 'after closing', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '17:00' }], at: '2024-01-15T18:00:00Z', open: false },
  { name: 'minutes count: 09:30 in 09:15–17:30', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:15', close: '17:30' }], at: '2024-01-15T09:30:00Z', open: true },
  { name: 'no row for the day (Tuesday only)', tz: 'UTC', rows: [{ day_of_week: 2, open: '09:00', close: '17:00' }], at: '2024-01-15T10:00:00Z', open: false },
  { name: 'at the opening minute', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '17:00' }], at: '2024-01-15T09:00:00Z', open: true },
  { name: 'at the closing minute', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '17:00' }], at: '2024-01-15T17:00:00Z', open: false },
  { name: 'one minute before closing', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '17:00' }], at: '2024-01-15T16:59:00Z', open: true },
  // availabilityHelpers.timezone.spec.js: real timezones, the day on the inbox's clock
  { name: 'Seoul is already Monday 08:00 at Sunday 23:00 UTC', tz: 'Asia/Seoul', rows: [{ day_of_week: MON, open: '08:00', close: '17:00' }], at: '2024-01-14T23:00:00Z', open: true },
  { name: 'New York is still Sunday 21:00 at Monday 02:00 UTC', tz: 'America/New_York', rows: [{ day_of_week: MON, open: '08:00', close: '17:00' }], at: '2024-01-15T02:00:00Z', open: false },
  { name: 'New York Sunday closed all day', tz: 'America/New_York', rows: [{ day_of_week: SUN, closed_all_day: true }], at: '2024-01-15T02:00:00Z', open: false },
  { name: 'New York Sunday open all day', tz: 'America/New_York', rows: [{ day_of_week: SUN, open_all_day: true }], at: '2024-01-15T02:00:00Z', open: true },
  { name: 'end of day: open all day through the last minute (23:59:30 Seoul)', tz: 'Asia/Seoul', rows: [{ day_of_week: MON, open_all_day: true }], at: '2024-01-15T14:59:30Z', open: true },
  { name: 'end of day: Tuesday 00:00 Seoul is past Monday', tz: 'Asia/Seoul', rows: [{ day_of_week: MON, open: '00:00', close: '23:59' }], at: '2024-01-15T15:00:00Z', open: false },
  // The closing minute is not included on develop (a 00:00–23:59 day closes at 23:59:00); Chatwoot's
  // open PR #15647 would include it. These two say which rule this project follows.
  { name: 'end of day: 00:00–23:59 at 23:59:30 Seoul (closing minute excluded)', tz: 'Asia/Seoul', rows: [{ day_of_week: MON, open: '00:00', close: '23:59' }], at: '2024-01-15T14:59:30Z', open: false },
  { name: '09:00–17:00 at 17:00:30 Seoul (closing minute excluded)', tz: 'Asia/Seoul', rows: [{ day_of_week: MON, open: '09:00', close: '17:00' }], at: '2024-01-15T08:00:30Z', open: false },
  // isTimeWithinRange: a closing time at or before the opening time crosses midnight within that day's row
  { name: 'overnight 22:00–06:00: Friday 23:00', tz: 'UTC', rows: [{ day_of_week: FRI, open: '22:00', close: '06:00' }], at: '2024-01-19T23:00:00Z', open: true },
  { name: 'overnight 22:00–06:00: Friday 22:00', tz: 'UTC', rows: [{ day_of_week: FRI, open: '22:00', close: '06:00' }], at: '2024-01-19T22:00:00Z', open: true },
  { name: 'overnight 22:00–06:00: Friday 03:00 (same day’s row)', tz: 'UTC', rows: [{ day_of_week: FRI, open: '22:00', close: '06:00' }], at: '2024-01-19T03:00:00Z', open: true },
  { name: 'overnight 22:00–06:00: Friday 06:00', tz: 'UTC', rows: [{ day_of_week: FRI, open: '22:00', close: '06:00' }], at: '2024-01-19T06:00:00Z', open: false },
  { name: 'overnight 22:00–06:00: Friday noon', tz: 'UTC', rows: [{ day_of_week: FRI, open: '22:00', close: '06:00' }], at: '2024-01-19T12:00:00Z', open: false },
  { name: 'overnight 22:00–06:00: Saturday 03:00 reads Saturday’s row (closed)', tz: 'UTC', rows: [{ day_of_week: FRI, open: '22:00', close: '06:00' }, { day_of_week: 6, closed_all_day: true }], at: '2024-01-20T03:00:00Z', open: false },
  { name: 'open == close is open all day', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '09:00' }], at: '2024-01-15T03:00:00Z', open: true },
  { name: 'open == close is open all day, and only that day', tz: 'UTC', rows: [{ day_of_week: MON, open: '09:00', close: '09:00' }], at: '2024-01-16T03:00:00Z', open: false },
  // DST: the offset of the inbox's timezone at that instant (the widget loads the current offset)
  { name: 'New York spring forward: 13:30 UTC is 09:30 EDT', tz: 'America/New_York', rows: [{ day_of_week: SUN, open: '09:00', close: '17:00' }], at: '2026-03-08T13:30:00Z', open: true },
  { name: 'New York fall back: 13:30 UTC is 08:30 EST', tz: 'America/New_York', rows: [{ day_of_week: SUN, open: '09:00', close: '17:00' }], at: '2026-11-01T13:30:00Z', open: false },
];

describe("Chatwoot's availability vectors", () => {
  it.each(VECTORS)('$name → $open', ({ tz, rows, at, open }) => {
    const hours = inbox(tz, rows);
    expect(isInboxOpenAt(hours, new Date(at))).toBe(open);
    expect(campaignShowsAt(hours, new Date(at))).toBe(open);
    // The same hours as the flow's business hours (24:00 ends a day) give the same answer.
    expect(isWithinBusinessHours(inboxToBusinessHours(hours), 'UTC', new Date(at))).toBe(open);
  });

  it('working hours disabled: a business-hours-only campaign shows at any time', () => {
    const hours = inbox('UTC', [{ day_of_week: MON, closed_all_day: true }], false);
    expect(isInboxOpenAt(hours, new Date('2024-01-15T10:00:00Z'))).toBe(false);
    expect(campaignShowsAt(hours, new Date('2024-01-15T10:00:00Z'))).toBe(true);
  });
});

describe('readInboxHours', () => {
  it('reads the inbox list fields, and nothing when Chatwoot sends no working hours', () => {
    expect(readInboxHours({ name: 'x' } as never)).toBeUndefined();
    const hours = inbox('Europe/Berlin', [{ day_of_week: SUN, closed_all_day: true }, { day_of_week: MON, open: '09:30', close: '18:00' }]);
    expect(hours).toEqual({ enabled: true, timezone: 'Europe/Berlin', days: [{ day: 0, closedAllDay: true, openAllDay: false, open: 0, close: 0 }, { day: 1, closedAllDay: false, openAllDay: false, open: 570, close: 1080 }] });
  });

  it('names a row it cannot read and an unknown timezone, and keeps the rest', () => {
    const hours = readInboxHours({ working_hours: [row({ day_of_week: MON, open: '09:00', close: '17:00' }), { day_of_week: 2, open_hour: 25 }], timezone: 'Mars/Olympus', working_hours_enabled: true });
    expect(hours?.days.map((d) => d.day)).toEqual([1]);
    expect(hours?.timezone).toBe('UTC');
    expect(hours?.problems).toEqual(['working_hours[1].open_hour: Too big: expected number to be <=23; that day is left out (closed).', 'Timezone "Mars/Olympus" is not one this app knows; the hours are read in UTC.']);
  });
});

describe('how a form shows them', () => {
  const day = (d: Partial<InboxDay>): InboxDay => ({ day: 1, closedAllDay: false, openAllDay: false, open: 0, close: 0, ...d });
  it.each([
    [day({ open: 540, close: 1020 }), '09:00–17:00'],
    [day({ openAllDay: true, close: 1439 }), 'Open all day'],
    [day({ open: 600, close: 600 }), 'Open all day'],
    [day({ closedAllDay: true }), 'Closed'],
    [undefined, 'Closed'],
    [day({ open: 1320, close: 360 }), '00:00–06:00 and 22:00–24:00'],
    [day({ open: 1320, close: 0 }), '22:00–24:00'],
  ])('%j reads "%s"', (d, text) => {
    expect(describeInboxDay(d)).toBe(text);
  });

  it('lists the week Monday first and converts it to business hours with 24:00', () => {
    const hours = inbox('Asia/Tokyo', [{ day_of_week: SUN, open_all_day: true }, { day_of_week: MON, open: '22:00', close: '02:00' }]);
    expect(inboxWeek(hours).map((d) => `${d.day} ${d.text}`)).toEqual(['mon 00:00–02:00 and 22:00–24:00', 'tue Closed', 'wed Closed', 'thu Closed', 'fri Closed', 'sat Closed', 'sun Open all day']);
    expect(inboxToBusinessHours(hours)).toEqual({
      timezone: 'Asia/Tokyo',
      intervals: [
        { day: 'mon', open: '00:00', close: '02:00' },
        { day: 'mon', open: '22:00', close: '24:00' },
        { day: 'sun', open: '00:00', close: '24:00' },
      ],
    });
  });
});
