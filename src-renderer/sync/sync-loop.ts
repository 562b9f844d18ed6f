import { exportFlowJson } from '../../src-shared/flow/index';
import { createPublishQueue, type BackendAdapter, type ConflictChoice, type LocalFlows, type PublishQueue, type SyncStore } from '../../src-shared/sync/index';
import type { HostApi } from '../../src-shared/host/contract';

/** A backend adapter that runs in the host: the renderer has no network and no tokens. */
export function hostAdapter(host: Pick<HostApi, 'sync'>, backend: string): BackendAdapter {
  return {
    push: ({ flow, record, overwrite }) => host.sync.push({ backend, flowText: exportFlowJson(flow), record, overwrite: overwrite ?? null }),
  };
}

export interface SyncLoopDeps {
  store: SyncStore;
  flows: LocalFlows;
  host: Pick<HostApi, 'sync'>;
  clock?: () => number;
  random?: () => number;
  /** The longest sleep between two looks at the outbox (a wake-up missed while asleep is caught). */
  maxSleepMs?: number;
  /** Cross-tab exclusion; the Web Locks API by default. */
  exclusive?: <T>(key: string, work: () => Promise<T>) => Promise<T>;
}

/**
 * One publish per flow and backend across every tab of the app (#14.1): the Web Locks API
 * (Chromium and Electron) holds the lock until the attempt's result is written. Where it is
 * missing (old test environments) the work just runs.
 */
export function webLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request(key, { mode: 'exclusive' }, work) as Promise<T>) : work();
}

/**
 * The renderer's sync service: the engine over the Dexie store, pushing through the host's
 * `sync.push` channel. Started once at the app root, it resumes attempts cut short by the last
 * exit, runs what is due, sleeps until the next backoff time, and looks again when the
 * network comes back. Every publish the user asks for goes through here.
 */
export function createSyncLoop(deps: SyncLoopDeps) {
  const clock = deps.clock ?? Date.now;
  const engine: PublishQueue = createPublishQueue({ store: deps.store, flows: deps.flows, adapter: (backend) => hostAdapter(deps.host, backend), clock, random: deps.random ?? Math.random, exclusive: deps.exclusive ?? webLock });
  const maxSleep = deps.maxSleepMs ?? 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = true;

  const sleep = async () => {
    if (stopped) return;
    const wake = await engine.nextWakeAt();
    if (timer !== undefined) clearTimeout(timer);
    timer = wake === null ? undefined : setTimeout(() => void kick(), Math.min(maxSleep, Math.max(0, wake - clock())));
  };
  /** Runs what is due now, then sleeps until the next entry is. */
  async function kick(): Promise<void> {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    try {
      await engine.runDue();
    } finally {
      await sleep();
    }
  }
  const online = () => void kick();

  return {
    engine,
    async start(): Promise<void> {
      if (!stopped) return;
      stopped = false;
      if (typeof window !== 'undefined') window.addEventListener('online', online);
      await engine.resume();
      await kick();
    },
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
    },
    /** Queues a publish of the flow's latest saved version and runs it. */
    async publish(flowId: string, backend: string): Promise<void> {
      await engine.publish(flowId, backend);
      await kick();
    },
    /** Applies the user's conflict choice, then runs the publish it may have queued. */
    async resolve(flowId: string, backend: string, choice: ConflictChoice, copyId: string): Promise<{ ok: true } | { ok: false; reason: string }> {
      const result = await engine.resolveConflict(flowId, backend, choice, { copyId });
      if (result.ok) await kick();
      return result;
    },
    /** Forgets the remote copy of a flow on a backend (deleted there on purpose). */
    unlink: (flowId: string, backend: string) => engine.unlink(flowId, backend),
    /** Forgets a publish that waits for the user (a blocking error they dismissed). */
    dismiss: (flowId: string, backend: string) => engine.dismiss(flowId, backend),
  };
}

export type SyncLoop = ReturnType<typeof createSyncLoop>;
