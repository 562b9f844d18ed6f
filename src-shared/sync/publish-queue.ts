import type { BackendAdapter, PushResult } from './adapter';
import { DEFAULT_RETRY, type RetryPolicy } from './backoff';
import { planConflictResolution, type ConflictChoice } from './conflict';
import { flowContentHash, syncContentHash } from './content-hash';
import { dueEntries, enqueue, failAttempt, nextWakeAt, outboxId, resumeEntries, startAttempt, type OutboxEntry } from './outbox';
import { syncStatus, type SyncStatusView } from './status';
import type { LocalFlows, SyncStore } from './store';
import { syncError } from './sync-error';
import { newSyncRecord, type SyncRecord } from './sync-record';
import { publishCheck, publishRefusalError } from './publish-gate';

export interface PublishQueueDeps {
  store: SyncStore;
  flows: LocalFlows;
  /** The adapter of a backend by name; undefined for a backend that is not configured. */
  adapter(backend: string): BackendAdapter | undefined;
  /** Milliseconds since epoch; injected so tests control time. */
  clock(): number;
  /** [0, 1); seeded in tests. */
  random(): number;
  policy?: RetryPolicy;
  /** Called after a flow's sync state changed (status badges re-read it). */
  onChange?(flowId: string, backend: string): void;
  /**
   * Runs `work` while no other holder of `key` runs, across every tab and window of the app
   * (the renderer passes the Web Locks API). One publish per flow and backend at a time is what
   * keeps two tabs from both creating the campaign. Default: no exclusion (a single writer).
   */
  exclusive?<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export interface AttemptReport {
  flowId: string;
  backend: string;
  result: PushResult | { ok: false; error: ReturnType<typeof syncError> };
}

/**
 * The sync engine: publishes flows through a persisted outbox, one attempt at a time.
 * It never changes a local flow except on the user's conflict choice, records the hash of the
 * version it actually sent (so an edit made during a push shows as "modified", not "synced"),
 * and leaves remote edits alone until the user chooses (a conflict).
 *
 * @example
 * const engine = createPublishQueue({ store, flows, adapter, clock: Date.now, random: Math.random });
 * await engine.resume();             // after a restart
 * await engine.publish('welcome', 'chatwoot');
 * await engine.runDue();             // again at engine.nextWakeAt()
 */
export function createPublishQueue(deps: PublishQueueDeps) {
  const policy = deps.policy ?? DEFAULT_RETRY;
  const exclusive = deps.exclusive ?? (<T>(_key: string, work: () => Promise<T>) => work());
  let running: Promise<AttemptReport[]> | null = null;

  const entryOf = async (flowId: string, backend: string) => (await deps.store.listOutbox()).find((e) => e.id === outboxId(flowId, backend));
  const recordOf = async (flowId: string, backend: string) => (await deps.store.getRecord(flowId, backend)) ?? newSyncRecord(flowId, backend);
  const changed = (e: { flowId: string; backend: string }) => deps.onChange?.(e.flowId, e.backend);
  /**
   * Writes an attempt's outcome over the record read before it, keeping the options stored
   * now: a WhatsApp template chosen while the push was on the wire is not lost (the record's
   * `syncedHash` then names the options that were sent, so the flow shows "Changed").
   */
  const writeBack = (before: SyncRecord, patch: Partial<SyncRecord>) =>
    deps.store.updateRecord(before.flowId, before.backend, (current) => ({ ...before, ...patch, options: { ...before.options, ...current?.options } }));

  async function attempt(entry: OutboxEntry): Promise<AttemptReport> {
    const { flowId, backend } = entry;
    const fail = async (error: ReturnType<typeof syncError>, record?: SyncRecord) => {
      const now = deps.clock();
      await deps.store.putOutbox(failAttempt(entry, error, now, policy, deps.random));
      if (record) await writeBack(record, { lastAttempt: { ok: false, at: new Date(now).toISOString(), error } });
      return { flowId, backend, result: { ok: false as const, error } };
    };
    const flow = await deps.flows.get(flowId);
    if (!flow) {
      await deps.store.deleteOutbox(entry.id);
      return { flowId, backend, result: { ok: false, error: syncError('not-found', 'The flow was deleted here; nothing was published.') } };
    }
    const adapter = deps.adapter(backend);
    const record = await recordOf(flowId, backend);
    if (!adapter) return fail(syncError('config', `No backend named "${backend}" is set up. Add it in Settings → Backends.`), record);
    if (record.conflict) return fail(syncError('conflict', 'Resolve the conflict first: choose which version to keep.'), record);
    if (record.locked) return fail(syncError('locked', record.locked.reason), record);
    // The one publishing rule (publish-gate.ts): a flow with errors never reaches a backend.
    const gate = publishCheck(flow, new Date(deps.clock()));
    if (!gate.ok) return fail(publishRefusalError(gate.errors), record);

    // The hash of exactly what is sent: this version of the flow with the options read now.
    const hash = syncContentHash(flowContentHash(flow), record.options);
    entry = startAttempt(entry);
    await deps.store.putOutbox(entry);
    let result: PushResult;
    try {
      result = await adapter.push({ flow, record, overwrite: entry.overwrite });
    } catch (e) {
      result = { ok: false, error: syncError('server', `Publishing failed unexpectedly: ${(e as Error)?.message ?? String(e)}`) };
    }
    const at = new Date(deps.clock()).toISOString();
    if (result.ok) {
      const notes = result.warnings.filter((w) => w.code.startsWith('chatwoot.duplicate') || w.code === 'delivery.moved').map((w) => w.message);
      await writeBack(record, { remoteId: result.remoteId, remoteRevision: result.remoteRevision, remoteHash: result.remoteHash, syncedHash: hash, lastAttempt: { ok: true, at, ...(notes.length ? { notes } : {}) }, conflict: null, writtenHashes: [] });
      const latest = await entryOf(flowId, backend);
      if (latest?.requeued) await deps.store.putOutbox({ ...latest, state: 'pending', attempts: 0, nextAttemptAt: deps.clock(), requeued: false, lastError: null, overwrite: null });
      else await deps.store.deleteOutbox(entry.id);
      return { flowId, backend, result };
    }
    const next: Partial<SyncRecord> = { lastAttempt: { ok: false, at, error: result.error } };
    // A write whose answer was lost may have landed: remember what it wrote, so it reads as ours (#14.2).
    if (result.written) next.writtenHashes = [...(record.writtenHashes ?? []).filter((h) => h !== result.written), result.written].slice(-5);
    if (result.conflict) next.conflict = { detectedAt: at, localHash: hash, remote: result.conflict };
    if (result.locked) next.locked = { reason: result.locked };
    const latest = (await entryOf(flowId, backend)) ?? entry;
    await deps.store.putOutbox(failAttempt({ ...entry, requeued: latest.requeued && !result.conflict && !result.locked }, result.error, deps.clock(), policy, deps.random));
    await writeBack(record, next);
    return { flowId, backend, result };
  }

  async function runAll(): Promise<AttemptReport[]> {
    const reports: AttemptReport[] = [];
    // A flow republished during its own push runs again at once, but never loops within one run.
    const runs = new Map<string, number>();
    for (;;) {
      const due = dueEntries(await deps.store.listOutbox(), deps.clock()).filter((e) => (runs.get(e.id) ?? 0) < 3);
      const entry = due[0];
      if (!entry) return reports;
      runs.set(entry.id, (runs.get(entry.id) ?? 0) + 1);
      const report = await exclusive(`campaign-studio:publish:${encodeURIComponent(entry.backend)}:${encodeURIComponent(entry.flowId)}`, async () => {
        // Another tab may have run this entry while we waited for the lock: read it again.
        const fresh = (await deps.store.listOutbox()).find((e) => e.id === entry.id);
        return fresh && dueEntries([fresh], deps.clock()).length ? attempt(fresh) : null;
      });
      if (!report) continue;
      reports.push(report);
      changed(report);
    }
  }

  return {
    /** Queues a publish of the flow's latest version (coalesced with one already waiting). */
    async publish(flowId: string, backend: string, overwrite: OutboxEntry['overwrite'] = null): Promise<OutboxEntry> {
      const entry = enqueue(await entryOf(flowId, backend), flowId, backend, deps.clock(), overwrite);
      await deps.store.putOutbox(entry);
      changed(entry);
      return entry;
    },
    /** Runs every due entry, one at a time; concurrent calls share one run. */
    runDue(): Promise<AttemptReport[]> {
      running ??= runAll().finally(() => (running = null));
      return running;
    },
    /** After a restart: attempts cut short by the exit run again (safely, see BackendAdapter). */
    async resume(): Promise<void> {
      for (const e of resumeEntries(await deps.store.listOutbox(), deps.clock())) {
        await deps.store.putOutbox(e);
        changed(e);
      }
    },
    async nextWakeAt(): Promise<number | null> {
      return nextWakeAt(await deps.store.listOutbox());
    },
    async status(flowId: string, backend: string): Promise<SyncStatusView | undefined> {
      const flow = await deps.flows.get(flowId);
      if (!flow) return undefined;
      return syncStatus(flowContentHash(flow), await deps.store.getRecord(flowId, backend), await entryOf(flowId, backend));
    },
    /** Applies the user's conflict choice; `copyId` names the new flow for `keep-copy`. */
    async resolveConflict(flowId: string, backend: string, choice: ConflictChoice, opts: { copyId: string }): Promise<{ ok: true } | { ok: false; reason: string }> {
      const flow = await deps.flows.get(flowId);
      if (!flow) return { ok: false, reason: 'The flow no longer exists here.' };
      const planned = planConflictResolution(await recordOf(flowId, backend), flow, choice, opts);
      if (!planned.ok) return planned;
      const { plan } = planned;
      if (plan.create) await deps.flows.create(plan.create);
      if (plan.save) await deps.flows.save(plan.save);
      await deps.store.updateRecord(flowId, backend, (current) => ({ ...plan.record, options: { ...plan.record.options, ...current?.options } }));
      const entry = await entryOf(flowId, backend);
      if (plan.push) await this.publish(flowId, backend, plan.push.overwrite);
      else if (entry) await deps.store.deleteOutbox(entry.id);
      changed({ flowId, backend });
      return { ok: true };
    },
    /** Forgets the remote copy (it was deleted there on purpose): the flow is local only again on this backend. */
    async unlink(flowId: string, backend: string): Promise<void> {
      await deps.store.updateRecord(flowId, backend, (current) => ({ ...newSyncRecord(flowId, backend), options: current?.options ?? {} }));
      await deps.store.deleteOutbox(outboxId(flowId, backend));
      changed({ flowId, backend });
    },
    /** Forgets a blocked entry (the user dismissed the error). The record keeps the last failure. */
    async dismiss(flowId: string, backend: string): Promise<void> {
      await deps.store.deleteOutbox(outboxId(flowId, backend));
      changed({ flowId, backend });
    },
  };
}

export type PublishQueue = ReturnType<typeof createPublishQueue>;
