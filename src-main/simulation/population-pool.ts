import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergePopulations, runPopulation, TraceStore, type PopulationResult, type PopulationSpec } from '../../src-shared/engine';
import type { FlowDocument } from '../../src-shared/flow';

/**
 * What the main thread sends a population worker: the run, and the shared counters the threads
 * take chunks of users from (`claims[0]`: next chunk; `claims[1]`: users done, for progress).
 */
export interface PopulationJob {
  kind: 'campaign-studio/population-job';
  doc: FlowDocument;
  spec: PopulationSpec;
  chunk: number;
  chunks: number;
  claims: Int32Array;
  keepTraces: boolean;
}

/** A chunk's result as sent between threads (traces packed; an empty store without traces). */
export type PackedResult = Omit<PopulationResult, 'traces'> & { traces: ReturnType<TraceStore['toTransfer']> };

/** What a population worker sends back: each chunk it ran, then that it has no more to do. */
export type PopulationReply = { kind: 'part'; index: number; result: PackedResult } | { kind: 'idle' } | { kind: 'failed'; message: string };

export interface PoolOptions {
  /** Threads to use, this one included (default: `defaultThreads(users)`). 1 runs in this thread only. */
  workers?: number;
  /** The script a worker runs: a module that calls `servePopulationWorker()` when not the main thread. */
  workerScript: string | URL;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Keep every journey's trace (default true); the CLI, which prints statistics, passes false. */
  keepTraces?: boolean;
  /** Whether this thread takes chunks too (default true); false leaves them all to the workers (tests). */
  workInThisThread?: boolean;
}

/**
 * Below this many users a population runs in one thread. A worker costs more than its start-up
 * (45-125 ms to load the bundle in a fresh isolate): while both threads run cold code, each one
 * warms up about twice as slowly as a thread alone (the first 12,500 users took the main thread
 * 440 ms next to a starting worker, 196 ms alone), and a thread running next to another does
 * its work 1.2-1.8x slower than alone on this 2-core machine (two independent processes, too:
 * the cores share caches and memory). Measured with tests/bench/engine-cli-bench.ts (5 rounds,
 * medians, 2 Dec 2026), two threads against one: 0.81x at 100,000 users, 0.87x at 150,000, 1.01x
 * at 200,000 and 250,000, 1.19x at 300,000, 1.22x at 500,000.
 */
export const MIN_PARALLEL_USERS = 300_000;

/** The thread count a run of `users` users gets by default: every core, or one for small runs. */
export function defaultThreads(users: number, cores = availableParallelism()): number {
  return users < MIN_PARALLEL_USERS ? 1 : Math.max(1, cores);
}

/**
 * A population run split across threads: this one and `workers - 1` worker threads take chunks
 * of users from a shared counter until none is left, so a worker that starts late, or a core
 * another process is using, simply takes fewer chunks and nobody waits for a fixed slice. Users
 * are seeded by their index alone and chunks merge in order, so the result equals the
 * single-thread run (tested). Chunks come back as counts (and packed trace buffers, moved, not
 * copied, when traces are kept), so merging them is cheap.
 */
export async function runPopulationParallel(doc: FlowDocument, spec: PopulationSpec, o: PoolOptions): Promise<PopulationResult> {
  const keepTraces = o.keepTraces ?? true;
  const threads = Math.max(1, Math.min(Math.floor(o.workers ?? defaultThreads(spec.users)), 64));
  if (threads === 1) {
    return runPopulation(doc, spec, { keepTraces, ...(o.onProgress ? { onProgress: o.onProgress } : {}), ...(o.signal ? { signal: o.signal } : {}) });
  }
  // Chunks small enough that the last one does not keep a thread waiting long, big enough
  // that each is worth a message: about 16 per thread.
  const chunk = Math.min(25_000, Math.max(1_000, Math.ceil(spec.users / (threads * 16))));
  const chunks = Math.max(1, Math.ceil(spec.users / chunk));
  const claims = new Int32Array(new SharedArrayBuffer(8));
  const job: PopulationJob = { kind: 'campaign-studio/population-job', doc, spec, chunk, chunks, claims, keepTraces };
  const parts = new Array<PopulationResult | undefined>(chunks);
  let received = 0;
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    settle?.reject(failure);
  };
  const workers: Worker[] = [];
  const stop = () => workers.forEach((w) => void w.terminate());
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let k = 1; k < threads; k++) {
      const w = startWorker(o.workerScript, job);
      workers.push(w);
      w.on('message', (m: PopulationReply) => {
        if (m.kind === 'part') {
          parts[m.index] = { ...m.result, traces: TraceStore.fromTransfer(m.result.traces) };
          if (++received === chunks) settle?.resolve();
        } else if (m.kind === 'failed') fail(new Error(m.message));
      });
      w.once('error', fail);
      w.once('exit', (code) => {
        if (o.signal?.aborted) fail(new Error('The simulation was cancelled.'));
        else if (code !== 0 && received < chunks) fail(new Error(`A simulation worker stopped with code ${code}.`));
      });
    }
    // This thread takes chunks too, while the workers start.
    for (let i = o.workInThisThread === false ? chunks : Atomics.add(claims, 0, 1); i < chunks; i = Atomics.add(claims, 0, 1)) {
      if (o.signal?.aborted) throw new Error('The simulation was cancelled.');
      const from = i * chunk;
      const to = Math.min(spec.users, from + chunk);
      parts[i] = runPopulation(doc, spec, { from, to, keepTraces });
      received++;
      o.onProgress?.(Atomics.add(claims, 1, to - from) + to - from, spec.users);
    }
    if (received < chunks) {
      await new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
        if (failure) reject(failure);
      });
    }
    o.onProgress?.(spec.users, spec.users);
    return mergePopulations(parts as PopulationResult[]);
  } finally {
    o.signal?.removeEventListener('abort', stop);
    stop();
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
