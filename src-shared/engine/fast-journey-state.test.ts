import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { DAY, MONDAY_9, profile, randomFlow, randomScript, signUp } from '../testing/engine-builders';
import { edge, flow, node, sendNode } from '../testing/flow-builders';
import { FastJourney } from './fast-journey';
import { compileFlow } from './graph';
import { persistJourney, restoreFastJourney, restoreJourney, type PersistedJourney } from './journey-state';
import { createJourneyMachine } from './machine';
import { MachineStepper } from './steppers';
import type { JourneyInput, Millis, UserAction } from './types';

/** One input of a journey as the runner gives them: the start, a due timer, or an action. */
type Input = { kind: 'start' } | { kind: 'tick'; at: Millis } | { kind: 'act'; action: UserAction };
type Journey = MachineStepper | FastJourney;

function apply(j: Journey, input: Input): void {
  if (input.kind === 'start') j.start();
  else if (input.kind === 'tick') j.tick(input.at);
  else j.act(input.action);
}

/** The next input after `done` inputs: the earliest timer due before the next action, else that action (or a last timer). */
function nextInput(j: Journey, script: readonly UserAction[], k: number): Input | null {
  const due = j.nextDue();
  const a = script[k];
  if (due !== null && (a === undefined || due <= a.at)) return { kind: 'tick', at: due };
  return a ? { kind: 'act', action: a } : null;
}

/** JSON with every object's keys sorted: jsonb keeps no key order, so stored states compare this way. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}

/** A stored value as the database gives it back. */
const stored = (j: Journey, doc: FlowDocument): PersistedJourney => JSON.parse(JSON.stringify(persistJourney(j, doc.campaign.id, 'r1'))) as PersistedJourney;

function restored<S>(r: { ok: true; stepper: S } | { ok: false; error: string }): S {
  if (!r.ok) throw new Error(r.error);
  return r.stepper;
}

/**
 * Steps a straight machine, and a machine and a fast journey that trade places after every
 * input (each restored from what the other stored); checks all three store the same state.
 */
function sideBySide(doc: FlowDocument, script: readonly UserAction[], explain: boolean): number {
  const machine = createJourneyMachine(doc);
  const compiled = compileFlow(doc);
  const input: JourneyInput = { journeyId: 'j1', flowId: doc.campaign.id, time: script[0]!.at, profile: profile({ timezone: 'America/New_York' }), explain };
  const straight = new MachineStepper(machine, input);
  let m: MachineStepper = new MachineStepper(machine, input);
  let f = new FastJourney(compiled, input);
  expect(persistJourney(f, doc.campaign.id, 'r1')).toStrictEqual(persistJourney(m, doc.campaign.id, 'r1'));
  let k = 0;
  let steps = 0;
  for (let next: Input | null = { kind: 'start' }; next; next = nextInput(straight, script, k)) {
    if (next.kind === 'act') k++;
    for (const j of [straight, m, f]) apply(j, next);
    steps++;
    // The exact object the machine gives, before and after the database's round trip.
    expect(persistJourney(f, doc.campaign.id, 'r1')).toStrictEqual(persistJourney(m, doc.campaign.id, 'r1'));
    const [fromFast, fromMachine, want] = [stored(f, doc), stored(m, doc), stored(straight, doc)];
    expect(canonical(fromFast)).toBe(canonical(want));
    expect(canonical(fromMachine)).toBe(canonical(want));
    m = restored(restoreJourney(doc, 'r1', fromFast, machine));
    f = restored(restoreFastJourney(doc, 'r1', fromMachine, compiled));
  }
  expect(f.data).toEqual(straight.data);
  expect(m.data).toEqual(straight.data);
  return steps;
}

