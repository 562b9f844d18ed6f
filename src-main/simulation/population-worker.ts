import { parentPort, workerData } from 'node:worker_threads';
import { runPopulation } from '../../src-shared/engine';
import type { PopulationJob, PopulationReply } from './population-pool';

/** True when this thread was started by `runPopulationParallel`. */
export function isPopulationWorker(): boolean {
  return (workerData as Partial<PopulationJob> | null)?.kind === 'campaign-studio/population-job';
}

/**
 * Takes chunks of users from the shared counter until none is left, posting each chunk's result
 * as it is done (its packed trace buffer moved, not copied).
 */
export function servePopulationWorker(): void {
  const { doc, spec, chunk, chunks, claims, keepTraces } = workerData as PopulationJob;
  const post = (m: PopulationReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
  try {
    for (let i = Atomics.add(claims, 0, 1); i < chunks; i = Atomics.add(claims, 0, 1)) {
      const from = i * chunk;
      const to = Math.min(spec.users, from + chunk);
      const r = runPopulation(doc, spec, { from, to, keepTraces });
      Atomics.add(claims, 1, to - from);
      const traces = r.traces.toTransfer();
      post({ kind: 'part', index: i, result: { ...r, traces } }, [traces.buf.buffer as ArrayBuffer]);
    }
    post({ kind: 'idle' });
  } catch (e) {
    post({ kind: 'failed', message: (e as Error).message });
  }
}
