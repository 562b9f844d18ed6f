import { TZDate, tzOffset } from '@date-fns/tz';
import type { Duration, OpeningInterval, Weekday } from '../flow';
import { durationSeconds, minutesOfDay } from '../flow';
import { zonedLocalToInstant } from '../time/zoned';
import type { Millis } from './types';

/**
 * Calendar arithmetic in IANA timezones, DST-correct and cached (population runs ask the same
 * questions millions of times). date-fns on a TZDate is the definition: a wall-clock time is
 * `new TZDate(y, m, d, hours, minutes, tz)`, "n days later" is `addDays` (a time in a DST gap is pushed
 * forward by the gap, as in src-shared/time/zoned.ts). It costs about 100x plain arithmetic
 * here, so it answers only what the caches cannot: the days on which the offset changes.
 * calendar.test.ts checks the cached answers against date-fns on random instants.
 */
const DAY = 86_400_000;
const QUARTER = 900_000;
const WEEKDAY_OF: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Per timezone, a numeric-keyed cache (string keys cost more than the lookups they save). */
function cacheFor(caches: Map<string, Map<number, number>>, tz: string): Map<number, number> {
  let c = caches.get(tz);
  if (!c) caches.set(tz, (c = new Map()));
  else if (c.size > 100_000) c.clear();
  return c;
}

const offsetCaches = new Map<string, Map<number, number>>();
/** Offset of a timezone from UTC at an instant, in ms (transitions fall on quarter hours). */
export function offsetAt(tz: string, t: Millis): number {
  if (tz === 'UTC') return 0;
  const cache = cacheFor(offsetCaches, tz);
  const key = Math.floor(t / QUARTER);
  let off = cache.get(key);
  if (off === undefined) {
    off = tzOffset(tz, new Date(key * QUARTER)) * 60_000;
    cache.set(key, off);
  }
  return off;
}

/** Local calendar day number (days since 1970-01-01 in that zone) and ms into that day. */
export function localDay(tz: string, t: Millis): { day: number; msOfDay: number } {
  const local = t + offsetAt(tz, t);
  const day = Math.floor(local / DAY);
  return { day, msOfDay: local - day * DAY };
}

export function weekdayOf(day: number): Weekday {
  return WEEKDAY_OF[(((day + 4) % 7) + 7) % 7]!;
}

const dayCaches = new Map<string, Map<number, number>>();
const wallCaches = new Map<string, Map<number, number>>();

/** Minute `minute` of local day `day` in `tz`, by date-fns (the uncached reference). */
function exactWall(tz: string, day: number, minute: number): Millis {
  // All fields at once: date-fns' set() sets the hour and then the minutes, so 03:45 on
  // Chatham's spring-forward day (02:45 -> 03:45) went through 03:00, in the gap, to 04:45.
  const d = new Date(day * DAY);
  return new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Math.floor(minute / 60), minute % 60, tz).getTime();
}

/**
 * The instant of minute `minute` of local day `day` in `tz`. On a day without an offset change
 * (nearly all) it is plain arithmetic; on a transition day TZDate decides (gaps pushed forward).
 */
export function wallInstant(tz: string, day: number, minute: number): Millis {
  const days = cacheFor(dayCaches, tz);
  let off = days.get(day);
  if (off === undefined) {
    const first = day * DAY - exactWall(tz, day, 0);
    const last = day * DAY + 1439 * 60_000 - exactWall(tz, day, 1439);
    off = first === last ? first : NaN;
    days.set(day, off);
  }
  if (!Number.isNaN(off)) return day * DAY + minute * 60_000 - off;
  const cache = cacheFor(wallCaches, tz);
  const key = day * 1440 + minute;
  let t = cache.get(key);
  if (t === undefined) cache.set(key, (t = exactWall(tz, day, minute)));
  return t;
}

/**
 * Per weekday (0 = Sunday, as `weekdayOf`), the day's [open, close] minutes, by opening time;
 * and, per timezone, the answers of `nextOpening` already worked out, by quarter hour (see there).
 */
type WeekPlan = { open: boolean; days: (readonly [number, number])[][]; answers: Map<string, Map<number, readonly [number, number]>>; lastTz: string; last: Map<number, readonly [number, number]> | null };
const plans = new WeakMap<readonly OpeningInterval[], WeekPlan>();
const WEEKDAY_INDEX = new Map(WEEKDAY_OF.map((d, i) => [d, i]));

function planOf(intervals: readonly OpeningInterval[]): WeekPlan {
  let plan = plans.get(intervals);
  if (!plan) {
    const days: [number, number][][] = WEEKDAY_OF.map(() => []);
    for (const i of intervals) {
      const k = WEEKDAY_INDEX.get(i.day);
      if (k !== undefined) days[k]!.push([minutesOfDay(i.open), minutesOfDay(i.close)]);
    }
    for (const list of days) list.sort((a, b) => a[0] - b[0]);
    plan = { open: days.some((l) => l.length > 0), days, answers: new Map(), lastTz: '', last: null };
    plans.set(intervals, plan);
  }
  return plan;
}

