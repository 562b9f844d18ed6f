import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { readInboxHours, type InboxHours } from '../../campaigns/inbox-hours';

/**
 * The inbox types Chatwoot campaigns care about; `api` is listed so forms can name it (Chatwoot
 * refuses campaigns on it, as on everything `other`: 422 "Unsupported Inbox type").
 */
export type InboxKind = 'website' | 'sms' | 'twilio-sms' | 'whatsapp' | 'api' | 'other';

const CHANNEL_KINDS: Record<string, InboxKind> = {
  'Channel::WebWidget': 'website',
  'Channel::Sms': 'sms',
  'Channel::TwilioSms': 'twilio-sms',
  'Channel::Whatsapp': 'whatsapp',
  'Channel::Api': 'api',
};

/** An approved WhatsApp template of an inbox, as Chatwoot lists it in `message_templates`. */
export const WhatsappTemplate = lazySchema(() => z.looseObject({
  name: z.string(),
  language: z.string(),
  status: z.string().optional(),
  category: z.string().optional(),
  namespace: z.string().optional(),
  components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
}));
export type WhatsappTemplate = z.infer<typeof WhatsappTemplate>;

/** `GET /api/v1/accounts/{id}/inboxes` → `{ payload: [...] }`. */
export const InboxListResponse = lazySchema(() => z.looseObject({
  payload: z.array(
    z.looseObject({
      id: z.number().int(),
      name: z.string(),
      channel_type: z.string(),
      medium: z.string().nullish(),
      provider: z.string().nullish(),
      message_templates: z.array(WhatsappTemplate).nullish(),
      /** The inbox's weekly schedule, read row by row by `readInboxHours` (a bad row does not lose the list). */
      working_hours: z.array(z.unknown()).nullish(),
      working_hours_enabled: z.boolean().nullish(),
      timezone: z.string().nullish(),
    }),
  ),
}));

/** `GET /api/v1/accounts/{id}/agents` → `[...]`. */
export const AgentListResponse = lazySchema(() => z.array(
  z.looseObject({ id: z.number().int(), name: z.string(), email: z.string().optional(), role: z.string().optional(), available_name: z.string().nullish() }),
));

/** `GET /api/v1/accounts/{id}/labels` → `{ payload: [...] }`. */
export const LabelListResponse = lazySchema(() => z.looseObject({ payload: z.array(z.looseObject({ id: z.number().int(), title: z.string() })) }));

/** `GET /api/v1/accounts/{id}/contacts?page=N`: 15 contacts a page and the account's total. */
export const ContactListResponse = lazySchema(() => z.looseObject({ meta: z.looseObject({ count: z.number().int().min(0) }).optional(), payload: z.array(z.record(z.string(), z.unknown())) }));

/** `GET /api/v1/profile`: who the token belongs to and their role in each account. */
export const ProfileResponse = lazySchema(() => z.looseObject({
  id: z.number().int(),
  name: z.string().optional(),
  email: z.string().optional(),
  accounts: z.array(z.looseObject({ id: z.number().int(), name: z.string().optional(), role: z.string().optional() })).default([]),
}));
export type ProfileResponse = z.infer<typeof ProfileResponse>;

export interface DirectoryInbox {
  id: number;
  name: string;
  kind: InboxKind;
  /** Twilio inboxes send SMS (`sms`) or WhatsApp (`whatsapp`); Chatwoot treats them as that kind of inbox. */
  medium?: string;
  /** WhatsApp inboxes: `whatsapp_cloud` (Meta's Cloud API) or `default` (360dialog); only Cloud sends campaigns. */
  provider?: string;
  templates: WhatsappTemplate[];
  /** Its working hours and timezone, which decide when a business-hours-only campaign shows; absent when Chatwoot sent none. */
  hours?: InboxHours;
}

/**
 * What the account offers a campaign: its inboxes, agents (possible senders) and labels
 * (possible audiences). Fetched once per sync and given to the pure mapping, which resolves
 * the names a flow uses ("twilio-sms", "enterprise") to Chatwoot's numeric ids.
 */
export interface AccountDirectory {
  inboxes: DirectoryInbox[];
  agents: { id: number; name: string; email?: string; role?: string }[];
  labels: { id: number; title: string }[];
}

/** The directory from the three list responses, each parsed by its schema. */
export function buildDirectory(inboxes: z.infer<typeof InboxListResponse>, agents: z.infer<typeof AgentListResponse>, labels: z.infer<typeof LabelListResponse>): AccountDirectory {
  return {
    inboxes: inboxes.payload.map((i) => ({
      id: i.id,
      name: i.name,
      kind: CHANNEL_KINDS[i.channel_type] ?? 'other',
      ...(i.medium ? { medium: i.medium } : {}),
      ...(i.provider ? { provider: i.provider } : {}),
      templates: i.message_templates ?? [],
      ...withHours(readInboxHours(i)),
    })),
    agents: agents.map((a) => ({ id: a.id, name: a.available_name || a.name, ...(a.email ? { email: a.email } : {}), ...(a.role ? { role: a.role } : {}) })),
    labels: labels.payload.map((l) => ({ id: l.id, title: l.title })),
  };
}

