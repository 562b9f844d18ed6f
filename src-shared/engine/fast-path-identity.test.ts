import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, MONDAY_9, profile, randomFlow, randomScript } from '../testing/engine-builders';
import type { FlowDocument } from '../flow';
import { runPopulation } from './population';
import { runUser, type Stepper, type StepperFactory } from './runner';
import { fastSteppers, machineSteppers } from './steppers';

/**
 * The fast path keeps some of a journey's data lazily (`due` is written when `data` is read) and
 * population runs tally from packed traces: these check the results stay exactly the machine's,
 * after every input and down to key order, not only at the end.
 */
function logged(factory: StepperFactory, log: string[]): StepperFactory {
  return (input) => {
    const inner = factory(input);
    const after = (): void => void log.push(JSON.stringify(inner.data));
    const s: Stepper = {
      get data() {
        return inner.data;
      },
      get running() {
        return inner.running;
      },
      nextDue: () => inner.nextDue(),
      start: () => (inner.start(), after()),
      tick: (at) => (inner.tick(at), after()),
      act: (a) => (inner.act(a), after()),
    };
    return s;
  };
}

function logs(doc: FlowDocument, seed: number, explain: boolean): [string[], string[]] {
  const common = { profile: profile({ timezone: 'Europe/Paris' }), actions: randomScript(seed, MONDAY_9, 8), from: MONDAY_9, until: MONDAY_9 + 8 * DAY, explain };
  const a: string[] = [];
  const b: string[] = [];
  runUser(doc, { ...common, stepper: logged(machineSteppers(doc), a) });
  runUser(doc, { ...common, stepper: logged(fastSteppers(doc), b) });
  return [a, b];
}

describe('fast path, input by input', () => {
  it('has the same data as the XState machine after every input (same JSON, key order included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (nodes, seed, explain) => {
        const [machine, fast] = logs(randomFlow(nodes, seed), seed, explain);
        expect(fast).toEqual(machine);
      }),
      { numRuns: 60 },
    );
  });
});

describe('population statistics', () => {
  it('are the same JSON on the fast path as on the machine, key order included', () => {
    const doc = randomFlow(25, 4);
    const spec = { users: 40, days: 8, seed: 12, replyProbability: 0.6, exitChance: 0.3 };
    const { traces: a, ...fast } = runPopulation(doc, spec);
    const { traces: b, ...machine } = runPopulation(doc, spec, { stepper: machineSteppers(doc) });
    expect(JSON.stringify(fast)).toBe(JSON.stringify(machine));
    expect([a.names, Array.from(a.toTransfer().buf)]).toEqual([b.names, Array.from(b.toTransfer().buf)]);
  });
});
