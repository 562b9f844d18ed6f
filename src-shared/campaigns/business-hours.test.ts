import { describe, expect, it } from 'vitest';
import { isWithinBusinessHours } from './business-hours';

// #14.11 (part): slots that cross midnight, and open == close meaning all day. UTC keeps the
// wall clock equal to the instant; 2026-11-27 is a Friday.
const at = (iso: string) => new Date(`${iso}Z`);
describe('isWithinBusinessHours: overnight and all-day slots', () => {
  const overnight = { timezone: 'UTC', intervals: [{ day: 'fri' as const, open: '22:00', close: '06:00' }] };
  it.each([
    ['2026-11-27T21:59', false],
    ['2026-11-27T22:00', true],
    ['2026-11-27T23:59', true],
    ['2026-11-28T00:00', true],
    ['2026-11-28T05:59', true],
    ['2026-11-28T06:00', false],
    ['2026-11-26T23:00', false], // Thursday night is not Friday's slot
    ['2026-11-27T03:00', false], // early Friday belongs to Thursday's slot, which there is none of
  ])('a Friday 22:00–06:00 slot at %s: %s', (when, open) => {
    expect(isWithinBusinessHours(overnight, 'UTC', at(when))).toBe(open);
  });

  it('open == close is open the whole day, and only that day', () => {
    const allDay = { timezone: 'UTC', intervals: [{ day: 'sat' as const, open: '00:00', close: '00:00' }] };
    expect(isWithinBusinessHours(allDay, 'UTC', at('2026-11-28T00:00'))).toBe(true);
    expect(isWithinBusinessHours(allDay, 'UTC', at('2026-11-28T23:59'))).toBe(true);
    expect(isWithinBusinessHours(allDay, 'UTC', at('2026-11-29T00:00'))).toBe(false);
  });
});

describe('isWithinBusinessHours: 24:00 closes at the end of the day', () => {
  const late = { timezone: 'UTC', intervals: [{ day: 'fri' as const, open: '18:00', close: '24:00' }] };
  it.each([
    ['2026-11-27T17:59', false],
    ['2026-11-27T18:00', true],
    ['2026-11-27T23:59', true],
    ['2026-11-28T00:00', false], // Saturday: Friday's slot ended at midnight
  ])('a Friday 18:00–24:00 slot at %s: %s', (when, open) => {
    expect(isWithinBusinessHours(late, 'UTC', at(when))).toBe(open);
  });
});
