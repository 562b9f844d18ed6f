import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatwootActions, KEY_ATTRIBUTE, type OutboundAction } from './actions';
import { startChatwootStandin, type ChatwootStandin } from './testing/chatwoot-standin';

let cw: ChatwootStandin;
beforeEach(async () => {
  cw = await startChatwootStandin({ clock: Math.floor(Date.now() / 1000) });
});
afterEach(() => cw.close());
// A generous timeout: on a loaded CI machine the first answer can take seconds; the timeout tests set their own.

const actions = (over: { timeoutMs?: number; apiToken?: string; baseUrl?: string } = {}) => createChatwootActions({ baseUrl: cw.url, accountId: cw.accountId, apiToken: cw.token, timeoutMs: 15_000, ...over });
const followUp = (conversationId: number, key = 'journey-1/node-ask'): Extract<OutboundAction, { kind: 'message' }> => ({ kind: 'message', key, contactId: '14', conversationId: String(conversationId), inbox: null, body: 'Thanks! What is your email?' });

describe('a follow-up in the contact’s conversation', () => {
  it('posts one outgoing message carrying the key, with the Api-Access-Token header', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    const r = await actions().deliver(followUp(conv.id));
    expect(r).toEqual({ ok: true, remoteId: String(cw.created()[0]!.id), conversationId: String(conv.id) });
    expect(cw.created()).toHaveLength(1);
    expect(cw.created()[0]).toMatchObject({ conversationId: conv.id, content: 'Thanks! What is your email?', contentAttributes: { [KEY_ATTRIBUTE]: 'journey-1/node-ask' }, echoId: 'journey-1/node-ask' });
    const post = cw.requests.find((q) => q.method === 'POST')!;
    expect(post.headers['api-access-token']).toBe(cw.token);
    expect(post.headers['api_access_token']).toBeUndefined();
    expect(cw.schemaViolations).toEqual([]);
  });

  it('delivering the same key again returns the message already there', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    const a = actions();
    const first = await a.deliver(followUp(conv.id));
    const second = await a.deliver(followUp(conv.id));
    expect(second).toEqual(first);
    expect(cw.created()).toHaveLength(1);
    const other = await a.deliver(followUp(conv.id, 'journey-1/node-thanks'));
    expect(other.ok).toBe(true);
    expect(cw.created()).toHaveLength(2);
  });

  it('a lost answer (connection closed after Chatwoot created the message) is retried without a second message', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    cw.fault({ method: 'POST', path: /\/messages$/, kind: 'drop-after' });
    const a = actions();
    const lost = await a.deliver(followUp(conv.id));
    expect(lost).toMatchObject({ ok: false, retry: true });
    expect(cw.created()).toHaveLength(1);
    const again = await a.deliver(followUp(conv.id));
    expect(again).toEqual({ ok: true, remoteId: String(cw.created()[0]!.id), conversationId: String(conv.id) });
    expect(cw.created()).toHaveLength(1);
  });

  it('a timeout (Chatwoot answers too late) is retried without a second message', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    cw.fault({ method: 'POST', path: /\/messages$/, kind: 'slow', ms: 600 });
    const slow = await actions({ timeoutMs: 150 }).deliver(followUp(conv.id));
    expect(slow).toEqual({ ok: false, retry: true, reason: expect.stringMatching(/did not answer the message to conversation \d+ within 0.15 s/) });
    const again = await actions({ timeoutMs: 2_000 }).deliver(followUp(conv.id));
    expect(again.ok).toBe(true);
    expect(cw.created()).toHaveLength(1);
  });

  it('finds its message behind many newer ones (pages back with before=)', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    const a = actions();
    const first = await a.deliver(followUp(conv.id));
    for (let i = 0; i < 45; i++) cw.addIncoming(conv.id, `reply ${i}`);
    expect(await a.deliver(followUp(conv.id))).toEqual(first);
    expect(cw.created()).toHaveLength(1);
    expect(cw.requests.filter((q) => q.method === 'GET' && q.path.includes('before=')).length).toBeGreaterThanOrEqual(2);
  });

  it('5xx is retryable and creates nothing; the retry then succeeds once', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    cw.fault({ method: 'POST', path: /\/messages$/, kind: 'status', status: 503 });
    const a = actions();
    expect(await a.deliver(followUp(conv.id))).toEqual({ ok: false, retry: true, reason: `Chatwoot failed (503) on the message to conversation ${conv.id}: Internal Server Error.` });
    expect(cw.created()).toHaveLength(0);
    expect((await a.deliver(followUp(conv.id))).ok).toBe(true);
    expect(cw.created()).toHaveLength(1);
  });

  it('a failing pre-send check (500 on the list) is retryable and sends nothing', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    cw.fault({ method: 'GET', path: /\/messages$/, kind: 'status', status: 500 });
    expect(await actions().deliver(followUp(conv.id))).toMatchObject({ ok: false, retry: true });
    expect(cw.created()).toHaveLength(0);
  });

  it('4xx is final and carries Chatwoot’s message', async () => {
    expect(await actions().deliver(followUp(999))).toEqual({ ok: false, retry: false, reason: 'Chatwoot has no such resource (404) on the messages of conversation 999: Resource could not be found.' });
    const conv = cw.addConversation({ contactId: 14 });
    cw.fault({ method: 'POST', path: /\/messages$/, kind: 'status', status: 422, body: { message: 'Message is too long', attributes: ['content'] } });
    expect(await actions().deliver(followUp(conv.id))).toEqual({ ok: false, retry: false, reason: `Chatwoot refused the request (422) on the message to conversation ${conv.id}: Message is too long.` });
    expect(await actions({ apiToken: 'wrong' }).deliver(followUp(conv.id))).toEqual({ ok: false, retry: false, reason: `Chatwoot refused the API token (401) on the messages of conversation ${conv.id}: You need to sign in or sign up before continuing..` });
  });

  it('429 is retryable; nothing listening is retryable', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    cw.fault({ path: /\/messages$/, kind: 'status', status: 429, body: { error: 'Too many requests' } });
    expect(await actions().deliver(followUp(conv.id))).toMatchObject({ ok: false, retry: true });
    const url = cw.url;
    await cw.close();
    const r = await actions({ baseUrl: url }).deliver(followUp(conv.id));
    expect(r).toMatchObject({ ok: false, retry: true, reason: expect.stringMatching(/^Could not reach Chatwoot \(127\.0\.0\.1:\d+\) for the messages of conversation 1: ECONNREFUSED\.$/) });
    cw = await startChatwootStandin();
  });

  it('refuses an empty message or a conversation id that is not Chatwoot’s without calling Chatwoot', async () => {
    expect(await actions().deliver({ ...followUp(1), body: '  ' })).toEqual({ ok: false, retry: false, reason: 'The message is empty; Chatwoot refuses empty messages.' });
    expect(await actions().deliver({ ...followUp(1), conversationId: '../1' })).toEqual({ ok: false, retry: false, reason: '"../1" is not a Chatwoot conversation id.' });
    expect(await actions().deliver({ kind: 'assign', key: 'k', conversationId: 'x1', team: 'Sales', agent: null })).toMatchObject({ ok: false, retry: false });
    expect(cw.requests).toHaveLength(0);
  });
});

