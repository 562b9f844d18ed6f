import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChatwootSignature } from '../webhook-verify';
import { checkChatwoot, type ChatwootSchemaName } from './chatwoot-api-reference';
import { contactCreated, contactUpdated, conversationCreated, conversationLabelsChanged, conversationStatusChanged, messageCreated, postWebhook, startChatwootStandin, type ChatwootStandin } from './chatwoot-standin';

let cw: ChatwootStandin;
beforeEach(async () => {
  cw = await startChatwootStandin();
});
afterEach(() => cw.close());

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'Api-Access-Token': cw.token }) => {
  const res = await fetch(cw.url + path, { method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as unknown };
};
const conforms = (name: ChatwootSchemaName, body: unknown) => expect(checkChatwoot(name, body)).toEqual([]);

describe('the stand-in answers in Chatwoot’s documented shapes', () => {
  it('directory: inboxes, agents, teams', async () => {
    conforms('inboxList', (await call('GET', '/api/v1/accounts/1/inboxes')).body);
    for (const a of (await call('GET', '/api/v1/accounts/1/agents')).body as unknown[]) conforms('agent', a);
    for (const t of (await call('GET', '/api/v1/accounts/1/teams')).body as unknown[]) conforms('team', t);
  });

  it('contact inbox, conversation, message, message list, contact conversations, assignment', async () => {
    const ci = await call('POST', '/api/v1/accounts/1/contacts/14/contact_inboxes', { inbox_id: 1 });
    conforms('contactInbox', ci.body);
    const conv = await call('POST', '/api/v1/accounts/1/conversations', { source_id: (ci.body as { source_id: string }).source_id, inbox_id: 1, contact_id: 14, status: 'open' });
    conforms('conversation', conv.body);
    const id = (conv.body as { id: number }).id;
    const msg = await call('POST', `/api/v1/accounts/1/conversations/${id}/messages`, { content: 'Hello', message_type: 'outgoing', private: false, content_type: 'text', content_attributes: { k: 'v' } });
    conforms('message', msg.body);
    expect(msg.body).toMatchObject({ message_type: 1, content_attributes: { k: 'v' }, conversation_id: id });
    conforms('messageList', (await call('GET', `/api/v1/accounts/1/conversations/${id}/messages`)).body);
    conforms('conversationList', (await call('GET', '/api/v1/accounts/1/contacts/14/conversations')).body);
    conforms('agent', (await call('POST', `/api/v1/accounts/1/conversations/${id}/assignments`, { assignee_id: 12 })).body);
    conforms('team', (await call('POST', `/api/v1/accounts/1/conversations/${id}/assignments`, { team_id: 3 })).body);
  });

  it('pages a conversation’s messages 20 at a time, oldest first, with before=', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    const ids = Array.from({ length: 45 }, (_, i) => cw.addIncoming(conv.id, `m${i}`).id);
    const last = (await call('GET', `/api/v1/accounts/1/conversations/${conv.id}/messages`)).body as { payload: { id: number }[] };
    expect(last.payload.map((m) => m.id)).toEqual(ids.slice(25));
    const older = (await call('GET', `/api/v1/accounts/1/conversations/${conv.id}/messages?before=${ids[25]}`)).body as { payload: { id: number }[] };
    expect(older.payload.map((m) => m.id)).toEqual(ids.slice(5, 25));
  });

  it('refuses request bodies that break the documented request schema, and records why', async () => {
    const conv = cw.addConversation({ contactId: 14 });
    expect((await call('POST', `/api/v1/accounts/1/conversations/${conv.id}/messages`, { message_type: 'outgoing' })).status).toBe(422);
    expect((await call('POST', `/api/v1/accounts/1/conversations/${conv.id}/messages`, { content: 'x', message_type: 'sideways' })).status).toBe(422);
    expect((await call('POST', '/api/v1/accounts/1/conversations', { inbox_id: 1, contact_id: 14 })).status).toBe(422);
    expect((await call('POST', `/api/v1/accounts/1/conversations/${conv.id}/assignments`, {})).status).toBe(422);
    expect(cw.schemaViolations).toEqual([
      "createMessageRequest must have required property 'content'",
      'createMessageRequest/message_type must be equal to one of the allowed values',
      "createConversationRequest must have required property 'source_id'",
      "assignmentRequest must have required property 'assignee_id'",
      "assignmentRequest must have required property 'team_id'",
      'assignmentRequest must match a schema in anyOf',
    ]);
    expect(cw.created()).toHaveLength(0);
  });

  it('authenticates by the hyphenated header only, as behind a default nginx', async () => {
    expect((await call('GET', '/api/v1/accounts/1/inboxes', undefined, { api_access_token: cw.token })).status).toBe(401);
    expect((await call('GET', '/api/v1/accounts/1/inboxes', undefined, { 'Api-Access-Token': 'nope' })).status).toBe(401);
  });

  it('the webhook builders carry every field of Chatwoot’s documented webhook samples', () => {
    const conv = { id: 10, contact: { id: 14 } };
    const conversationFields = ['additional_attributes', 'can_reply', 'channel', 'id', 'inbox_id', 'contact_inbox', 'messages', 'meta', 'status', 'unread_count', 'agent_last_seen_at', 'contact_last_seen_at', 'timestamp', 'event'];
    for (const p of [conversationCreated(conv), conversationStatusChanged(conv), conversationLabelsChanged(conv)]) expect(Object.keys(p)).toEqual(expect.arrayContaining(conversationFields));
    expect(Object.keys(messageCreated({ id: 1, conversation: conv }))).toEqual(expect.arrayContaining(['id', 'content', 'created_at', 'message_type', 'content_type', 'content_attributes', 'source_id', 'sender', 'inbox', 'conversation', 'account', 'event', 'private']));
    expect(Object.keys(messageCreated({ id: 1, conversation: conv }).conversation)).toEqual(expect.arrayContaining(conversationFields.filter((f) => f !== 'event')));
    for (const p of [contactCreated({ id: 14 }), contactUpdated({ id: 14 }, { name: ['a', 'b'] })]) expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'name', 'email', 'phone_number', 'identifier', 'custom_attributes', 'additional_attributes', 'account', 'event']));
  });
});

describe('postWebhook', () => {
  it('signs like Chatwoot: the receiver verifies the raw body with the secret', async () => {
    const seen: { headers: http.IncomingHttpHeaders; raw: Buffer }[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, raw: Buffer.concat(chunks) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/chatwoot`;
      const sent = await postWebhook(url, 's3cret', messageCreated({ id: 5, conversation: { id: 1, contact: { id: 14 } } }), { deliveryId: 'd-1' });
      expect(sent).toMatchObject({ status: 200, deliveryId: 'd-1' });
      const got = seen[0]!;
      expect(got.headers['x-chatwoot-delivery']).toBe('d-1');
      const verify = (secret: string) => verifyChatwootSignature({ secret, timestamp: got.headers['x-chatwoot-timestamp'] as string, signature: got.headers['x-chatwoot-signature'] as string, rawBody: got.raw, now: Date.now() });
      expect(verify('s3cret')).toEqual({ ok: true });
      expect(verify('other')).toEqual({ ok: false, reason: 'signature does not match' });
      await postWebhook(url, 's3cret', { event: 'x' }, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      expect(verifyChatwootSignature({ secret: 's3cret', timestamp: seen[1]!.headers['x-chatwoot-timestamp'] as string, signature: seen[1]!.headers['x-chatwoot-signature'] as string, rawBody: seen[1]!.raw, now: Date.now() })).toMatchObject({ ok: false, reason: expect.stringMatching(/^timestamp is 60\d s old/) });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
