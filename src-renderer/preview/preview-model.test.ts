import { describe, expect, it } from 'vitest';
import { LABEL_CHAR_WIDTH, messagesChart, niceMax, tickLabel } from './chart-geometry';
import type { PreviewView, ViewStep } from './engine-protocol';
import { flowFingerprint } from './flow-fingerprint';
import { journeyFrame } from './journey-frame';
import { journeyOverlay } from './overlay-model';
import { describeItem, instantOf, parseProperties, parseScalar, scriptProblems, toActions, triggerScript, type ScriptItem } from './script-model';
import { MAX_BUCKETS, timelineStep } from './population-data';
import { diffSteps } from './step-diff';
import { onboarding } from './test-fixtures';
import { cursorAfterKey } from './timeline-keys';

const doc = onboarding();
const step = (node: string, outcome: string, t = 0, input = 0): ViewStep => ({ t, node, outcome, event: 'clock.tick', why: '', journey: 0, input });

describe('script model', () => {
  it('turns form lines into timed actions on the user’s clock', () => {
    const items: ScriptItem[] = [
      { id: 'a', day: 2, time: '10:30', kind: 'message', text: 'yes' },
      { id: 'b', day: 1, time: '09:00', kind: 'event', name: 'user.signed_up', properties: 'plan=trial, seats=3' },
    ];
    const actions = toActions(items, 'America/New_York');
    expect(actions.map((a) => [a.type, new Date(a.at).toISOString()])).toEqual([
      ['event', '2026-11-23T14:00:00.000Z'],
      ['message', '2026-11-24T15:30:00.000Z'],
    ]);
    expect(actions[0]).toMatchObject({ properties: { plan: 'trial', seats: 3 } });
    expect(instantOf(1, '09:00', 'UTC')).toBe(Date.UTC(2026, 10, 23, 9));
  });
  it('has segment lines: enter or leave, named', () => {
    const enter: ScriptItem = { id: 's', day: 1, time: '09:00', kind: 'segment', segment: 'vip', present: true };
    expect(toActions([enter], 'UTC')).toEqual([{ type: 'segment', at: Date.UTC(2026, 10, 23, 9), segment: 'vip', present: true }]);
    expect(describeItem({ ...enter, present: false })).toBe('Day 1, 09:00 · leaves segment vip');
    expect(scriptProblems([{ ...enter, segment: ' ' }])).toEqual([{ id: 's', message: 'Name the segment.' }]);
  });
  it('parses values and reports lines that cannot run', () => {
    expect([parseScalar('true'), parseScalar('42'), parseScalar('trial')]).toEqual([true, 42, 'trial']);
    expect(parseProperties('a=1,b = x=y')).toEqual({ a: 1, b: 'x=y' });
    expect(scriptProblems([{ id: 'x', day: 1, time: '9am', kind: 'message', text: '' }])).toEqual([{ id: 'x', message: 'Time must look like 09:30.' }]);
    expect(scriptProblems([{ id: 'y', day: 1, time: '09:00', kind: 'event', name: ' ', properties: '' }])[0]!.message).toBe('Name the event.');
  });
  it('starts from what fires the trigger', () => {
    const [first] = triggerScript(doc.campaign);
    expect(first).toMatchObject({ kind: 'event', name: 'user.signed_up', properties: 'plan=trial', day: 1, time: '09:00' });
    expect(describeItem(first!)).toBe('Day 1, 09:00 · does user.signed_up');
  });
});

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

describe('regression diff', () => {
  it('matches steps by node and outcome; reports moved, added and removed steps', () => {
    const before = [step('trigger', 'next'), step('w', 'waiting'), step('w', 'next', 10), step('a', 'next', 10)];
    const after = [step('trigger', 'next'), step('w', 'waiting'), step('w', 'next', 20), step('b', 'next', 20)];
    const d = diffSteps(before, after);
    expect(d.rows.map((r) => r.kind)).toEqual(['same', 'same', 'changed', 'added', 'removed']);
    expect(d.counts).toEqual({ changed: 1, added: 1, removed: 1 });
    expect(diffSteps(before, before).changed).toBe(false);
  });
});

describe('flow fingerprint', () => {
  it('ignores positions and names but not behaviour', () => {
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: 0 } })), campaign: { ...doc.campaign, name: 'Renamed' } };
    expect(flowFingerprint(moved as typeof doc)).toBe(flowFingerprint(doc));
    const longer = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'day1' ? { ...n, data: { ...n.data, label: '2 days later' } } : n)) };
    expect(flowFingerprint(longer as typeof doc)).not.toBe(flowFingerprint(doc));
  });
});

describe('messages chart', () => {
  it('stacks channels per day under a round maximum', () => {
    const g = messagesChart({ email: [10, 0, 5], sms: [3, 1, 0] }, 300, 130);
    expect(g.max).toBe(20);
    expect(g.channels).toEqual(['email', 'sms']);
    expect(g.bars.filter((b) => b.day === 0).map((b) => b.channel)).toEqual(['email', 'sms']);
    const [email, sms] = g.bars;
    expect(sms!.y + sms!.height).toBeCloseTo(email!.y);
    expect(g.xTicks[0]!.label).toBe('1');
    expect([niceMax(0), niceMax(7), niceMax(130), niceMax(2400)]).toEqual([1, 10, 200, 2500]);
  });

  it('keeps every y label inside the chart, 100k users included ("00,000" was cut)', () => {
    for (const top of [7, 950, 2400, 48_000, 100_000, 3_000_000]) {
      const g = messagesChart({ email: [top, top / 2] }, 340, 150);
      for (const t of g.yTicks) expect(g.plot.left - g.labelGap - t.label.length * LABEL_CHAR_WIDTH, `${t.label} for ${top}`).toBeGreaterThanOrEqual(0);
      expect(g.plot.left + g.plot.width).toBeLessThanOrEqual(340);
    }
    expect([tickLabel(0), tickLabel(5000), tickLabel(50_000), tickLabel(100_000), tickLabel(2_500_000)]).toEqual(['0', '5,000', '50k', '100k', '2.5M']);
  });

  it('places the slider marker at its day', () => {
    const g = messagesChart({ email: [1, 2, 3, 4] }, 300, 130);
    expect(g.dayX(0)).toBe(g.plot.left);
    expect(g.dayX(4)).toBeCloseTo(g.plot.left + g.plot.width);
    expect(g.dayX(2)).toBeCloseTo(g.plot.left + g.plot.width / 2);
  });
});

describe('population slider resolution', () => {
  it('is the finest round step the period allows: minutes for short runs, 5 min for a month', () => {
    const minutes = (days: number) => timelineStep(days) / 60_000;
    expect([1, 2, 3, 7, 14, 30, 60, 90, 365].map(minutes)).toEqual([1, 1, 1, 2, 5, 5, 10, 15, 60]);
    for (const days of [1, 6, 31, 62, 100, 200, 365]) {
      expect(days * 1440 / minutes(days) + 1).toBeLessThanOrEqual(MAX_BUCKETS);
      expect(minutes(days)).toBeLessThan(days <= 60 ? 15 : 61);
    }
  });
});

describe('timeline keys', () => {
  it('steps with arrows, jumps with Page keys, ends with Home/End', () => {
    expect([cursorAfterKey('ArrowRight', 2, 5), cursorAfterKey('ArrowLeft', 0, 5), cursorAfterKey('End', 1, 5), cursorAfterKey('Home', 4, 5), cursorAfterKey('PageDown', 1, 5)]).toEqual([3, 0, 4, 0, 4]);
    expect(cursorAfterKey('a', 1, 5)).toBeNull();
  });
});
