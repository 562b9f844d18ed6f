import { createHash } from 'node:crypto';

type Scalar = string | number | boolean;

export type WebhookInput =
  | { kind: 'event'; dedupeKey: string; contactId: string; name: string; properties: Record<string, Scalar>; at: number; conversationId?: string }
  | { kind: 'message'; dedupeKey: string; contactId: string; text: string; at: number; conversationId: string }
  | { kind: 'attributes'; dedupeKey: string; contactId: string; attributes: Record<string, Scalar | null>; at: number }
  | { kind: 'tags'; dedupeKey: string; contactId: string; tags: string[]; at: number };

export type MapResult = { inputs: WebhookInput[] } | { error: string };

/** A payload field that is not what Chatwoot documents; `path` is a JSON path into the payload. */
class Malformed extends Error {
  constructor(readonly path: string, what: string) {
    super(`${path} ${what}`);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v)?.slice(0, 60));

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new Malformed(path, `must be an object (got ${show(v)})`);
  return v;
}
/** Chatwoot's ids are integers; its documented samples sometimes quote them. */
function id(v: unknown, path: string): string {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return String(v);
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return v.trim();
  throw new Malformed(path, `must be a positive integer id (got ${show(v)})`);
}
function optionalId(v: unknown): string | undefined {
  try {
    return v === undefined || v === null ? undefined : id(v, '');
  } catch {
    return undefined;
  }
}

/** Chatwoot gives Unix seconds on conversations and date-times on messages and changed attributes. */
function timeMs(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v < 1e11 ? Math.round(v * 1000) : Math.round(v);
  if (typeof v === 'string' && v.trim()) {
    if (/^\d+(\.\d+)?$/.test(v.trim())) return timeMs(Number(v));
    const t = Date.parse(v);
    if (Number.isFinite(t)) return t;
  }
  return undefined;
}

/** `changed_attributes` as a map; Chatwoot sends `[{ attr: { previous_value, current_value } }, …]`. */
type Change = { previous: unknown; current: unknown; path: string };
function changes(payload: Obj): Map<string, Change> | undefined {
  const raw = payload.changed_attributes;
  if (raw === undefined || raw === null) return undefined;
  const out = new Map<string, Change>();
  const entries = Array.isArray(raw) ? raw.map((e, i) => obj(e, `$.changed_attributes[${i}]`)) : [obj(raw, '$.changed_attributes')];
  entries.forEach((entry, i) => {
    for (const [k, v] of Object.entries(entry)) {
      const path = Array.isArray(raw) ? `$.changed_attributes[${i}].${k}` : `$.changed_attributes.${k}`;
      const change = obj(v, path);
      out.set(k, { previous: change.previous_value, current: change.current_value, path });
    }
  });
  return out;
}

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);

/** The contact of a conversation payload: its contact inbox, else the sender in its meta. */
function conversationContact(conv: Obj, path: string): string {
  const viaInbox = isObj(conv.contact_inbox) ? optionalId(conv.contact_inbox.contact_id) : undefined;
  const viaMeta = isObj(conv.meta) && isObj(conv.meta.sender) ? optionalId(conv.meta.sender.id) : undefined;
  const found = viaInbox ?? viaMeta;
  if (!found) throw new Malformed(`${path}.contact_inbox.contact_id`, 'is missing, and so is meta.sender.id: the contact is unknown');
  return found;
}

/**
 * Chatwoot's channel class as flows name it: "Channel::WebWidget" → "web_widget",
 * "Channel::TwilioSms" → "twilio_sms", "Channel::Api" → "api".
 */