/**
 * The first instant at or after `t` inside one of the weekly intervals (read in `tz`): `t`
 * itself when open, else the next opening. Null when the schedule never opens.
 *
 * @example nextOpening(fridayEvening, [{ day: 'mon', open: '09:00', close: '17:00' }], 'Europe/Paris') // Monday 09:00 Paris
 */
export function nextOpening(t: Millis, intervals: readonly OpeningInterval[], tz: string): Millis | null {
  const plan = planOf(intervals);
  if (!plan.open) return null;
  // The next interval is looked up once per quarter hour (this runs for every send and window
  // wait): it is every instant's of that quarter unless it closes inside it, then `t`'s own.
  if (plan.lastTz !== tz) {
    plan.lastTz = tz;
    plan.last = plan.answers.get(tz) ?? null;
    if (!plan.last) plan.answers.set(tz, (plan.last = new Map()));
  }
  const answers = plan.last!;
  const quarter = Math.floor(t / QUARTER);
  let hit = answers.get(quarter);
  if (hit === undefined) {
    const found = nextInterval(quarter * QUARTER, plan, tz);
    if (found === null) return null;
    if (answers.size > 100_000) answers.clear();
    answers.set(quarter, (hit = found));
  }
  if (t < hit[1]) return Math.max(t, hit[0]);
  return Math.max(t, nextInterval(t, plan, tz)![0]);
}

/** The first weekly interval (opening and closing instants) that closes after `t`. */
function nextInterval(t: Millis, plan: WeekPlan, tz: string): readonly [number, number] | null {
  // localDay(tz, t).day, without the object.
  const day = Math.floor((t + offsetAt(tz, t)) / DAY);
  for (let k = -1; k <= 8; k++) {
    const list = plan.days[(((day + k + 4) % 7) + 7) % 7]!;
    for (let i = 0; i < list.length; i++) {
      const closeAt = wallInstant(tz, day + k, list[i]![1]);
      if (t < closeAt) return [wallInstant(tz, day + k, list[i]![0]), closeAt];
    }
  }
  return null;
}

/** Daily window as weekly intervals ("09:00-11:00 on weekdays"); no days = every day. */
export function windowIntervals(from: string, to: string, days: readonly Weekday[]): OpeningInterval[] {
  const on = days.length ? days : WEEKDAY_OF;
  return on.map((day) => ({ day, open: from, close: to }));
}

const windowCache = new Map<string, OpeningInterval[]>();
const windowsByDays = new WeakMap<readonly Weekday[], Map<string, OpeningInterval[]>>();
export function cachedWindow(from: string, to: string, days: readonly Weekday[]): OpeningInterval[] {
  // First by the `days` array itself (a flow's node keeps the same one), to skip building the key.
  let byDays = windowsByDays.get(days);
  if (!byDays) windowsByDays.set(days, (byDays = new Map()));
  const short = `${from}|${to}`;
  let hit = byDays.get(short);
  if (!hit) byDays.set(short, (hit = cachedWindowByKey(from, to, days)));
  return hit;
}

function cachedWindowByKey(from: string, to: string, days: readonly Weekday[]): OpeningInterval[] {
  const key = `${from}|${to}|${days.join(',')}`;
  let w = windowCache.get(key);
  if (!w) windowCache.set(key, (w = windowIntervals(from, to, days)));
  return w;
}

/**
 * `t` plus a duration: minutes and hours are exact; days and weeks are calendar days in `tz`
 * (the same wall-clock time, so "1 day" from 09:00 is 09:00 the next day across a DST change):
 * date-fns' `addDays` / `addWeeks` on a `TZDate`, answered from the caches above.
 */
export function addDuration(t: Millis, d: Duration, tz: string): Millis {
  if (d.unit === 'minutes' || d.unit === 'hours') return t + durationSeconds(d) * 1000;
  const days = d.unit === 'days' ? d.amount : d.amount * 7;
  if (tz === 'UTC') return t + days * DAY;
  const { day, msOfDay } = localDay(tz, t);
  const minute = Math.floor(msOfDay / 60_000);
  return wallInstant(tz, day + days, minute) + (msOfDay - minute * 60_000);
}

const untilCache = new Map<string, number | null>();
/** The instant of a local date-time in `tz` (null when malformed). */
export function localInstant(at: string, tz: string): Millis | null {
  const key = `${tz}|${at}`;
  let t = untilCache.get(key);
  if (t === undefined) {
    t = zonedLocalToInstant(at, tz)?.getTime() ?? null;
    untilCache.set(key, t);
  }
  return t;
}
