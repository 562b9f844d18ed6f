import { spread, type Spread } from '../../../src-shared/forecast/index';
import type { PopulationView, TimelineTable } from '../worker/engine-protocol';
import { edgeCountAt, nodeCountsAt } from './timeline-counts';

/** Most seeded runs a forecast makes (each is a whole population run). */
export const MAX_RUNS = 20;

/**
 * What the slider's ranges are read from: every run's timeline (event times per step and edge,
 * small next to a bucket × step table), counted at the slider's instant on demand, and the
 * p5/p95 of the entered / ended / exited outcomes per instant (3 columns, precomputed).
 */
export interface TimelineBounds {
  tables: TimelineTable[];
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
  /** The seed of the run shown (the most typical), kept for drill-down and replay. */
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
 * Several seeded runs of one flow and audience, as the run to show and the p5-p95 range of
 * every figure. The run shown is the most typical one (closest to the median of every figure):
 * its numbers agree with each other (branches add up to their step, exits to the exited, the
 * drill-down lists exactly the users a badge counts), which cell-by-cell medians would not.
 *
 * @example const { kept, spread } = combineRuns([a, b, c], [1, 2, 3]); views[kept] // the run to show
 */
export function combineRuns(views: readonly PopulationView[], seeds: readonly number[]): { kept: number; spread: ForecastSpread } {
  const first = views[0];
  if (!first) throw new Error('combineRuns needs at least one run');
  const over = (pick: (v: PopulationView) => number | undefined) => spread(views.map((v) => pick(v) ?? 0));
  const keys = <T>(pick: (v: PopulationView) => Record<string, T> | undefined) => [...new Set(views.flatMap((v) => Object.keys(pick(v) ?? {})))];
  const byBranch = (pick: (v: PopulationView, node: string) => Record<string, number> | undefined) =>
    Object.fromEntries(Object.keys(first.convertedBy ?? {}).map((node) => [node, Object.fromEntries(keys((v) => pick(v, node)).map((h) => [h, over((v) => pick(v, node)?.[h])]))]));
  const kept = typicalRun(views);
  return {
    kept,
    spread: {
      runs: views.length,
      seeds: [...seeds],
      keptSeed: seeds[kept] ?? 0,
      timeline: tableBounds(views.map((v) => v.timeline)),
      journeys: over((v) => v.journeys),
      exits: Object.fromEntries(keys((v) => v.exits).map((x) => [x, over((v) => v.exits[x])])),
      converted: over((v) => v.converted),
      convertedBy: byBranch((v, node) => v.convertedBy?.[node]),
      completed: byBranch((v, node) => v.nodes[node]?.completed),
    },
  };
}

/** The run whose figures (per step, per edge, per exit, conversions) are nearest their medians, each relative to its median. */
export function typicalRun(views: readonly PopulationView[]): number {
  const figures = (v: PopulationView) => [v.journeys, v.converted ?? 0, ...Object.values(v.nodes).map((n) => n.entered), ...Object.values(v.edgeVolumes), ...Object.values(v.exits)];
  const table = views.map(figures);
  const width = Math.min(...table.map((t) => t.length));
  const medians = Array.from({ length: width }, (_, i) => spread(table.map((t) => t[i]!)).median);
  const distance = table.map((t) => medians.reduce((a, m, i) => a + Math.abs(t[i]! - m) / Math.max(1, m), 0));
  return distance.indexOf(Math.min(...distance));
}

/** The runs' timelines, and the cell-by-cell p5/p95 of their outcome columns (same flow, days and start). */
function tableBounds(tables: readonly TimelineTable[]): TimelineBounds {
  const arrays = tables.map((t) => t.outcomes);
  if (arrays.some((a) => !a || a.length !== arrays[0]!.length)) return { tables: [...tables], outcomes: null };
  const n = arrays[0]!.length;
  const p5 = new Int32Array(n);
  const p95 = new Int32Array(n);
  const sample = new Array<number>(arrays.length);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < arrays.length; r++) sample[r] = arrays[r]![i]!;
    const s = spread(sample);
    p5[i] = Math.floor(s.p5);
    p95[i] = Math.ceil(s.p95);
  }
  return { tables: [...tables], outcomes: { p5, p95 } };
}

/** p5-p95 of one figure over the runs, as whole numbers. */
function bounds(values: readonly number[]): [number, number] {
  const s = spread(values);
  return [Math.floor(s.p5), Math.ceil(s.p95)];
}

/** The p5-p95 range of node `nodeId`'s "reached by then" count at slider bucket `bucket`. */
export function nodeRangeAt(view: PopulationView, s: ForecastSpread, nodeId: string, bucket: number): [number, number] | null {
  // Every run is of the same flow, so a step has the same column in each.
  const i = view.timeline.nodeIds.indexOf(nodeId);
  if (i < 0) return null;
  const b = clamp(view, bucket);
  return bounds(s.timeline.tables.map((t) => nodeCountsAt(t, b, i).entered));
}

/** The p5-p95 range of how often edge `edgeId` had fired by slider bucket `bucket`. */
export function edgeRangeAt(view: PopulationView, s: ForecastSpread, edgeId: string, bucket: number): [number, number] | null {
  const e = view.timeline.edgeIds?.indexOf(edgeId) ?? -1;
  if (e < 0) return null;
  const b = clamp(view, bucket);
  const values = s.timeline.tables.map((t) => edgeCountAt(t, b, e));
  return values.some((v) => v === undefined) ? null : bounds(values as number[]);
}

/** The p5-p95 range of journeys entered (0), ended (1) or exited (2) by slider bucket `bucket`. */
export function outcomeRangeAt(view: PopulationView, s: ForecastSpread, column: 0 | 1 | 2, bucket: number): [number, number] | null {
  if (!s.timeline.outcomes) return null;
  const at = clamp(view, bucket) * 3 + column;
  return [s.timeline.outcomes.p5[at]!, s.timeline.outcomes.p95[at]!];
}

const clamp = (view: PopulationView, bucket: number) => Math.max(0, Math.min(view.timeline.buckets - 1, Math.floor(bucket) || 0));
