import type { FlowDocument } from '../../src-shared/flow/index';
import type { PopulationView } from './worker/engine-protocol';
import type { JourneyFrame } from './journey/journey-frame';
import { populationInstant } from './population/population-instant';

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

/** A population at slider bucket `bucket`: users who had reached each node, who were waiting there, and how often each edge had fired. */
export function populationOverlay(doc: Pick<FlowDocument, 'nodes' | 'edges'>, view: PopulationView, bucket: number): CanvasOverlay {
  const { timeline } = view;
  const b = Math.max(0, Math.min(timeline.buckets - 1, bucket));
  const n = timeline.nodeIds.length;
  const column = new Map(timeline.nodeIds.map((id, i) => [id, i]));
  const nodes: Record<string, NodeOverlay> = {};
  for (const node of doc.nodes) {
    const i = column.get(node.id);
    nodes[node.id] = i === undefined ? { kind: 'population', entered: 0, waiting: 0, total: 0 } : { kind: 'population', entered: timeline.entered[b * n + i]!, waiting: timeline.waiting[b * n + i]!, total: view.nodes[node.id]?.entered ?? 0 };
  }
  const max = Math.max(1, ...Object.values(view.edgeVolumes));
  const instant = populationInstant(view, b);
  const edges: Record<string, EdgeOverlay> = {};
  for (const e of doc.edges) {
    const volume = instant.edges[e.id] ?? 0;
    edges[e.id] = { taken: volume > 0, latest: false, volume, share: volume / max };
  }
  return { nodes, edges };
}

/** The instant of a slider bucket. */
export const bucketTime = (view: PopulationView, bucket: number): number => view.timeline.start + bucket * view.timeline.step;
