import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at } from '../testing/engine-builders';
import { addDuration, nextOpening, wallInstant, windowIntervals } from './calendar';

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

describe('the caches agree with date-fns on a TZDate', () => {
  // Zones with DST both ways, half-hour offsets and a 30-minute DST shift (Lord Howe).
  const zones = ['Europe/Paris', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];
  it('addDuration is addDays / addWeeks, wallInstant is the TZDate of that wall time, on random instants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 * 365 * 1440 }), fc.integer({ min: 0, max: 59_999 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 1439 }), (tz, minute, ms, n, wall) => {
        const t = Date.UTC(2025, 0, 1) + minute * 60_000 + ms;
        expect(addDuration(t, { amount: n, unit: 'days' }, tz)).toBe(addDays(new TZDate(t, tz), n).getTime());
        expect(addDuration(t, { amount: n, unit: 'weeks' }, tz)).toBe(addWeeks(new TZDate(t, tz), n).getTime());
        const day = Math.floor(t / 86_400_000);
        const d = new Date(day * 86_400_000);
        expect(wallInstant(tz, day, wall)).toBe(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Math.floor(wall / 60), wall % 60, tz).getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it('the first wall minute after a gap that does not start on the hour is itself (Chatham, 02:45 -> 03:45)', () => {
    // 2025-09-27 03:45 +12:45 plus one day is 03:45 on the change day, which exists (+13:45): 14:00Z, not 04:45.
    expect(iso(addDuration(at('2025-09-26T15:00:00Z'), { amount: 1, unit: 'days' }, 'Pacific/Chatham'))).toBe('2025-09-27T14:00:00.000Z');
    // A time inside the gap moves forward by the gap: 03:00 -> 04:00 +13:45.
    expect(iso(addDuration(at('2025-09-26T14:15:00Z'), { amount: 1, unit: 'days' }, 'Pacific/Chatham'))).toBe('2025-09-27T14:15:00.000Z');
  });

  it('across a spring-forward gap: a wall time in the gap moves forward by the gap', () => {
    // Paris, Sunday 2026-03-29: 02:00-03:00 does not exist. 02:30 the day before + 1 day = 03:30 CEST.
    expect(iso(addDuration(at('2026-03-28T01:30:00Z'), { amount: 1, unit: 'days' }, 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
  });
});
