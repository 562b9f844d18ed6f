import { describe, expect, it } from 'vitest';
import { previewJourney } from '../../../src-shared/engine/index';
import type { PreviewView, ViewStep } from '../worker/engine-protocol';
import { journeyFrame } from './journey-frame';
import { journeyOverlay } from '../overlay-model';
import { toPreviewView } from '../worker/preview-data';
import { instantOf, toActions, triggerScript } from './script-model';
import { onboarding } from '../test-fixtures';

const doc = onboarding();
const profile = { id: 'ada', attributes: { first_name: 'Ada', plan: 'trial', email: 'ada@example.com' }, tags: [], segments: [], timezone: 'Europe/London' };

function preview(extra: Parameters<typeof toActions>[0] = []): PreviewView {
  const script = toActions([...triggerScript(doc.campaign), ...extra], profile.timezone);
  const from = instantOf(1, '00:00', profile.timezone);
  return toPreviewView(previewJourney(doc, { profile, script, from, until: from + 30 * 86_400_000 }), profile, script);
}

const sendIds = new Set(doc.nodes.filter((n) => n.type === 'send').map((n) => n.id));

describe('the one-user rewind at each step', () => {
  const view = preview();

  it('has received, at every step, exactly the messages of the send steps up to it', () => {
    expect(view.steps.length).toBeGreaterThan(5);
    for (let cursor = 0; cursor < view.steps.length; cursor++) {
      const f = journeyFrame(doc, view, cursor);
      const sends = view.steps.slice(0, cursor + 1).filter((s) => sendIds.has(s.node) && s.outcome !== 'waiting');
      expect(f.sent.map((m) => m.nodeId), `step ${cursor + 1}`).toEqual(sends.map((s) => s.node));
      // Nothing listed that the canvas shows as not reached yet.
      for (const m of f.sent) expect(f.visited).toContain(m.nodeId);
    }
    // Step 1 (the entry) has sent nothing, though the same input goes on to send.
    expect(journeyFrame(doc, view, 0).sent).toEqual([]);
    expect(journeyFrame(doc, view, view.steps.length - 1).sent).toHaveLength(view.messages.length);
  });

  it('says how the journey ended only from the step where it ended', () => {
    const end = view.steps.findIndex((s) => s.outcome === 'ended' || s.outcome === 'exited');
    expect(end).toBeGreaterThan(0);
    for (let cursor = 0; cursor < view.steps.length; cursor++) {
      const f = journeyFrame(doc, view, cursor);
      if (cursor < end) expect(f.finished, `step ${cursor + 1}`).toBeNull();
      else expect(f.finished).toMatchObject({ status: view.journeys[0]!.status, reason: view.journeys[0]!.reason });
    }
  });

  it('assigns the conversation only once the assign step has run', () => {
    const replied = preview([{ id: 'r', day: 3, time: '12:00', kind: 'message', text: 'yes please' }]);
    const assign = replied.steps.findIndex((s) => s.node === 'to-sales');
    expect(assign).toBeGreaterThan(0);
    const before = journeyFrame(doc, replied, assign - 1);
    const after = journeyFrame(doc, replied, assign);
    expect(before.conversations.length).toBeGreaterThan(0);
    expect(before.conversations.every((c) => c.assignee === null)).toBe(true);
    expect(after.conversations.some((c) => c.assignee !== null)).toBe(true);
  });
});

describe('a user removed by a global exit mid-wait', () => {
  it('leaves the wait marked exited, not done', () => {
    const view = preview([{ id: 'u', day: 2, time: '10:00', kind: 'tag', tag: 'unsubscribed', present: true }]);
    const last = view.steps.length - 1;
    expect(view.journeys[0]).toMatchObject({ status: 'exited' });
    const before = journeyFrame(doc, view, last - 1);
    expect(before.waiting.length).toBeGreaterThan(0);
    const f = journeyFrame(doc, view, last);
    expect(f.finished).toMatchObject({ status: 'exited' });
    expect(f.exitedFrom).toEqual(before.waiting);
    const overlay = journeyOverlay(doc, f);
    for (const id of before.waiting) expect(overlay.nodes[id]).toMatchObject({ role: 'exited' });
  });
});

const step = (node: string, outcome: string, t = 0, input = 0): ViewStep => ({ t, node, outcome, event: 'clock.tick', why: '', journey: 0, input });

describe('journey frame', () => {
  const view = {
    steps: [step('trigger', 'next'), step('welcome', 'next'), step('day1', 'waiting'), step('day1', 'next', 1, 1), step('activated', 'else', 1, 1), step('check-in', 'next', 1, 1), step('reply', 'waiting', 1, 1)],
    states: [[{ via: {} }, { via: { welcome: 'trigger', day1: 'welcome', activated: 'day1', 'check-in': 'activated', reply: 'check-in' } }]],
    messages: [],
    journeys: [{ id: 'j', status: 'running', reason: null, enteredAt: 0 }],
  } as unknown as PreviewView;

  it('highlights the step’s node, the nodes holding the user and the path taken so far', () => {
    const f = journeyFrame(doc, view, 2);
    expect([f.current, f.waiting, f.visited, f.takenEdges, f.latestEdge]).toEqual(['day1', ['day1'], ['trigger', 'welcome', 'day1'], ['e-trigger-welcome', 'e-welcome-day1'], 'e-welcome-day1']);
    const g = journeyFrame(doc, view, 6);
    expect(g.waiting).toEqual(['reply']);
    expect(g.takenEdges).toContain('e-activated-else-check-in');
    expect(g.takenEdges).not.toContain('e-activated-match-tips');
    expect(g.state).toBe(view.states[0]![1]);
    const overlay = journeyOverlay(doc, g);
    expect(overlay.nodes['reply']).toEqual({ kind: 'journey', role: 'current', waiting: true });
    expect(overlay.nodes['tips']!).toMatchObject({ role: 'idle' });
    expect(overlay.edges['e-check-in-reply']).toMatchObject({ taken: true, latest: true });
  });
  it('is empty before any step', () => expect(journeyFrame(doc, { ...view, steps: [] }, 0).current).toBeNull());
});
