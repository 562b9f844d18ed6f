import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPopulation, type PopulationResult } from '../../src-shared/engine';
import { importFlowJson } from '../../src-shared/flow';
import { defaultThreads, MIN_PARALLEL_USERS, runPopulationParallel } from './population-pool';

const workerScript = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const read = importFlowJson(readFileSync(new URL('../../resources/examples/onboarding-drip.json', import.meta.url), 'utf8'));
if (!read.ok) throw new Error('cannot read the onboarding example');
const doc = read.document;
const spec = { users: 3_500, days: 30, seed: 3, replyProbability: 0.5, exitChance: 0.2 };
const counts = ({ traces: _t, ...rest }: PopulationResult) => JSON.stringify(rest);

describe('population pool', () => {
  it('gives the single-thread result, traces included, when workers run every chunk', async () => {
    const one = runPopulation(doc, spec);
    const progress: number[] = [];
    const split = await runPopulationParallel(doc, spec, { workers: 3, workerScript, workInThisThread: false, onProgress: (done) => progress.push(done) });
    expect(counts(split)).toBe(counts(one));
    expect(split.traces.names).toEqual(one.traces.names);
    expect(Array.from(split.traces.toTransfer().buf)).toEqual(Array.from(one.traces.toTransfer().buf));
    expect(Array.from({ length: one.traces.journeys }, (_, k) => split.traces.userOf(k))).toEqual(Array.from({ length: one.traces.journeys }, (_, k) => one.traces.userOf(k)));
    expect(progress.at(-1)).toBe(spec.users);
  });

  it('counts the same without traces, this thread and a worker sharing the chunks', async () => {
    const one = runPopulation(doc, spec);
    const split = await runPopulationParallel(doc, spec, { workers: 2, workerScript, keepTraces: false });
    expect(counts(split)).toBe(counts(one));
    expect(split.traces.journeys).toBe(0);
  });

  it('runs small populations in one thread by default', () => {
    expect(defaultThreads(MIN_PARALLEL_USERS - 1, 2)).toBe(1);
    expect(defaultThreads(1_000_000, 2)).toBe(2);
  });
});
