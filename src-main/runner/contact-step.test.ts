import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewJourney } from '../../src-shared/engine';
import type { UserAction } from '../../src-shared/engine/types';
import type { FlowDocument } from '../../src-shared/flow';
import { DAY, MONDAY_9, profile, randomFlow, randomScript } from '../../src-shared/testing/engine-builders';
import { edge, flow, node, sendNode } from '../../src-shared/testing/flow-builders';
import { activate, applyAction, applyScheduled, catchUp, outboundOf, settle, type ActiveJourney, type ContactRecord, type StoredJourney } from './contact-step';
import { scheduledAt } from '../../src-shared/engine/entry';

/**
 * The flow with a conversion goal (an app.opened event within 3 days) and a split first: half
 * the journeys go on into the flow, the other half (the holdout) end at once.
 */
function withHoldout(doc: FlowDocument, exit: boolean): FlowDocument {
  const first = doc.edges.filter((e) => e.source === 'trigger');
  const split = node('hold', 'split', { branches: [{ id: 'a', label: 'Messaged', percent: 50 }, { id: 'control', label: 'Holdout', percent: 50 }] });
  return {
    ...doc,
    campaign: {
      ...doc.campaign,
      goal: { name: 'Opened', condition: { type: 'group', match: 'any', rules: [{ type: 'event', event: 'app.opened', count: { operator: 'at_least', value: 1 }, properties: [] }] }, within: { amount: 3, unit: 'days' }, exit },
    },
    nodes: [...doc.nodes, split, node('held', 'end', {})],
    edges: [...doc.edges.filter((e) => e.source !== 'trigger'), edge('trigger', 'hold'), ...first.map((e) => ({ ...e, id: `${e.id}-a`, source: 'hold', sourceHandle: 'a' })), edge('hold', 'held', 'control')],
  };
}

/** Runs a script the way the runner does: one input at a time, every journey stored as JSON between inputs. */
function liveRun(doc: FlowDocument, script: readonly UserAction[], until: number, contactProfile = profile()) {
  const docs = () => doc;
  const flows = [{ flowId: doc.campaign.id, revision: 'r1', doc }];
  let stored: StoredJourney[] = [];
  let contact: ContactRecord = { profile: contactProfile, events: [], entries: {} };
  const roundTrip = (js: ActiveJourney[]) => {
    stored = JSON.parse(JSON.stringify(js.map(settle))) as StoredJourney[];
    contact = JSON.parse(JSON.stringify(contact)) as ContactRecord;
  };
  const sorted = script.map((a, i) => [a, i] as const).sort((x, y) => x[0].at - y[0].at || x[1] - y[1]).map(([a]) => a);
  // A scheduled flow's time is one more input, before any action at the same instant (as in runUser).
  let scheduled = scheduledAt(doc.campaign);
  const enterAtTime = () => {
    const js = stored.map((s) => activate(s, docs));
    applyScheduled(contact, js, flows[0]!, scheduled!);
    roundTrip(js);
    scheduled = null;
  };
  for (const a of sorted) {
    if (scheduled !== null && scheduled <= a.at) enterAtTime();
    let js = stored.map((s) => activate(s, docs));
    catchUp(js, a.at);
    roundTrip(js);
    js = stored.map((s) => activate(s, docs));
    applyAction(contact, js, flows, a, null);
    roundTrip(js);
  }
  if (scheduled !== null && scheduled <= until) enterAtTime();
  const js = stored.map((s) => activate(s, docs));
  catchUp(js, until);
  return js.map((j) => j.stepper!.data);
}

/** A seeded random script run by the preview and live: their traces and conversions agree. */
function liveEqualsPreview(doc: FlowDocument, seed: number) {
  const script = randomScript(seed, MONDAY_9, 5);
  const from = Math.min(...script.map((a) => a.at));
  const preview = previewJourney(doc, { profile: profile(), script });
  const live = liveRun(doc, script, from + 30 * DAY);
  expect(live.map((d) => d.trace)).toEqual(preview.journeys.map((d) => d.trace));
  expect(live.map((d) => d.converted)).toEqual(preview.journeys.map((d) => d.converted));
  return { preview, live };
}

