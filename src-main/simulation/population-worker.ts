import { parentPort, workerData } from 'node:worker_threads';
import { preparePopulation, type PopulationSpec } from '../../src-shared/engine';
import type { FlowDocument } from '../../src-shared/flow';
import { POPULATION_WORKER, type PopulationJob, type PopulationReply } from './population-pool';

/** True when this thread was started by `PopulationThreads`. */
export function isPopulationWorker(): boolean {
  return (workerData as { kind?: unknown } | null)?.kind === POPULATION_WORKER;
}

/**
 * Waits for jobs. For each, takes chunks of users from the shared counter until none is left,
 * posting each chunk's result as it is done (its packed trace buffer moved, not copied).
 */
export function servePopulationWorker(): void {
  parentPort!.on('message', (job: PopulationJob) => serve(job));
}

function serve({ run, input, chunk, chunks, claims, keepTraces }: PopulationJob): void {
  const post = (m: PopulationReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
  try {
    const { doc, spec } = JSON.parse(input) as { doc: FlowDocument; spec: PopulationSpec };
    const prepared = preparePopulation(doc, spec, { keepTraces });
    for (let i = Atomics.add(claims, 0, 1); i < chunks; i = Atomics.add(claims, 0, 1)) {
      const from = i * chunk;
      const to = Math.min(spec.users, from + chunk);
      const r = prepared.run({ from, to });
      Atomics.add(claims, 1, to - from);
      const traces = r.traces.toTransfer();
      post({ run, kind: 'part', index: i, result: { ...r, traces } }, [traces.buf.buffer as ArrayBuffer]);
    }
  } catch (e) {
    post({ run, kind: 'failed', message: (e as Error).message });
  }
}
