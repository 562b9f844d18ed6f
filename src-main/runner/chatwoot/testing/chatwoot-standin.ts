import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signChatwootPayload } from '../webhook-verify';
import { checkChatwoot, type ChatwootSchemaName } from './chatwoot-api-reference';
import { contactUpdated, conversationCreated, conversationLabelsChanged, conversationStatusChanged, messageCreated, type ConversationSeed } from './chatwoot-payloads';

export * from './chatwoot-payloads';

export interface StandinInbox { id: number; name: string; channel_type: string }
export interface StandinAgent { id: number; name: string; email: string; role: 'agent' | 'administrator' }
export interface StandinTeam { id: number; name: string; description?: string }
export interface StandinContact { id: number; name: string; email?: string | null; phone_number?: string | null }
export interface StandinConversation { id: number; contactId: number; inboxId: number; sourceId: string; status: 'open' | 'resolved' | 'pending'; customAttributes: Record<string, unknown>; assigneeId: number | null; teamId: number | null; createdAt: number; labels: string[] }
export interface StandinMessage { id: number; conversationId: number; content: string; messageType: 0 | 1 | 2 | 3; private: boolean; contentAttributes: Record<string, unknown>; echoId: string | null; createdAt: number }

/**
 * A fault for the next matching request(s): `drop-before` closes the connection without doing
 * anything, `drop-after` does the work (creates the message) and then closes it unanswered,
 * `status` answers with that status and does nothing, `slow` does the work and answers `ms` later.
 */
export interface Fault { method?: 'GET' | 'POST'; path: RegExp; kind: 'drop-before' | 'drop-after' | 'status' | 'slow'; status?: number; body?: unknown; ms?: number; times?: number }

export interface StandinOptions {
  accountId?: number;
  token?: string;
  inboxes?: StandinInbox[];
  agents?: StandinAgent[];
  teams?: StandinTeam[];
  contacts?: StandinContact[];
  /** Unix seconds of the stand-in's clock start; every write advances it by one second. */
  clock?: number;
  /**
   * Where Chatwoot's account webhook points. When set, the visitor helpers post their webhooks
   * there, signed with `secret`, and every message created through the API is followed by its
   * own (outgoing) message_created webhook, as real Chatwoot does.
   */
  webhook?: { url: string; secret: string };
  /** Keep every request in `requests` (default true; turn off for long fault runs). */
  recordRequests?: boolean;
}

type Reply = { status: number; body?: unknown };
const reply = (status: number, body?: unknown): Reply => ({ status, body });
const notFound = () => reply(404, { error: 'Resource could not be found' });

/**
 * A Chatwoot on loopback that answers exactly the endpoints the runner's connector uses, in
 * the shapes Chatwoot documents (see chatwoot-api-reference.ts): inboxes, agents, teams,
 * a conversation's messages (list with `before` paging, create), a contact's conversations,
 * contact inboxes, conversations and assignments. It authenticates by the `Api-Access-Token`
 * header only (as behind a default nginx, which drops `api_access_token`), records every
 * message created and every request, checks each request body against Chatwoot's documented
 * request schema (violations in `schemaViolations`, answered 422), and injects faults.
 */
