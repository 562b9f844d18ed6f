import type { PopulationResult } from '../engine';

/** One figure over several runs: the median and the 5th-95th percentile range. */
export interface Spread {
  median: number;
  p5: number;
  p95: number;
}

export interface NodeSpread {
  entered: Spread;
  completed: Record<string, Spread>;
  waitingNow: Spread;
  exitedByGlobalExit: Spread;
  exitedByEnd: Spread;
}

/** What several seeded runs of the same forecast say, figure by figure. */
export interface RunsSummary {
  runs: number;
  seeds: number[];
  users: number;
  journeys: Spread;
  outcomes: { running: Spread; ended: Spread; exited: Spread };
  exits: Record<string, Spread>;
  converted: Spread;
  nodes: Record<string, NodeSpread>;
  /** Channel → messages over the whole period. */
  messages: Record<string, Spread>;
}

/**
 * Medians and p5-p95 ranges of every count across runs of one flow and audience with different
 * seeds: how much of a forecast is chance. A count missing from a run counts as 0 there.
 *
 * @example summarizeRuns(seeds.map((seed) => runPopulation(doc, { ...spec, seed }))).nodes['match'].entered.median
 */
export function summarizeRuns(results: readonly PopulationResult[], seeds: readonly number[]): RunsSummary {
  const first = results[0];
  if (!first) throw new Error('summarizeRuns needs at least one run');
  const over = (pick: (r: PopulationResult) => number | undefined) => spread(results.map((r) => pick(r) ?? 0));
  const keys = (pick: (r: PopulationResult) => Record<string, unknown>) => [...new Set(results.flatMap((r) => Object.keys(pick(r))))];
  const nodes: Record<string, NodeSpread> = {};
  for (const id of Object.keys(first.nodes)) {
    const handles = keys((r) => r.nodes[id]?.completed ?? {});
    nodes[id] = {
      entered: over((r) => r.nodes[id]?.entered),
      completed: Object.fromEntries(handles.map((h) => [h, over((r) => r.nodes[id]?.completed[h])])),
      waitingNow: over((r) => r.nodes[id]?.waitingNow),
      exitedByGlobalExit: over((r) => r.nodes[id]?.exitedByGlobalExit),
      exitedByEnd: over((r) => r.nodes[id]?.exitedByEnd),
    };
  }
  return {
    runs: results.length,
    seeds: [...seeds],
    users: first.users,
    journeys: over((r) => r.journeys),
    outcomes: { running: over((r) => r.outcomes.running), ended: over((r) => r.outcomes.ended), exited: over((r) => r.outcomes.exited) },
    exits: Object.fromEntries(keys((r) => r.exits).map((x) => [x, over((r) => r.exits[x])])),
    converted: over((r) => r.converted),
    nodes,
    messages: Object.fromEntries(keys((r) => r.messagesByDay).map((ch) => [ch, over((r) => r.messagesByDay[ch]?.reduce((a, b) => a + b, 0))])),
  };
}

/** Median and p5/p95 of a sample, linearly interpolated between ranks. */
export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p5: quantile(s, 0.05), p95: quantile(s, 0.95) };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
