import type { FlowDocument } from '../../flow/document';
import type { BusinessHours } from '../../flow/campaign';
import { describeBusinessHours } from '../../campaigns/business-hours';
import { inboxToBusinessHours } from '../../campaigns/inbox-hours';
import type { Problem } from '../../flow/problems';
import { withMarker } from '../marker';
import { findAgent, findInbox, findLabel, inboxRefusal, type AccountDirectory, type CampaignChannel, type DirectoryInbox } from './directory';
import { chatwootExpressibility, type ChatwootCampaignType } from './expressible';
import { isSent, type ChatwootCampaign } from './resource';
import { scheduledAtIso } from './schedule';
import { templateVariables } from './whatsapp-template';

/** The `campaign` object of Chatwoot's create/update body (request_campaign_fields.yml). */
export interface ChatwootCampaignFields {
  title: string;
  description: string;
  message: string;
  inbox_id: number;
  sender_id?: number | null;
  enabled: boolean;
  trigger_only_during_business_hours?: boolean;
  trigger_rules?: { url: string; time_on_page: number };
  scheduled_at?: string;
  audience?: { type: 'Label'; id: number }[];
  template_params?: { name: string; language: string; namespace?: string; category?: string; processed_params?: { body: Record<string, string> } };
}

/** The WhatsApp template a one-off WhatsApp campaign is sent as (the flow format has no field for it yet). */
export interface WhatsappTemplateChoice {
  name: string;
  language: string;
  /** Values for the template's body variables by position ("1") or name; Liquid allowed. */
  params?: Record<string, string>;
}

export interface ChatwootMappingOptions {
  whatsappTemplate?: WhatsappTemplateChoice;
}