export async function startChatwootStandin(opts: StandinOptions = {}) {
  const accountId = opts.accountId ?? 1;
  const token = opts.token ?? 'standin-token';
  const inboxes = opts.inboxes ?? [{ id: 1, name: 'Acme Website', channel_type: 'Channel::WebWidget' }, { id: 2, name: 'Support API', channel_type: 'Channel::Api' }, { id: 3, name: 'WhatsApp', channel_type: 'Channel::Whatsapp' }];
  const agents = opts.agents ?? [{ id: 12, name: 'Mia from Sales', email: 'mia@acme.example', role: 'administrator' as const }, { id: 13, name: 'Sam', email: 'sam@acme.example', role: 'agent' as const }];
  const teams = opts.teams ?? [{ id: 3, name: 'Sales', description: 'Inbound leads' }, { id: 4, name: 'Tier 2 Support' }];
  const contacts = new Map((opts.contacts ?? [{ id: 14, name: 'Jane', email: 'jane@acme.example' }]).map((c) => [c.id, c]));
  const conversations: StandinConversation[] = [];
  const messages: StandinMessage[] = [];
  // Indexes, so a fault run with thousands of journeys answers in constant time per request.
  const conversationById = new Map<number, StandinConversation>();
  const conversationsOfContact = new Map<number, StandinConversation[]>();
  const messagesOf = new Map<number, StandinMessage[]>();
  const created: StandinMessage[] = [];
  const findConversation = (id: number) => conversationById.get(id);
  const requests: { method: string; path: string; headers: http.IncomingHttpHeaders; body: unknown }[] = [];
  const schemaViolations: string[] = [];
  const faults: (Fault & { left: number })[] = [];
  let clock = opts.clock ?? 1_790_000_000;
  let nextMessageId = 1000;
  let nextConversationId = 1;

  const tick = () => (clock += 1);
  const contactJson = (c: StandinContact) => ({ id: c.id, name: c.name, email: c.email ?? null, phone_number: c.phone_number ?? null, identifier: null, thumbnail: '', additional_attributes: {}, custom_attributes: {}, type: 'contact' });
  const agentJson = (a: StandinAgent) => ({ id: a.id, account_id: accountId, availability_status: 'online', auto_offline: true, confirmed: true, email: a.email, available_name: a.name, name: a.name, role: a.role, thumbnail: '' });
  const teamJson = (t: StandinTeam) => ({ id: t.id, name: t.name, description: t.description ?? null, allow_auto_assign: true, account_id: accountId, is_member: false });
  const messageJson = (m: StandinMessage) => {
    const conv = findConversation(m.conversationId)!;
    const fromContact = m.messageType === 0;
    const contact = contacts.get(conv.contactId);
    return {
      id: m.id, content: m.content, account_id: accountId, inbox_id: conv.inboxId, echo_id: m.echoId, conversation_id: m.conversationId, message_type: m.messageType, content_type: 'text', status: 'sent',
      content_attributes: m.contentAttributes, created_at: m.createdAt, updated_at: new Date(m.createdAt * 1000).toISOString(), private: m.private, source_id: null,
      sender_type: fromContact ? 'Contact' : 'User', sender_id: fromContact ? conv.contactId : agents[0]!.id, external_source_ids: {}, additional_attributes: {},
      sender: fromContact && contact ? contactJson(contact) : { id: agents[0]!.id, name: agents[0]!.name, available_name: agents[0]!.name, type: 'user' },
    };
  };
  const conversationJson = (c: StandinConversation) => {
    const contact = contacts.get(c.contactId);
    const assignee = agents.find((a) => a.id === c.assigneeId);
    const team = teams.find((t) => t.id === c.teamId);
    return {
      meta: { sender: contact ? contactJson(contact) : {}, assignee: assignee ? agentJson(assignee) : null, team: team ? teamJson(team) : null, hmac_verified: false },
      id: c.id, messages: [], account_id: accountId, uuid: `${c.id}-uuid`, additional_attributes: {}, agent_last_seen_at: 0, assignee_last_seen_at: 0, can_reply: true, contact_last_seen_at: 0,
      custom_attributes: c.customAttributes, inbox_id: c.inboxId, labels: c.labels, muted: false, snoozed_until: null, status: c.status, created_at: c.createdAt, timestamp: c.createdAt, unread_count: 0, priority: null, waiting_since: c.createdAt,
    };
  };

  function addConversation(o: { contactId: number; inboxId?: number; customAttributes?: Record<string, unknown> }): StandinConversation {
    const inboxId = o.inboxId ?? inboxes[0]!.id;
    const conv: StandinConversation = { id: nextConversationId++, contactId: o.contactId, inboxId, sourceId: randomUUID(), status: 'open', customAttributes: o.customAttributes ?? {}, assigneeId: null, teamId: null, createdAt: tick(), labels: [] };
    conversations.push(conv);
    conversationById.set(conv.id, conv);
    conversationsOfContact.set(conv.contactId, [...(conversationsOfContact.get(conv.contactId) ?? []), conv]);
    messagesOf.set(conv.id, []);
    return conv;
  }
  function addMessage(conversationId: number, content: string, messageType: StandinMessage['messageType'], extra: Partial<StandinMessage> = {}): StandinMessage {
    const m: StandinMessage = { id: nextMessageId++, conversationId, content, messageType, private: false, contentAttributes: {}, echoId: null, createdAt: tick(), ...extra };
    messages.push(m);
    messagesOf.get(conversationId)!.push(m);
    if (m.messageType === 1 && !m.private) created.push(m);
    return m;
  }

  const violates = (schema: ChatwootSchemaName, body: unknown): Reply | undefined => {
    const v = checkChatwoot(schema, body);
    if (!v.length) return undefined;
    schemaViolations.push(...v);
    return reply(422, { message: v.join(', '), attributes: [] });
  };

  const webhookResults: { event: string; status: number | string }[] = [];
  const inboxOf = (id: number) => inboxes.find((i) => i.id === id);
  const seed = (c: StandinConversation): ConversationSeed => {
    const contact = contacts.get(c.contactId) ?? { id: c.contactId, name: `visitor-${c.contactId}` };
    const last = (messagesOf.get(c.id) ?? []).reduce((t, m) => Math.max(t, m.createdAt), c.createdAt);
    return { id: c.id, contact, inboxId: c.inboxId, channel: inboxOf(c.inboxId)?.channel_type ?? 'Channel::WebWidget', status: c.status, labels: c.labels, createdAt: c.createdAt, lastActivityAt: last };
  };
  const messagePayload = (m: StandinMessage) => {
    const conv = findConversation(m.conversationId)!;
    const type = (['incoming', 'outgoing', 'activity', 'template'] as const)[m.messageType];
    return messageCreated({ id: m.id, conversation: seed(conv), content: m.content, messageType: type, private: m.private, createdAt: new Date(m.createdAt * 1000).toISOString(), contentAttributes: m.contentAttributes });
  };
  /** Posts one webhook to the configured URL; the outcome is kept in `webhookResults`. */
  async function emit(payload: { event: string }): Promise<{ status: number; text: string; deliveryId: string } | undefined> {
    if (!opts.webhook) return undefined;
    try {
      const r = await postWebhook(opts.webhook.url, opts.webhook.secret, payload);
      webhookResults.push({ event: payload.event, status: r.status });
      return r;
    } catch (e) {
      webhookResults.push({ event: payload.event, status: (e as Error).message });
      return undefined;
    }
  }

  const a = `/api/v1/accounts/${accountId}`;
  const routes: { method: string; re: RegExp; run: (m: RegExpExecArray, body: unknown, url: URL) => Reply }[] = [
    { method: 'GET', re: new RegExp(`^${a}/inboxes$`), run: () => reply(200, { payload: inboxes.map((i) => ({ id: i.id, name: i.name, channel_type: i.channel_type, channel_id: i.id, avatar_url: '', greeting_enabled: false, working_hours_enabled: false })) }) },
    { method: 'GET', re: new RegExp(`^${a}/agents$`), run: () => reply(200, agents.map(agentJson)) },
    { method: 'GET', re: new RegExp(`^${a}/teams$`), run: () => reply(200, teams.map(teamJson)) },
    {
      method: 'GET', re: new RegExp(`^${a}/conversations/(\\d+)/messages$`),
      run: (m, _b, url) => {
        const conv = findConversation(Number(m[1]));
        if (!conv) return notFound();
        const before = url.searchParams.get('before');
        const all = messagesOf.get(conv.id)!;
        const mine = before ? all.filter((x) => x.id < Number(before)) : all;
        const contact = contacts.get(conv.contactId);
        return reply(200, { meta: { labels: [], additional_attributes: {}, contact: contact ? contactJson(contact) : {}, assignee: null, agent_last_seen_at: null, assignee_last_seen_at: null }, payload: mine.slice(-20).map(messageJson) });
      },
    },
    {
      method: 'POST', re: new RegExp(`^${a}/conversations/(\\d+)/messages$`),
      run: (m, body) => {
        const conv = findConversation(Number(m[1]));
        if (!conv) return notFound();
        const bad = violates('createMessageRequest', body);
        if (bad) return bad;
        const b = body as { content: string; message_type?: string; private?: boolean; content_attributes?: Record<string, unknown>; echo_id?: string };
        if (!b.content.trim()) return reply(422, { message: "Content can't be blank", attributes: ['content'] });
        const type = b.message_type === 'incoming' ? 0 : 1;
        if (type === 0 && inboxes.find((i) => i.id === conv.inboxId)?.channel_type !== 'Channel::Api') return reply(422, { error: 'Incoming messages are only allowed in Api inboxes' });
        const created = addMessage(conv.id, b.content, type, { private: b.private ?? false, contentAttributes: b.content_attributes ?? {}, echoId: b.echo_id ?? null });
        if (opts.webhook) setImmediate(() => void emit(messagePayload(created)));
        return reply(200, messageJson(created));
      },
    },
    {
      method: 'GET', re: new RegExp(`^${a}/contacts/(\\d+)/conversations$`),
      run: (m) => (contacts.has(Number(m[1])) ? reply(200, { payload: (conversationsOfContact.get(Number(m[1])) ?? []).map(conversationJson) }) : notFound()),
    },
    {
      method: 'POST', re: new RegExp(`^${a}/contacts/(\\d+)/contact_inboxes$`),
      run: (m, body) => {
        const contact = contacts.get(Number(m[1]));
        if (!contact) return notFound();
        const bad = violates('createContactInboxRequest', body);
        if (bad) return bad;
        const inbox = inboxes.find((i) => i.id === (body as { inbox_id: number }).inbox_id);
        if (!inbox) return notFound();
        const phoneChannel = /Sms|Whatsapp/.test(inbox.channel_type);
        if (phoneChannel && !contact.phone_number) return reply(422, { error: 'Contact phone number required' });
        return reply(200, { source_id: phoneChannel ? contact.phone_number : randomUUID(), inbox: { id: inbox.id, avatar_url: '', channel_id: inbox.id, name: inbox.name, channel_type: inbox.channel_type, provider: null } });
      },
    },
    {
      method: 'POST', re: new RegExp(`^${a}/conversations$`),
      run: (_m, body) => {
        const bad = violates('createConversationRequest', body);
        if (bad) return bad;
        const b = body as { source_id: string; inbox_id?: number; contact_id?: number; custom_attributes?: Record<string, unknown>; status?: StandinConversation['status'] };
        if (!b.contact_id || !contacts.has(b.contact_id) || !inboxes.some((i) => i.id === b.inbox_id)) return notFound();
        const conv = addConversation({ contactId: b.contact_id, inboxId: b.inbox_id!, customAttributes: { ...(b.custom_attributes ?? {}) } });
        conv.sourceId = b.source_id;
        if (b.status) conv.status = b.status;
        return reply(200, conversationJson(conv));
      },
    },
    {
      method: 'POST', re: new RegExp(`^${a}/conversations/(\\d+)/assignments$`),
      run: (m, body) => {
        const conv = findConversation(Number(m[1]));
        if (!conv) return notFound();
        const bad = violates('assignmentRequest', body);
        if (bad) return bad;
        const b = body as { assignee_id?: number; team_id?: number };
        if (b.assignee_id !== undefined) {
          // Real Chatwoot silently unassigns for an unknown agent id; the stand-in answers 404 so a test notices.
          const agent = agents.find((x) => x.id === b.assignee_id);
          if (!agent) return notFound();
          conv.assigneeId = agent.id;
          return reply(200, agentJson(agent));
        }
        const team = teams.find((t) => t.id === b.team_id);
        if (!team) return notFound();
        conv.teamId = team.id;
        return reply(200, teamJson(team));
      },
    },
  ];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (opts.recordRequests !== false) requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, body });
      const send = (r: Reply) => {
        const out = r.body === undefined ? '' : JSON.stringify(r.body);
        res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
        res.end(out);
      };
      if (req.headers['api-access-token'] !== token) return send(reply(401, { errors: ['You need to sign in or sign up before continuing.'] }));
      const fault = faults.find((f) => f.left > 0 && (!f.method || f.method === req.method) && f.path.test(url.pathname));
      if (fault) fault.left--;
      if (fault?.kind === 'drop-before') return void req.socket.destroy();
      if (fault?.kind === 'status') return send(reply(fault.status ?? 500, fault.body ?? { error: 'Internal Server Error' }));
      const route = routes.find((r) => r.method === req.method && r.re.test(url.pathname));
      const result = route ? route.run(route.re.exec(url.pathname)!, body, url) : notFound();
      if (fault?.kind === 'drop-after') return void req.socket.destroy();
      if (fault?.kind === 'slow') return void setTimeout(() => !res.destroyed && send(result), fault.ms ?? 1000);
      send(result);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    accountId,
    token,
    contacts,
    conversations,
    messages,
    requests,
    schemaViolations,
    /** Messages created through the API (what a contact would receive). */
    created: () => created,
    addContact: (c: StandinContact) => void contacts.set(c.id, c),
    addConversation,
    /** A message the contact wrote (as the widget would create it), without a webhook. */
    addIncoming: (conversationId: number, content: string) => addMessage(conversationId, content, 0),
    webhookResults,
    /** A visitor opens the chat: contact (created if new) + conversation, and its conversation_created webhook. */
    async visitorStartsConversation(o: { contact: StandinContact; inboxId?: number }) {
      if (!contacts.has(o.contact.id)) contacts.set(o.contact.id, o.contact);
      const conversation = addConversation({ contactId: o.contact.id, ...(o.inboxId ? { inboxId: o.inboxId } : {}) });
      const payload = conversationCreated(seed(conversation));
      return { conversation, payload, delivery: await emit(payload) };
    },
    /** The contact writes in their conversation: the message and its message_created webhook. */
    async visitorWrites(conversationId: number, content: string) {
      const message = addMessage(conversationId, content, 0);
      const payload = messagePayload(message);
      return { message, payload, delivery: await emit(payload) };
    },
    /** An agent changes a conversation's labels: conversation_updated with label_list. */
    async setLabels(conversationId: number, labels: string[]) {
      const conv = findConversation(conversationId)!;
      const previousLabels = conv.labels;
      conv.labels = [...labels];
      tick();
      const payload = conversationLabelsChanged({ ...seed(conv), lastActivityAt: clock, previousLabels });
      return { payload, delivery: await emit(payload) };
    },
    /** An agent resolves / reopens a conversation: conversation_status_changed. */
    async setStatus(conversationId: number, status: StandinConversation['status']) {
      const conv = findConversation(conversationId)!;
      const previousStatus = conv.status;
      conv.status = status;
      tick();
      const payload = conversationStatusChanged({ ...seed(conv), lastActivityAt: clock, previousStatus });
      return { payload, delivery: await emit(payload) };
    },
    /** A contact's standard fields change: contact_updated with what changed. */
    async updateContact(id: number, fields: Partial<Pick<StandinContact, 'name' | 'email' | 'phone_number'>>) {
      const before = contacts.get(id)!;
      const after = { ...before, ...fields };
      contacts.set(id, after);
      const changes = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [before[k as keyof StandinContact] ?? null, v] as [unknown, unknown]]));
      const payload = contactUpdated(after, changes, new Date(tick() * 1000).toISOString());
      return { payload, delivery: await emit(payload) };
    },
    fault: (f: Fault) => void faults.push({ ...f, left: f.times ?? 1 }),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export type ChatwootStandin = Awaited<ReturnType<typeof startChatwootStandin>>;

/**
 * Posts a webhook delivery to the runner signed as Chatwoot signs it: `X-Chatwoot-Signature:
 * sha256=HMAC(secret, "<X-Chatwoot-Timestamp>.<raw body>")`, plus `X-Chatwoot-Delivery`.
 */
export async function postWebhook(runnerUrl: string, secret: string, payload: unknown, o: { deliveryId?: string; timestamp?: number; rawBody?: string } = {}): Promise<{ status: number; text: string; deliveryId: string }> {
  const raw = o.rawBody ?? JSON.stringify(payload);
  const ts = String(o.timestamp ?? Math.floor(Date.now() / 1000));
  const deliveryId = o.deliveryId ?? randomUUID();
  const res = await fetch(runnerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'rest-client/2.1.0 (linux x86_64) ruby/3.3.3p89', 'X-Chatwoot-Signature': signChatwootPayload(secret, ts, raw), 'X-Chatwoot-Timestamp': ts, 'X-Chatwoot-Delivery': deliveryId },
    body: raw,
  });
  return { status: res.status, text: await res.text(), deliveryId };
}