const withHours = (hours: InboxHours | undefined) => (hours ? { hours } : {});

const slug = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The inbox a flow means by `ref`: its numeric id, its name, or its name as a slug
 * ("twilio-sms" for "Twilio SMS"), in that order.
 */
export function findInbox(dir: AccountDirectory, ref: string): DirectoryInbox | undefined {
  const r = ref.trim();
  if (/^\d+$/.test(r)) return dir.inboxes.find((i) => i.id === Number(r));
  return dir.inboxes.find((i) => i.name === r) ?? dir.inboxes.find((i) => i.name.toLowerCase() === r.toLowerCase()) ?? dir.inboxes.find((i) => slug(i.name) === slug(r));
}

/** The agent a sender names: numeric id, then email, then name. */
export function findAgent(dir: AccountDirectory, ref: string): AccountDirectory['agents'][number] | undefined {
  const r = ref.trim();
  if (/^\d+$/.test(r)) return dir.agents.find((a) => a.id === Number(r));
  return dir.agents.find((a) => a.email?.toLowerCase() === r.toLowerCase()) ?? dir.agents.find((a) => a.name.toLowerCase() === r.toLowerCase());
}

/** A label by title; Chatwoot stores titles in lower case, so the match ignores case. */
export function findLabel(dir: AccountDirectory, title: string): AccountDirectory['labels'][number] | undefined {
  return dir.labels.find((l) => l.title.toLowerCase() === title.trim().toLowerCase());
}

export type CampaignChannel = 'website' | 'sms' | 'whatsapp';

/**
 * Why Chatwoot would not deliver a campaign of this channel from this inbox, or null when it
 * would. From Chatwoot's own rules: a Twilio inbox is an SMS inbox when its medium is `sms` and
 * a WhatsApp inbox when it is `whatsapp`; one-off WhatsApp campaigns are sent only by the
 * WhatsApp Cloud provider (any other WhatsApp inbox accepts them and never sends).
 */
export function inboxRefusal(inbox: DirectoryInbox, channel: CampaignChannel): string | null {
  const twilioMedium = inbox.kind === 'twilio-sms' ? (inbox.medium ?? 'sms') : undefined;
  if (channel === 'website') return inbox.kind === 'website' ? null : `"${inbox.name}" is not a Website inbox; live-chat campaigns run on a Website inbox.`;
  if (channel === 'sms') {
    if (inbox.kind === 'sms' || twilioMedium === 'sms') return null;
    if (twilioMedium === 'whatsapp') return `"${inbox.name}" is a Twilio inbox for WhatsApp (medium whatsapp); Chatwoot never sends an SMS campaign from it. Choose an SMS inbox.`;
    return `"${inbox.name}" is not an SMS inbox; SMS campaigns need an SMS inbox or a Twilio inbox whose medium is SMS.`;
  }
  if (twilioMedium === 'sms') return `"${inbox.name}" is a Twilio inbox for SMS (medium sms); Chatwoot would send this as a plain SMS. Choose a WhatsApp Cloud inbox.`;
  if (twilioMedium === 'whatsapp') return `"${inbox.name}" is a Twilio WhatsApp inbox; Chatwoot sends WhatsApp campaigns only from a WhatsApp Cloud inbox, and never sends this one.`;
  if (inbox.kind !== 'whatsapp') return `"${inbox.name}" is not a WhatsApp inbox; WhatsApp campaigns need a WhatsApp Cloud inbox.`;
  if (inbox.provider !== 'whatsapp_cloud') return `"${inbox.name}" uses the ${inbox.provider ? `"${inbox.provider}"` : 'unknown'} WhatsApp provider; Chatwoot sends WhatsApp campaigns only through the WhatsApp Cloud provider, so it would never send this one.`;
  return null;
}

/** An inbox's approved WhatsApp templates with their body text (where `{{1}}`… stand), as forms offer them. */
export function approvedTemplates(inbox: Pick<DirectoryInbox, 'templates'>): { name: string; language: string; category?: string; body: string }[] {
  return inbox.templates
    .filter((t) => !t.status || t.status.toUpperCase() === 'APPROVED')
    .map((t) => ({ name: t.name, language: t.language, ...(t.category ? { category: t.category } : {}), body: t.components?.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '' }));
}
