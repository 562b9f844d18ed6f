import { z } from 'zod';

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
export const WhatsappTemplate = z.looseObject({
  name: z.string(),
  language: z.string(),
  status: z.string().optional(),
  category: z.string().optional(),
  namespace: z.string().optional(),
  components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
});
export type WhatsappTemplate = z.infer<typeof WhatsappTemplate>;

/** `GET /api/v1/accounts/{id}/inboxes` → `{ payload: [...] }`. */
export const InboxListResponse = z.looseObject({
  payload: z.array(
    z.looseObject({
      id: z.number().int(),
      name: z.string(),
      channel_type: z.string(),
      medium: z.string().nullish(),
      message_templates: z.array(WhatsappTemplate).nullish(),
    }),
  ),
});

/** `GET /api/v1/accounts/{id}/agents` → `[...]`. */
export const AgentListResponse = z.array(
  z.looseObject({ id: z.number().int(), name: z.string(), email: z.string().optional(), role: z.string().optional(), available_name: z.string().nullish() }),
);

/** `GET /api/v1/accounts/{id}/labels` → `{ payload: [...] }`. */
export const LabelListResponse = z.looseObject({ payload: z.array(z.looseObject({ id: z.number().int(), title: z.string() })) });

/** `GET /api/v1/profile`: who the token belongs to and their role in each account. */
export const ProfileResponse = z.looseObject({
  id: z.number().int(),
  name: z.string().optional(),
  email: z.string().optional(),
  accounts: z.array(z.looseObject({ id: z.number().int(), name: z.string().optional(), role: z.string().optional() })).default([]),
});
export type ProfileResponse = z.infer<typeof ProfileResponse>;

export interface DirectoryInbox {
  id: number;
  name: string;
  kind: InboxKind;
  /** Twilio inboxes send SMS or WhatsApp. */
  medium?: string;
  templates: WhatsappTemplate[];
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
      templates: i.message_templates ?? [],
    })),
    agents: agents.map((a) => ({ id: a.id, name: a.available_name || a.name, ...(a.email ? { email: a.email } : {}), ...(a.role ? { role: a.role } : {}) })),
    labels: labels.payload.map((l) => ({ id: l.id, title: l.title })),
  };
}

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

/** An inbox's approved WhatsApp templates with their body text (where `{{1}}`… stand), as forms offer them. */
export function approvedTemplates(inbox: Pick<DirectoryInbox, 'templates'>): { name: string; language: string; category?: string; body: string }[] {
  return inbox.templates
    .filter((t) => !t.status || t.status.toUpperCase() === 'APPROVED')
    .map((t) => ({ name: t.name, language: t.language, ...(t.category ? { category: t.category } : {}), body: t.components?.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '' }));
}
