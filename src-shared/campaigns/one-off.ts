import type { CampaignSettings } from '../flow/campaign';
import type { FlowDocument } from '../flow/document';
import { zonedLocalToInstant } from '../time/zoned';
import type { FormReading } from './live-chat';
import { buildSimpleFlow, readSimpleFlow } from './simple-flow';

export type OneOffChannel = 'sms' | 'whatsapp' | 'api';

/** Chatwoot's one-off (broadcast) campaign form. */
export interface OneOffCampaign {
  id: string;
  title: string;
  description: string;
  inboxId: string;
  channel: OneOffChannel;
  message: string;
  /** Contacts with ANY of these labels receive it (Chatwoot's rule). */
  labels: string[];
  /** Wall-clock "YYYY-MM-DDTHH:mm" in `timezone`. */
  scheduledAt: string;
  timezone: string;
  enabled: boolean;
  /** Sent (Chatwoot status `completed`): it can no longer be edited. */
  completed: boolean;
}

export type OneOffStatus = 'draft' | 'disabled' | 'scheduled' | 'processing' | 'missed' | 'completed';

/** Chatwoot's scheduler only picks campaigns scheduled within the last three days. */
const PICKUP_WINDOW_MS = 3 * 24 * 3600 * 1000;

export function newOneOffCampaign(id: string, timezone = 'UTC'): OneOffCampaign {
  return { id, title: '', description: '', inboxId: '', channel: 'sms', message: '', labels: [], scheduledAt: '', timezone, enabled: true, completed: false };
}

/**
 * Where a one-off campaign is in its life, seen at `now`: `scheduled` until its time, then
 * `processing` (Chatwoot's scheduler runs every 5 minutes), `completed` once sent. An enabled
 * campaign whose time passed more than three days ago was never picked up: `missed`.
 */
export function oneOffStatus(form: Pick<OneOffCampaign, 'scheduledAt' | 'timezone' | 'enabled' | 'completed'>, now: Date, draft = false): OneOffStatus {
  if (form.completed) return 'completed';
  if (draft) return 'draft';
  if (!form.enabled) return 'disabled';
  const at = zonedLocalToInstant(form.scheduledAt, form.timezone);
  if (!at || at.getTime() > now.getTime()) return 'scheduled';
  return now.getTime() - at.getTime() > PICKUP_WINDOW_MS ? 'missed' : 'processing';
}

/** A one-off can be edited until it is handed to the sender: a completed campaign cannot (Chatwoot refuses). */
export function canEditOneOff(status: OneOffStatus): boolean {
  return status === 'scheduled' || status === 'disabled' || status === 'draft' || status === 'missed';
}

/**
 * The flow document of a one-off campaign: trigger(scheduled) → send(sms | whatsapp | api) →
 * end, its audience the labels as an `any` group of tag rules. Enabled = `active`, else `paused`
 * (a draft stays a draft); completed stays completed.
 */
export function oneOffToFlow(form: OneOffCampaign, opts: { base?: FlowDocument; now: Date }): FlowDocument {
  const base = opts.base?.campaign;
  const labels = [...new Set(form.labels.map((l) => l.trim()).filter(Boolean))];
  const campaign: CampaignSettings = {
    id: form.id,
    name: form.title.trim(),
    description: form.description,
    kind: 'one-off',
    status: form.completed ? 'completed' : form.enabled ? 'active' : base?.status === 'draft' ? 'draft' : 'paused',
    timezone: form.timezone,
    businessHours: base?.businessHours ?? null,
    outsideBusinessHours: 'send_anyway',
    trigger: { type: 'scheduled', at: form.scheduledAt, timezone: form.timezone },
    entryFrequency: { type: 'once' },
    audience: { type: 'group', match: 'any', rules: labels.map((tag) => ({ type: 'tag', operator: 'has', tag })) },
    globalExits: base?.globalExits ?? [],
    channelDefaults: form.inboxId ? { inboxId: form.inboxId } : {},
  };
  return buildSimpleFlow({
    campaign,
    send: { channel: form.channel, subject: '', body: form.message, sender: null, conversation: 'new', ...(form.inboxId ? { inboxId: form.inboxId } : {}) },
    triggerLabel: form.scheduledAt ? `${form.scheduledAt.replace('T', ' ')} ${form.timezone}` : 'Scheduled (no time set)',
    ...(opts.base ? { base: opts.base } : {}),
    now: opts.now,
  });
}

/** The form of a stored one-off flow, with notes on what the form changes or cannot show. */
export function flowToOneOff(doc: FlowDocument): FormReading<OneOffCampaign> {
  const read = readSimpleFlow(doc, 'one-off');
  if (!read.ok) return read;
  const c = doc.campaign;
  const send = read.parts.send.data;
  if (c.trigger.type !== 'scheduled') return { ok: false, reason: 'A one-off campaign starts at a scheduled time; this one does not.' };
  if (send.channel !== 'sms' && send.channel !== 'whatsapp' && send.channel !== 'api') {
    return { ok: false, reason: `One-off campaigns are sent by SMS, WhatsApp or an API inbox; this one sends by ${send.channel ?? 'no channel'}.` };
  }
  const notes: string[] = [];
  const labels: string[] = [];
  const collect = (rules: NonNullable<CampaignSettings['audience']>['rules']) => {
    for (const rule of rules) {
      if (rule.type === 'tag' && rule.operator === 'has') labels.push(rule.tag);
      else if (rule.type === 'group' && rule.match === 'any') collect(rule.rules);
      else notes.push(`A ${rule.type === 'tag' ? '"has not" label' : rule.type} condition of the audience is not used: one-off campaigns go to contacts with any of the labels.`);
    }
  };
  collect(c.audience?.rules ?? []);
  if (c.audience?.match === 'all' && labels.length > 1) notes.push('The audience asked for all of its labels; one-off campaigns go to contacts with ANY of them.');
  return {
    ok: true,
    notes,
    form: {
      id: c.id,
      title: c.name,
      description: c.description,
      inboxId: send.inboxId ?? c.channelDefaults.inboxId ?? '',
      channel: send.channel,
      message: send.body,
      labels: [...new Set(labels)],
      scheduledAt: c.trigger.at,
      timezone: c.trigger.timezone ?? c.timezone,
      enabled: c.status === 'active' || c.status === 'completed',
      completed: c.status === 'completed',
    },
  };
}

/** What Chatwoot needs that the flow document leaves optional: an inbox and at least one label. */
export function oneOffFormErrors(form: OneOffCampaign): Partial<Record<keyof OneOffCampaign, string>> {
  const out: Partial<Record<keyof OneOffCampaign, string>> = {};
  if (!form.inboxId) out.inboxId = 'Choose the inbox that sends it.';
  if (form.labels.length === 0) out.labels = 'Choose at least one label: contacts with any of them receive it.';
  return out;
}
