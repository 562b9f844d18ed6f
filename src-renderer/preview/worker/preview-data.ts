import type { JourneyData, PreviewResult, UserAction, UserProfile } from '../../../src-shared/engine/index';
import type { PreviewView, UserStateFrame, ViewStep } from './engine-protocol';

function frameOf(d: JourneyData): UserStateFrame {
  const attributes: UserStateFrame['attributes'] = {};
  for (const [k, v] of Object.entries(d.profile.attributes)) if (v !== null && v !== undefined) attributes[k] = v;
  return {
    time: d.time,
    status: d.status,
    reason: d.reason,
    attributes,
    tags: [...d.profile.tags],
    events: d.events.map((e) => ({ name: e.name, at: e.at })),
    messages: d.messages.length,
    conversations: d.conversations.map((c) => ({ id: c.id, channel: c.channel, assignee: c.assignee, open: c.open })),
    waiting: d.status === 'running' ? Object.keys(d.due) : [],
    via: { ...d.via },
  };
}

/**
 * A preview as plain data for the main thread (runs in the worker): the steps, and the user's
 * state after every input of every journey, found by seeking its `JourneyTape`. Previews are
 * small (tens of inputs), so every seek is done once here and stepping in the UI is free.
 */
export function toPreviewView(result: PreviewResult, profile: UserProfile, script: readonly UserAction[]): PreviewView {
  const steps: ViewStep[] = result.steps.map((s) => ({ t: s.t, node: s.node, event: s.event, outcome: s.outcome, why: s.why, journey: s.snapshot.journey, input: Math.max(0, s.snapshot.input) }));
  const states = result.tapes.map((tape) => tape.inputs.map((_, i) => frameOf(tape.seekInput(i).data)));
  return {
    steps,
    journeys: result.journeys.map((j, k) => ({ id: j.journeyId, status: j.status, reason: j.reason, enteredAt: result.tapes[k]?.times[0] ?? j.time })),
    refused: result.refused.map((r) => ({ at: r.at, why: r.why })),
    messages: result.journeys.flatMap((j, k) => j.messages.map((m) => ({ at: m.at, nodeId: m.nodeId, channel: m.channel, body: m.body, journey: k, conversationId: m.conversationId }))).sort((a, b) => a.at - b.at),
    states,
    profile,
    script: [...script],
  };
}
