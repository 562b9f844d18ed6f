/** How many population runs are kept per flow; saving one more drops the oldest. */
export const RUNS_KEPT_PER_FLOW = 10;

interface RunStamp {
  id: number;
  createdAt: number;
}

/**
 * The runs of one flow to delete so that only the newest `keep` remain (newest by `createdAt`,
 * then by id for runs saved in the same millisecond). Saved previews are not runs: never pruned.
 */
export function runsToPrune(runs: readonly RunStamp[], keep: number = RUNS_KEPT_PER_FLOW): number[] {
  const newestFirst = [...runs].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  return newestFirst.slice(Math.max(0, Math.floor(keep))).map((r) => r.id);
}
