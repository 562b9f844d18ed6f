import type { FlowDocument } from '../../src-shared/flow/document';
import type { Problem } from '../../src-shared/flow/problems';
import type { BackendAdapter, PushResult } from '../../src-shared/sync/adapter';
import type { AccountDirectory } from '../../src-shared/sync/chatwoot/directory';
import { chatwootFieldErrors } from '../../src-shared/sync/chatwoot/field-errors';
import { chatwootFingerprint, chatwootToFlow, fieldsFingerprint } from '../../src-shared/sync/chatwoot/from-chatwoot';
import { isSent, type ChatwootCampaign } from '../../src-shared/sync/chatwoot/resource';
import { flowToChatwoot, remoteEditProblem, type ChatwootCampaignFields } from '../../src-shared/sync/chatwoot/to-chatwoot';
import { readMarker } from '../../src-shared/sync/marker';
import { syncError, type FieldError } from '../../src-shared/sync/sync-error';
import type { ChatwootClient, ChatwootFailure } from './chatwoot-client';

type Failure = Extract<PushResult, { ok: false }>;

/**
 * Publishes flows as Chatwoot campaigns. Safe to repeat: with no remote id yet it first lists
 * the account's campaigns and adopts the one tagged `[cs:<flowId>]` (a create whose answer
 * was lost), so a timeout never creates a campaign twice. Before an update it re-reads the
 * campaign: a sent one-off is locked, and a campaign someone edited in Chatwoot since the last
 * sync is a conflict, not something to overwrite.
 */
export function createChatwootAdapter(client: ChatwootClient): BackendAdapter {
  return {
    async push({ flow, record, overwrite }) {
      const dir = await client.directory();
      if (!dir.ok) return fromClient(dir, flow);
      const mapping = flowToChatwoot(flow, dir.value, record.options);
      if (!mapping.ok) return mappingFailure(mapping.problems);
      const { fields, warnings } = mapping;

      let remote: ChatwootCampaign | undefined;
      if (record.remoteId !== null) {
        const id = Number(record.remoteId);
        const got = await client.getCampaign(id);
        if (got.ok) remote = got.value;
        else if (got.error.kind === 'not-found' || got.error.kind === 'server') {
          // Chatwoot has no 404 handler: an unknown id may come back as any error. The list tells.
          const list = await client.listCampaigns();
          if (!list.ok) return fromClient(list, flow);
          remote = list.value.find((c) => c.id === id);
          if (!remote) return deleted(id);
        } else return fromClient(got, flow);

        const refused = remoteEditProblem(remote, mapping.campaignType);
        if (refused) return isSent(remote) ? { ok: false, error: syncError('locked', refused.message), locked: refused.message, problems: [refused] } : mappingFailure([refused]);
        const fingerprint = chatwootFingerprint(remote);
        // Not someone else's edit: what we are about to write, or a write of ours whose answer was lost (#14.2).
        const ours = fingerprint === fieldsFingerprint(fields) || (record.writtenHashes ?? []).includes(fingerprint);
        const editedThere = record.remoteHash !== null && fingerprint !== record.remoteHash && !ours;
        if (editedThere && overwrite?.hash !== fingerprint) return conflict(remote, flow, dir.value);
        return update(remote.id, fields, flow, warnings, 'updated');
      }

      // Never synced, or the answer to our create was lost: look for our marker first.
      const list = await client.listCampaigns();
      if (!list.ok) return fromClient(list, flow);
      const mine = list.value.filter((c) => readMarker(c.description) === flow.campaign.id).sort((a, b) => a.id - b.id);
      const found = mine[0];
      if (found) {
        const refused = remoteEditProblem(found, mapping.campaignType);
        if (refused) return isSent(found) ? { ok: false, error: syncError('locked', refused.message), locked: refused.message, problems: [refused] } : mappingFailure([refused]);
        return update(found.id, fields, flow, warnings, 'found');
      }
      const created = await client.createCampaign(fields);
      if (!created.ok) return withWritten(fromClient(created, flow), fields);
      return settleDuplicates(created.value, fields, flow, warnings);
    },
  };

  /**
   * Chatwoot's "find by marker, else create" is not atomic: another writer (a second CLI, a
   * machine the lock file does not reach) may have created the same campaign meanwhile. Read
   * the list again: the oldest campaign with the marker is the one; if ours is not it, remove
   * ours (never theirs, so two writers cannot remove each other's) and update the oldest.
   */
  async function settleDuplicates(ours: ChatwootCampaign, fields: ChatwootCampaignFields, flow: FlowDocument, warnings: Problem[]): Promise<PushResult> {
    const list = await client.listCampaigns();
    if (!list.ok) return success(ours, warnings, 'created');
    const oldest = list.value.filter((c) => readMarker(c.description) === flow.campaign.id).sort((a, b) => a.id - b.id)[0];
    if (!oldest || oldest.id >= ours.id) return success(ours, warnings, 'created');
    const removed = await client.deleteCampaign(ours.id);
    const note: Problem = removed.ok
      ? { severity: 'info', code: 'chatwoot.duplicate-removed', message: `Another publish created this campaign at the same moment (campaign ${oldest.id}); the copy made here (campaign ${ours.id}) was removed and campaign ${oldest.id} was updated.`, path: '$' }
      : { severity: 'warning', code: 'chatwoot.duplicate-left', message: `Another publish created this campaign at the same moment (campaign ${oldest.id}); removing the copy made here (campaign ${ours.id}) failed: ${removed.error.message} Delete campaign ${ours.id} in Chatwoot.`, path: '$' };
    return update(oldest.id, fields, flow, [...warnings, note], 'found');
  }

  async function update(id: number, fields: ChatwootCampaignFields, flow: FlowDocument, warnings: Problem[], action: 'updated' | 'found'): Promise<PushResult> {
    const updated = await client.updateCampaign(id, fields);
    if (!updated.ok) return withWritten(fromClient(updated, flow), fields);
    return success(updated.value, warnings, action);
  }
}

