import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergePopulations, preparePopulation, runPopulation, TraceStore, type PopulationResult, type PopulationSpec } from '../../src-shared/engine';
import type { FlowDocument } from '../../src-shared/flow';

/** What a population worker is started with: it then waits for jobs (see `PopulationThreads`). */
export const POPULATION_WORKER = 'campaign-studio/population-worker';

/**
 * One run, as the main thread posts it to each worker: the run, and the shared counters the
 * threads take chunks of users from (`claims[0]`: next chunk; `claims[1]`: users done, for progress).
 */
export interface PopulationJob {
  kind: 'job';
  /** Which run of the pool this is: replies name it, so a late reply of a failed run is ignored. */
  run: number;
  /**
   * The flow and the spec as JSON text (`{ doc, spec }`), parsed by the worker. A structured
   * clone's strings arrive as plain copies, while JSON.parse gives the flow and spec the same
   * strings a flow read from a file has (short ones internalized): with cloned ones every
   * comparison of a handle, attribute or value with the engine's own strings compared the
   * characters, and the worker ran its users 7-10% slower than the main thread.
   */
  input: string;
  chunk: number;
  chunks: number;
  claims: Int32Array;
  keepTraces: boolean;
}

/** A chunk's result as sent between threads (traces packed; an empty store without traces). */
export type PackedResult = Omit<PopulationResult, 'traces'> & { traces: ReturnType<TraceStore['toTransfer']> };

/** What a population worker sends back for a job: each chunk it ran, or why it failed. */
export type PopulationReply = { run: number } & ({ kind: 'part'; index: number; result: PackedResult } | { kind: 'failed'; message: string });

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Keep every journey's trace (default true); the CLI, which prints statistics, passes false. */
  keepTraces?: boolean;
  /** Whether this thread takes chunks too (default true); false leaves them all to the workers (tests). */
  workInThisThread?: boolean;
}

export interface PoolOptions extends RunOptions {
  /** Threads to use, this one included (default: `defaultThreads(users)`). 1 runs in this thread only. */
  workers?: number;
  /** The script a worker runs: a module that calls `servePopulationWorker()` when not the main thread. */
  workerScript: string | URL;
}

/**
 * Below this many users a population runs in one thread. A worker costs more than its start-up
 * (45-125 ms to load the bundle in a fresh isolate): while both threads run cold code, each one
 * warms up about twice as slowly as a thread alone (the first 12,500 users took the main thread
 * 440 ms next to a starting worker, 196 ms alone), and a thread running next to another does
 * its work 1.2-1.8x slower than alone on this 2-core machine (two independent processes, too:
 * the cores share caches and memory). Measured with tests/bench/engine-cli-bench.ts (5 rounds,
 * medians, 2 Dec 2026), two threads against one: 0.81x at 100,000 users, 0.87x at 150,000, 1.01x
 * at 200,000 and 250,000, 1.19x at 300,000, 1.22x at 500,000; again once workers parsed their
 * flow from JSON (5 rounds): 0.82x at 150,000, 0.97x at 200,000, 1.10x at 300,000; once they
 * ran the engine-only worker bundle (7 rounds): 0.85x at 200,000, 0.98x at 250,000; and once a
 * run's chunks shared one set-up (`preparePopulation`; 9 rounds, 3 Dec 2026): 0.92x at 150,000,
 * 1.00x at 200,000, 1.09x and 1.06x at 250,000 (faster in 9 and 5 of 9 rounds), 1.20x at 300,000.
 * 250,000 is too close to call on this shared machine: the threshold stays.
 */
export const MIN_PARALLEL_USERS = 300_000;

/** The thread count a run of `users` users gets by default: every core, or one for small runs. */
export function defaultThreads(users: number, cores = availableParallelism()): number {
  return users < MIN_PARALLEL_USERS ? 1 : Math.max(1, cores);
}

/** The thread count `o.workers` asks for, or the default for `users`: 1 to 64. */
export function threadCount(users: number, workers?: number): number {
  return Math.max(1, Math.min(Math.floor(workers ?? defaultThreads(users)), 64));
}

/**
 * A population run split across threads (see {@link PopulationThreads}); one thread runs it
 * here, with no worker started. The result equals the single-thread run (tested).
 */
export async function runPopulationParallel(doc: FlowDocument, spec: PopulationSpec, o: PoolOptions): Promise<PopulationResult> {
  const threads = threadCount(spec.users, o.workers);
  if (threads === 1) return runPopulation(doc, spec, runOptions(o));
  const pool = new PopulationThreads(o.workerScript, threads);
  try {
    return await pool.run(doc, spec, o);
  } finally {
    pool.close();
  }
}

const runOptions = (o: RunOptions) => ({ keepTraces: o.keepTraces ?? true, ...(o.onProgress ? { onProgress: o.onProgress } : {}), ...(o.signal ? { signal: o.signal } : {}) });

