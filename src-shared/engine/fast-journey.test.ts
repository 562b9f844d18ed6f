import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runUser } from './runner';
import { fastSteppers, machineSteppers, transitionSteppers } from './steppers';
import { DAY, MONDAY_9, profile, randomFlow, randomScript } from '../testing/engine-builders';
import type { FlowDocument } from '../flow';
import type { UserAction } from './types';

function both(doc: FlowDocument, actions: UserAction[], explain: boolean) {
  const common = { profile: profile({ timezone: 'America/New_York' }), actions, from: MONDAY_9, until: MONDAY_9 + 10 * DAY, explain };
  const a = runUser(doc, { ...common, stepper: machineSteppers(doc) });
  const b = runUser(doc, { ...common, stepper: fastSteppers(doc) });
  return [a.journeys.map((j) => j.data), b.journeys.map((j) => j.data)] as const;
}

describe('pure transition() stepping', () => {
  it('gives the same journeys as the actor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), (nodes, seed) => {
        const doc = randomFlow(nodes, seed);
        const common = { profile: profile(), actions: randomScript(seed, MONDAY_9, 8), from: MONDAY_9, until: MONDAY_9 + 8 * DAY, explain: true };
        const a = runUser(doc, { ...common, stepper: machineSteppers(doc) });
        const b = runUser(doc, { ...common, stepper: transitionSteppers(doc) });
        expect(b.journeys.map((j) => j.data)).toEqual(a.journeys.map((j) => j.data));
      }),
      { numRuns: 30 },
    );
  });
});

describe('fast path', () => {
  it('gives the same journeys as the XState machine on random flows and scripts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (nodes, seed, explain) => {
        const doc = randomFlow(nodes, seed);
        const [machine, fast] = both(doc, randomScript(seed, MONDAY_9, 10), explain);
        expect(fast).toEqual(machine);
      }),
      { numRuns: 150 },
    );
  });
});

describe('fast path on live records', () => {
  // Without recorded inputs (population runs) the fast path reads the contact's live profile and
  // events instead of a copy of its own; the machine still copies. Everything but those records
  // (which go on changing after a journey ends, and which nothing reads then) must agree, and
  // so must those of journeys still running at the end, whose copies saw every action.
  it('gives the same journeys as the XState machine on its copies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1e6 }), (nodes, seed) => {
        const doc = randomFlow(nodes, seed);
        const run = (stepper: typeof fastSteppers) =>
          runUser(doc, { profile: profile({ timezone: 'America/New_York' }), actions: randomScript(seed, MONDAY_9, 10), from: MONDAY_9, until: MONDAY_9 + 10 * DAY, explain: false, stepper: stepper(doc), recordInputs: false }).journeys.map((j) => {
            const { profile, events, ...rest } = j.data;
            return j.data.status === 'running' ? { ...rest, profile, events } : rest;
          });
        const fast = run(fastSteppers);
        expect(fast).toEqual(run(machineSteppers));
      }),
      { numRuns: 150 },
    );
  });
});

describe('fast path, global exits on timers', () => {
  // The fast path skips exits on a timer when they read neither the clock nor the message
  // (`exitsTimeless`): exits that do read the clock must still be checked at every timer.
  const withinExit = (doc: FlowDocument, within: boolean): FlowDocument => ({
    ...doc,
    campaign: {
      ...doc.campaign,
      globalExits: [
        ...doc.campaign.globalExits,
        {
          id: 'quiet',
          name: 'Quiet',
          // With a window: "opened the app, but not in the last day", which a timer alone makes true.
          condition: {
            type: 'group',
            match: 'all',
            rules: [
              { type: 'event', event: 'app.opened', count: { operator: 'at_least', value: 1 }, properties: [] },
              ...(within ? [{ type: 'event' as const, event: 'app.opened', count: { operator: 'at_most' as const, value: 0 }, properties: [], within: { amount: 1, unit: 'days' as const } }] : []),
            ],
          },
        },
      ],
    },
  });

  it('gives the same journeys as the XState machine with exits that do and do not read the clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (nodes, seed, within) => {
        const doc = withinExit(randomFlow(nodes, seed), within);
        const script = [...randomScript(seed, MONDAY_9, 10), { type: 'event' as const, at: MONDAY_9 + 3_600_000, name: 'app.opened', properties: {} }];
        const [machine, fast] = both(doc, script, false);
        expect(fast).toEqual(machine);
      }),
      { numRuns: 60 },
    );
  });
});
