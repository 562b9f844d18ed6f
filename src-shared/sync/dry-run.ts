import type { FlowDocument } from '../flow/document';
import { exportFlowJson } from '../flow/io';
import type { Problem } from '../flow/problems';
import type { ChatwootBackend } from './backend-config';
import type { AccountDirectory, DirectoryInbox } from './chatwoot/directory';
import { chatwootPaths, type PlannedRequest } from './chatwoot/paths';
import { audienceLabels, flowToChatwoot, type ChatwootMappingOptions } from './chatwoot/to-chatwoot';
import { flowContentHash } from './content-hash';
import { deliveryPaths, wantedRemoteStatus } from './delivery/types';

/**
 * The requests `push` would send to Chatwoot, without any network: the directory and
 * campaign reads, then the create. Ids that only the account knows (inbox, labels, agents
 * named rather than numbered) appear as `"<label enterprise>"`; if the account already has a
 * campaign tagged for this flow, the real push updates it (PATCH) instead of creating one.
 */
export function planChatwootPush(doc: FlowDocument, backend: ChatwootBackend, opts: ChatwootMappingOptions = {}): { ok: true; requests: PlannedRequest[]; warnings: Problem[] } | { ok: false; problems: Problem[] } {
  const placeholders = new Map<number, string>();
  let next = -1;
  const hole = (text: string) => {
    placeholders.set(next, text);
    return next--;
  };
  const send = doc.nodes.find((n) => n.type === 'send');
  const channel = send?.type === 'send' ? send.data.channel : null;
  const kind: DirectoryInbox['kind'] = doc.campaign.kind === 'live-chat' ? 'website' : channel === 'whatsapp' ? 'whatsapp' : 'sms';
  const ref = (send?.type === 'send' ? send.data.inboxId : undefined) ?? doc.campaign.channelDefaults.inboxId;
  const template = opts.whatsappTemplate;
  const inbox: DirectoryInbox = {
    id: ref && /^\d+$/.test(ref) ? Number(ref) : hole(ref ? `<inbox ${ref}>` : '<the account\'s inbox>'),
    name: ref ?? 'inbox',
    kind,
    // The template is checked against the account at push time.
    templates: [],
  };
  const sender = (send?.type === 'send' ? send.data.sender : null) ?? doc.campaign.channelDefaults.sender;
  const dir: AccountDirectory = {
    inboxes: [inbox],
    agents: sender?.type === 'agent' ? [{ id: /^\d+$/.test(sender.agentId) ? Number(sender.agentId) : hole(`<agent ${sender.agentId}>`), name: sender.agentId }] : [],
    labels: audienceLabels(doc).map((title) => ({ id: hole(`<label ${title}>`), title })),
  };
  const mapped = flowToChatwoot(doc, dir, template ? { whatsappTemplate: template } : {});
  if (!mapped.ok) return mapped;
  const body = JSON.parse(JSON.stringify({ campaign: mapped.fields }), (_k, v: unknown) => (typeof v === 'number' && placeholders.has(v) ? placeholders.get(v) : v)) as unknown;
  const id = backend.accountId;
  return {
    ok: true,
    warnings: mapped.warnings,
    requests: [
      { method: 'GET', path: chatwootPaths.inboxes(id) },
      { method: 'GET', path: chatwootPaths.agents(id) },
      { method: 'GET', path: chatwootPaths.labels(id) },
      { method: 'GET', path: chatwootPaths.campaigns(id) },
      { method: 'POST', path: chatwootPaths.campaigns(id), body },
    ],
  };
}

/** The requests `push` would send to a delivery API: read the current revision, write, then publish or pause. */
export function planDeliveryPush(doc: FlowDocument): PlannedRequest[] {
  const id = doc.campaign.id;
  const requests: PlannedRequest[] = [
    { method: 'GET', path: deliveryPaths.flow(id) },
    { method: 'PUT', path: deliveryPaths.flow(id), headers: { 'if-match': '"<revision from the GET>"', 'if-none-match': '* (instead, when the GET answers 404)' }, body: { document: JSON.parse(exportFlowJson(doc)) as unknown, contentHash: flowContentHash(doc) } },
  ];
  const wanted = wantedRemoteStatus(doc.campaign.status);
  if (wanted !== 'draft') requests.push({ method: 'POST', path: wanted === 'published' ? deliveryPaths.publish(id) : deliveryPaths.pause(id), headers: { 'if-match': '"<revision from the PUT>"' } });
  return requests;
}
