import * as z from 'zod';
import { lazySchema } from '../../../src-shared/schema/lazy-schema';
import { createApiRequest, type ChatwootApiConfig, type Failure } from './api-request';
import { createRunnerDirectory } from './runner-directory';

export type OutboundAction =
  | { kind: 'message'; key: string; contactId: string; conversationId: string | null; inbox: string | null; body: string }
  | { kind: 'assign'; key: string; conversationId: string; agent: string | null; team: string | null };

export type DeliveryResult = { ok: true; remoteId: string; conversationId: string } | { ok: false; retry: boolean; reason: string };

/** Where the outbox key travels in Chatwoot: a message's content_attributes and a conversation's custom_attributes. */
export const KEY_ATTRIBUTE = 'campaign_studio_key';

const Message = lazySchema(() => z.looseObject({ id: z.number().int(), created_at: z.union([z.number(), z.string()]).optional(), content_attributes: z.record(z.string(), z.unknown()).nullish() }));
const MessageList = lazySchema(() => z.looseObject({ payload: z.array(Message) }));
const Conversation = lazySchema(() => z.looseObject({ id: z.number().int(), custom_attributes: z.record(z.string(), z.unknown()).nullish() }));
const ConversationList = lazySchema(() => z.looseObject({ payload: z.array(Conversation) }));
const ContactInbox = lazySchema(() => z.looseObject({ source_id: z.string() }));
const Anything = lazySchema(() => z.unknown());

export interface ChatwootActionsConfig extends ChatwootApiConfig {
  /** How far back the pre-send check pages through a conversation's messages (default 24 h). */
  lookbackMs?: number;
  now?: () => number;
}

/**
 * Performs a journey's actions in Chatwoot, at least once and never twice: every write carries
 * the outbox key, and before writing, deliver() looks for what an earlier attempt (whose answer
 * was lost, or whose process died) may already have created. The check is done on every call,
 * because a retry after a crash cannot know whether the first attempt reached Chatwoot.
 */
export function createChatwootActions(cfg: ChatwootActionsConfig): { deliver(a: OutboundAction): Promise<DeliveryResult> } {
  const request = createApiRequest(cfg);
  const now = cfg.now ?? Date.now;
  const directory = createRunnerDirectory(request, cfg.accountId, now);
  const acct = `/api/v1/accounts/${cfg.accountId}`;
  const lookbackMs = cfg.lookbackMs ?? 24 * 3600_000;
  const refuse = (reason: string): Failure => ({ ok: false, retry: false, reason });

  /** The message of this conversation that carries `key`, paging back from the newest. */
  async function findMessage(conversationId: string, key: string): Promise<{ ok: true; id: number | null } | Failure> {
    let before: number | undefined;
    for (let page = 0; page < 20; page++) {
      const listed = await request('GET', `${acct}/conversations/${conversationId}/messages${before ? `?before=${before}` : ''}`, MessageList, `the messages of conversation ${conversationId}`);
      if (!listed.ok) return listed;
      const messages = listed.value.payload;
      const hit = messages.find((m) => m.content_attributes?.[KEY_ATTRIBUTE] === key);
      if (hit) return { ok: true, id: hit.id };
      if (!messages.length) break;
      const oldest = messages.reduce((a, m) => (m.id < a.id ? m : a));
      const oldestAt = typeof oldest.created_at === 'number' ? oldest.created_at * 1000 : Date.parse(String(oldest.created_at));
      if (Number.isFinite(oldestAt) && oldestAt < now() - lookbackMs) break;
      before = oldest.id;
    }
    return { ok: true, id: null };
  }

  async function postMessage(conversationId: string, key: string, body: string): Promise<DeliveryResult> {
    const created = await request('POST', `${acct}/conversations/${conversationId}/messages`, Message, `the message to conversation ${conversationId}`, {
      content: body,
      message_type: 'outgoing',
      private: false,
      content_type: 'text',
      content_attributes: { [KEY_ATTRIBUTE]: key },
      echo_id: key,
    });
    return created.ok ? { ok: true, remoteId: String(created.value.id), conversationId } : created;
  }

  async function followUp(conversationId: string, key: string, body: string): Promise<DeliveryResult> {
    const existing = await findMessage(conversationId, key);
    if (!existing.ok) return existing;
    if (existing.id !== null) return { ok: true, remoteId: String(existing.id), conversationId };
    return postMessage(conversationId, key, body);
  }

  async function newConversation(a: Extract<OutboundAction, { kind: 'message' }>): Promise<DeliveryResult> {
    if (!/^\d+$/.test(a.contactId)) return refuse(`Contact "${a.contactId}" is not a Chatwoot contact id, so no Chatwoot conversation can be started with it.`);
    if (!a.inbox) return refuse('A message that starts a new conversation needs an inbox: set one on the send step or as the flow\'s default.');
    const inbox = await directory.resolve('inbox', a.inbox);
    if (!inbox.ok) return inbox;
    const listed = await request('GET', `${acct}/contacts/${a.contactId}/conversations`, ConversationList, `the conversations of contact ${a.contactId}`);
    if (!listed.ok) return listed;
    const earlier = listed.value.payload.find((c) => c.custom_attributes?.[KEY_ATTRIBUTE] === a.key);
    if (earlier) return followUp(String(earlier.id), a.key, a.body);

    const ci = await request('POST', `${acct}/contacts/${a.contactId}/contact_inboxes`, ContactInbox, `the contact inbox of contact ${a.contactId} in inbox ${inbox.id}`, { inbox_id: inbox.id });
    if (!ci.ok) return ci;
    const conv = await request('POST', `${acct}/conversations`, Conversation, `the new conversation of contact ${a.contactId}`, {
      source_id: ci.value.source_id,
      inbox_id: inbox.id,
      contact_id: Number(a.contactId),
      status: 'open',
      custom_attributes: { [KEY_ATTRIBUTE]: a.key },
    });
    if (!conv.ok) return conv;
    // Brand new (or, in a single-conversation inbox, the contact's existing one): look before posting either way.
    return followUp(String(conv.value.id), a.key, a.body);
  }

  async function assign(a: Extract<OutboundAction, { kind: 'assign' }>): Promise<DeliveryResult> {
    if (!a.agent && !a.team) return refuse('An assignment needs an agent or a team; Chatwoot cannot assign a conversation to an inbox.');
    const done: string[] = [];
    // Team first: Chatwoot may pick an agent of the team, which a named agent then overrides.
    for (const [kind, ref, field] of [['team', a.team, 'team_id'], ['agent', a.agent, 'assignee_id']] as const) {
      if (!ref) continue;
      const target = await directory.resolve(kind, ref);
      if (!target.ok) return target;
      // Assigning is idempotent: doing it again after a lost answer leaves the same assignee.
      const r = await request('POST', `${acct}/conversations/${a.conversationId}/assignments`, Anything, `the assignment of conversation ${a.conversationId} to ${kind} ${ref}`, { [field]: target.id });
      if (!r.ok) return r;
      done.push(`${kind}:${target.id}`);
    }
    return { ok: true, remoteId: done.join(','), conversationId: a.conversationId };
  }

  return {
    async deliver(a) {
      const conversationId = a.conversationId;
      if (conversationId !== null && !/^\d+$/.test(conversationId)) return refuse(`"${conversationId}" is not a Chatwoot conversation id.`);
      if (a.kind === 'assign') return assign(a);
      if (!a.body.trim()) return refuse('The message is empty; Chatwoot refuses empty messages.');
      return a.conversationId ? followUp(a.conversationId, a.key, a.body) : newConversation(a);
    },
  };
}