describe('a message that starts a conversation', () => {
  const starter = (over: Partial<Extract<OutboundAction, { kind: 'message' }>> = {}): OutboundAction => ({ kind: 'message', key: 'journey-2/node-hello', contactId: '14', conversationId: null, inbox: 'Acme Website', body: 'Hi Jane, can we help?', ...over });

  it('creates the contact inbox, a conversation carrying the key, then the message', async () => {
    const r = await actions().deliver(starter());
    expect(cw.conversations).toHaveLength(1);
    const conv = cw.conversations[0]!;
    expect(conv).toMatchObject({ contactId: 14, inboxId: 1, customAttributes: { [KEY_ATTRIBUTE]: 'journey-2/node-hello' } });
    expect(r).toEqual({ ok: true, remoteId: String(cw.created()[0]!.id), conversationId: String(conv.id) });
    expect(cw.requests.map((q) => `${q.method} ${q.path.replace(/\?.*/, '')}`)).toEqual([
      'GET /api/v1/accounts/1/inboxes',
      'GET /api/v1/accounts/1/agents',
      'GET /api/v1/accounts/1/teams',
      'GET /api/v1/accounts/1/contacts/14/conversations',
      'POST /api/v1/accounts/1/contacts/14/contact_inboxes',
      'POST /api/v1/accounts/1/conversations',
      `GET /api/v1/accounts/1/conversations/${conv.id}/messages`,
      `POST /api/v1/accounts/1/conversations/${conv.id}/messages`,
    ]);
    expect(cw.schemaViolations).toEqual([]);
  });

  it('a lost answer to the conversation create is retried without a second conversation or message', async () => {
    cw.fault({ method: 'POST', path: /\/conversations$/, kind: 'drop-after' });
    const a = actions();
    expect(await a.deliver(starter())).toMatchObject({ ok: false, retry: true });
    expect(cw.conversations).toHaveLength(1);
    const r = await a.deliver(starter());
    expect(r).toMatchObject({ ok: true, conversationId: String(cw.conversations[0]!.id) });
    expect(await a.deliver(starter())).toEqual(r);
    expect(cw.conversations).toHaveLength(1);
    expect(cw.created()).toHaveLength(1);
  });

  it('a lost answer to the first message is retried without a second message', async () => {
    cw.fault({ method: 'POST', path: /\/messages$/, kind: 'drop-after' });
    const a = actions();
    expect(await a.deliver(starter())).toMatchObject({ ok: false, retry: true });
    expect((await a.deliver(starter())).ok).toBe(true);
    expect(cw.conversations).toHaveLength(1);
    expect(cw.created()).toHaveLength(1);
  });

  it('names the inbox by id, name or slug; an unknown one is refused with the inboxes there are', async () => {
    const a = actions();
    expect((await a.deliver(starter({ inbox: '1', key: 'k1' }))).ok).toBe(true);
    expect((await a.deliver(starter({ inbox: 'acme-website', key: 'k2' }))).ok).toBe(true);
    expect(await a.deliver(starter({ inbox: 'Email', key: 'k3' }))).toEqual({ ok: false, retry: false, reason: 'Chatwoot account 1 has no inbox "Email" (its inboxes: Acme Website, Support API, WhatsApp).' });
    expect(await a.deliver(starter({ inbox: null, key: 'k4' }))).toEqual({ ok: false, retry: false, reason: "A message that starts a new conversation needs an inbox: set one on the send step or as the flow's default." });
  });

  it('refuses a contact id that is not Chatwoot’s, and passes on Chatwoot’s refusal of a phone inbox without a number', async () => {
    expect(await actions().deliver(starter({ contactId: 'crm-77' }))).toMatchObject({ ok: false, retry: false, reason: expect.stringContaining('"crm-77" is not a Chatwoot contact id') });
    expect(await actions().deliver(starter({ inbox: 'WhatsApp' }))).toEqual({ ok: false, retry: false, reason: 'Chatwoot refused the request (422) on the contact inbox of contact 14 in inbox 3: Contact phone number required.' });
  });
});