describe('a live run is the preview', () => {
  it('gives the same traces as the preview on random flows and scripts, state stored between inputs', () => {
    let steps = 0;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 25 }), fc.integer({ min: 1, max: 2 ** 30 }), (size, seed) => {
        const { preview, live } = liveEqualsPreview(randomFlow(size, seed), seed);
        expect(live.map((d) => d.messages)).toEqual(preview.journeys.map((d) => d.messages));
        steps += preview.steps.length;
      }),
      { numRuns: 40 },
    );
    expect(steps).toBeGreaterThan(100);
  }, 120_000);

  it('converts journeys that already ended as the preview does: random flows with a goal and a holdout branch that ends at once', () => {
    let convertedAfterEnd = 0;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.boolean(), (size, seed, exit) => {
        const { preview, live } = liveEqualsPreview(withHoldout(randomFlow(size, seed), exit), seed);
        expect(live.map((d) => d.status)).toEqual(preview.journeys.map((d) => d.status));
        convertedAfterEnd += preview.journeys.filter((d) => d.converted !== null && !d.trace.some((s) => s.outcome === 'converted')).length;
      }),
      { numRuns: 60 },
    );
    // The property must have met the case it is about, not only journeys converted while running.
    expect(convertedAfterEnd).toBeGreaterThan(5);
  }, 120_000);

  it('enters a scheduled flow at its time as the preview does: random flows, audiences and scripts around the instant', () => {
    let entered = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 3 * DAY }), fc.constantFrom('trial', 'growth'), fc.boolean(), (size, seed, offset, plan, audience) => {
        const base = randomFlow(size, seed);
        const at = MONDAY_9 + Math.floor(offset / 1000) * 1000;
        const c = { ...base.campaign, trigger: { type: 'scheduled' as const, at: new Date(at).toISOString().slice(0, 19), timezone: 'UTC' } };
        if (audience) c.audience = { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'not_equals', value: 'growth' }] };
        const doc: FlowDocument = { ...base, campaign: c };
        const script = randomScript(seed, MONDAY_9, 5);
        const who = profile({ attributes: { plan } });
        const preview = previewJourney(doc, { profile: who, script, from: MONDAY_9, until: MONDAY_9 + 30 * DAY });
        const live = liveRun(doc, script, MONDAY_9 + 30 * DAY, who);
        expect(live.map((d) => d.trace)).toEqual(preview.journeys.map((d) => d.trace));
        expect(live.map((d) => d.messages)).toEqual(preview.journeys.map((d) => d.messages));
        expect(live.map((d) => d.converted)).toEqual(preview.journeys.map((d) => d.converted));
        entered += preview.journeys.length;
        refused += preview.refused.length;
      }),
      { numRuns: 40 },
    );
    // Both sides of the audience were met.
    expect(entered).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(3);
  }, 120_000);

  it('reports each send once, in the step that made it, with its conversation', () => {
    const doc = flow(
      [sendNode('hi', 'Hi'), node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } }), { ...sendNode('again', 'Again'), data: { ...sendNode('again', 'Again').data, conversation: 'follow_up' } } as never, node('a', 'assign', { target: { type: 'team', teamId: 'Support' } })],
      [edge('trigger', 'hi'), edge('hi', 'w'), edge('w', 'again'), edge('again', 'a')],
      { trigger: { type: 'event', event: 'go', properties: [] }, entryFrequency: { type: 'every_time' } },
    );
    const contact: ContactRecord = { profile: profile(), events: [], entries: {} };
    const js: ActiveJourney[] = [];
    applyAction(contact, js, [{ flowId: doc.campaign.id, revision: 'r1', doc }], { type: 'event', at: MONDAY_9, name: 'go' }, '77');
    expect(outboundOf(js[0]!)).toEqual([expect.objectContaining({ kind: 'message', nodeId: 'hi', opensConversation: true, body: 'Hi' })]);
    const next = js.map(settle).map((s) => activate(s, () => doc));
    catchUp(next, MONDAY_9 + DAY);
    const out = outboundOf(next[0]!);
    expect(out.map((o) => [o.kind, o.nodeId, o.conversation])).toEqual([
      ['message', 'again', 'u1:j1:c1'],
      ['assign', 'a', 'u1:j1:c1'],
    ]);
    expect(next[0]!.stored.upstream).toBe('77');
  });

  it('marks a journey whose flow version lost a node as failed with the reason, and leaves the others alone', () => {
    const doc = flow([sendNode('hi'), node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } })], [edge('trigger', 'hi'), edge('hi', 'w')], {
      trigger: { type: 'event', event: 'go', properties: [] },
    });
    const js: ActiveJourney[] = [];
    applyAction({ profile: profile(), events: [], entries: {} }, js, [{ flowId: doc.campaign.id, revision: 'r1', doc }], { type: 'event', at: MONDAY_9, name: 'go' }, null);
    const changed = { ...doc, nodes: doc.nodes.filter((n) => n.id !== 'w'), edges: doc.edges.filter((e) => e.target !== 'w') };
    const back = activate(settle(js[0]!), () => changed);
    expect(back.stepper).toBeNull();
    expect(back.stored.status).toBe('failed');
    expect(back.stored.error).toContain('nodes the flow no longer has (w)');
  });
});
