import { describe, expect, it } from 'vitest';
import { runPopulation } from '../../../src-shared/engine/index';
import { createEngineClient, inProcessPort, type EngineClient } from '../worker/engine-client';
import { createEngineHandler } from '../worker/engine-handler';
import { timelineTable } from './population-data';
import { mergeParts, runAcrossWorkers, RunCancelled, splitUsers, toPart, workerCount } from './population-parallel';
import { onboarding } from '../test-fixtures';

const doc = onboarding();
const spec = { users: 700, days: 14, seed: 5 };
const open = () => createEngineClient(() => inProcessPort((post) => createEngineHandler(post)));

describe('population split across workers', () => {
  it('cuts users into contiguous near-equal ranges, one per worker, never empty', () => {
    expect(splitUsers(10, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
    expect(splitUsers(0, 4)).toEqual([{ from: 0, to: 0 }]);
    expect(splitUsers(2, 8)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
    // Small runs do not start a worker per core.
    expect(splitUsers(2500, 8, 1000)).toHaveLength(2);
    for (const [users, workers] of [
      [100_000, 6],
      [7, 7],
      [99_999, 8],
    ] as const) {
      const r = splitUsers(users, workers);
      expect(r[0]!.from).toBe(0);
      expect(r.at(-1)!.to).toBe(users);
      r.slice(1).forEach((x, i) => expect(x.from).toBe(r[i]!.to));
      expect(Math.max(...r.map((x) => x.to - x.from)) - Math.min(...r.map((x) => x.to - x.from))).toBeLessThanOrEqual(1);
    }
    // One core stays with the canvas.
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount(0)).toBe(1);
    expect(workerCount(2)).toBe(1);
    expect(workerCount(4)).toBe(3);
    expect(workerCount(64)).toBe(8);
  });

  it('merges the slices’ parts (sent between threads) into exactly the one-worker result', () => {
    const whole = runPopulation(doc, spec);
    const parts = splitUsers(spec.users, 3).map((r) => structuredClone(toPart(runPopulation(doc, spec, r)).part));
    const merged = mergeParts(parts);
    expect(merged.users).toBe(whole.users);
    expect(merged.journeys).toBe(whole.journeys);
    expect(merged.outcomes).toEqual(whole.outcomes);
    expect(merged.exits).toEqual(whole.exits);
    expect(merged.nodes).toEqual(whole.nodes);
    expect(merged.messagesByDay).toEqual(whole.messagesByDay);
    for (let k = 0; k < whole.traces.journeys; k++) {
      expect(merged.traces.userOf(k)).toBe(whole.traces.userOf(k));
      expect(merged.traces.journey(k)).toEqual(whole.traces.journey(k));
    }
    // The slider's index, built on the merged result, is the same table.
    const a = timelineTable(doc, merged, spec.days);
    const b = timelineTable(doc, whole, spec.days);
    // Element by element: toEqual on large typed arrays takes seconds.
    const same = (x?: Int32Array, y?: Int32Array) => !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i]);
    for (const c of ['arrivals', 'waitStarts', 'waitEnds', 'edgeTimes'] as const) {
      expect(same(a[c]?.times, b[c]?.times), c).toBe(true);
      expect(same(a[c]?.offsets, b[c]?.offsets), c).toBe(true);
    }
    expect(same(a.outcomes, b.outcomes)).toBe(true);
  });

  it('runs across worker clients with one combined progress, merged in the main worker', async () => {
    const primary = open();
    const progress: number[] = [];
    const run = runAcrossWorkers({ primary, openWorker: open, workers: 4, minUsersPerWorker: 100, runId: 'p', doc, spec, onProgress: (done) => progress.push(done) });
    const view = await run.result;
    const whole = runPopulation(doc, spec);
    expect(view.users).toBe(spec.users);
    expect(view.nodes).toEqual(whole.nodes);
    expect(progress.at(-1)).toBe(spec.users);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
    const page = await primary.call('population.users', { runId: 'p', query: { nodeId: 'welcome', outcome: 'all', search: '', offset: 0, limit: 5 } });
    expect(page.reached).toBe(whole.nodes['welcome']!.entered);
  });

  it('cancel closes every slice worker and reports how far it got', async () => {
    const opened: EngineClient[] = [];
    const disposed: number[] = [];
    const openSpy = () => {
      const c = open();
      const i = opened.push(c) - 1;
      return { call: c.call, dispose: () => (disposed.push(i), c.dispose()) } satisfies EngineClient;
    };
    const run = runAcrossWorkers({ primary: open(), openWorker: openSpy, workers: 3, minUsersPerWorker: 100, runId: 'c', doc, spec: { ...spec, users: 3000 } });
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(RunCancelled);
    expect(opened).toHaveLength(3);
    expect(disposed.sort()).toEqual([0, 1, 2]);
  });
});
