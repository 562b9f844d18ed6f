import type { Problem } from '../../src-shared/flow';
import { exportFlowJson } from '../../src-shared/flow/io';
import type { BackendAdapter, PushResult } from '../../src-shared/sync/adapter';
import { flowContentHash } from '../../src-shared/sync/content-hash';
import { wantedRemoteStatus, type RemoteFlow } from '../../src-shared/sync/delivery/types';
import { syncError } from '../../src-shared/sync/sync-error';
import type { DeliveryClient, DeliveryFailure } from './delivery-client';

type Failure = Extract<PushResult, { ok: false }>;

/**
 * Publishes flows (any kind, workflows included) to a delivery API. The flow id is the remote
 * id and every write carries a precondition, so a repeated request cannot create a duplicate
 * or overwrite an unseen version: a 409 whose current version has our content hash means our
 * earlier write landed (its answer was lost); any other 409 is a conflict for the user.
 */
export function createDeliveryAdapter(client: DeliveryClient): BackendAdapter {
  return {
    async push({ flow, record, overwrite }) {
      const id = flow.campaign.id;
      const hash = flowContentHash(flow);
      const document = JSON.parse(exportFlowJson(flow)) as unknown;
      const base = overwrite ? overwrite.revision : record.remoteId === null ? null : record.remoteRevision;
      // The same write (content on top of the same revision) always carries the same key.
      const key = (revision: string | null) => `cs:${id}:${revision ?? 'new'}:${hash}`.slice(0, 200);
      // Waiting journeys move only with the publish over the revision they were chosen on (#15).
      const body = (revision: string | null) => {
        const move = record.options?.moveWaiting;
        return { document, contentHash: hash, ...(move && revision !== null && move.over === revision && move.nodes.length ? { moveWaiting: move.nodes } : {}) };
      };
      let put = await client.put(id, body(base), base, key(base));
      // Found there, a version we wrote whose answer was lost is ours, not someone else's (#14.2);
      // so is the content we last synced at a later revision (Live mode's pause and resume write revisions, #15).
      if (!put.ok && put.current && put.current.contentHash !== hash && ((record.writtenHashes ?? []).includes(put.current.contentHash) || (base !== null && put.current.contentHash === record.remoteHash))) {
        put = await client.put(id, body(put.current.revision), put.current.revision, key(put.current.revision));
      }
      const moved = put.ok ? put.value.moved : undefined;
      let remote: RemoteFlow;
      let action: 'created' | 'updated' | 'found' = base === null ? 'created' : 'updated';
      if (put.ok) remote = put.value;
      else if (put.current && put.current.contentHash === hash) {
        remote = put.current;
        action = 'found';
      } else if (put.current) return conflict(put.current, put);
      else if (put.error.kind === 'not-found' && base !== null) return deleted(id);
      else return { ok: false, error: put.error, ...(put.error.retryable ? { written: hash } : {}) };

      const wanted = wantedRemoteStatus(flow.campaign.status);
      if (wanted !== 'draft' && remote.status !== wanted) {
        const moved = wanted === 'published' ? await client.publish(id, remote.revision) : await client.pause(id, remote.revision);
        if (moved.ok) remote = moved.value;
        // A replayed write (same Idempotency-Key) answers as it did the first time; if that
        // first attempt was also published, the server is already where we want it: ours.
        else if (moved.current && moved.current.contentHash === hash && moved.current.status === wanted) {
          remote = moved.current;
          action = 'found';
        } else return { ok: false, error: moved.error };
      }
      const warnings = moved ? [movedNote(moved, remote.revision)] : [];
      return { ok: true, remoteId: id, remoteRevision: remote.revision, remoteHash: remote.contentHash, action, warnings };
    },
  };
}

function conflict(current: RemoteFlow, failure: DeliveryFailure): Failure {
  return {
    ok: false,
    error: failure.error,
    conflict: { revision: current.revision, hash: current.contentHash, deleted: false, document: current.document, summary: `Revision ${current.revision}, changed ${current.updatedAt}` },
  };
}

function deleted(id: string): Failure {
  return {
    ok: false,
    error: syncError('conflict', `The flow "${id}" was deleted on the delivery backend. Publish again to recreate it, or unlink it.`),
    conflict: { revision: null, hash: null, deleted: true, document: null, summary: 'Deleted on the delivery backend' },
  };
}

/** What the runner said about the waiting journeys it moved with the publish, for the publish panel. */
function movedNote(moved: { journeys: number; kept: number; reason?: string | undefined }, revision: string): Problem {
  const n = moved.journeys;
  const kept = moved.kept ? ` ${moved.kept} could not move and stay on their version${moved.reason ? ` (${moved.reason})` : ''}.` : '';
  return { severity: 'info', code: 'delivery.moved', message: `${n} waiting journey${n === 1 ? '' : 's'} moved to ${revision}.${kept}`, path: '$' };
}
