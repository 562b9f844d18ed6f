import type { TimeColumns, TimelineTable } from '../worker/engine-protocol';

/**
 * Packs per-column lists of times into one sorted typed array with offsets: a table the size of
 * the run's events, whatever the number of slider instants or of steps in the flow.
 */
export function packColumns(lists: readonly (readonly number[] | Int32Array)[]): TimeColumns {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, c) => (offsets[c + 1] = offsets[c]! + l.length));
  const times = new Int32Array(offsets[lists.length]!);
  lists.forEach((l, c) => {
    times.set(l, offsets[c]!);
    times.subarray(offsets[c]!, offsets[c + 1]!).sort();
  });
  return { times, offsets };
}

/** How many of column `c`'s times are ≤ `s` (a binary search over its slice). */
export function countUpTo(cols: TimeColumns, c: number, s: number): number {
  const from = cols.offsets[c]!;
  let lo = from;
  let hi = cols.offsets[c + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cols.times[mid]! <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}

/** The second into the period of slider bucket `b`: counts are of events up to and including it. */
export const bucketSecond = (t: TimelineTable, b: number): number => Math.floor((b * t.step) / 1000);

/**
 * Users who had reached node column `i`, and who were waiting there, at bucket `b`. Reads the
 * event columns, or the bucket × node table of a run saved before them.
 */
export function nodeCountsAt(t: TimelineTable, b: number, i: number): { entered: number; waiting: number } {
  if (t.arrivals && t.waitStarts && t.waitEnds) {
    const s = bucketSecond(t, b);
    return { entered: countUpTo(t.arrivals, i, s), waiting: countUpTo(t.waitStarts, i, s) - countUpTo(t.waitEnds, i, s) };
  }
  const n = t.nodeIds.length;
  return { entered: t.entered?.[b * n + i] ?? 0, waiting: t.waiting?.[b * n + i] ?? 0 };
}

/** How often edge column `e` had fired by bucket `b`; undefined for a run saved before edges were timed. */
export function edgeCountAt(t: TimelineTable, b: number, e: number): number | undefined {
  if (t.edgeTimes) return countUpTo(t.edgeTimes, e, bucketSecond(t, b));
  if (t.edges && t.edgeIds) return t.edges[b * t.edgeIds.length + e];
  return undefined;
}
