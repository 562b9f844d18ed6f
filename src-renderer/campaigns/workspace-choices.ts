import { SAMPLE_LABELS, type InboxHours, type OneOffChannel } from '../../src-shared/campaigns/index';
import { findAgent, findInbox, findLabel, type AccountDirectory, type InboxKind } from '../../src-shared/sync/chatwoot/directory';
import type { DirectoryAnswer, DirectoryTemplate } from '../../src-shared/sync/index';
import { AGENTS, INBOXES, sampleContacts } from './workspace';

/** An inbox a form offers. `id` is what the flow stores: the sample's slug, or Chatwoot's numeric id as text. */
export interface InboxChoice {
  id: string;
  name: string;
  type: 'website' | OneOffChannel;
  detail: string;
  /** Approved WhatsApp templates (Chatwoot WhatsApp inboxes only). */
  templates: DirectoryTemplate[];
  /** The inbox's working hours and timezone (Chatwoot inboxes that send them). */
  hours?: InboxHours;
}

export interface AgentChoice {
  id: string;
  name: string;
  detail: string;
}

export interface LabelChoice {
  title: string;
  /** Contacts with it, where known (the sample workspace). */
  count?: number;
}

/**
 * What the campaign forms can pick from: the sample workspace, or a Chatwoot account's
 * directory. Either way the ids chosen are ones the sync mapping resolves
 * (src-shared/sync/chatwoot/directory.ts): numeric inbox and agent ids, label titles.
 */
export interface WorkspaceChoices {
  source: 'sample' | 'chatwoot';
  inboxes: InboxChoice[];
  agents: AgentChoice[];
  labels: LabelChoice[];
  /** The account as the sync mapping sees it (Chatwoot only), so names resolve the same way. */
  account?: AccountDirectory;
}

/** The sample workspace (no backend configured). */
export function sampleChoices(): WorkspaceChoices {
  const contacts = sampleContacts();
  return {
    source: 'sample',
    inboxes: INBOXES.map((i) => ({ ...i, templates: [] })),
    agents: AGENTS.map((a) => ({ id: a.id, name: a.name, detail: a.role })),
    labels: SAMPLE_LABELS.map((title) => ({ title, count: contacts.filter((c) => c.labels.includes(title)).length })),
  };
}

const KIND_TYPES: Record<InboxKind, InboxChoice['type'] | null> = { website: 'website', sms: 'sms', 'twilio-sms': 'sms', whatsapp: 'whatsapp', api: 'api', other: null };
const KIND_NAMES: Record<InboxKind, string> = { website: 'Website widget', sms: 'SMS', 'twilio-sms': 'Twilio SMS', whatsapp: 'WhatsApp', api: 'API channel', other: 'Other' };

/** The choices of a Chatwoot account: inboxes of a kind campaigns can use, every agent, every label. */
export function directoryChoices(dir: DirectoryAnswer): WorkspaceChoices {
  const account: AccountDirectory = {
    inboxes: dir.inboxes.map((i) => ({ id: i.id, name: i.name, kind: asKind(i.kind), ...(i.medium ? { medium: i.medium } : {}), ...(i.provider ? { provider: i.provider } : {}), templates: (i.templates ?? []).map((t) => ({ name: t.name, language: t.language, components: [{ type: 'BODY', text: t.body }] })) })),
    agents: dir.agents.map((a) => ({ id: a.id, name: a.name, ...(a.email ? { email: a.email } : {}) })),
    labels: dir.labels,
  };
  const inboxes = dir.inboxes.flatMap((i): InboxChoice[] => {
    const kind = asKind(i.kind);
    // A Twilio inbox sends SMS or WhatsApp, as its medium says.
    const type = kind === 'twilio-sms' && i.medium === 'whatsapp' ? 'whatsapp' : KIND_TYPES[kind];
    if (!type) return [];
    const templates = i.templates ?? [];
    const extra = type === 'whatsapp' ? ` · ${templates.length === 1 ? '1 template' : `${templates.length} templates`}` : '';
    return [{ id: String(i.id), name: i.name, type, detail: `${KIND_NAMES[kind]} · #${i.id}${extra}`, templates, ...(i.hours ? { hours: i.hours } : {}) }];
  });
  return {
    source: 'chatwoot',
    inboxes,
    agents: dir.agents.map((a) => ({ id: String(a.id), name: a.name, detail: a.email ?? `#${a.id}` })),
    labels: dir.labels.map((l) => ({ title: l.title })),
    account,
  };
}

function asKind(kind: string): InboxKind {
  return kind in KIND_TYPES ? (kind as InboxKind) : 'other';
}

/** The inboxes a form offers for one kind: Website for live chat, a channel's inboxes for one-off. */
export function inboxesOfType(choices: WorkspaceChoices, type: InboxChoice['type']): InboxChoice[] {
  return choices.inboxes.filter((i) => i.type === type);
}

/**
 * The offered inbox a stored reference means: by id in the sample, and in an account the way
 * the sync mapping resolves it (numeric id, name, or name as a slug: "website" is "Website").
 */
export function resolveInbox(choices: WorkspaceChoices, ref: string): InboxChoice | undefined {
  if (!ref) return undefined;
  const direct = choices.inboxes.find((i) => i.id === ref);
  if (direct || !choices.account) return direct;
  const found = findInbox(choices.account, ref);
  return found ? choices.inboxes.find((i) => i.id === String(found.id)) : undefined;
}

/** The offered agent a sender's id means (id, then email, then name in an account). */
export function resolveAgent(choices: WorkspaceChoices, ref: string): AgentChoice | undefined {
  const direct = choices.agents.find((a) => a.id === ref);
  if (direct || !choices.account) return direct;
  const found = findAgent(choices.account, ref);
  return found ? choices.agents.find((a) => a.id === String(found.id)) : undefined;
}

/** An inbox's name for cards and previews; the reference itself when it is not offered. */
export function inboxLabel(choices: WorkspaceChoices | null, ref: string): string {
  return (choices && resolveInbox(choices, ref)?.name) || ref || 'No inbox';
}

/**
 * The label chips of a one-off form: the offered labels (named as the account names them), then
 * chosen labels it does not have, marked `missing` so the form can say publishing would fail.
 */
export function labelChips(choices: WorkspaceChoices, chosen: readonly string[]): (LabelChoice & { on: boolean; missing: boolean })[] {
  const has = (title: string) => (choices.account ? Boolean(findLabel(choices.account, title)) : choices.labels.some((l) => l.title === title));
  const isOn = (title: string) => chosen.some((c) => c.trim().toLowerCase() === title.toLowerCase());
  return [...choices.labels.map((l) => ({ ...l, on: isOn(l.title), missing: false })), ...chosen.filter((c) => !has(c)).map((title) => ({ title, on: true, missing: true }))];
}

/**
 * The inbox a new form should start with once the choices are known: the one its current
 * reference means when that is of the right type, else the first of that type, else none.
 */
export function defaultInboxId(choices: WorkspaceChoices, type: InboxChoice['type'], current: string): string {
  const now = resolveInbox(choices, current);
  if (now?.type === type) return now.id;
  return inboxesOfType(choices, type)[0]?.id ?? '';
}
