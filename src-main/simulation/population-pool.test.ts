import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPopulation, type PopulationResult } from '../../src-shared/engine';
import { importFlowJson } from '../../src-shared/flow';
import { defaultThreads, MIN_PARALLEL_USERS, PopulationThreads, runPopulationParallel, threadCount } from './population-pool';

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

  it('serves several runs with the same workers, one run at a time, each equal to the single-thread run', async () => {
    const pool = new PopulationThreads(workerScript, 2);
    try {
      // The workers run every chunk, so the run is still going when the second one is asked for.
      const first = pool.run(doc, spec, { keepTraces: false, workInThisThread: false });
      await expect(pool.run(doc, spec)).rejects.toThrow('already running');
      expect(counts(await first)).toBe(counts(runPopulation(doc, spec)));
      // A later run, other seed, all its chunks run by the (warm) worker: it answers a new job.
      const other = { ...spec, seed: 4 };
      expect(counts(await pool.run(doc, other, { keepTraces: false, workInThisThread: false }))).toBe(counts(runPopulation(doc, other)));
    } finally {
      pool.close();
    }
    await expect(pool.run(doc, spec)).rejects.toThrow('closed');
  });

  it('fails a run whose worker fails, naming why, and cannot be used after', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'cs-pool-')), 'broken-worker.mjs');
    writeFileSync(script, "throw new Error('the worker script is broken');\n");
    const pool = new PopulationThreads(script, 2);
    try {
      await expect(pool.run(doc, spec, { workInThisThread: false })).rejects.toThrow('the worker script is broken');
      await expect(pool.run(doc, spec)).rejects.toThrow('the worker script is broken');
    } finally {
      pool.close();
    }
  });

  it('cancels a run: the workers stop and the run says so', async () => {
    const pool = new PopulationThreads(workerScript, 2);
    const ctl = new AbortController();
    const run = pool.run(doc, { ...spec, users: 400_000 }, { signal: ctl.signal, workInThisThread: false });
    setTimeout(() => ctl.abort(), 100);
    await expect(run).rejects.toThrow('The simulation was cancelled.');
    await expect(pool.run(doc, spec)).rejects.toThrow();
  });

  it('runs small populations in one thread by default', () => {
    expect(defaultThreads(MIN_PARALLEL_USERS - 1, 2)).toBe(1);
    expect(defaultThreads(1_000_000, 2)).toBe(2);
    expect(threadCount(1_000_000, 1)).toBe(1);
    expect(threadCount(10, 200)).toBe(64);
  });
});
