import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { SyncError } from './sync-error';

/** The remote side of a conflict: what the backend has now, as a flow the user can look at. */
export const RemoteVersion = lazySchema(() => z.object({
  /** Null when the remote campaign was deleted. */
  revision: z.string().nullable(),
  /** Fingerprint of the remote content (Chatwoot) or its content hash (delivery API). */
  hash: z.string().nullable(),
  deleted: z.boolean(),
  /** The remote content as a flow document (JSON), to show both versions side by side. */
  document: z.record(z.string(), z.unknown()).nullable(),
  /** One line: who changed what, when known. */
  summary: z.string(),
}));
export type RemoteVersion = z.infer<typeof RemoteVersion>;

/** Both sides changed since the last sync. Nothing is overwritten until the user chooses. */
export const Conflict = lazySchema(() => z.object({
  detectedAt: z.string(),
  localHash: z.string(),
  remote: RemoteVersion,
}));
export type Conflict = z.infer<typeof Conflict>;

export const LastAttempt = lazySchema(() => z.discriminatedUnion('ok', [
  /** `notes`: what the backend's answer made worth saying (e.g. a duplicate another publish made, removed). */
  z.object({ ok: z.literal(true), at: z.string(), notes: z.array(z.string()).optional() }),
  z.object({ ok: z.literal(false), at: z.string(), error: SyncError }),
]));
export type LastAttempt = z.infer<typeof LastAttempt>;

/** Choices a backend needs that the flow format does not hold (yet). */
export const SyncOptions = lazySchema(() => z.object({
  whatsappTemplate: z.object({ name: z.string(), language: z.string(), params: z.record(z.string(), z.string()).optional() }).optional(),
  /**
   * A runner's waiting journeys to move with the next publish (#15): the steps whose waiting
   * journeys go to the new version, for the publish that replaces revision `over` only (a later
   * publish over another revision sends nothing). Not content: it does not mark a flow changed.
   */
  moveWaiting: z.object({ over: z.string(), nodes: z.array(z.string().min(1).max(200)).max(500) }).optional(),
}));
export type SyncOptions = z.infer<typeof SyncOptions>;

/**
 * What one flow knows about its copy on one backend. Persisted next to the flow (Dexie in the
 * app); every field is plain JSON.
 */
export const SyncRecord = lazySchema(() => z.object({
  flowId: z.string(),
  backend: z.string(),
  /** Chatwoot display id or delivery flow id; null until first created. */
  remoteId: z.string().nullable(),
  /** Delivery revision, or Chatwoot's `updated_at`, as last seen. */
  remoteRevision: z.string().nullable(),
  /** Content hash of the local flow that was last pushed successfully. */
  syncedHash: z.string().nullable(),
  /** Fingerprint of the remote right after that push: a different one later means a remote edit. */
  remoteHash: z.string().nullable(),
  lastAttempt: LastAttempt.nullable(),
  /** Remote hashes of our writes whose answer was lost: found on the backend, they are ours, not someone else's edit. */
  writtenHashes: z.array(z.string()).optional(),
  conflict: Conflict.nullable(),
  /** A one-off that was sent: no further pushes. */
  locked: z.object({ reason: z.string() }).nullable(),
  options: SyncOptions.default({}),
}));
export type SyncRecord = z.infer<typeof SyncRecord>;

/** A record for a flow never synced to this backend. */
export function newSyncRecord(flowId: string, backend: string): SyncRecord {
  return { flowId, backend, remoteId: null, remoteRevision: null, syncedHash: null, remoteHash: null, lastAttempt: null, conflict: null, locked: null, options: {} };
}
