import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { edge, flow, node, sendNode } from '../testing/flow-builders';
import { previewJourney } from './preview';
import { runPopulation } from './population';

const T0 = Date.UTC(2026, 10, 23, 9);
const DAY = 86_400_000;
const upgrade = (at: number) => ({ type: 'event' as const, at, name: 'subscription.upgraded', properties: {} });
const signUp = (at: number) => ({ type: 'event' as const, at, name: 'user.signed_up', properties: {} });

/** Sign-up → welcome → 30-day wait → reminder; goal: upgrade within 14 days. */
function goalFlow(exit = false): FlowDocument {
  return flow(
    [sendNode('welcome', 'Welcome'), node('long', 'wait', { wait: { mode: 'duration', duration: { amount: 30, unit: 'days' } } }), sendNode('remind', 'Still there?')],
    [edge('trigger', 'welcome'), edge('welcome', 'long'), edge('long', 'remind')],
    { goal: { name: 'Upgraded', condition: { type: 'group', match: 'all', rules: [{ type: 'event', event: 'subscription.upgraded', count: { operator: 'at_least', value: 1 }, properties: [] }] }, within: { amount: 14, unit: 'days' }, exit } },
  );
}

const ada = { id: 'ada', attributes: {}, tags: [], segments: [], timezone: 'UTC' };

describe('conversion goal', () => {
  it('an upgrade 3 days after entry converts the journey, which goes on', () => {
    const p = previewJourney(goalFlow(), { profile: ada, script: [signUp(T0), upgrade(T0 + 3 * DAY)], until: T0 + 40 * DAY });
    const step = p.steps.find((s) => s.outcome === 'converted')!;
    expect(step.t).toBe(T0 + 3 * DAY);
    expect(step.why).toMatch(/^goal "Upgraded" met: did subscription.upgraded/);
    expect(p.journeys[0]!.converted).toBe(T0 + 3 * DAY);
    expect(p.messages.map((m) => m.body)).toEqual(['Welcome', 'Still there?']);
  });

  it('counts neither an upgrade after the window nor one from before entry', () => {
    const late = previewJourney(goalFlow(), { profile: ada, script: [signUp(T0), upgrade(T0 + 15 * DAY)], until: T0 + 40 * DAY });
    expect(late.journeys[0]!.converted).toBeNull();
    const before = previewJourney(goalFlow(), { profile: ada, script: [upgrade(T0 - DAY), signUp(T0), signUp(T0 + DAY)], from: T0 - DAY, until: T0 + 40 * DAY });
    expect(before.journeys[0]!.converted).toBeNull();
  });

  it('with exit, converting ends the journey: no reminder, reason "goal"', () => {
    const p = previewJourney(goalFlow(true), { profile: ada, script: [signUp(T0), upgrade(T0 + 2 * DAY)], until: T0 + 40 * DAY });
    expect(p.journeys[0]!.status).toBe('exited');
    expect(p.journeys[0]!.reason).toBe('goal');
    expect(p.messages.map((m) => m.body)).toEqual(['Welcome']);
  });

  it('population runs count conversions, per branch of a split', () => {
    const base = goalFlow();
    const doc: FlowDocument = {
      ...base,
      nodes: [...base.nodes, node('ab', 'split', { branches: [{ id: 'a', label: 'A', percent: 50 }, { id: 'b', label: 'B', percent: 50 }] })],
      edges: [edge('trigger', 'ab'), edge('ab', 'welcome', 'a'), edge('ab', 'long', 'b'), edge('welcome', 'long'), edge('long', 'remind')],
    };
    const r = runPopulation(doc, { users: 4_000, days: 30, seed: 2, eventRates: { 'subscription.upgraded': 0.05 }, exitChance: 0 });
    // P(at least one upgrade in the 14 days after entry at 0.05/day) = 1 - e^-0.7 = 0.50 (sd 0.008).
    expect(r.converted / r.journeys).toBeGreaterThan(0.46);
    expect(r.converted / r.journeys).toBeLessThan(0.55);
    expect(r.convertedBy.ab!.a! + r.convertedBy.ab!.b!).toBe(r.converted);
    expect(Math.abs(r.convertedBy.ab!.a! - r.convertedBy.ab!.b!)).toBeLessThan(200);
  });

  it('a journey that has already ended still converts within the window (a holdout is comparable)', () => {
    const base = goalFlow();
    const holdout: FlowDocument = { ...base, nodes: [...base.nodes, node('done', 'end', {})], edges: [edge('trigger', 'done')] };
    const p = previewJourney(holdout, { profile: ada, script: [signUp(T0), upgrade(T0 + 3 * DAY)], until: T0 + 40 * DAY });
    expect(p.journeys[0]!.status).toBe('ended');
    expect(p.journeys[0]!.converted).toBe(T0 + 3 * DAY);
    // Rewound: not yet converted when it ended, converted from the upgrade on.
    const tape = p.tapes[0]!;
    expect(tape.seekTime(T0 + DAY).data.converted).toBeNull();
    expect(tape.seekTime(T0 + 3 * DAY).data.converted).toBe(T0 + 3 * DAY);
    expect(tape.seekInput(tape.inputs.length - 1).data).toEqual(p.journeys[0]);
    const late = previewJourney(holdout, { profile: ada, script: [signUp(T0), upgrade(T0 + 15 * DAY)], until: T0 + 40 * DAY });
    expect(late.journeys[0]!.converted).toBeNull();
    const doc: FlowDocument = {
      ...base,
      nodes: [...base.nodes, node('ab', 'split', { branches: [{ id: 'a', label: 'A', percent: 50 }, { id: 'control', label: 'Control', percent: 50 }] }), node('done', 'end', {})],
      edges: [edge('trigger', 'ab'), edge('ab', 'welcome', 'a'), edge('ab', 'done', 'control'), edge('welcome', 'long'), edge('long', 'remind')],
    };
    const r = runPopulation(doc, { users: 4_000, days: 30, seed: 2, eventRates: { 'subscription.upgraded': 0.05 }, exitChance: 0 });
    // Same event rate on both branches: the control converts about as often as the messaged branch.
    expect(r.convertedBy.ab!.control! / (r.convertedBy.ab!.a! + r.convertedBy.ab!.control!)).toBeGreaterThan(0.44);
    expect(r.convertedBy.ab!.control! / (r.convertedBy.ab!.a! + r.convertedBy.ab!.control!)).toBeLessThan(0.56);
  });
});
