/**
 * Builders of realistic Chatwoot webhook payloads, shaped like Chatwoot's own `webhook_data`
 * (Conversation#webhook_data = the conversation's push data with `id` = display id, `channel`,
 * `contact_inbox`, `meta.sender`, `labels`, Unix-second `created_at`/`timestamp`;
 * Message#webhook_data with `message_type` as its enum name and `created_at` as a date-time;
 * Contact#webhook_data; `changed_attributes` as Chatwoot's WebhookListener sends it: a list of
 * `{ attribute: { previous_value, current_value } }`) and its documented webhook samples.
 */

export interface ContactSeed {
  id: number;
  name?: string;
  email?: string | null;
  phone_number?: string | null;
  identifier?: string | null;
  custom_attributes?: Record<string, unknown>;
  additional_attributes?: Record<string, unknown>;
}

export interface ConversationSeed {
  /** The display id (what the API and the dashboard call the conversation's id). */
  id: number;
  contact: ContactSeed;
  inboxId?: number;
  channel?: string;
  status?: 'open' | 'resolved' | 'pending' | 'snoozed';
  labels?: string[];
  /** Unix seconds. */
  createdAt?: number;
  lastActivityAt?: number;
}

const ACCOUNT = { id: 1, name: 'Acme Inc' };

function contactPush(c: ContactSeed) {
  return {
    additional_attributes: c.additional_attributes ?? {},
    custom_attributes: c.custom_attributes ?? {},
    email: c.email ?? null,
    id: c.id,
    identifier: c.identifier ?? null,
    name: c.name ?? `visitor-${c.id}`,
    phone_number: c.phone_number ?? null,
    thumbnail: '',
    blocked: false,
    type: 'contact',
  };
}

/** Conversation#webhook_data. */
export function conversationData(s: ConversationSeed) {
  const created = s.createdAt ?? 1_790_000_000;
  const last = s.lastActivityAt ?? created;
  const inboxId = s.inboxId ?? 1;
  return {
    additional_attributes: { browser: { device_name: 'Unknown', browser_name: 'Chrome', platform_name: 'macOS', browser_version: '128.0.0.0', platform_version: '10.15.7' }, referer: 'https://acme.example/pricing', initiated_at: { timestamp: new Date(created * 1000).toString() } },
    can_reply: true,
    channel: s.channel ?? 'Channel::WebWidget',
    contact_inbox: { id: 500 + s.contact.id, contact_id: s.contact.id, inbox_id: inboxId, source_id: `0b6f${String(s.contact.id).padStart(4, '0')}-1af3-4fa0-8ffd-11ea3f86101e`, created_at: new Date(created * 1000).toISOString(), updated_at: new Date(created * 1000).toISOString(), hmac_verified: false, pubsub_token: 'baRUMaAnAB6geeGXUXBsJwDS' },
    id: s.id,
    inbox_id: inboxId,
    messages: [] as unknown[],
    labels: s.labels ?? [],
    meta: { sender: contactPush(s.contact), assignee: null, team: null, hmac_verified: false },
    status: s.status ?? 'open',
    custom_attributes: {},
    snoozed_until: null,
    unread_count: 0,
    first_reply_created_at: null,
    priority: null,
    waiting_since: created,
    agent_last_seen_at: 0,
    contact_last_seen_at: 0,
    last_activity_at: last,
    timestamp: last,
    created_at: created,
    updated_at: last + 0.123,
  };
}

export function conversationCreated(s: ConversationSeed) {
  return { ...conversationData(s), event: 'conversation_created' };
}

export function conversationStatusChanged(s: ConversationSeed & { previousStatus?: string }) {
  const d = conversationData(s);
  return {
    ...d,
    event: 'conversation_status_changed',
    changed_attributes: [{ status: { previous_value: s.previousStatus ?? 'pending', current_value: d.status } }, { updated_at: { previous_value: new Date((d.created_at) * 1000).toISOString(), current_value: new Date(d.last_activity_at * 1000).toISOString() } }],
  };
}

/** A label change: Chatwoot reports `label_list` among the changed attributes of conversation_updated. */
export function conversationLabelsChanged(s: ConversationSeed & { previousLabels?: string[] }) {
  const d = conversationData(s);
  return {
    ...d,
    event: 'conversation_updated',
    changed_attributes: [{ label_list: { previous_value: s.previousLabels ?? [], current_value: d.labels } }, { updated_at: { previous_value: null, current_value: new Date(d.last_activity_at * 1000).toISOString() } }],
  };
}

export interface MessageSeed {
  id: number;
  conversation: ConversationSeed;
  content?: string | null;
  /** As Chatwoot's webhook sends it: the enum name; some senders give the integer. */
  messageType?: 'incoming' | 'outgoing' | 'activity' | 'template' | 0 | 1 | 2 | 3;
  private?: boolean;
  /** ISO date-time; default = conversation's last activity. */
  createdAt?: string;
  contentAttributes?: Record<string, unknown>;
}

/** Message#webhook_data + event. */
export function messageCreated(m: MessageSeed, event: 'message_created' | 'message_updated' = 'message_created') {
  const conv = conversationData(m.conversation);
  const type = m.messageType ?? 'incoming';
  const fromContact = type === 'incoming' || type === 0;
  return {
    account: ACCOUNT,
    additional_attributes: {},
    content_attributes: m.contentAttributes ?? {},
    content_type: 'text',
    content: m.content === undefined ? 'Hi, I have a question about pricing' : m.content,
    conversation: conv,
    created_at: m.createdAt ?? new Date(conv.last_activity_at * 1000).toISOString(),
    id: m.id,
    inbox: { id: conv.inbox_id, name: 'Acme Website' },
    message_type: type,
    private: m.private ?? false,
    sender: fromContact ? { ...contactPush(m.conversation.contact), account: ACCOUNT, avatar: '' } : { id: 1, name: 'John', email: 'john@acme.example', type: 'user' },
    source_id: null,
    event,
  };
}

/** Contact#webhook_data + event. */
export function contactCreated(c: ContactSeed) {
  return { account: ACCOUNT, ...contactPush(c), avatar: '', event: 'contact_created' };
}

/** contact_updated carries the contact as it is now and what changed (Chatwoot sends no event when nothing did). */
export function contactUpdated(c: ContactSeed, changes: Record<string, [unknown, unknown]>, updatedAt = '2026-09-09T10:00:00.000Z') {
  const changed = Object.entries(changes).map(([k, [previous_value, current_value]]) => ({ [k]: { previous_value, current_value } }));
  changed.push({ updated_at: { previous_value: '2026-09-09T09:00:00.000Z', current_value: updatedAt } });
  return { account: ACCOUNT, ...contactPush(c), avatar: '', event: 'contact_updated', changed_attributes: changed };
}
