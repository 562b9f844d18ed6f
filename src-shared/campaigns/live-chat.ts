import type { BusinessHours, CampaignSettings, EntryFrequency } from '../flow/campaign';
import type { ConditionGroup, Rule, Scalar } from '../flow/conditions';
import type { FlowDocument } from '../flow/document';
import type { Sender } from '../flow/primitives';
import { officeHours } from './business-hours';
import { sanitiseMessage } from './rich-text';
import { buildSimpleFlow, readSimpleFlow } from './simple-flow';
import { VISITOR_ATTRIBUTES } from './visitor-conditions';

/** A condition on what the widget knows of a visitor; `value` as typed (lists comma-separated). */
export interface VisitorRule {
  attribute: string;
  operator: 'equals' | 'not_equals' | 'contains' | 'greater_than' | 'less_than' | 'exists' | 'not_exists' | 'in_list';
  value: string;
}

/** The live-chat campaign form: what Chatwoot calls an ongoing campaign, plus smart triggers. */
export interface LiveChatCampaign {
  id: string;
  title: string;
  description: string;
  /** Sanitised plain text with basic Markdown. */
  message: string;
  inboxId: string;
  sender: Sender;
  urlPattern: string;
  /** Seconds on the page before the message shows. */
  timeOnPage: number;
  businessHoursOnly: boolean;
  businessHours: BusinessHours | null;
  /** The clock of the business hours. */
  timezone: string;
  enabled: boolean;
  /** `once`: once per visitor; `every_time`: every visit until they read or reply (a conversation then exists). */
  frequency: EntryFrequency;
  conditions: { match: 'all' | 'any'; rules: VisitorRule[] };
}

/** A new live-chat campaign with the defaults Chatwoot's form starts with (10 s on the page). */
export function newLiveChatCampaign(id: string, timezone = 'UTC'): LiveChatCampaign {
  return {
    id,
    title: '',
    description: '',
    message: '',
    inboxId: '',
    sender: { type: 'bot' },
    urlPattern: '',
    timeOnPage: 10,
    businessHoursOnly: false,
    businessHours: officeHours(),
    timezone,
    enabled: true,
    frequency: { type: 'every_time' },
    conditions: { match: 'all', rules: [] },
  };
}

/**
 * The flow document of a live-chat campaign: trigger(page_visit) → send(chat) → end. Business
 * hours only = `outsideBusinessHours: "wait"`; enabled = status `active`, else `paused` (a draft
 * stays a draft). Editing keeps the base document's ids, layout and anything the form does not show.
 */
export function liveChatToFlow(form: LiveChatCampaign, opts: { base?: FlowDocument; now: Date }): FlowDocument {
  const base = opts.base?.campaign;
  const kept = (base?.audience?.rules ?? []).filter((r) => r.type !== 'attribute');
  const rules: Rule[] = [...form.conditions.rules.map(toAttributeRule), ...kept];
  const sender = form.sender;
  const campaign: CampaignSettings = {
    id: form.id,
    name: form.title.trim(),
    description: form.description,
    kind: 'live-chat',
    status: form.enabled ? 'active' : base?.status === 'draft' ? 'draft' : 'paused',
    timezone: form.timezone,
    businessHours: form.businessHours,
    outsideBusinessHours: form.businessHoursOnly ? 'wait' : 'send_anyway',
    trigger: { type: 'page_visit', urlPattern: form.urlPattern.trim(), secondsOnPage: form.timeOnPage },
    entryFrequency: form.frequency,
    audience: rules.length > 0 ? { type: 'group', match: form.conditions.match, rules } : null,
    globalExits: base?.globalExits ?? [],
    channelDefaults: { ...(form.inboxId ? { inboxId: form.inboxId } : {}), sender },
  };
  return buildSimpleFlow({
    campaign,
    send: { channel: 'chat', subject: '', body: sanitiseMessage(form.message).text, sender, conversation: 'new', ...(form.inboxId ? { inboxId: form.inboxId } : {}) },
    triggerLabel: `After ${form.timeOnPage} s on ${form.urlPattern.trim() || 'a page'}`,
    ...(opts.base ? { base: opts.base } : {}),
    now: opts.now,
  });
}

export type FormReading<T> = { ok: true; form: T; notes: string[] } | { ok: false; reason: string };

/** The form of a stored live-chat flow, with notes on what the form cannot show. */
export function flowToLiveChat(doc: FlowDocument): FormReading<LiveChatCampaign> {
  const read = readSimpleFlow(doc, 'live-chat');
  if (!read.ok) return read;
  const c = doc.campaign;
  const send = read.parts.send.data;
  const notes: string[] = [];
  if (c.trigger.type !== 'page_visit') return { ok: false, reason: 'A live-chat campaign starts from a page visit; this one does not.' };
  const rules: VisitorRule[] = [];
  for (const rule of c.audience?.rules ?? []) {
    if (rule.type === 'attribute') rules.push({ attribute: rule.attribute, operator: rule.operator, value: fromValue(rule.value) });
    else if (rule.type !== 'conversation') notes.push(`A ${rule.type} condition is kept but can only be edited on the canvas.`);
  }
  if (c.status === 'completed') notes.push('The campaign was marked completed; enabling it makes it active again.');
  return {
    ok: true,
    notes,
    form: {
      id: c.id,
      title: c.name,
      description: c.description,
      message: send.body,
      inboxId: send.inboxId ?? c.channelDefaults.inboxId ?? '',
      sender: send.sender ?? c.channelDefaults.sender ?? { type: 'bot' },
      urlPattern: c.trigger.urlPattern,
      timeOnPage: c.trigger.secondsOnPage,
      businessHoursOnly: c.outsideBusinessHours === 'wait',
      businessHours: c.businessHours,
      timezone: c.timezone,
      enabled: c.status === 'active',
      frequency: c.entryFrequency,
      conditions: { match: c.audience?.match ?? 'all', rules },
    },
  };
}

function toAttributeRule(rule: VisitorRule): Rule {
  const info = VISITOR_ATTRIBUTES.find((a) => a.key === rule.attribute);
  const one = (text: string): Scalar => {
    const t = text.trim();
    if (info?.type === 'number' || rule.operator === 'greater_than' || rule.operator === 'less_than') {
      const n = Number(t);
      return t !== '' && Number.isFinite(n) ? n : t;
    }
    if (info?.type === 'boolean' && (t === 'true' || t === 'false')) return t === 'true';
    return t;
  };
  if (rule.operator === 'exists' || rule.operator === 'not_exists') return { type: 'attribute', attribute: rule.attribute, operator: rule.operator };
  if (rule.operator === 'in_list') {
    const items = rule.value.split(',').map((v) => one(v)).filter((v) => v !== '');
    return { type: 'attribute', attribute: rule.attribute, operator: 'in_list', value: items.map((v) => (typeof v === 'boolean' ? String(v) : v)) };
  }
  return { type: 'attribute', attribute: rule.attribute, operator: rule.operator, value: one(rule.value) };
}

function fromValue(value: Scalar | (string | number)[] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The visitor conditions of a form as the flow stores them (null: every visitor). */
export function liveChatConditions(form: LiveChatCampaign): ConditionGroup | null {
  return form.conditions.rules.length ? { type: 'group', match: form.conditions.match, rules: form.conditions.rules.map(toAttributeRule) } : null;
}

/** What Chatwoot needs that the flow document leaves optional: an inbox to show in. */
export function liveChatFormErrors(form: LiveChatCampaign): Partial<Record<keyof LiveChatCampaign, string>> {
  return form.inboxId ? {} : { inboxId: 'Choose the website inbox whose widget shows this message.' };
}