describe('fast journeys stored in the machine format', () => {
  it('store what the machine stores after every input, and each continues from what the other stored (random flows and scripts)', () => {
    let steps = 0;
    let waited = 0;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (nodes, seed, explain) => {
        const doc = randomFlow(nodes, seed);
        const script = randomScript(seed, MONDAY_9, 10).sort((a, b) => a.at - b.at);
        steps += sideBySide(doc, script, explain);
        waited += doc.nodes.filter((n) => n.type === 'wait' || n.type === 'inbound-message').length;
      }),
      { numRuns: 120 },
    );
    // The property met journeys with many inputs and flows with waiting steps.
    expect(steps).toBeGreaterThan(1000);
    expect(waited).toBeGreaterThan(100);
  }, 120_000);

  it('store and restore a journey that has passed through more steps than its short list holds', () => {
    const sends = Array.from({ length: 30 }, (_, i) => sendNode(`s${i}`));
    const doc = flow(
      [...sends, node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'days' } } }), sendNode('after')],
      [edge('trigger', 's0'), ...sends.slice(1).map((s, i) => edge(`s${i}`, s.id)), edge('s29', 'w'), edge('w', 'after')],
    );
    const long = new FastJourney(compileFlow(doc), { journeyId: 'j1', time: MONDAY_9, profile: profile() });
    long.start();
    expect(long.state.touched.length).toBeGreaterThan(24);
    expect(sideBySide(doc, [signUp(MONDAY_9), { type: 'message', at: MONDAY_9 + 2 * DAY, text: 'hi' }], true)).toBeGreaterThanOrEqual(3);
  });
});

describe('restoring a fast journey from a saved state the machine cannot have written', () => {
  const wait = node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'days' } } });
  const doc = flow([sendNode('hi'), wait, sendNode('bye')], [edge('trigger', 'hi'), edge('hi', 'w'), edge('w', 'bye')]);
  function saved(): PersistedJourney & { snapshot: { value: { running: Record<string, string> }; context: Record<string, unknown> & { due: Record<string, unknown> } } } {
    const m = new MachineStepper(createJourneyMachine(doc), { journeyId: 'j1', flowId: doc.campaign.id, time: MONDAY_9, profile: profile() });
    m.start();
    return JSON.parse(JSON.stringify(persistJourney(m, doc.campaign.id, 'r1'))) as never;
  }
  const refusal = (s: unknown) => restoreFastJourney(doc, 'r1', s);

  it('restores the state as saved', () => {
    const j = restored(refusal(saved()));
    expect(j.running).toBe(true);
    expect(j.nextDue()).toBe(MONDAY_9 + DAY);
  });

  it('refuses what the machine refuses, with the same reason', () => {
    for (const s of [saved(), { ...saved(), revision: 'r0' }, { ...saved(), flowId: 'other' }, { snapshot: {} }, null]) {
      const machine = restoreJourney(doc, 'r2', s);
      expect(machine.ok).toBe(false);
      expect(restoreFastJourney(doc, 'r2', s)).toEqual(machine);
    }
  });

  it('refuses a node waiting without a timer, or a timer of a node not waiting, naming the node', () => {
    const noTimer = saved();
    delete noTimer.snapshot.context.due.w;
    expect(refusal(noTimer)).toEqual({ ok: false, error: 'The saved state of journey "j1" cannot be restored: node "w" is waiting without a timer in "due" (missing)' });
    const badTimer = saved();
    badTimer.snapshot.context.due.w = 'soon';
    expect(refusal(badTimer)).toEqual({ ok: false, error: expect.stringContaining('node "w" is waiting without a timer in "due" ("soon")') });
    const extra = saved();
    extra.snapshot.context.due.bye = 5;
    expect(refusal(extra)).toEqual({ ok: false, error: expect.stringContaining('"due" has a timer for node "bye", which is not waiting') });
  });

  it('refuses a region state the node kind does not have', () => {
    const triggerWaits = saved();
    triggerWaits.snapshot.value.running['n:trigger'] = 'waiting';
    expect(refusal(triggerWaits)).toEqual({ ok: false, error: expect.stringContaining('node "trigger" is in the state "waiting", which a trigger step does not have') });
    const unknown = saved();
    unknown.snapshot.value.running['n:w'] = 'asleep';
    expect(refusal(unknown)).toEqual({ ok: false, error: expect.stringContaining('node "w" is in the state "asleep"') });
  });

  it('refuses data of the wrong shape, and a status that contradicts the state', () => {
    const noTrace = saved();
    noTrace.snapshot.context.trace = { steps: [] };
    expect(refusal(noTrace)).toEqual({ ok: false, error: expect.stringContaining('its data field "trace" is {"steps":[]}, not a list') });
    const ended = saved();
    (ended.snapshot as { value: unknown }).value = 'ended';
    expect(refusal(ended)).toEqual({ ok: false, error: expect.stringContaining('final state "ended" with status "active" and data status "running"') });
    const done = saved();
    (done.snapshot as { status: string }).status = 'done';
    expect(refusal(done)).toEqual({ ok: false, error: expect.stringContaining('its nodes are running but its status is "done"') });
  });
});
