import type { FlowDocument } from '../../../src-shared/flow/index';
import type { PreviewView, UserStateFrame, ViewStep } from '../worker/engine-protocol';

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
  /** The user after the step's input (a JourneyTape seek, done in the worker): attributes, tags, events. */
  state: UserStateFrame | null;
  /** Messages this journey had sent by the step, in order (not those later steps of the same input send). */
  sent: PreviewView['messages'];
  /** Conversations opened by those messages, assigned only once an assign step has run. */
  conversations: { id: string; channel: string; assignee: string | null }[];
  /** How the journey ended, once the step is at or after its end; null while it is still going. */
  finished: { status: 'ended' | 'exited'; reason: string | null } | null;
  /** Nodes the user was waiting at when a global exit removed them: left, not done. */
  exitedFrom: string[];
}

const FINISHED = new Set(['ended', 'exited']);

/**
 * The journey at step `cursor`: walks the steps of that step's journey up to it. Waiting and
 * visited nodes come from the steps (exact to the step); edges from `via` (which node led where)
 * and the handle each source completed through.
 */
export function journeyFrame(doc: Pick<FlowDocument, 'edges' | 'nodes'>, view: PreviewView, cursor: number): JourneyFrame {
  const step = view.steps[cursor] ?? null;
  if (!step) return { cursor, step: null, journey: 0, current: null, waiting: [], visited: [], takenEdges: [], latestEdge: null, state: null, sent: [], conversations: [], finished: null, exitedFrom: [] };
  const waiting = new Set<string>();
  const visited: string[] = [];
  const handleOf = new Map<string, string>();
  // Every send step sends exactly one message, in step order: the journey's k-th message is its k-th send.
  const messages = view.messages.filter((m) => m.journey === step.journey);
  const assigns = new Set(doc.nodes.filter((n) => n.type === 'assign').map((n) => n.id));
  let sentCount = 0;
  let assignedAfter = -1;
  let finished: JourneyFrame['finished'] = null;
  let exitedFrom: string[] = [];
  for (let i = 0; i <= cursor; i++) {
    const s = view.steps[i]!;
    if (s.journey !== step.journey) continue;
    if (s.node === '' || FINISHED.has(s.outcome)) {
      if (s.outcome === 'exited') exitedFrom = [...waiting];
      waiting.clear();
      if (s.node && !visited.includes(s.node)) visited.push(s.node);
      finished = { status: s.outcome === 'exited' ? 'exited' : 'ended', reason: view.journeys[step.journey]?.reason ?? null };
      continue;
    }
    if (!visited.includes(s.node)) visited.push(s.node);
    if (s.outcome === 'waiting') waiting.add(s.node);
    else {
      waiting.delete(s.node);
      handleOf.set(s.node, s.outcome);
      if (messages[sentCount]?.nodeId === s.node) sentCount++;
      if (assigns.has(s.node)) assignedAfter = sentCount;
    }
  }
  const sent = messages.slice(0, sentCount);
  const states = view.states[step.journey] ?? [];
  const state = states[Math.min(step.input, states.length - 1)] ?? null;
  const finalConversations = states.at(-1)?.conversations ?? [];
  const conversations: JourneyFrame['conversations'] = [];
  sent.forEach((m, k) => {
    if (conversations.some((c) => c.id === m.conversationId)) return;
    // An assignment applies to a conversation that existed when the assign step ran.
    const assignee = assignedAfter > k ? (finalConversations.find((c) => c.id === m.conversationId)?.assignee ?? null) : null;
    conversations.push({ id: m.conversationId, channel: m.channel, assignee });
  });
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
  return { cursor, step, journey: step.journey, current: step.node || null, waiting: [...waiting], visited, takenEdges, latestEdge, state, sent, conversations, finished, exitedFrom };
}

/** The step to show first: the last one, where the journey ended up. */
export const lastStep = (view: PreviewView): number => Math.max(0, view.steps.length - 1);
