import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleFiles } from '../testing/flow-builders';
import { randomFlow } from '../testing/engine-builders';
import { importFlowJson } from '../flow';
import { countsAt, PopulationIndex } from './population-index';
import { preparePopulation, runPopulation, type PopulationResult } from './population';
import { machineSteppers } from './steppers';
import { mergePopulations } from './population-merge';
import { TraceStore } from './trace-store';
import { journeysOfUser, replayUser } from './replay';
import { syntheticUser } from './synth';

const summary = (r: PopulationResult) => ({ ...r, traces: Array.from({ length: r.traces.journeys }, (_, k) => r.traces.journey(k)) });

describe('population run', () => {
  it("names user number i u<i>, on both sides of the id tables' bounds", () => {
    const doc = randomFlow(5, 1);
    const spec = { users: 1, days: 1, seed: 1 };
    for (const i of [0, 7, 9_999, 10_000, 10_001, 123_456, 99_999_999, 100_000_000, 123_456_789]) expect(syntheticUser(doc.campaign, spec, i).profile.id).toBe(`u${i}`);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2e9 }), (i) => syntheticUser(doc.campaign, spec, i).profile.id === `u${i}`));
  });

  it('is deterministic: same flow, spec and seed give the same result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), (nodes, seed) => {
        const doc = randomFlow(nodes, seed);
        const spec = { users: 30, days: 7, seed, eventRates: { 'app.opened': 1 } };
        expect(summary(runPopulation(doc, spec))).toEqual(summary(runPopulation(doc, spec)));
      }),
      { numRuns: 25 },
    );
  });

  it('counts the same without keeping traces (the CLI), and then keeps none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), (nodes, seed) => {
        const doc = randomFlow(nodes, seed);
        const spec = { users: 40, days: 7, seed, replyProbability: 0.5, exitChance: 0.2, eventRates: { 'app.opened': 1 } };
        const { traces: kept, ...all } = runPopulation(doc, spec);
        const { traces: none, ...counted } = runPopulation(doc, spec, { keepTraces: false });
        expect(JSON.stringify(counted)).toBe(JSON.stringify(all));
        expect([kept.journeys, none.journeys]).toEqual([all.journeys, 0]);
        // With no trace to decode, the names are only the outcomes counted (no input names).
        expect(kept.names).toEqual(expect.arrayContaining(none.names));
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same statistics on the XState machine as on the fast path', () => {
    const doc = randomFlow(25, 11);
    const spec = { users: 60, days: 10, seed: 5, replyProbability: 0.6, exitChance: 0.2 };
    const { traces: a, ...fast } = runPopulation(doc, spec);
    const { traces: b, ...machine } = runPopulation(doc, spec, { stepper: machineSteppers(doc) });
    expect(fast).toEqual(machine);
    expect(a.journey(7)).toEqual(b.journey(7));
  });

  it('splits across workers: slices add up to the whole run', () => {
    const doc = randomFlow(20, 3);
    const spec = { users: 40, days: 5, seed: 9 };
    const whole = runPopulation(doc, spec);
    const parts = [runPopulation(doc, spec, { to: 15 }), runPopulation(doc, spec, { from: 15, to: 31 }), runPopulation(doc, spec, { from: 31 })];
    const transferred = parts.map((p) => ({ ...p, traces: TraceStore.fromTransfer(structuredClone(p.traces.toTransfer())) }));
    expect(summary(mergePopulations(transferred))).toEqual(summary(whole));
  });

  it('runs the same pieces from one set-up as from a set-up each, traces kept or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (nodes, seed, keepTraces) => {
        const doc = randomFlow(nodes, seed);
        const spec = { users: 45, days: 7, seed, replyProbability: 0.5, exitChance: 0.2, eventRates: { 'app.opened': 1 } };
        const cuts = [0, 7, 8, 30, 45];
        const prepared = preparePopulation(doc, spec, { keepTraces });
        const pieces = cuts.slice(1).map((to, k) => prepared.run({ from: cuts[k], to }));
        const alone = cuts.slice(1).map((to, k) => runPopulation(doc, spec, { from: cuts[k], to, keepTraces }));
        expect(pieces.map(summary)).toEqual(alone.map(summary));
        expect(summary(mergePopulations(pieces))).toEqual(summary(runPopulation(doc, spec, { keepTraces })));
      }),
      { numRuns: 25 },
    );
  });

  it('reports progress and stops when cancelled', () => {
    const doc = randomFlow(10, 1);
    const signal = { aborted: false };
    const seen: number[] = [];
    const r = runPopulation(doc, { users: 100, days: 3, seed: 1 }, { progressEvery: 10, signal, onProgress: (done) => (seen.push(done), (signal.aborted = done >= 30)) });
    expect([r.cancelled, r.users, seen]).toEqual([true, 30, [10, 20, 30, 30]]);
  });

  it('counts per node at an instant agree with the final statistics', () => {
    const doc = randomFlow(30, 8);
    const r = runPopulation(doc, { users: 200, days: 4, seed: 2 });
    const end = r.traces.start + 4 * 86_400_000;
    const counts = new PopulationIndex(r).countsAt(end);
    for (const [id, s] of Object.entries(r.nodes)) {
      expect([id, counts[id]!.entered, counts[id]!.waiting]).toEqual([id, s.entered, s.waitingNow]);
    }
    for (const t of [end, r.traces.start + 36 * 3_600_000, r.traces.start + 1000]) expect(countsAt(r, t)).toEqual(new PopulationIndex(r).countsAt(t));
    const before = new PopulationIndex(r).countsAt(r.traces.start - 1);
    expect(Object.values(before).every((c) => c.entered === 0)).toBe(true);
  });

  it('runs every shipped example', () => {
    for (const { name, text } of exampleFiles()) {
      const imported = importFlowJson(text);
      if (!imported.ok) throw new Error(name);
      const r = runPopulation(imported.document, { users: 50, days: 30, seed: 1 });
      expect(r.users, name).toBe(50);
    }
  });
});

describe('replaying one user of a run', () => {
  it('gives that user\'s packed traces, now explained and seekable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.nat(19), (nodes, seed, user) => {
        const doc = randomFlow(nodes, seed);
        const spec = { users: 20, days: 6, seed, replyProbability: 0.5, exitChance: 0.3 };
        const r = runPopulation(doc, spec);
        const replay = replayUser(doc, spec, user);
        const packed = journeysOfUser(r, user).map((k) => r.traces.journey(k));
        expect(replay.journeys.map((j) => j.trace.map((s) => ({ ...s, why: '' })))).toEqual(packed);
      }),
      { numRuns: 30 },
    );
  });
});
