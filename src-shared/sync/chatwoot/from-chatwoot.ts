import type { FlowDocument } from '../../flow/document';
import { inboxToBusinessHours } from '../../campaigns/inbox-hours';
import { normaliseFlow } from '../../flow/io';
import type { FlowNode } from '../../flow/nodes';
import { fnv1a64 } from '../content-hash';
import { stripMarker } from '../marker';
import { findAgent, findInbox, type AccountDirectory } from './directory';
import { audienceLabels, type ChatwootCampaignFields } from './to-chatwoot';
import type { ChatwootCampaign } from './resource';
import { unixToLocal } from './schedule';

/**
 * A hash of what a person can change on a Chatwoot campaign (not its status or timestamps).
 * Stored after each sync; a different value on the next read means someone edited the
 * campaign in Chatwoot, and pushing would overwrite their edit: a conflict.
 */
export function chatwootFingerprint(c: ChatwootCampaign): string {
  const senderId = typeof c.sender?.id === 'number' ? c.sender.id : null;
  const subset = {
    title: c.title,
    description: stripMarker(c.description),
    message: c.message,
    enabled: c.enabled,
    inbox: c.inbox?.id ?? null,
    sender: senderId,
    rules: c.trigger_rules ? { url: c.trigger_rules.url ?? null, time: c.trigger_rules.time_on_page ?? null } : null,
    hours: c.trigger_only_during_business_hours ?? null,
    at: c.scheduled_at ?? null,
    audience: (c.audience ?? []).map((a) => a.id).sort((a, b) => (a ?? 0) - (b ?? 0)),
    template: c.template_params ?? null,
  };
  return `fnv1a64:${fnv1a64(JSON.stringify(subset))}`;
}

/**
 * The fingerprint a campaign will have once Chatwoot stores these fields (as {@link
 * chatwootFingerprint} reads it back): what a write of ours leaves there, to recognise it later.
 */
export function fieldsFingerprint(f: ChatwootCampaignFields): string {
  return chatwootFingerprint({
    id: 0,
    title: f.title,
    description: f.description ?? null,
    message: f.message,
    enabled: f.enabled ?? true,
    campaign_status: 'active',
    campaign_type: f.scheduled_at ? 'one_off' : 'ongoing',
    inbox: { id: f.inbox_id },
    sender: f.sender_id ? { id: f.sender_id } : {},
    trigger_rules: f.trigger_rules ?? {},
    trigger_only_during_business_hours: f.trigger_only_during_business_hours ?? false,
    ...(f.scheduled_at ? { scheduled_at: Math.floor(Date.parse(f.scheduled_at) / 1000) } : {}),
    ...(f.audience ? { audience: f.audience } : {}),
    template_params: f.template_params ?? null,
  } as ChatwootCampaign);
}

/**
 * The local flow rewritten to say what the remote campaign says ("take theirs" in a
 * conflict): title, description, message, inbox, sender, URL rules, schedule and labels.
 * Ids, layout and what Chatwoot does not store stay as they were.
 */
export function chatwootToFlow(base: FlowDocument, remote: ChatwootCampaign, dir: AccountDirectory): FlowDocument {
  const c = { ...base.campaign };
  c.name = remote.title;
  c.description = stripMarker(remote.description).trimEnd();
  const ongoing = remote.campaign_type === 'ongoing';
  if (ongoing) {
    c.status = remote.enabled ? 'active' : c.status === 'draft' ? 'draft' : 'paused';
    const url = remote.trigger_rules?.url;
    const time = remote.trigger_rules?.time_on_page;
    if (typeof url === 'string') c.trigger = { type: 'page_visit', urlPattern: url, secondsOnPage: typeof time === 'number' ? time : Number(time ?? 10) || 0 };
    c.outsideBusinessHours = remote.trigger_only_during_business_hours ? 'wait' : 'send_anyway';
    // The hours that decide are the inbox's: the flow takes them as they are in Chatwoot.
    const hours = dir.inboxes.find((i) => i.id === remote.inbox?.id)?.hours;
    if (c.outsideBusinessHours === 'wait' && hours?.enabled) c.businessHours = inboxToBusinessHours(hours);
  } else {
    if (remote.campaign_status === 'completed') c.status = 'completed';
    if (remote.scheduled_at !== undefined) {
      const tz = c.trigger.type === 'scheduled' ? (c.trigger.timezone ?? c.timezone) : c.timezone;
      c.trigger = { type: 'scheduled', at: unixToLocal(remote.scheduled_at, tz), timezone: tz };
    }
    const titles = (remote.audience ?? []).map((a) => dir.labels.find((l) => l.id === a.id)?.title ?? `label-${a.id}`);
    const kept = audienceLabels(base);
    const same = titles.length === kept.length && titles.every((t) => kept.some((k) => k.toLowerCase() === t.toLowerCase()));
    if (!same) c.audience = { type: 'group', match: 'any', rules: titles.map((tag) => ({ type: 'tag', operator: 'has', tag })) };
  }
  const nodes = base.nodes.map((n): FlowNode => {
    if (n.type !== 'send') return n;
    const data = { ...n.data, body: remote.message };
    const ref = data.inboxId ?? c.channelDefaults.inboxId;
    const remoteInbox = remote.inbox?.id;
    if (remoteInbox !== undefined && (!ref || findInbox(dir, ref)?.id !== remoteInbox)) data.inboxId = String(remoteInbox);
    if (ongoing) {
      const senderId = typeof remote.sender?.id === 'number' ? remote.sender.id : null;
      const current = data.sender ?? c.channelDefaults.sender ?? { type: 'bot' as const };
      const currentId = current.type === 'agent' ? findAgent(dir, current.agentId)?.id : null;
      if (senderId === null && current.type === 'agent') data.sender = { type: 'bot' };
      else if (senderId !== null && currentId !== senderId) {
        const agent = dir.agents.find((a) => a.id === senderId);
        data.sender = { type: 'agent', agentId: String(senderId), ...(agent ? { name: agent.name } : {}) };
      }
    }
    return { ...n, data };
  });
  return normaliseFlow({ ...base, campaign: c, nodes });
}