/**
 * This thread and `threads - 1` worker threads running populations together. The workers start
 * as soon as the pool is made, so a caller makes it before its own slow start (reading and
 * checking the flow) and they load while it does; they then serve every run of the pool (the
 * CLI's `--runs` seeds), warm. In a run, the threads take chunks of users from a shared counter
 * until none is left, so a worker that starts late, or a core another process is using, simply
 * takes fewer chunks and nobody waits for a fixed slice. Users are seeded by their index alone
 * and chunks merge in order, so the result equals the single-thread run (tested). Chunks come
 * back as counts (and packed trace buffers, moved, not copied, when traces are kept), so
 * merging them is cheap. One run at a time; a failed or cancelled run closes the pool.
 */
export class PopulationThreads {
  private readonly workers: Worker[] = [];
  private runs = 0;
  private busy = false;
  private closed = false;
  /** Why the pool cannot run any more: a worker failed or stopped. */
  private broken: Error | null = null;
  /** The current run's handlers (replies of other runs are ignored). */
  private onReply: (m: PopulationReply) => void = () => {};
  private onFailure: (e: Error) => void = () => {};

  constructor(
    workerScript: string | URL,
    readonly threads: number,
  ) {
    for (let k = 1; k < threads; k++) {
      const w = startWorker(workerScript);
      this.workers.push(w);
      w.on('message', (m: PopulationReply) => this.onReply(m));
      w.once('error', (e) => this.fail(e));
      w.once('exit', (code) => {
        if (!this.closed) this.fail(new Error(`A simulation worker stopped with code ${code}.`));
      });
    }
  }

  async run(doc: FlowDocument, spec: PopulationSpec, o: RunOptions = {}): Promise<PopulationResult> {
    if (this.broken) throw this.broken;
    if (this.closed) throw new Error('The simulation threads were closed.');
    if (this.busy) throw new Error('The simulation threads are already running a population.');
    this.busy = true;
    const keepTraces = o.keepTraces ?? true;
    // Chunks small enough that the last one does not keep a thread waiting long, big enough
    // that each is worth a message: about 16 per thread.
    const chunk = Math.min(25_000, Math.max(1_000, Math.ceil(spec.users / (this.threads * 16))));
    const chunks = Math.max(1, Math.ceil(spec.users / chunk));
    const claims = new Int32Array(new SharedArrayBuffer(8));
    const job: PopulationJob = { kind: 'job', run: ++this.runs, input: JSON.stringify({ doc, spec }), chunk, chunks, claims, keepTraces };
    const parts = new Array<PopulationResult | undefined>(chunks);
    let received = 0;
    let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
    let failure: Error | null = null;
    this.onFailure = (e) => {
      failure ??= e;
      settle?.reject(failure);
    };
    this.onReply = (m) => {
      if (m.run !== job.run) return;
      if (m.kind === 'part') {
        parts[m.index] = { ...m.result, traces: TraceStore.fromTransfer(m.result.traces) };
        if (++received === chunks) settle?.resolve();
      } else if (m.kind === 'failed') this.onFailure(new Error(m.message));
    };
    const cancel = () => {
      this.onFailure(new Error('The simulation was cancelled.'));
      this.close();
    };
    o.signal?.addEventListener('abort', cancel, { once: true });
    try {
      for (const w of this.workers) w.postMessage(job);
      // This thread takes chunks too, while the workers start: one set-up for all of them.
      const prepared = preparePopulation(doc, spec, { keepTraces });
      for (let i = o.workInThisThread === false ? chunks : Atomics.add(claims, 0, 1); i < chunks; i = Atomics.add(claims, 0, 1)) {
        if (o.signal?.aborted) throw new Error('The simulation was cancelled.');
        if (failure) throw failure;
        const from = i * chunk;
        const to = Math.min(spec.users, from + chunk);
        parts[i] = prepared.run({ from, to });
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
    } catch (e) {
      this.close();
      throw e;
    } finally {
      o.signal?.removeEventListener('abort', cancel);
      this.onReply = () => {};
      this.onFailure = () => {};
      this.busy = false;
    }
  }

  private fail(e: Error): void {
    this.broken ??= e;
    this.onFailure(e);
  }

  /** Stops the workers (a run in progress fails). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) void w.terminate();
  }
}

/**
 * A worker running `script`. The bundled CLI is plain JavaScript; from source (tests, `tsx`)
 * the worker must register tsx's loader itself, since workers do not inherit loader hooks.
 */
function startWorker(script: string | URL): Worker {
  const workerData = { kind: POPULATION_WORKER };
  const path = String(script);
  if (!/\.tsx?$/.test(path)) return new Worker(script, { workerData });
  const url = path.startsWith('file:') ? path : pathToFileURL(path).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
