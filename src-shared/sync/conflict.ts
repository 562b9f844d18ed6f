import { FlowDocument } from '../flow/document';
import { normaliseFlow } from '../flow/io';
import { flowContentHash, syncContentHash } from './content-hash';
import type { Conflict, SyncRecord } from './sync-record';

/**
 * The three ways out of a conflict. None loses anything the user did not choose to drop:
 * - `keep-local`: publish this version over the remote one (the remote edit is replaced);
 * - `take-remote`: replace this flow by the remote version (the local edit is replaced);
 * - `keep-copy`: take the remote version here, and keep the local version as a new,
 *   unpublished flow, so both survive.
 */
export type ConflictChoice = 'keep-local' | 'take-remote' | 'keep-copy';

export interface ConflictPlan {
  /** Write this over the local flow. */
  save?: FlowDocument;
  /** Add this as a new local flow. */
  create?: FlowDocument;
  /** Publish again, overwriting the remote only if it is still the version shown. */
  push?: { overwrite: { revision: string | null; hash: string | null } };
  record: SyncRecord;
}

/**
 * What to do for the user's choice. Fails (returns a reason) when the choice cannot apply:
 * taking a remote version that was deleted, or one the backend did not describe.
 *
 * @example planConflictResolution(record, localDoc, 'keep-copy', { copyId: 'welcome-copy' })
 */
export function planConflictResolution(record: SyncRecord, local: FlowDocument, choice: ConflictChoice, opts: { copyId: string }): { ok: true; plan: ConflictPlan } | { ok: false; reason: string } {
  const conflict = record.conflict;
  if (!conflict) return { ok: false, reason: 'There is no conflict to resolve.' };
  if (choice === 'keep-local') {
    const unlinked = conflict.remote.deleted ? { remoteId: null, remoteRevision: null, remoteHash: null } : {};
    return { ok: true, plan: { record: { ...record, ...unlinked, conflict: null }, push: { overwrite: { revision: conflict.remote.revision, hash: conflict.remote.hash } } } };
  }
  if (conflict.remote.deleted) {
    // Nothing remote to take: the local flow stays, unlinked, and is not deleted.
    return { ok: true, plan: { record: { ...record, remoteId: null, remoteRevision: null, remoteHash: null, syncedHash: null, conflict: null, lastAttempt: null } } };
  }
  const remote = remoteDocument(conflict, local);
  if (!remote) return { ok: false, reason: 'The backend did not describe its version; publish again to fetch it.' };
  const taken: SyncRecord = { ...record, syncedHash: syncContentHash(flowContentHash(remote), record.options), remoteRevision: conflict.remote.revision, remoteHash: conflict.remote.hash, conflict: null, lastAttempt: null };
  if (choice === 'take-remote') return { ok: true, plan: { save: remote, record: taken } };
  const copy = normaliseFlow({ ...local, campaign: { ...local.campaign, id: opts.copyId, name: `${local.campaign.name} (my version)`.slice(0, 200) } });
  return { ok: true, plan: { save: remote, create: copy, record: taken } };
}

/** The remote version as a flow of the same id, or null when it is not a readable flow. */
function remoteDocument(conflict: Conflict, local: FlowDocument): FlowDocument | null {
  const parsed = FlowDocument.safeParse(conflict.remote.document);
  if (!parsed.success) return null;
  return normaliseFlow({ ...parsed.data, campaign: { ...parsed.data.campaign, id: local.campaign.id } });
}