/** A write whose answer never came may have landed: say what it would have left there. */
function withWritten(failure: Failure, fields: ChatwootCampaignFields): Failure {
  return failure.error.retryable ? { ...failure, written: fieldsFingerprint(fields) } : failure;
}

function success(c: ChatwootCampaign, warnings: Problem[], action: 'created' | 'updated' | 'found'): PushResult {
  return { ok: true, remoteId: String(c.id), remoteRevision: c.updated_at ?? null, remoteHash: chatwootFingerprint(c), action, warnings };
}

function conflict(remote: ChatwootCampaign, flow: FlowDocument, dir: AccountDirectory): Failure {
  const when = remote.updated_at ? ` at ${remote.updated_at.slice(0, 16).replace('T', ' ')} UTC` : '';
  return {
    ok: false,
    error: syncError('conflict', `Someone changed "${remote.title}" in Chatwoot${when} since it was last published from here. Choose which version to keep.`),
    conflict: { revision: remote.updated_at ?? null, hash: chatwootFingerprint(remote), deleted: false, document: chatwootToFlow(flow, remote, dir) as unknown as Record<string, unknown>, summary: `Changed in Chatwoot${when}` },
  };
}

function deleted(id: number): Failure {
  return {
    ok: false,
    error: syncError('conflict', `Campaign ${id} was deleted in Chatwoot. Publish again to create it anew, or unlink the flow.`),
    conflict: { revision: null, hash: null, deleted: true, document: null, summary: `Campaign ${id} was deleted in Chatwoot` },
  };
}

function mappingFailure(problems: Problem[]): Failure {
  const errors = problems.filter((p) => p.severity === 'error');
  const unsupported = errors.some((p) => /^chatwoot\.(workflow|shape|channel|trigger|many-messages|step|type-changed)$/.test(p.code));
  const first = errors[0]?.message ?? 'The flow cannot be published to Chatwoot.';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  const fields: FieldError[] = errors.map((p) => ({ attribute: p.code, message: p.message, path: p.path, ...(p.nodeId ? { nodeId: p.nodeId } : {}), ...(p.field ? { field: p.field } : {}) }));
  return { ok: false, error: syncError(unsupported ? 'unsupported' : 'validation', `${first}${more}`, { fields }), problems };
}

function fromClient(failure: ChatwootFailure, flow: FlowDocument): Failure {
  if (failure.validation) {
    const fields = chatwootFieldErrors(failure.validation, flow);
    return { ok: false, error: { ...failure.error, fields } };
  }
  return { ok: false, error: failure.error };
}
