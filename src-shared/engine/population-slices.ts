/** One slice of a population run: users [from, to), as `runPopulation(doc, spec, { from, to })` takes. */
export interface UserRange {
  from: number;
  to: number;
}

/**
 * Users [0, users) cut into at most `workers` contiguous ranges of near-equal size, in order,
 * none smaller than `minPerWorker` unless there is only one. Always at least one range. Users
 * are seeded by their index, so the merged slices equal one run: the CLI's worker threads and
 * the preview's Web Workers both cut with this.
 *
 * @example splitUsers(10, 3) // [{ from: 0, to: 3 }, { from: 3, to: 6 }, { from: 6, to: 10 }]
 */
export function splitUsers(users: number, workers: number, minPerWorker = 1): UserRange[] {
  const n = Math.max(1, Math.min(Math.floor(workers) || 1, Math.floor(users / Math.max(1, minPerWorker)) || 1));
  const out: UserRange[] = [];
  for (let i = 0; i < n; i++) out.push({ from: Math.floor((users * i) / n), to: Math.floor((users * (i + 1)) / n) });
  return out;
}
