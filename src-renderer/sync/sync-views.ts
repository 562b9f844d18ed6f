import type { Problem } from '../../src-shared/flow/index';
import { syncStatus, type OutboxEntry, type SyncError, type SyncRecord, type SyncStatusView } from '../../src-shared/sync/index';

/** A flow's sync state on one backend, ready for a badge. `backend` is null for "never published anywhere". */
export interface BackendSyncView {
  backend: string | null;
  view: SyncStatusView;
  record: SyncRecord | undefined;
  entry: OutboxEntry | undefined;
}

const ORDER = { conflict: 0, error: 1, offline: 2, modified: 3, synced: 4, 'local-only': 5 } as const;

/**
 * The sync state of one flow on every backend it has a record or a waiting publish for, the
 * most urgent first (a conflict before an error before "changed"). A flow never published
 * anywhere gets one "local only" view.
 *
 * @example flowSyncViews(flowContentHash(doc), records, entries)[0].view.label // 'Conflict'
 */
export function flowSyncViews(localHash: string, records: readonly SyncRecord[], entries: readonly OutboxEntry[]): BackendSyncView[] {
  const backends = [...new Set([...records.map((r) => r.backend), ...entries.map((e) => e.backend)])].sort();
  const views = backends.map((backend) => {
    const record = records.find((r) => r.backend === backend);
    const entry = entries.find((e) => e.backend === backend);
    return { backend, record, entry, view: syncStatus(localHash, record, entry) };
  });
  // A record left by an unlinked conflict or a never-sent publish says nothing more than "local only".
  const meaningful = views.filter((v) => v.entry || v.record?.remoteId || v.record?.lastAttempt || v.record?.conflict);
  if (meaningful.length === 0) return [{ backend: null, record: undefined, entry: undefined, view: syncStatus(localHash, undefined) }];
  return meaningful.sort((a, b) => ORDER[a.view.status] - ORDER[b.view.status] || a.backend.localeCompare(b.backend));
}

/** The words on a badge: the status, "Publishing…" while a push is on the wire, "Sent" when locked. */
export function badgeText(v: BackendSyncView): string {
  if (v.view.locked && (v.view.status === 'synced' || v.view.status === 'modified')) return 'Sent · locked';
  if (v.entry?.state === 'in-flight') return 'Publishing…';
  if (v.entry?.state === 'pending' && (v.view.status === 'local-only' || v.view.status === 'synced' || v.view.status === 'modified')) return 'Publishing…';
  return v.view.label;
}

/** The error a view shows: the waiting entry's, else the last attempt's. */
export function currentFailure(entry: { lastError: SyncError | null } | undefined, record: { lastAttempt: { ok: boolean; error?: SyncError } | null } | undefined): SyncError | null {
  if (entry?.lastError) return entry.lastError;
  const last = record?.lastAttempt;
  return last && !last.ok && last.error ? last.error : null;
}

/**
 * The fields a backend refused at the last publish of a flow (a Chatwoot 422, or a name the
 * account does not know), as problems placed by their flow path, so the campaign forms can
 * show each one next to its field. Empty when the last publish went through.
 */
export function syncFieldProblems(records: readonly SyncRecord[], entries: readonly OutboxEntry[]): Problem[] {
  return records.flatMap((record) => {
    const error = currentFailure(
      entries.find((e) => e.backend === record.backend),
      record,
    );
    return (error?.fields ?? []).map((f) => ({ severity: 'error' as const, code: `sync.${error?.kind ?? 'field'}`, message: `${record.backend} refused it: ${f.message}`, path: f.path ?? `$.${f.attribute}`, ...(f.nodeId ? { nodeId: f.nodeId } : {}) }));
  });
}
