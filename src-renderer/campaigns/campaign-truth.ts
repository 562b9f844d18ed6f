import type { LiveChatCampaign, OneOffCampaign } from '../../src-shared/campaigns/index';
import type { RemoteStatus } from '../../src-shared/host/live-contract';
import type { SyncError } from '../../src-shared/sync/index';
import type { Tone } from '../ui/tone';

/** What the backend said when asked for a published campaign's status. */
export type RemoteRead = { status: 'loading' } | { status: 'ready'; remote: RemoteStatus } | { status: 'error'; error: Pick<SyncError, 'kind' | 'message'> };

/** Where a campaign is published: one backend, its remote id, and what reading its status gave. */
export interface Placement {
  backend: string;
  kind: 'chatwoot' | 'delivery';
  remoteId: string;
  read: RemoteRead;
}

/** What a card shows: its status pill, where it is published, and whether Edit is offered. */
export interface CardTruth {
  /** Its words, its tone, and whether work is under way there (the dot pulses). */
  status: { text: string; tone: Tone; busy?: boolean };
  /** One line per backend, or that it is published nowhere. */
  where: string[];
  editable: boolean;
  editReason?: string;
}

const OFFLINE = new Set<SyncError['kind']>(['network', 'timeout', 'dns', 'refused']);

/** "campaign 12 on “support”", with what the backend says of it. */
function placementLine(p: Placement, what: 'campaign' | 'flow'): string {
  const on = `${what} ${p.remoteId} on “${p.backend}”`;
  if (p.read.status === 'loading') return `Published as ${on} · checking its status…`;
  if (p.read.status === 'error') {
    if (p.read.error.kind === 'not-found') return `Was published as ${on}, which no longer exists there.`;
    return `Published as ${on} · ${OFFLINE.has(p.read.error.kind) ? 'offline, status unknown' : 'status unknown'}: ${p.read.error.message}`;
  }
  const r = p.read.remote;
  if (r.kind === 'runner') return `Published as ${on} · ${r.status} at ${r.revision}`;
  const state = r.status === 'processing' ? 'being sent' : r.status === 'completed' ? 'sent' : r.enabled ? 'active' : 'active, disabled';
  return `Published as ${on} · Chatwoot says ${state}`;
}

/**
 * A one-off's card from what is known, never from the local clock: unpublished it is a draft,
 * held back or "Not published" (however late its time is); published, its status is Chatwoot's
 * `campaign_status` read back (Scheduled, Being sent, Sent), or "Status unknown" with why.
 */
export function oneOffTruth(form: Pick<OneOffCampaign, 'enabled' | 'completed'>, draft: boolean, placements: readonly Placement[]): CardTruth {
  const where = placements.map((p) => placementLine(p, 'campaign'));
  const chatwoot = placements.find((p) => p.kind === 'chatwoot');
  if (!chatwoot) {
    if (form.completed) return { status: { text: 'Sent', tone: 'success' }, where: ['Sent; no backend copy is linked any more.'], editable: false, editReason: 'Sent campaigns cannot be edited' };
    const status = draft ? { text: 'Draft', tone: 'neutral' as const } : !form.enabled ? { text: 'Disabled', tone: 'neutral' as const } : { text: 'Not published', tone: 'neutral' as const };
    return { status, where: where.length ? where : ['Not published: only this app has it, so nothing is sent.'], editable: true };
  }
  const read = chatwoot.read;
  if (read.status === 'loading') return { status: { text: 'Published', tone: 'info' }, where, editable: true };
  if (read.status === 'error') {
    if (read.error.kind === 'not-found') return { status: { text: 'Deleted in Chatwoot', tone: 'danger' }, where, editable: true };
    return { status: { text: 'Status unknown', tone: 'neutral' }, where, editable: true };
  }
  const r = read.remote;
  if (r.kind !== 'chatwoot') return { status: { text: 'Published', tone: 'info' }, where, editable: true };
  if (r.status === 'processing') return { status: { text: 'Being sent', tone: 'warning', busy: true }, where, editable: false, editReason: 'Being sent: it can no longer be edited' };
  if (r.status === 'completed') return { status: { text: 'Sent', tone: 'success' }, where, editable: false, editReason: 'Sent campaigns cannot be edited' };
  return { status: { text: 'Scheduled', tone: 'info' }, where, editable: true };
}

/** A live-chat campaign's card: enabled or not here, and where it runs with what the backend says. */
export function liveChatTruth(form: Pick<LiveChatCampaign, 'enabled'>, placements: readonly Placement[]): CardTruth {
  const where = placements.length ? placements.map((p) => placementLine(p, 'campaign')) : ['Not published: only this app has it, so no visitor sees it.'];
  const chatwoot = placements.find((p) => p.kind === 'chatwoot');
  const remote = chatwoot?.read.status === 'ready' && chatwoot.read.remote.kind === 'chatwoot' ? chatwoot.read.remote : null;
  if (chatwoot?.read.status === 'error') return { status: { text: chatwoot.read.error.kind === 'not-found' ? 'Deleted in Chatwoot' : 'Status unknown', tone: chatwoot.read.error.kind === 'not-found' ? 'danger' : 'neutral' }, where, editable: true };
  if (remote) return { status: remote.enabled ? { text: 'Enabled', tone: 'success' } : { text: 'Disabled', tone: 'neutral' }, where, editable: true };
  return { status: form.enabled ? { text: 'Enabled', tone: 'success' } : { text: 'Disabled', tone: 'neutral' }, where, editable: true };
}