describe('assignments', () => {
  it('assigns to a team and an agent by name or email, and again harmlessly', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    const a = actions();
    const r = await a.deliver({ kind: 'assign', key: 'j/n', conversationId: String(conv.id), team: 'Sales', agent: 'sam@acme.example' });
    expect(r).toEqual({ ok: true, remoteId: 'team:3,agent:13', conversationId: String(conv.id) });
    expect(conv).toMatchObject({ teamId: 3, assigneeId: 13 });
    expect(await a.deliver({ kind: 'assign', key: 'j/n', conversationId: String(conv.id), team: 'tier-2-support', agent: null })).toMatchObject({ ok: true, remoteId: 'team:4' });
    expect(conv.teamId).toBe(4);
    expect(cw.schemaViolations).toEqual([]);
  });

  it('refuses an unknown team (listing the teams) and an assignment to no one', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    expect(await actions().deliver({ kind: 'assign', key: 'j/n', conversationId: String(conv.id), team: 'Billing', agent: null })).toEqual({ ok: false, retry: false, reason: 'Chatwoot account 1 has no team "Billing" (its teams: Sales, Tier 2 Support).' });
    expect(await actions().deliver({ kind: 'assign', key: 'j/n', conversationId: String(conv.id), team: null, agent: null })).toMatchObject({ ok: false, retry: false });
    expect(conv).toMatchObject({ teamId: null, assigneeId: null });
  });

  it('a 5xx on the assignment is retryable', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    cw.fault({ path: /\/assignments$/, kind: 'status', status: 502 });
    expect(await actions().deliver({ kind: 'assign', key: 'j/n', conversationId: String(conv.id), team: null, agent: 'Mia from Sales' })).toMatchObject({ ok: false, retry: true });
  });
});
