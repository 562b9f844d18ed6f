import type { PopulationView } from '../worker/engine-protocol';

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
  /** Edge id → times it had fired by `at`. */
  edges: Record<string, number>;
}

/** The run's numbers at slider bucket `bucket` (clamped to the period). */
export function populationInstant(view: PopulationView, bucket: number): PopulationInstant {
  const { timeline } = view;
  const b = Math.max(0, Math.min(timeline.buckets - 1, Math.floor(bucket) || 0));
  const at = timeline.start + b * timeline.step;
  const final = b === timeline.buckets - 1;
  const { outcomes, edges: edgeTable, edgeIds } = timeline;
  if (!outcomes || !edgeTable || !edgeIds) {
    const { ended, exited, running } = view.outcomes;
    return { bucket: b, at, final, timed: false, entered: view.journeys, ended, exited, running, edges: { ...view.edgeVolumes } };
  }
  const entered = outcomes[b * 3]!;
  const ended = outcomes[b * 3 + 1]!;
  const exited = outcomes[b * 3 + 2]!;
  const edges: Record<string, number> = {};
  edgeIds.forEach((id, i) => (edges[id] = edgeTable[b * edgeIds.length + i]!));
  return { bucket: b, at, final, timed: true, entered, ended, exited, running: entered - ended - exited, edges };
}
