import { parentPort, workerData } from 'node:worker_threads';
import { runPopulation } from '../../src-shared/engine';
import type { PopulationJob, PopulationReply } from './population-pool';

/** True when this thread was started by `runPopulationParallel`. */
export function isPopulationWorker(): boolean {
  return (workerData as Partial<PopulationJob> | null)?.kind === 'campaign-studio/population-job';
}

/** Runs this worker's slice of users and posts progress and the packed result. */
export function servePopulationWorker(): void {
  const job = workerData as PopulationJob;
  const post = (m: PopulationReply) => parentPort!.postMessage(m);
  try {
    const r = runPopulation(job.doc, job.spec, { from: job.from, to: job.to, progressEvery: 2_000, onProgress: (done) => post({ kind: 'progress', done }) });
    post({ kind: 'done', result: { ...r, traces: r.traces.toTransfer() } });
  } catch (e) {
    post({ kind: 'failed', message: (e as Error).message });
  }
}
