import type { NodeStats } from '../../../src-shared/engine/index';
import { spread, type Spread } from '../../../src-shared/forecast/index';
import type { PopulationView, TimelineTable } from '../worker/engine-protocol';

/** Most seeded runs a forecast makes (each is a whole population run). */
export const MAX_RUNS = 20;

/** Lower and upper bounds (p5, p95) of each cell of a timeline table over the runs. */
export interface TimelineBounds {
  entered: { p5: Int32Array; p95: Int32Array };
  edges: { p5: Int32Array; p95: Int32Array } | null;
  outcomes: { p5: Int32Array; p95: Int32Array } | null;
}

/**
 * How much a forecast moves with chance: the runs it used, and the p5-p95 range of every
 * figure, at every slider instant for those the slider moves (steps, edges, outcomes) and over
 * the period for the totals (exits, conversions).
 */
export interface ForecastSpread {
  runs: number;
  seeds: number[];
  /** The seed of the run kept for drill-down and replay. */
  keptSeed: number;
  timeline: TimelineBounds;
  journeys: Spread;
  exits: Record<string, Spread>;
  converted: Spread;
  /** Split step → branch (handle) → converted journeys that took it. */
  convertedBy: Record<string, Record<string, Spread>>;
  /** Split step → branch → journeys that took it, over the period. */
  completed: Record<string, Record<string, Spread>>;
}

/** The seeds of a forecast of `runs` runs starting at `seed`. */
export function forecastSeeds(seed: number, runs: number): number[] {
  const n = Math.max(1, Math.min(MAX_RUNS, Math.floor(runs) || 1));
  return Array.from({ length: n }, (_, i) => (seed + i) % 2 ** 31);
}

/**
 * Several seeded runs of one flow and audience as one view of medians (every count, cell by
 * cell, so the canvas, the cards and the slider all show medians of the same instant) and the
 * p5-p95 range of each. The view keeps the first run's id: drill-down and replay list the users
 * of that run, which the panel says.
 *
 * @example const { view, spread } = combineRuns([a, b, c], [1, 2, 3]); view.nodes['match'].entered // median
 */
export function combineRuns(views: readonly PopulationView[], seeds: readonly number[]): { view: PopulationView; spread: ForecastSpread } {
  const first = views[0];
  if (!first) throw new Error('combineRuns needs at least one run');
  const over = (pick: (v: PopulationView) => number | undefined) => spread(views.map((v) => pick(v) ?? 0));
  const median = (pick: (v: PopulationView) => number | undefined) => Math.round(over(pick).median);
  const keys = <T>(pick: (v: PopulationView) => Record<string, T> | undefined) => [...new Set(views.flatMap((v) => Object.keys(pick(v) ?? {})))];
  const table = combineTables(views.map((v) => v.timeline));

  const nodes: Record<string, NodeStats> = {};
  for (const id of Object.keys(first.nodes)) {
    nodes[id] = {
      entered: median((v) => v.nodes[id]?.entered),
      completed: Object.fromEntries(keys((v) => v.nodes[id]?.completed).map((h) => [h, median((v) => v.nodes[id]?.completed[h])])),
      waitingNow: median((v) => v.nodes[id]?.waitingNow),
      exitedByGlobalExit: median((v) => v.nodes[id]?.exitedByGlobalExit),
      exitedByEnd: median((v) => v.nodes[id]?.exitedByEnd),
    };
  }
  const days = Math.max(...views.map((v) => Object.values(v.messagesByDay)[0]?.length ?? 0));
  const byBranch = (pick: (v: PopulationView, node: string) => Record<string, number> | undefined) =>
    Object.fromEntries(Object.keys(first.convertedBy ?? {}).map((node) => [node, Object.fromEntries(keys((v) => pick(v, node)).map((h) => [h, over((v) => pick(v, node)?.[h])]))]));

  const view: PopulationView = {
    ...first,
    journeys: median((v) => v.journeys),
    outcomes: { running: median((v) => v.outcomes.running), ended: median((v) => v.outcomes.ended), exited: median((v) => v.outcomes.exited) },
    exits: Object.fromEntries(keys((v) => v.exits).map((x) => [x, median((v) => v.exits[x])])),
    nodes,
    edgeVolumes: Object.fromEntries(keys((v) => v.edgeVolumes).map((e) => [e, median((v) => v.edgeVolumes[e])])),
    messagesByDay: Object.fromEntries(keys((v) => v.messagesByDay).map((ch) => [ch, Array.from({ length: days }, (_, d) => median((v) => v.messagesByDay[ch]?.[d]))])),
    timeline: table.median,
    elapsedMs: views.reduce((a, v) => a + v.elapsedMs, 0),
    ...(first.converted !== undefined ? { converted: median((v) => v.converted), convertedBy: mapBranches(byBranch((v, node) => v.convertedBy?.[node]), (s) => Math.round(s.median)) } : {}),
  };
  return {
    view,
    spread: {
      runs: views.length,
      seeds: [...seeds],
      keptSeed: seeds[0] ?? 0,
      timeline: table.bounds,
      journeys: over((v) => v.journeys),
      exits: Object.fromEntries(keys((v) => v.exits).map((x) => [x, over((v) => v.exits[x])])),
      converted: over((v) => v.converted),
      convertedBy: byBranch((v, node) => v.convertedBy?.[node]),
      completed: byBranch((v, node) => v.nodes[node]?.completed),
    },
  };
}

