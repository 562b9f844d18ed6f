import { describe, expect, it } from 'vitest';
import { OpeningInterval } from './campaign';
import { minutesOfDay, parseTimeOfDay, TimeOfDay } from './primitives';

// #14.11: 24:00 is the end of the day wherever a time of day is read; other bad times say what is wrong.
describe('time of day', () => {
  it.each([
    ['00:00', '00:00', 0],
    ['9:05', '09:05', 545],
    ['23:59', '23:59', 1439],
    ['24:00', '24:00', 1440],
    [' 17:30 ', '17:30', 1050],
  ])('reads %j as %s (%i minutes)', (text, value, minutes) => {
    expect(parseTimeOfDay(text)).toEqual({ ok: true, value, minutes });
  });

  it.each([
    ['24:01', 'past the end of the day: the latest time is 24:00'],
    ['25:00', 'has no hour 25: hours go from 00 to 23, and 24:00 is the end of the day'],
    ['12:60', 'has no minute 60'],
    ['noon', 'is not a time like "09:30"'],
    ['', 'must be a time like "09:30"'],
  ])('refuses %j: %s', (text, message) => {
    const parsed = parseTimeOfDay(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('the schema accepts 24:00 and names the field of a bad time', () => {
    expect(TimeOfDay.safeParse('24:00').success).toBe(true);
    expect(minutesOfDay('24:00')).toBe(1440);
    const bad = OpeningInterval.safeParse({ day: 'mon', open: '09:00', close: '24:01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['close'], message: '"24:01" is past the end of the day: the latest time is 24:00' });
    const late = OpeningInterval.safeParse({ day: 'mon', open: '25:00', close: '24:00' });
    expect(late.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['open', '"25:00" has no hour 25: hours go from 00 to 23, and 24:00 is the end of the day']]);
    expect(TimeOfDay.safeParse('9:30').error?.issues[0]?.message).toBe('write "9:30" as "09:30" (two-digit hours)');
  });
});
