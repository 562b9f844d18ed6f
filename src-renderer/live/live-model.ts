import { outputsOf, type FlowDocument } from '../../src-shared/flow/index';
import type { LiveJourney, LiveStats } from '../../src-shared/host/live-contract';
import type { PreviewView } from '../preview/worker/engine-protocol';
import type { CanvasOverlay, EdgeOverlay, NodeOverlay } from '../preview/overlay-model';

/**
 * The runner's figures as the population preview's overlay: a node's badge shows who entered it,
 * who waits there now, and who left or failed there; an edge carries how many left its source
 * through its handle. Nodes the revision does not have show nothing.
 */
export function liveOverlay(doc: Pick<FlowDocument, 'nodes' | 'edges'>, stats: LiveStats): CanvasOverlay {
  const by = new Map(stats.nodes.map((n) => [n.nodeId, n]));
  const nodes: Record<string, NodeOverlay> = {};
  for (const n of doc.nodes) {
    const f = by.get(n.id);
    nodes[n.id] = f
      ? { kind: 'population', entered: f.entered, waiting: f.active, total: f.entered, live: { exited: f.exited, failed: f.failed } }
      : { kind: 'population', entered: 0, waiting: 0, total: 0, live: { exited: 0, failed: 0 } };
  }
  const volumes = doc.edges.map((e) => by.get(e.source)?.completed[e.sourceHandle || 'next'] ?? 0);
  const max = Math.max(1, ...volumes);
  const edges: Record<string, EdgeOverlay> = {};
  doc.edges.forEach((e, i) => {
    const volume = volumes[i]!;
    edges[e.id] = { taken: volume > 0, latest: false, volume, share: volume / max };
  });
  return { nodes, edges };
}

/** Whether two answers show the same figures (the poller backs off while nothing moves). */
export function sameFigures(a: LiveStats | null, b: LiveStats): boolean {
  if (!a || a.revision !== b.revision) return false;
  return JSON.stringify([a.journeys, a.nodes, a.conversions]) === JSON.stringify([b.journeys, b.nodes, b.conversions]);
}

/** Poll delays: 2 s while figures move, ×1.5 up to 15 s while they do not, doubling up to 30 s while the runner fails. */
export function nextPollDelay(previous: number, outcome: 'changed' | 'unchanged' | 'failed'): number {
  if (outcome === 'changed') return 2_000;
  if (outcome === 'unchanged') return Math.min(15_000, Math.max(2_000, Math.round(previous * 1.5)));
  return Math.min(30_000, Math.max(2_000, previous * 2));
}

/** For each node the journey reached: the node whose handle led there (what the preview's `via` holds). */
function viaOf(doc: Pick<FlowDocument, 'edges'>, trace: LiveJourney['trace']): Record<string, string> {
  const via: Record<string, string> = {};
  const left = new Set<string>();
  for (const s of trace) {
    if (s.node && !(s.node in via)) {
      const edge = doc.edges.find((e) => e.target === s.node && left.has(`${e.source}\u0000${e.sourceHandle || 'next'}`));
      if (edge) via[s.node] = edge.source;
    }
    if (s.node && s.outcome !== 'waiting') left.add(`${s.node}\u0000${s.outcome}`);
  }
  return via;
}

/**
 * A real journey in the preview's plain-data form, so the one-user timeline, keyboard, canvas
 * and explanations show it unchanged. The runner keeps no per-input snapshots: every step shares
 * the journey's final state. A send Chatwoot refused says so in its step's explanation, and a
 * journey that failed ends with a step giving the reason.
 */
export function liveJourneyView(doc: Pick<FlowDocument, 'edges'>, j: LiveJourney): PreviewView {
  const refusedAt = new Map(j.sends.filter((s) => s.status === 'failed').map((s) => [s.nodeId, s.reason ?? 'refused']));
  const steps: PreviewView['steps'] = j.trace.map((s) => {
    const refused = s.outcome !== 'waiting' ? refusedAt.get(s.node) : undefined;
    return { ...s, why: refused ? `${s.why} Failed: ${refused}`.trim() : s.why, journey: 0, input: 0 };
  });
  if (j.status === 'failed') steps.push({ t: steps.at(-1)?.t ?? (j.updatedAt ? Date.parse(j.updatedAt) : 0), node: j.lastNode ?? '', event: 'runner', outcome: 'failed', why: j.error ?? 'The journey failed.', journey: 0, input: 0 });
  const status = j.status === 'running' ? 'running' : j.status === 'ended' ? 'ended' : 'exited';
  const enteredAt = j.trace[0]?.t ?? 0;
  // The preview names an End node's journey end `end:<node>`; the runner's trace has the step.
  const endNode = j.trace.findLast((s) => s.outcome === 'end')?.node;
  const reason = j.error ?? (status === 'ended' && endNode ? `end:${endNode}` : null);
  const messages = j.messages.map((m) => ({ at: m.at, nodeId: m.nodeId, channel: m.channel, body: m.body, conversationId: m.conversationId, journey: 0 }));
  return {
    steps,
    journeys: [{ id: j.id, status, reason, enteredAt }],
    refused: [],
    messages,
    states: [
      [
        {
          time: steps.at(-1)?.t ?? enteredAt,
          status,
          reason,
          attributes: {},
          tags: [],
          events: [],
          messages: messages.length,
          conversations: [],
          waiting: j.waitingAt,
          via: viaOf(doc, j.trace),
        },
      ],
    ],
    profile: { id: j.contactId, attributes: {}, tags: [], segments: [], timezone: 'UTC' },
    script: [],
  };
}

/** One node with journeys in flight, and what publishing a new version does to them. */
export interface InFlightRow {
  nodeId: string;
  label: string;
  inFlight: number;
  /** False when the edited flow no longer has the node: its contacts can only finish on the old revision. */
  inNewVersion: boolean;
}

/** Nodes of the live revision holding journeys now, in the edited flow's order (removed nodes last). */
export function inFlightRows(doc: Pick<FlowDocument, 'nodes'>, stats: LiveStats, label: (id: string) => string): InFlightRow[] {
  const order = new Map(doc.nodes.map((n, i) => [n.id, i]));
  return stats.nodes
    .filter((n) => n.active > 0)
    .map((n) => ({ nodeId: n.nodeId, label: order.has(n.nodeId) ? label(n.nodeId) : n.nodeId, inFlight: n.active, inNewVersion: order.has(n.nodeId) }))
    .sort((a, b) => (order.get(a.nodeId) ?? Infinity) - (order.get(b.nodeId) ?? Infinity));
}

/** One line of a live flow's conversions per split branch: "A/B test · Variant A". */
export interface ConversionLine {
  key: string;
  label: string;
  converted: number;
}

/** Per split step of the flow, each branch's converted journeys, labelled as on the canvas. */
export function conversionLines(doc: Pick<FlowDocument, 'nodes'>, conversions: NonNullable<LiveStats['conversions']>): ConversionLine[] {
  return doc.nodes.flatMap((n) => {
    const by = conversions.convertedBy[n.id];
    if (!by) return [];
    const step = n.data.label?.trim() || 'Split';
    return outputsOf(n).map((o) => ({ key: `${n.id}/${o.id}`, label: `${step} · ${o.label}`, converted: by[o.id] ?? 0 }));
  });
}
