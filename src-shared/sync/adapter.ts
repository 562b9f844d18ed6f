import type { FlowDocument } from '../flow/document';
import type { Problem } from '../flow/problems';
import type { SyncError } from './sync-error';
import type { RemoteVersion, SyncRecord } from './sync-record';

/** One publish, as the engine hands it to a backend adapter. */
export interface PushRequest {
  /** The latest local version. */
  flow: FlowDocument;
  record: SyncRecord;
  /** The user chose "keep mine": overwrite the remote if it is still exactly this version. */
  overwrite?: { revision: string | null; hash: string | null } | null;
}

export type PushResult =
  | {
      ok: true;
      remoteId: string;
      remoteRevision: string | null;
      /** Fingerprint of the remote after the push (see SyncRecord.remoteHash). */
      remoteHash: string | null;
      /** `created`, `updated`, or `found` (a create that had already happened, found by its marker). */
      action: 'created' | 'updated' | 'found' | 'unchanged';
      warnings: Problem[];
    }
  | {
      ok: false;
      error: SyncError;
      /** Set when the remote changed since the last sync: the engine records a conflict. */
      conflict?: RemoteVersion;
      /** Set when the remote can never change again (a sent one-off). */
      locked?: string;
      /** Flow problems to show where they are (mapping errors). */
      problems?: Problem[];
      /**
       * The remote hash the backend would have if this attempt's write landed although its answer
       * was lost (a timeout): remembered, so finding it there later is recognised as our own.
       */
      written?: string;
    };

/**
 * A backend, as the sync engine sees it. Implementations live where the network is (the
 * Chatwoot and delivery adapters in src-main/sync); the renderer reaches them through the
 * `sync.push` host channel. Every push must be safe to repeat: an adapter reconciles with
 * what the backend already has before it creates anything.
 */
export interface BackendAdapter {
  push(request: PushRequest): Promise<PushResult>;
}
