import type { FlowDocument } from '../../src-shared/flow/index';
import type { PopulationView } from './worker/engine-protocol';
import type { JourneyFrame } from './journey/journey-frame';
import { populationInstant } from './population/population-instant';
import { nodeCountsAt } from './population/timeline-counts';
import { idsOf, lazyRecord } from './lazy-record';

export type NodeOverlay =
  | { kind: 'journey'; role: 'current' | 'waiting' | 'visited' | 'exited' | 'idle'; waiting: boolean }
  | { kind: 'population'; entered: number; waiting: number; total: number; live?: LiveFigures };

/** A runner's figures beyond entered/waiting (Live mode, src-renderer/live/): each badge lists its contacts. */
export interface LiveFigures {
  exited: number;
  failed: number;
}

export interface EdgeOverlay {
  taken: boolean;
  latest: boolean;
  /** Population runs: how often the edge had fired by the slider's instant, and its share of the busiest edge over the period. */
  volume: number | null;
  share: number;
}

/** What the canvas draws over the flow in preview mode. */
export interface CanvasOverlay {
  nodes: Record<string, NodeOverlay>;
  edges: Record<string, EdgeOverlay>;
}

/** One journey at one step: the current node, nodes holding the user, the path so far. */
export function journeyOverlay(doc: Pick<FlowDocument, 'nodes' | 'edges'>, frame: JourneyFrame): CanvasOverlay {
  const waiting = new Set(frame.waiting);
  const visited = new Set(frame.visited);
  const exited = new Set(frame.exitedFrom);
  const taken = new Set(frame.takenEdges);
  const nodes: Record<string, NodeOverlay> = {};
  for (const n of doc.nodes) {
    // A wait the user was removed from by a global exit is left, not done.
    const role = exited.has(n.id) ? 'exited' : n.id === frame.current ? 'current' : waiting.has(n.id) ? 'waiting' : visited.has(n.id) ? 'visited' : 'idle';
    nodes[n.id] = { kind: 'journey', role, waiting: waiting.has(n.id) };
  }
  const edges: Record<string, EdgeOverlay> = {};
  for (const e of doc.edges) edges[e.id] = { taken: taken.has(e.id), latest: e.id === frame.latestEdge, volume: null, share: 0 };
  return { nodes, edges };
}

/**
 * A population at slider bucket `bucket`: users who had reached each node, who were waiting
 * there, and how often each edge had fired. Each figure is worked out when first read (see
 * lazyRecord), so a slider move costs the nodes and edges on screen.
 */
export function populationOverlay(doc: Pick<FlowDocument, 'nodes' | 'edges'>, view: PopulationView, bucket: number): CanvasOverlay {
  const { timeline } = view;
  const b = Math.max(0, Math.min(timeline.buckets - 1, bucket));
  const column = columnsOf(timeline.nodeIds);
  const nodes = lazyRecord(idsOf(doc.nodes), (id): NodeOverlay => {
    const i = column.get(id);
    return i === undefined ? { kind: 'population', entered: 0, waiting: 0, total: 0 } : { kind: 'population', ...nodeCountsAt(timeline, b, i), total: view.nodes[id]?.entered ?? 0 };
  });
  const max = busiestEdge(view);
  const instant = populationInstant(view, b);
  const edges = lazyRecord(idsOf(doc.edges), (id): EdgeOverlay => {
    const volume = instant.edges[id] ?? 0;
    return { taken: volume > 0, latest: false, volume, share: volume / max };
  });
  return { nodes, edges };
}

const busiest = new WeakMap<PopulationView, number>();
/** How often the busiest edge fired over the period (at least 1): edge widths are shares of it. */
function busiestEdge(view: PopulationView): number {
  let max = busiest.get(view);
  if (max === undefined) {
    max = 1;
    for (const v of Object.values(view.edgeVolumes)) if (v > max) max = v;
    busiest.set(view, max);
  }
  return max;
}

const columns = new WeakMap<readonly string[], Map<string, number>>();
/** Node id → its column in the timeline (kept per run: the slider asks on every move). */
function columnsOf(nodeIds: readonly string[]): Map<string, number> {
  let map = columns.get(nodeIds);
  if (!map) columns.set(nodeIds, (map = new Map(nodeIds.map((id, i) => [id, i]))));
  return map;
}

/** The instant of a slider bucket. */
export const bucketTime = (view: PopulationView, bucket: number): number => view.timeline.start + bucket * view.timeline.step;