export function channelName(channelType: string): string {
  return channelType
    .replace(/^Channel::/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function conversationProperties(conv: Obj): Record<string, Scalar> {
  const p: Record<string, Scalar> = {};
  if (typeof conv.channel === 'string') {
    p.channel = channelName(conv.channel);
    p.channel_type = conv.channel;
  }
  const inbox = optionalId(conv.inbox_id);
  if (inbox) p.inbox_id = Number(inbox);
  if (typeof conv.status === 'string') p.status = conv.status;
  return p;
}

const STANDARD_ATTRIBUTES = ['name', 'email', 'phone_number', 'identifier'] as const;

function scalarOrNull(v: unknown): Scalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return JSON.stringify(v);
}

/** A new contact's attributes: its custom attributes, then the standard fields (which win a name clash). */
function allAttributes(contact: Obj): Record<string, Scalar | null> {
  const out: Record<string, Scalar | null> = {};
  const custom = contact.custom_attributes === undefined || contact.custom_attributes === null ? {} : obj(contact.custom_attributes, '$.custom_attributes');
  for (const [k, v] of Object.entries(custom)) if (v !== null && v !== undefined) out[k] = scalarOrNull(v);
  for (const k of STANDARD_ATTRIBUTES) {
    const v = contact[k];
    if (v !== null && v !== undefined && v !== '') out[k] = scalarOrNull(v);
  }
  return out;
}

/** Only what changed; a custom attribute that was removed becomes null. */
function changedAttributes(changed: Map<string, Change>): Record<string, Scalar | null> {
  const out: Record<string, Scalar | null> = {};
  const custom = changed.get('custom_attributes');
  if (custom) {
    const before = isObj(custom.previous) ? custom.previous : {};
    const after = custom.current === null || custom.current === undefined ? {} : obj(custom.current, `${custom.path}.current_value`);
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = scalarOrNull(after[k]);
    }
  }
  for (const k of STANDARD_ATTRIBUTES) {
    const c = changed.get(k);
    if (c) out[k] = c.current === '' ? null : scalarOrNull(c.current);
  }
  return out;
}

function labelsOf(v: unknown, path: string): string[] {
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  if (!Array.isArray(v)) throw new Malformed(path, `must be a list of labels (got ${show(v)})`);
  return v.map((l, i) => {
    if (typeof l !== 'string') throw new Malformed(`${path}[${i}]`, `must be a label title (got ${show(l)})`);
    return l;
  });
}

const INCOMING = new Set<unknown>(['incoming', 0, '0']);

type Handler = (p: Obj, receivedAt: number) => WebhookInput[];

