import type { PopulationView } from '../worker/engine-protocol';
import { lazyRecord } from '../lazy-record';
import { edgeCountAt } from './timeline-counts';

/**
 * A population run as of one slider instant: the numbers every panel shows, read from the same
 * row of the run's timeline table, so a badge, an edge, a card and the drill-down never disagree.
 */
export interface PopulationInstant {
  bucket: number;
  /** The instant (ms) and whether it is the end of the period. */
  at: number;
  final: boolean;
  /**
   * True when the counts below are of `at`; false for a run saved before the timeline kept them:
   * they are then whole-period totals and say so.
   */
  timed: boolean;
  /** Journeys that had entered, ended (completed), exited, and were still in, by `at`. */
  entered: number;
  ended: number;
  exited: number;
  running: number;
  /** Edge id → times it had fired by `at` (each worked out when first read). */
  edges: Record<string, number>;
}

const lastInstant = new WeakMap<PopulationView, PopulationInstant>();

/**
 * The run's numbers at slider bucket `bucket` (clamped to the period). The panels, the canvas
 * and the exits lane all ask for the same instant after a slider move: the last answer is kept.
 */
export function populationInstant(view: PopulationView, bucket: number): PopulationInstant {
  const b = Math.max(0, Math.min(view.timeline.buckets - 1, Math.floor(bucket) || 0));
  const kept = lastInstant.get(view);
  if (kept?.bucket === b) return kept;
  const instant = instantOf(view, b);
  lastInstant.set(view, instant);
  return instant;
}

function instantOf(view: PopulationView, b: number): PopulationInstant {
  const { timeline } = view;
  const at = timeline.start + b * timeline.step;
  const final = b === timeline.buckets - 1;
  const { outcomes, edgeIds } = timeline;
  if (!outcomes || !edgeIds || !(timeline.edgeTimes || timeline.edges)) {
    const { ended, exited, running } = view.outcomes;
    return { bucket: b, at, final, timed: false, entered: view.journeys, ended, exited, running, edges: { ...view.edgeVolumes } };
  }
  const entered = outcomes[b * 3]!;
  const ended = outcomes[b * 3 + 1]!;
  const exited = outcomes[b * 3 + 2]!;
  const column = edgeColumns(edgeIds);
  const edges = lazyRecord(column, (id) => edgeCountAt(timeline, b, column.get(id)!) ?? 0);
  return { bucket: b, at, final, timed: true, entered, ended, exited, running: entered - ended - exited, edges };
}

const columns = new WeakMap<readonly string[], Map<string, number>>();
/** Edge id → its column in the timeline, kept per run. */
function edgeColumns(edgeIds: readonly string[]): Map<string, number> {
  let map = columns.get(edgeIds);
  if (!map) columns.set(edgeIds, (map = new Map(edgeIds.map((id, i) => [id, i]))));
  return map;
}
