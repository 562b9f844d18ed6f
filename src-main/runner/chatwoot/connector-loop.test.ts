import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatwootActions } from './actions';
import { postWebhook, startChatwootStandin, type ChatwootStandin } from './testing/chatwoot-standin';
import { mapChatwootWebhook, type WebhookInput } from './webhook-map';
import { verifyChatwootSignature } from './webhook-verify';

/**
 * The connector's pieces wired the way the runner wires them, around a minimal receiver:
 * verify → de-duplicate by delivery id and by input key → collect inputs. Chatwoot (the
 * stand-in) posts its webhooks to it, including the message_created of our own sends.
 */
const SECRET = 'loop-secret';
let receiver: http.Server;
let receiverUrl: string;
let inputs: WebhookInput[];
let statuses: number[];
let cw: ChatwootStandin;

beforeEach(async () => {
  inputs = [];
  statuses = [];
  const deliveries = new Set<string>();
  const keys = new Set<string>();
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const answer = (status: number, body: unknown) => {
        statuses.push(status);
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      const v = verifyChatwootSignature({ secret: SECRET, timestamp: req.headers['x-chatwoot-timestamp'] as string | undefined, signature: req.headers['x-chatwoot-signature'] as string | undefined, rawBody, now: Date.now() });
      if (!v.ok) return answer(401, { error: v.reason });
      const delivery = String(req.headers['x-chatwoot-delivery'] ?? '');
      if (delivery && deliveries.has(delivery)) return answer(200, { duplicate: true });
      deliveries.add(delivery);
      const mapped = mapChatwootWebhook(JSON.parse(rawBody.toString('utf8')));
      if ('error' in mapped) return answer(422, mapped);
      for (const i of mapped.inputs) {
        if (keys.has(i.dedupeKey)) continue;
        keys.add(i.dedupeKey);
        inputs.push(i);
      }
      answer(200, { accepted: mapped.inputs.length });
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/chatwoot`;
  cw = await startChatwootStandin({ clock: Math.floor(Date.now() / 1000), webhook: { url: receiverUrl, secret: SECRET } });
});
afterEach(async () => {
  await cw.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

describe('Chatwoot → runner → Chatwoot', () => {
  it('a visitor’s chat becomes inputs; a follow-up lands in their conversation once; our own message is no input', async () => {
    const started = await cw.visitorStartsConversation({ contact: { id: 21, name: 'visitor-21' } });
    expect(started.delivery?.status).toBe(200);
    expect(inputs).toEqual([expect.objectContaining({ kind: 'event', name: 'conversation.created', contactId: '21', conversationId: String(started.conversation.id), properties: expect.objectContaining({ channel: 'web_widget', inbox_id: 1 }) })]);

    const actions = createChatwootActions({ baseUrl: cw.url, accountId: cw.accountId, apiToken: cw.token });
    const ask = { kind: 'message' as const, key: 'j21/ask', contactId: '21', conversationId: inputs[0]!.kind === 'event' ? inputs[0]!.conversationId! : null, inbox: null, body: 'Hi! What is your name?' };
    cw.fault({ method: 'POST', path: /\/messages$/, kind: 'drop-after' });
    expect(await actions.deliver(ask)).toMatchObject({ ok: false, retry: true });
    expect(await actions.deliver(ask)).toMatchObject({ ok: true });
    await expect.poll(() => cw.webhookResults.filter((w) => w.event === 'message_created').length).toBe(1);
    expect(cw.created().map((m) => m.content)).toEqual(['Hi! What is your name?']);

    await cw.visitorWrites(started.conversation.id, 'Jane');
    await cw.updateContact(21, { name: 'Jane', email: 'jane@acme.example' });
    await cw.setLabels(started.conversation.id, ['lead']);
    await cw.setStatus(started.conversation.id, 'resolved');
    expect(inputs.map((i) => i.kind)).toEqual(['event', 'message', 'attributes', 'tags', 'event']);
    expect(inputs[1]).toMatchObject({ kind: 'message', text: 'Jane', contactId: '21' });
    expect(inputs[2]).toMatchObject({ attributes: { name: 'Jane', email: 'jane@acme.example' } });
    expect(inputs[3]).toMatchObject({ tags: ['lead'] });
    expect(inputs[4]).toMatchObject({ name: 'conversation.status_changed', properties: expect.objectContaining({ status: 'resolved', previous_status: 'open' }) });
  });

  it('a repeated delivery, and a repeated message under a new delivery id, are one input; a bad signature or stale timestamp is 401', async () => {
    const { payload, delivery } = await cw.visitorWrites(cw.addConversation({ contactId: 14 }).id, 'hello');
    expect(inputs).toHaveLength(1);
    await postWebhook(receiverUrl, SECRET, payload, { deliveryId: delivery!.deliveryId });
    await postWebhook(receiverUrl, SECRET, payload);
    expect(inputs).toHaveLength(1);
    expect((await postWebhook(receiverUrl, 'wrong', payload)).status).toBe(401);
    expect((await postWebhook(receiverUrl, SECRET, payload, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    expect(inputs).toHaveLength(1);
  });
});
