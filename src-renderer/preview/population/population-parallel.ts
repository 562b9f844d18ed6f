import { mergePopulations, splitUsers, TraceStore, type PopulationResult, type PopulationSpec } from '../../../src-shared/engine/index';
import type { FlowDocument } from '../../../src-shared/flow/index';
import type { EngineClient } from '../worker/engine-client';
import type { PopulationPart, PopulationView } from '../worker/engine-protocol';

/** Most slice workers a run starts, whatever the machine reports. */
export const MAX_WORKERS = 8;
/** Fewer users than this per worker is not worth a worker's start-up. */
export const MIN_USERS_PER_WORKER = 2000;

/**
 * Cores left to the main thread (the canvas). With every core busy in a worker, the bench saw
 * main-thread long tasks of 55-116 ms on a 2-core machine; with one left free, none.
 */
export const RESERVED_CORES = 1;

/** The slicer is the core's, shared with the CLI's worker threads. */
export { splitUsers };

/** Slice workers for this machine: one per core (`navigator.hardwareConcurrency`) but the reserved, capped, at least 1. */
export function workerCount(hardwareConcurrency: number | undefined, cap = MAX_WORKERS): number {
  return Math.max(1, Math.min(cap, (Math.floor(hardwareConcurrency ?? 1) || 1) - RESERVED_CORES));
}

/** A slice's result as a part to send on; `transfer` lists its buffers, to move rather than copy. */
export function toPart(r: PopulationResult): { part: PopulationPart; transfer: ArrayBuffer[] } {
  const t = r.traces.toTransfer();
  const traces = { start: t.start, nodeIds: t.nodeIds, names: t.names, buf: t.buf, offsets: Int32Array.from(t.offsets), counts: Int32Array.from(t.counts), users: Int32Array.from(t.users) };
  const part: PopulationPart = { users: r.users, journeys: r.journeys, outcomes: r.outcomes, exits: r.exits, converted: r.converted, convertedBy: r.convertedBy, nodes: r.nodes, messagesByDay: r.messagesByDay, cancelled: r.cancelled, traces };
  return { part, transfer: partBuffers(part) };
}

export function partBuffers(p: PopulationPart): ArrayBuffer[] {
  return [p.traces.buf, p.traces.offsets, p.traces.counts, p.traces.users].map((a) => a.buffer as ArrayBuffer);
}

export function fromPart(p: PopulationPart): PopulationResult {
  const t = p.traces;
  const traces = TraceStore.fromTransfer({ start: t.start, nodeIds: t.nodeIds, names: t.names, buf: t.buf, offsets: Array.from(t.offsets), counts: Array.from(t.counts), users: Array.from(t.users) });
  return { users: p.users, journeys: p.journeys, outcomes: p.outcomes, exits: p.exits, converted: p.converted, convertedBy: p.convertedBy, nodes: p.nodes, messagesByDay: p.messagesByDay, cancelled: p.cancelled, traces };
}

/** The parts of the slices, in user order, as the result of the whole run. */
export function mergeParts(parts: readonly PopulationPart[]): PopulationResult {
  return mergePopulations(parts.map(fromPart));
}

export class RunCancelled extends Error {
  constructor(readonly done: number) {
    super('The simulation was cancelled.');
  }
}

export interface ParallelRunOptions {
  /** The worker that merges the parts and keeps the run (drill-down, replay). */
  primary: EngineClient;
  /** Opens a slice worker; each is closed when the run ends or is cancelled. */
  openWorker: () => EngineClient;
  workers: number;
  minUsersPerWorker?: number;
  runId: string;
  doc: FlowDocument;
  spec: PopulationSpec;
  /** Users done over all workers. */
  onProgress?: (done: number, total: number) => void;
  now?: () => number;
}

/**
 * A population run split by user ranges over several slice workers (one per core), merged in the
 * primary worker: same result as one worker, since users are seeded by their index. `cancel()`
 * terminates every slice worker; the promise then rejects with {@link RunCancelled}.
 */
export function runAcrossWorkers(o: ParallelRunOptions): { result: Promise<PopulationView>; cancel(): void } {
  const now = o.now ?? (() => performance.now());
  const ranges = splitUsers(o.spec.users, o.workers, o.minUsersPerWorker ?? MIN_USERS_PER_WORKER);
  const done = ranges.map(() => 0);
  const total = o.spec.users;
  const sum = () => done.reduce((a, b) => a + b, 0);
  const helpers = ranges.map(() => o.openWorker());
  let cancelled = false;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const h of helpers) h.dispose();
  };

  const run = async (): Promise<PopulationView> => {
    const started = now();
    // The merging worker gets the flow now, while the slices run, not with their parts.
    const prepared = o.primary.call('population.prepare', { runId: o.runId, doc: o.doc, spec: o.spec });
    prepared.catch(() => undefined); // awaited below; a failure then surfaces there
    try {
      const parts = await Promise.all(
        ranges.map((r, i) =>
          helpers[i]!.call('population.slice', { doc: o.doc, spec: o.spec, ...r }, {
            onProgress: (d) => {
              if (cancelled) return;
              done[i] = d;
              o.onProgress?.(sum(), total);
            },
          }),
        ),
      );
      if (cancelled) throw new RunCancelled(sum());
      close();
      const transfer = parts.flatMap(partBuffers);
      await prepared;
      return await o.primary.call('population.merge', { runId: o.runId, parts, elapsedMs: now() - started }, { transfer });
    } catch (e) {
      void o.primary.call('population.release', { runId: o.runId }).catch(() => undefined);
      if (cancelled) throw new RunCancelled(sum());
      throw e;
    } finally {
      close();
    }
  };

  return {
    result: run(),
    cancel() {
      if (closed) return;
      cancelled = true;
      close();
    },
  };
}
