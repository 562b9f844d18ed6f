import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergePopulations, runPopulation, splitUsers, TraceStore, type PopulationResult, type PopulationSpec } from '../../src-shared/engine';
import type { FlowDocument } from '../../src-shared/flow';

/** What the main thread sends a population worker. */
export interface PopulationJob {
  kind: 'campaign-studio/population-job';
  doc: FlowDocument;
  spec: PopulationSpec;
  from: number;
  to: number;
}

/** What a population worker sends back: progress, then its slice's result (traces packed). */
export type PopulationReply =
  | { kind: 'progress'; done: number }
  | { kind: 'done'; result: Omit<PopulationResult, 'traces'> & { traces: ReturnType<TraceStore['toTransfer']> } }
  | { kind: 'failed'; message: string };

export interface PoolOptions {
  /** Worker threads to use (default: every core). 1 runs in this thread. */
  workers?: number;
  /** The script a worker runs: a module that calls `servePopulationWorker()` when not the main thread. */
  workerScript: string | URL;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * A population run split by user ranges across worker threads. Users are seeded by their index
 * alone, so the merged result equals the single-thread run (tested).
 */
export async function runPopulationParallel(doc: FlowDocument, spec: PopulationSpec, o: PoolOptions): Promise<PopulationResult> {
  const ranges = splitUsers(spec.users, o.workers ?? availableParallelism());
  const n = ranges.length;
  if (n === 1) {
    return runPopulation(doc, spec, { ...(o.onProgress ? { onProgress: o.onProgress } : {}), ...(o.signal ? { signal: o.signal } : {}) });
  }
  const done = new Array<number>(n).fill(0);
  const workers: Worker[] = [];
  const abort = () => workers.forEach((w) => void w.terminate());
  o.signal?.addEventListener('abort', abort, { once: true });
  try {
    const parts = await Promise.all(
      ranges.map(({ from, to }, k) => {
        const job: PopulationJob = { kind: 'campaign-studio/population-job', doc, spec, from, to };
        const w = startWorker(o.workerScript, job);
        workers.push(w);
        return new Promise<PopulationResult>((resolve, reject) => {
          w.on('message', (m: PopulationReply) => {
            if (m.kind === 'progress') {
              done[k] = m.done;
              o.onProgress?.(done.reduce((a, b) => a + b, 0), spec.users);
            } else if (m.kind === 'done') resolve({ ...m.result, traces: TraceStore.fromTransfer(m.result.traces) });
            else reject(new Error(m.message));
          });
          w.once('error', reject);
          w.once('exit', (code) => (o.signal?.aborted ? reject(new Error('The simulation was cancelled.')) : code !== 0 && reject(new Error(`A simulation worker stopped with code ${code}.`))));
        });
      }),
    );
    return mergePopulations(parts);
  } finally {
    o.signal?.removeEventListener('abort', abort);
    abort();
  }
}

/**
 * A worker running `script`. The bundled CLI is plain JavaScript; from source (tests, `tsx`)
 * the worker must register tsx's loader itself, since workers do not inherit loader hooks.
 */
function startWorker(script: string | URL, job: PopulationJob): Worker {
  const path = String(script);
  if (!/\.tsx?$/.test(path)) return new Worker(script, { workerData: job });
  const url = path.startsWith('file:') ? path : pathToFileURL(path).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true, workerData: job });
}
