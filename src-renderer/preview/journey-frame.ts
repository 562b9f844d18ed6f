import type { FlowDocument } from '../../src-shared/flow/index';
import type { PreviewView, UserStateFrame, ViewStep } from './engine-protocol';

/** What the canvas and the user panel show at one step of a preview. */
export interface JourneyFrame {
  cursor: number;
  step: ViewStep | null;
  journey: number;
  /** The node the step is about. */
  current: string | null;
  /** Nodes holding the user (a wait, a reply, a held send) right after the step. */
  waiting: string[];
  /** Nodes the journey has passed through so far. */
  visited: string[];
  /** Edges the journey has taken so far, and the one taken by this step. */
  takenEdges: string[];
  latestEdge: string | null;
  /** The user and journey after the step's input (a JourneyTape seek, done in the worker). */
  state: UserStateFrame | null;
}

const FINISHED = new Set(['ended', 'exited']);

/**
 * The journey at step `cursor`: walks the steps of that step's journey up to it. Waiting and
 * visited nodes come from the steps (exact to the step); edges from `via` (which node led where)
 * and the handle each source completed through.
 */
export function journeyFrame(doc: Pick<FlowDocument, 'edges'>, view: PreviewView, cursor: number): JourneyFrame {
  const step = view.steps[cursor] ?? null;
  if (!step) return { cursor, step: null, journey: 0, current: null, waiting: [], visited: [], takenEdges: [], latestEdge: null, state: null };
  const waiting = new Set<string>();
  const visited: string[] = [];
  const handleOf = new Map<string, string>();
  for (let i = 0; i <= cursor; i++) {
    const s = view.steps[i]!;
    if (s.journey !== step.journey) continue;
    if (s.node === '' || FINISHED.has(s.outcome)) {
      waiting.clear();
      if (s.node && !visited.includes(s.node)) visited.push(s.node);
      continue;
    }
    if (!visited.includes(s.node)) visited.push(s.node);
    if (s.outcome === 'waiting') waiting.add(s.node);
    else {
      waiting.delete(s.node);
      handleOf.set(s.node, s.outcome);
    }
  }
  const states = view.states[step.journey] ?? [];
  const state = states[Math.min(step.input, states.length - 1)] ?? null;
  const via = states.at(-1)?.via ?? {};
  const takenEdges: string[] = [];
  let latestEdge: string | null = null;
  for (const node of visited) {
    const from = via[node];
    const handle = from === undefined ? undefined : handleOf.get(from);
    if (from === undefined || handle === undefined) continue;
    const edge = doc.edges.find((e) => e.source === from && e.target === node && (e.sourceHandle || 'next') === handle) ?? doc.edges.find((e) => e.source === from && e.target === node);
    if (!edge) continue;
    takenEdges.push(edge.id);
    if (node === step.node) latestEdge = edge.id;
  }
  return { cursor, step, journey: step.journey, current: step.node || null, waiting: [...waiting], visited, takenEdges, latestEdge, state };
}

/** The step to show first: the last one, where the journey ended up. */
export const lastStep = (view: PreviewView): number => Math.max(0, view.steps.length - 1);
