import { afterAll, describe, expect, it } from 'vitest';
import { conversationCreated, postWebhook, startChatwootStandin, type ChatwootStandin } from '../../src-main/runner/chatwoot/testing/chatwoot-standin';
import { apiClient, collectNameAndEmail, tempDir, TEST_TOKEN, until } from '../../src-main/runner/testing/runner-fixtures';
import { freePort, spawnRunner, type RunnerProcess } from './runner-process';

const SECRET = 'webhook-secret';
let standin: ChatwootStandin | undefined;
let runner: RunnerProcess | undefined;
afterAll(async () => {
  await runner?.stop();
  await standin?.close();
});

describe('the runner with Chatwoot, killed mid-way', () => {
  it('asks in the visitor’s chat, follows up after the reply, assigns after the email; kill -9 loses and repeats nothing', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // The stand-in's clock is the real one: timers (the 10-minute reply timeout) run on real time.
    standin = await startChatwootStandin({ webhook: { url: `${url}/webhooks/chatwoot`, secret: SECRET }, clock: Math.floor(Date.now() / 1000) });
    const data = await tempDir('e2e');
    const env = {
      CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN,
      CHATWOOT_BASE_URL: standin.url,
      CHATWOOT_ACCOUNT_ID: String(standin.accountId),
      CHATWOOT_API_TOKEN: standin.token,
      CHATWOOT_WEBHOOK_SECRET: SECRET,
    };
    const start = () => spawnRunner(['--data', data], env, port);
    runner = await start();
    const api = apiClient(url);
    const flow = await collectNameAndEmail('Sales');
    const id = flow.campaign.id;
    await api.publish(flow);
    const journeys = async () => (await api.call('GET', `/v1/flows/${id}/journeys`)).body.journeys as { id: string; status: string }[];

    // A bad signature and a stale timestamp are refused and change nothing.
    const conv0 = standin.addConversation({ contactId: 14 });
    const payload0 = conversationCreated({ id: conv0.id, contact: { id: 14, name: 'Jane' }, inboxId: 1, channel: 'Channel::WebWidget', status: 'open', labels: [], createdAt: conv0.createdAt, lastActivityAt: conv0.createdAt });
    expect((await postWebhook(`${url}/webhooks/chatwoot`, 'not-the-secret', payload0)).status).toBe(401);
    expect((await postWebhook(`${url}/webhooks/chatwoot`, SECRET, payload0, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);

    // The visitor opens the chat: the flow asks for their name in that same conversation.
    const { conversation, payload, delivery } = await standin.visitorStartsConversation({ contact: { id: 50, name: 'Visitor' } });
    expect(delivery?.status).toBe(200);
    // A repeated delivery (same id), and the same event under a new delivery id: one input.
    expect((await postWebhook(`${url}/webhooks/chatwoot`, SECRET, payload, { deliveryId: delivery!.deliveryId })).status).toBe(200);
    expect((await postWebhook(`${url}/webhooks/chatwoot`, SECRET, payload)).status).toBe(200);
    const sentTo = (conv: number) => standin!.created().filter((m) => m.conversationId === conv);
    await until('the name question', async () => sentTo(conversation.id).length === 1);
    expect(sentTo(conversation.id)[0]!.content).toContain("what's your name");

    // The visitor answers; the runner is killed right after accepting the webhook.
    const reply = await standin.visitorWrites(conversation.id, 'Ada');
    expect(reply.delivery?.status).toBe(200);
    await runner.kill9();
    runner = await start();
    await until('the email question', async () => sentTo(conversation.id).length === 2, 120_000);
    expect(sentTo(conversation.id)[1]!.content).toMatch(/^Thanks/);

    // The email: the conversation is assigned to the Sales team; killed again meanwhile.
    await standin.visitorWrites(conversation.id, 'ada@example.com');
    await runner.kill9();
    runner = await start();
    const assigned = await until('the assignment', async () => standin!.conversations.find((c) => c.id === conversation.id && c.teamId === 3), 120_000);
    expect(assigned.teamId).toBe(3);
    const [j] = await until('the journey to end', async () => {
      const js = await journeys();
      return js.length === 1 && js[0]!.status === 'ended' ? js : null;
    });

    // Nothing repeated: two messages, each once, both in the visitor's own conversation.
    expect(standin.created().map((m) => m.conversationId)).toEqual([conversation.id, conversation.id]);
    const keys = standin.created().map((m) => m.contentAttributes.campaign_studio_key);
    expect(new Set(keys).size).toBe(2);
    const detail = (await api.call('GET', `/v1/journeys/${j!.id}`)).body;
    expect(detail.trace.map((s: { node: string; outcome: string }) => `${s.node}:${s.outcome}`)).toEqual([
      'trigger:next',
      'ask-name:next',
      'name-reply:waiting',
      'name-reply:received',
      'ask-email:next',
      'email-reply:waiting',
      'email-reply:received',
      'to-support:next',
      'done:end',
      'done:ended',
    ]);
    expect(detail.sends.map((s: { nodeId: string; status: string }) => `${s.nodeId}:${s.status}`).sort()).toEqual(['ask-email:sent', 'ask-name:sent', 'to-support:sent']);
    const stats = (await api.call('GET', `/v1/flows/${id}/stats`)).body;
    expect(stats.journeys).toEqual({ ended: 1 });
    expect(stats.nodes.find((n: { nodeId: string }) => n.nodeId === 'done')).toMatchObject({ entered: 1, exited: 1 });
    expect(standin.schemaViolations).toEqual([]);
  }, 600_000);
});