export type ChatwootMapping =
  | { ok: true; campaignType: ChatwootCampaignType; fields: ChatwootCampaignFields; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * The Chatwoot campaign a flow becomes, with every id resolved from the account's directory,
 * or every reason it cannot be built yet, each placed on the flow field to fix. The body to
 * send is `{ campaign: fields }` for both create (POST) and update (PATCH).
 *
 * @example
 * const m = flowToChatwoot(doc, directory);
 * if (m.ok) await client.createCampaign({ campaign: m.fields });
 */
export function flowToChatwoot(doc: FlowDocument, dir: AccountDirectory, opts: ChatwootMappingOptions = {}): ChatwootMapping {
  const can = chatwootExpressibility(doc);
  if (!can.ok) return { ok: false, problems: can.reasons };
  const c = doc.campaign;
  const { send, sendIndex } = can;
  const errors: Problem[] = [];
  const err = (code: string, message: string, path: string, field?: string) =>
    errors.push({ severity: 'error', code: `chatwoot.${code}`, message, path, ...(field ? { nodeId: send.id, field } : {}) });

  if (!c.name.trim()) err('title-missing', 'Give the campaign a name: Chatwoot requires a title.', '$.campaign.name');
  if (!send.data.body.trim()) err('message-missing', 'The message is empty.', `$.nodes[${sendIndex}].data.body`, 'data.body');

  const inboxRef = send.data.inboxId ?? c.channelDefaults.inboxId;
  const inboxPath = send.data.inboxId !== undefined ? `$.nodes[${sendIndex}].data.inboxId` : '$.campaign.channelDefaults.inboxId';
  const channel: CampaignChannel = can.campaignType === 'ongoing' ? 'website' : send.data.channel === 'whatsapp' ? 'whatsapp' : 'sms';
  const candidates = dir.inboxes.filter((i) => inboxRefusal(i, channel) === null);
  let inbox: DirectoryInbox | undefined;
  if (inboxRef) {
    inbox = findInbox(dir, inboxRef);
    const refusal = inbox && inboxRefusal(inbox, channel);
    if (!inbox) err('inbox-unknown', `The account has no inbox "${inboxRef}". Choose one of: ${names(candidates)}.`, inboxPath);
    else if (refusal) err('inbox-kind', `${refusal} Inboxes that fit: ${names(candidates)}.`, inboxPath);
  } else if (candidates.length === 1) {
    inbox = candidates[0];
  } else {
    err('inbox-missing', `Choose the inbox to send from: ${names(candidates)}.`, inboxPath);
  }

  const fields: Partial<ChatwootCampaignFields> = { title: c.name.trim(), description: withMarker(c.description, c.id), message: send.data.body, inbox_id: inbox?.id ?? 0 };

  if (can.campaignType === 'ongoing' && c.trigger.type === 'page_visit') {
    const sender = send.data.sender ?? c.channelDefaults.sender ?? { type: 'bot' as const };
    let senderId: number | null = null;
    if (sender.type === 'agent') {
      const agent = findAgent(dir, sender.agentId);
      if (agent) senderId = agent.id;
      else err('sender-unknown', `No agent "${sender.name ?? sender.agentId}" in this account; choose a sender among ${dir.agents.map((a) => a.name).join(', ') || 'its agents'}.`, `$.nodes[${sendIndex}].data.sender`, 'data.sender');
    }
    if (!/^https?:\/\//.test(c.trigger.urlPattern.trim())) err('url', 'The page URL must start with http:// or https://.', '$.campaign.trigger.urlPattern');
    Object.assign(fields, {
      sender_id: senderId,
      enabled: c.status === 'active',
      trigger_only_during_business_hours: c.outsideBusinessHours === 'wait',
      trigger_rules: { url: c.trigger.urlPattern.trim(), time_on_page: c.trigger.secondsOnPage },
    });
  } else if (c.trigger.type === 'scheduled') {
    if (c.status !== 'active' && c.status !== 'completed') {
      err('one-off-not-active', `This one-off campaign is ${c.status}. Chatwoot sends every one-off campaign at its time whether enabled or not, so only an active campaign is published.`, '$.campaign.status');
    }
    const tz = c.trigger.timezone ?? c.timezone;
    const at = c.trigger.at ? scheduledAtIso(c.trigger.at, tz) : null;
    if (!at) err('schedule-missing', 'Set the date and time to send.', '$.campaign.trigger.at');
    const labels = audienceLabels(doc);
    const audience: { type: 'Label'; id: number }[] = [];
    for (const title of labels) {
      const label = findLabel(dir, title);
      if (label) audience.push({ type: 'Label', id: label.id });
      else err('label-unknown', `The account has no label "${title}"; create it in Chatwoot or choose among ${dir.labels.map((l) => l.title).join(', ') || '(none)'}.`, '$.campaign.audience');
    }
    if (labels.length === 0) err('audience-missing', 'Choose at least one label: Chatwoot sends one-off campaigns to contacts with any of the labels.', '$.campaign.audience');
    Object.assign(fields, { enabled: true, audience, ...(at ? { scheduled_at: at } : {}) });
    if (inbox && send.data.channel === 'whatsapp') {
      const template = whatsappTemplate(inbox, opts.whatsappTemplate, (message) => err('template', message, `$.nodes[${sendIndex}].data.body`, 'data.body'));
      if (template) fields.template_params = template;
    }
  }
  const notes = can.campaignType === 'ongoing' ? businessHoursNotes(can.notes, doc, inbox) : can.notes;
  if (errors.length) return { ok: false, problems: [...errors, ...notes] };
  return { ok: true, campaignType: can.campaignType, fields: fields as ChatwootCampaignFields, warnings: notes };
}

/** The labels a one-off flow's audience names ("has label" rules, in nested "any" groups too). */
export function audienceLabels(doc: FlowDocument): string[] {
  const out: string[] = [];
  const walk = (rules: NonNullable<FlowDocument['campaign']['audience']>['rules']) => {
    for (const r of rules) {
      if (r.type === 'tag' && r.operator === 'has' && r.tag.trim()) out.push(r.tag.trim());
      else if (r.type === 'group') walk(r.rules);
    }
  };
  walk(doc.campaign.audience?.rules ?? []);
  return [...new Set(out)];
}

function whatsappTemplate(inbox: DirectoryInbox, choice: WhatsappTemplateChoice | undefined, fail: (message: string) => void): ChatwootCampaignFields['template_params'] | undefined {
  const approved = inbox.templates.filter((t) => !t.status || t.status.toUpperCase() === 'APPROVED');
  const list = approved.map((t) => `${t.name} (${t.language})`).join(', ') || 'none approved yet';
  if (!choice) {
    fail(`WhatsApp campaigns are sent as an approved template: choose one of ${inbox.name}'s templates (${list}).`);
    return undefined;
  }
  // Chatwoot compares the language without regard to case (en_US = en_us).
  const template = inbox.templates.find((t) => t.name === choice.name && t.language.toLowerCase() === choice.language.toLowerCase());
  if (inbox.templates.length && !template) {
    fail(`${inbox.name} has no template "${choice.name}" in "${choice.language}"; its templates: ${list}.`);
    return undefined;
  }
  const bodyText = template?.components?.find((p) => p.type.toUpperCase() === 'BODY')?.text ?? '';
  const needed = templateVariables(bodyText);
  const missing = needed.filter((k) => !choice.params?.[k]);
  if (missing.length) {
    fail(`The template "${choice.name}" needs a value for {{${missing.join('}}, {{')}}}.`);
    return undefined;
  }
  return {
    name: choice.name,
    language: choice.language,
    ...(template?.namespace ? { namespace: template.namespace } : {}),
    ...(template?.category ? { category: template.category } : {}),
    ...(choice.params && Object.keys(choice.params).length ? { processed_params: { body: { ...choice.params } } } : {}),
  };
}

/**
 * Why a remote campaign may not be updated from this flow, or null: a one-off that was sent
 * is locked for good, and Chatwoot cannot turn an ongoing campaign into a one-off (or back).
 */
export function remoteEditProblem(remote: ChatwootCampaign, campaignType: ChatwootCampaignType): Problem | null {
  if (isSent(remote)) {
    const when = remote.completed_at ?? remote.started_at ?? remote.scheduled_at;
    const date = when ? ` on ${new Date(when * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
    const state = remote.campaign_status === 'processing' ? 'is being sent' : `was sent${date}`;
    return { severity: 'error', code: 'chatwoot.sent', message: `This one-off campaign ${state}; a sent campaign cannot be changed or unsent. Duplicate the flow to send a new one.`, path: '$.campaign' };
  }
  if (remote.campaign_type !== campaignType) {
    const what = (t: ChatwootCampaignType) => (t === 'ongoing' ? 'a live-chat (ongoing)' : 'a one-off');
    const effect = campaignType === 'one_off' ? 'it would become a one-off, sent to its audience at the scheduled time (or at once when none is set)' : 'it would become a live-chat campaign and its schedule would be dropped';
    return { severity: 'error', code: 'chatwoot.type-changed', message: `In Chatwoot this is ${what(remote.campaign_type)} campaign, and this flow is now ${what(campaignType)} campaign. Chatwoot derives a campaign's type from its inbox on every save, so publishing would change campaign ${remote.id} in place: ${effect}. Not published; delete the campaign in Chatwoot first, or duplicate the flow.`, path: '$.campaign.kind' };
  }
  return null;
}

function names(inboxes: DirectoryInbox[]): string {
  return inboxes.length ? inboxes.map((i) => `"${i.name}"`).join(', ') : 'the account has no suitable inbox';
}

/**
 * The business-hours note of a live-chat campaign once its inbox is known: Chatwoot uses the
 * inbox's working hours, so no note when the flow carries the same hours, the inbox's hours when
 * they differ, and "at any time" when the inbox has working hours turned off.
 */
function businessHoursNotes(notes: Problem[], doc: FlowDocument, inbox: DirectoryInbox | undefined): Problem[] {
  const c = doc.campaign;
  const hours = inbox?.hours;
  if (!inbox || !hours || c.outsideBusinessHours !== 'wait') return notes;
  const rest = notes.filter((n) => n.code !== 'chatwoot.business-hours');
  const note = (message: string): Problem[] => [...rest, { severity: 'warning', code: 'chatwoot.business-hours', message, path: '$.campaign.businessHours' }];
  if (!hours.enabled) return note(`Working hours are turned off for the inbox "${inbox.name}" in Chatwoot, so Chatwoot shows this campaign at any time, not only during business hours.`);
  const theirs = inboxToBusinessHours(hours);
  const ours = c.businessHours;
  const key = (bh: BusinessHours, tz: string) => `${bh.timezone ?? tz}|${bh.intervals.map((i) => `${i.day} ${i.open}-${i.close}`).sort().join(',')}`;
  if (ours && key(ours, c.timezone) === key(theirs, hours.timezone)) return rest;
  return note(`Chatwoot uses the working hours of the inbox "${inbox.name}": ${describeBusinessHours(theirs)} (${hours.timezone})${ours ? `, not the hours set on this flow (${describeBusinessHours(ours)}, ${ours.timezone ?? c.timezone})` : ''}.`);
}