const HANDLERS: Record<string, Handler> = {
  conversation_created(p, receivedAt) {
    const conversationId = id(p.id, '$.id');
    const contactId = conversationContact(p, '$');
    const at = timeMs(p.created_at) ?? timeMs(p.timestamp) ?? receivedAt;
    return [{ kind: 'event', dedupeKey: `chatwoot:conversation_created:${conversationId}`, contactId, name: 'conversation.created', properties: { ...conversationProperties(p), conversation_id: Number(conversationId) }, at, conversationId }];
  },

  message_created(p, receivedAt) {
    const messageId = id(p.id, '$.id');
    // Only what the contact wrote moves a journey: not our own or agents' replies, activity lines or private notes.
    if (!INCOMING.has(p.message_type)) return [];
    if (p.private === true) return [];
    const conv = obj(p.conversation, '$.conversation');
    const conversationId = id(conv.id, '$.conversation.id');
    const sender = isObj(p.sender) ? p.sender : undefined;
    const contactId = (sender && sender.type === 'contact' ? optionalId(sender.id) : undefined) ?? conversationContact(conv, '$.conversation');
    if (p.content !== null && p.content !== undefined && typeof p.content !== 'string') throw new Malformed('$.content', `must be text (got ${show(p.content)})`);
    const at = timeMs(p.created_at) ?? timeMs(conv.timestamp) ?? receivedAt;
    // Keyed by message id alone: Chatwoot sometimes delivers one message_created twice, with different delivery ids.
    return [{ kind: 'message', dedupeKey: `chatwoot:message:${messageId}`, contactId, text: p.content ?? '', at, conversationId }];
  },

  contact_created(p, receivedAt) {
    const contactId = id(p.id, '$.id');
    const attributes = allAttributes(p);
    if (!Object.keys(attributes).length) return [];
    return [{ kind: 'attributes', dedupeKey: `chatwoot:contact_created:${contactId}`, contactId, attributes, at: timeMs(p.created_at) ?? receivedAt }];
  },

  contact_updated(p, receivedAt) {
    const contactId = id(p.id, '$.id');
    const changed = changes(p);
    const attributes = changed ? changedAttributes(changed) : allAttributes(p);
    if (!Object.keys(attributes).length) return [];
    const at = timeMs(changed?.get('updated_at')?.current) ?? receivedAt;
    return [{ kind: 'attributes', dedupeKey: `chatwoot:contact_updated:${contactId}:${digest([attributes, changed?.get('updated_at')?.current ?? null])}`, contactId, attributes, at }];
  },

  conversation_updated(p, receivedAt) {
    const changed = changes(p);
    const labelChange = changed?.get('label_list') ?? changed?.get('cached_label_list');
    // Without changed_attributes (older Chatwoot, other senders) the labels are taken as they stand.
    if (!labelChange && (changed || p.labels === undefined)) return [];
    const conversationId = id(p.id, '$.id');
    const contactId = conversationContact(p, '$');
    // label_list's new value is the whole list; the cached_label_list column is a comma-separated copy.
    const tags = labelChange && (Array.isArray(labelChange.current) || p.labels === undefined) ? labelsOf(labelChange.current ?? [], `${labelChange.path}.current_value`) : labelsOf(p.labels, '$.labels');
    const stamp = changed?.get('updated_at')?.current ?? p.updated_at ?? p.timestamp ?? null;
    const at = timeMs(stamp) ?? receivedAt;
    return [{ kind: 'tags', dedupeKey: `chatwoot:labels:${conversationId}:${digest([[...tags].sort(), stamp])}`, contactId, tags, at }];
  },

  conversation_status_changed(p, receivedAt) {
    const conversationId = id(p.id, '$.id');
    const contactId = conversationContact(p, '$');
    if (typeof p.status !== 'string' || !p.status) throw new Malformed('$.status', `must be the conversation's status (got ${show(p.status)})`);
    const changed = changes(p);
    const previous = changed?.get('status')?.previous;
    const stamp = changed?.get('updated_at')?.current ?? p.updated_at ?? p.timestamp ?? null;
    const properties: Record<string, Scalar> = { ...conversationProperties(p), status: p.status, conversation_id: Number(conversationId) };
    if (typeof previous === 'string') properties.previous_status = previous;
    return [{ kind: 'event', dedupeKey: `chatwoot:conversation_status_changed:${conversationId}:${p.status}:${digest(stamp)}`, contactId, name: 'conversation.status_changed', properties, at: timeMs(stamp) ?? receivedAt, conversationId }];
  },
};

/** The Chatwoot webhook events that become journey inputs; every other event is acknowledged and ignored. */
export const MAPPED_EVENTS = Object.keys(HANDLERS);

/**
 * What a Chatwoot webhook delivery means for journeys: zero or more inputs, each with a key that
 * is the same however often Chatwoot delivers the same thing. Unknown events give no inputs (a
 * webhook subscribed to more events than we use is not an error); a payload that is not shaped
 * as Chatwoot documents gives `{ error }` naming the field. `receivedAt` (ms) stands in for a
 * time the payload does not carry.
 *
 * @example mapChatwootWebhook(JSON.parse(rawBody.toString('utf8')))
 */
export function mapChatwootWebhook(payload: unknown, receivedAt: number = Date.now()): MapResult {
  if (!isObj(payload)) return { error: `The webhook body must be a JSON object (got ${Array.isArray(payload) ? 'a list' : show(payload)}).` };
  const event = payload.event;
  if (typeof event !== 'string' || !event) return { error: `$.event must name the Chatwoot event (got ${show(event)}).` };
  const handler = Object.hasOwn(HANDLERS, event) ? HANDLERS[event] : undefined;
  if (!handler) return { inputs: [] };
  try {
    return { inputs: handler(payload, receivedAt) };
  } catch (e) {
    if (e instanceof Malformed) return { error: `${event}: ${e.message}.` };
    throw e;
  }
}
