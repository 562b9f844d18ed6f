import { describe, expect, it } from 'vitest';
import { at } from '../testing/engine-builders';
import { addDuration, nextOpening, windowIntervals } from './calendar';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const weekdays = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open: '09:00', close: '17:00' }));

describe('nextOpening', () => {
  it('is the instant itself when open, the next opening when closed', () => {
    expect(iso(nextOpening(at('2026-11-23T10:00:00Z'), weekdays, 'UTC'))).toBe('2026-11-23T10:00:00.000Z');
    expect(iso(nextOpening(at('2026-11-23T17:00:00Z'), weekdays, 'UTC'))).toBe('2026-11-24T09:00:00.000Z');
    expect(iso(nextOpening(at('2026-11-27T18:00:00Z'), weekdays, 'UTC'))).toBe('2026-11-30T09:00:00.000Z');
  });
  it('reads the schedule in its timezone across DST changes', () => {
    // Europe/Paris switches to CEST on Sunday 2026-03-29: Monday opens at 07:00Z, Friday at 08:00Z.
    expect(iso(nextOpening(at('2026-03-27T17:00:00Z'), weekdays, 'Europe/Paris'))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(nextOpening(at('2026-03-27T07:30:00Z'), weekdays, 'Europe/Paris'))).toBe('2026-03-27T08:00:00.000Z');
  });
  it('handles windows that the local day boundary splits from UTC', () => {
    // 23:30 Sunday in Tokyo is 14:30Z Sunday; the Monday window 09:00 Tokyo is 00:00Z Monday.
    expect(iso(nextOpening(at('2026-11-22T14:30:00Z'), windowIntervals('09:00', '11:00', ['mon']), 'Asia/Tokyo'))).toBe('2026-11-23T00:00:00.000Z');
  });
  it('is null for a schedule that never opens', () => {
    expect(nextOpening(0, [], 'UTC')).toBeNull();
  });
});

describe('addDuration', () => {
  it('adds calendar days at the same wall-clock time, exact hours', () => {
    expect(iso(addDuration(at('2026-03-28T08:00:00Z'), { amount: 1, unit: 'days' }, 'Europe/Paris'))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(addDuration(at('2026-03-28T08:00:00Z'), { amount: 24, unit: 'hours' }, 'Europe/Paris'))).toBe('2026-03-29T08:00:00.000Z');
    expect(iso(addDuration(at('2026-10-24T08:00:00Z'), { amount: 1, unit: 'weeks' }, 'Europe/Paris'))).toBe('2026-10-31T09:00:00.000Z');
  });
});