function mapBranches<T, U>(by: Record<string, Record<string, T>>, f: (t: T) => U): Record<string, Record<string, U>> {
  return Object.fromEntries(Object.entries(by).map(([node, b]) => [node, Object.fromEntries(Object.entries(b).map(([h, t]) => [h, f(t)]))]));
}

/** Cell-by-cell medians and p5/p95 of tables of the same shape (same flow, days and start). */
function combineTables(tables: readonly TimelineTable[]): { median: TimelineTable; bounds: TimelineBounds } {
  const first = tables[0]!;
  const cells = (pick: (t: TimelineTable) => Int32Array | undefined) => {
    const arrays = tables.map(pick);
    if (arrays.some((a) => !a || a.length !== arrays[0]!.length)) return null;
    const n = arrays[0]!.length;
    const median = new Int32Array(n);
    const p5 = new Int32Array(n);
    const p95 = new Int32Array(n);
    const sample = new Array<number>(arrays.length);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < arrays.length; r++) sample[r] = arrays[r]![i]!;
      const s = spread(sample);
      median[i] = Math.round(s.median);
      p5[i] = Math.floor(s.p5);
      p95[i] = Math.ceil(s.p95);
    }
    return { median, p5, p95 };
  };
  const entered = cells((t) => t.entered)!;
  const waiting = cells((t) => t.waiting)!;
  const edges = cells((t) => t.edges);
  const outcomes = cells((t) => t.outcomes);
  const median: TimelineTable = { ...first, entered: entered.median, waiting: waiting.median };
  if (edges) median.edges = edges.median;
  if (outcomes) median.outcomes = outcomes.median;
  return {
    median,
    bounds: { entered: { p5: entered.p5, p95: entered.p95 }, edges: edges && { p5: edges.p5, p95: edges.p95 }, outcomes: outcomes && { p5: outcomes.p5, p95: outcomes.p95 } },
  };
}

/** The p5-p95 range of node `nodeId`'s "reached by then" count at slider bucket `bucket`. */
export function nodeRangeAt(view: PopulationView, s: ForecastSpread, nodeId: string, bucket: number): [number, number] | null {
  const i = view.timeline.nodeIds.indexOf(nodeId);
  if (i < 0) return null;
  const at = clamp(view, bucket) * view.timeline.nodeIds.length + i;
  return [s.timeline.entered.p5[at]!, s.timeline.entered.p95[at]!];
}

/** The p5-p95 range of how often edge `edgeId` had fired by slider bucket `bucket`. */
export function edgeRangeAt(view: PopulationView, s: ForecastSpread, edgeId: string, bucket: number): [number, number] | null {
  const ids = view.timeline.edgeIds;
  const i = ids?.indexOf(edgeId) ?? -1;
  if (!ids || i < 0 || !s.timeline.edges) return null;
  const at = clamp(view, bucket) * ids.length + i;
  return [s.timeline.edges.p5[at]!, s.timeline.edges.p95[at]!];
}

/** The p5-p95 range of journeys entered (0), ended (1) or exited (2) by slider bucket `bucket`. */
export function outcomeRangeAt(view: PopulationView, s: ForecastSpread, column: 0 | 1 | 2, bucket: number): [number, number] | null {
  if (!s.timeline.outcomes) return null;
  const at = clamp(view, bucket) * 3 + column;
  return [s.timeline.outcomes.p5[at]!, s.timeline.outcomes.p95[at]!];
}

const clamp = (view: PopulationView, bucket: number) => Math.max(0, Math.min(view.timeline.buckets - 1, Math.floor(bucket) || 0));
