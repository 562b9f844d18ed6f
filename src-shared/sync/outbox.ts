import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { backoffDelay, type RetryPolicy } from './backoff';
import { SyncError } from './sync-error';

/**
 * One pending publish of a flow to a backend. There is at most one per flow and backend (its
 * id says so): publishing again while one waits only makes it due now. The entry never holds
 * the document; the engine reads the latest local version when it sends, so an edit made
 * while offline is what goes out, and nothing older can overwrite it.
 */
export const OutboxEntry = lazySchema(() => z.object({
  id: z.string(),
  flowId: z.string(),
  backend: z.string(),
  /** `pending`: waits for `nextAttemptAt`; `in-flight`: a request may be on the wire; `blocked`: needs the user. */
  state: z.enum(['pending', 'in-flight', 'blocked']),
  attempts: z.number().int().min(0),
  createdAt: z.number(),
  nextAttemptAt: z.number(),
  lastError: SyncError.nullable(),
  /** Published again while in flight: run once more after this attempt. */
  requeued: z.boolean().default(false),
  /** The user chose "keep mine" in a conflict: overwrite the remote if it is still this version. */
  overwrite: z.object({ revision: z.string().nullable(), hash: z.string().nullable() }).nullable().default(null),
}));
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const outboxId = (flowId: string, backend: string) => `${backend}\u0000${flowId}`;

/** Adds or refreshes the entry for a publish the user asked for now. */
export function enqueue(existing: OutboxEntry | undefined, flowId: string, backend: string, now: number, overwrite: OutboxEntry['overwrite'] = null): OutboxEntry {
  if (existing?.state === 'in-flight') return { ...existing, requeued: true, overwrite: overwrite ?? existing.overwrite };
  return { id: outboxId(flowId, backend), flowId, backend, state: 'pending', attempts: 0, createdAt: existing?.createdAt ?? now, nextAttemptAt: now, lastError: null, requeued: false, overwrite };
}

/** Marks an attempt as started; persisted before the request leaves, so a crash is noticed. */
export function startAttempt(entry: OutboxEntry): OutboxEntry {
  return { ...entry, state: 'in-flight', attempts: entry.attempts + 1, requeued: false };
}

/**
 * After a failed attempt: retry later with backoff when the error is transient and attempts
 * remain, otherwise block until the user acts (fix the flow, the token, resolve a conflict).
 */
export function failAttempt(entry: OutboxEntry, error: SyncError, now: number, policy: RetryPolicy, random: () => number): OutboxEntry {
  if (entry.requeued) return { ...entry, state: 'pending', nextAttemptAt: now, lastError: error, requeued: false };
  if (error.retryable && entry.attempts < policy.maxAttempts) {
    return { ...entry, state: 'pending', nextAttemptAt: now + backoffDelay(entry.attempts, policy, random), lastError: error };
  }
  const gaveUp = error.retryable ? { ...error, message: `${error.message} Gave up after ${entry.attempts} attempts; publish again to retry.` } : error;
  return { ...entry, state: 'blocked', lastError: gaveUp };
}

/**
 * Entries as found after a restart: one that was in flight may or may not have reached the
 * backend, so it runs again now (the adapters reconcile before creating, so it is safe).
 */
export function resumeEntries(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries.filter((e) => e.state === 'in-flight').map((e) => ({ ...e, state: 'pending' as const, nextAttemptAt: now }));
}

/** Entries to run at `now`, oldest due first. */
export function dueEntries(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries.filter((e) => e.state === 'pending' && e.nextAttemptAt <= now).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);
}

/** When the engine should wake next, or null when nothing waits on time. */
export function nextWakeAt(entries: readonly OutboxEntry[]): number | null {
  const times = entries.filter((e) => e.state === 'pending').map((e) => e.nextAttemptAt);
  return times.length ? Math.min(...times) : null;
}
