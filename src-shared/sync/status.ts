import type { OutboxEntry } from './outbox';
import type { SyncRecord } from './sync-record';
import { syncContentHash } from './content-hash';
import { isOfflineError } from './sync-error';

export type SyncStatus = 'local-only' | 'synced' | 'modified' | 'conflict' | 'error' | 'offline';

/** What the flow list badge and the editor header show. */
export interface SyncStatusView {
  status: SyncStatus;
  /** Two or three words for a badge. */
  label: string;
  /** A sentence for the tooltip or banner. */
  message: string;
  /** A publish is waiting in the outbox. */
  pending: boolean;
  /** The remote campaign was sent and can no longer change. */
  locked: boolean;
  /** When the next automatic retry happens (ms since epoch). */
  retryAt?: number;
}

const LABELS: Record<SyncStatus, string> = {
  'local-only': 'Not published',
  synced: 'Published',
  modified: 'Changed',
  conflict: 'Conflict',
  error: 'Publish failed',
  offline: 'Offline',
};

/**
 * The sync status of a flow on one backend, from its current content hash
 * (`flowContentHash`), its sync record and its outbox entry (if any). What is compared with the
 * hash of the last push is the flow together with the record's sync options
 * (`syncContentHash`), so a new WhatsApp template makes a published flow "Changed" too.
 * A pure function, so every badge agrees.
 *
 * @example syncStatus(flowContentHash(doc), record, entry).label // 'Changed'
 */
export function syncStatus(flowHash: string, record: SyncRecord | undefined, entry?: OutboxEntry): SyncStatusView {
  const localHash = syncContentHash(flowHash, record?.options);
  const pending = entry !== undefined;
  const locked = record?.locked != null;
  const view = (status: SyncStatus, message: string, extra: Partial<SyncStatusView> = {}): SyncStatusView => ({ status, label: LABELS[status], message, pending, locked, ...extra });

  if (record?.conflict) return view('conflict', record.conflict.remote.deleted ? 'The campaign was deleted on the backend. Publish it again or unlink it.' : 'The campaign was changed on the backend and here. Choose which version to keep.');
  const failure = entry?.lastError ?? (record?.lastAttempt && !record.lastAttempt.ok ? record.lastAttempt.error : null);
  const failed = failure && (entry ? true : record?.syncedHash !== localHash || !record?.remoteId);
  if (failure && failed) {
    const retry = entry?.state === 'pending' ? { retryAt: entry.nextAttemptAt } : {};
    const when = entry?.state === 'pending' ? ' Retrying automatically.' : '';
    return view(isOfflineError(failure) ? 'offline' : 'error', `${failure.message}${when}`, retry);
  }
  if (!record?.remoteId) return view('local-only', pending ? 'Waiting to be published.' : 'Only on this computer; publish it to send it.');
  if (locked) return view(record.syncedHash === localHash ? 'synced' : 'modified', record.locked!.reason);
  if (record.syncedHash === localHash) return view('synced', pending ? 'Published; publishing again.' : 'The published campaign matches this flow.');
  return view('modified', pending ? 'Changed since the last publish; publishing now.' : 'Changed since the last publish.');
}
