import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatwootClient } from '../chatwoot-client';
import { createNodeTransport } from '../http-transport';
import { sampleAccount, startFakeChatwoot, type FakeChatwoot } from './fake-chatwoot';

/** #14.13: the fake answers as Chatwoot's campaigns controller and Campaign model do, so tests meet the real contract. */
let server: FakeChatwoot;
beforeEach(async () => {
  const account = sampleAccount(1);
  account.inboxes.push({ id: 6, name: 'Twilio WhatsApp', channel_type: 'Channel::TwilioSms', medium: 'whatsapp' });
  server = await startFakeChatwoot({ accounts: [account], users: [{ id: 1, name: 'Ada', email: 'ada@x', token: 't', accounts: [{ id: 1, role: 'administrator' }, { id: 2, role: 'administrator' }] }] });
});
afterEach(() => server.close());

const send = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { api_access_token: 't', 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.text()) || null };
};
const create = (campaign: Record<string, unknown>) => send('POST', '/api/v1/accounts/1/campaigns', { campaign });

describe('the fake Chatwoot answers as the real one', () => {
  it('a completed campaign: 422 with the model\'s own wording and attribute', async () => {
    await create({ title: 'T', message: 'M', inbox_id: 2, audience: [{ type: 'Label', id: 5 }] });
    server.markSent(1);
    const r = await send('PATCH', '/api/v1/accounts/1/campaigns/1', { campaign: { title: 'New' } });
    expect(r.status).toBe(422);
    expect(JSON.parse(r.body!)).toEqual({ message: 'Status The campaign is already completed', attributes: ['status'] });
  });

  it('an unknown account is a 404, which the client calls a wrong account', async () => {
    expect((await send('GET', '/api/v1/accounts/2/campaigns')).status).toBe(404);
    const client = createChatwootClient({ connection: { type: 'chatwoot', baseUrl: server.url, accountId: 2 }, token: async () => 't', transport: createNodeTransport(), timeoutMs: 1000 });
    expect(await client.listCampaigns()).toMatchObject({ ok: false, error: { kind: 'wrong-account', message: expect.stringMatching(/no account 2 \(404\)/) } });
  });

  it('a website campaign without a URL is accepted; a URL without http(s) is not', async () => {
    expect((await create({ title: 'T', message: 'M', inbox_id: 1 })).status).toBe(200);
    expect(JSON.parse((await create({ title: 'T', message: 'M', inbox_id: 1, trigger_rules: { url: 'example.com' } })).body!)).toEqual({ message: 'Url invalid', attributes: ['url'] });
  });

  it('derives the type from the inbox on every save, and a Twilio inbox by its medium', async () => {
    const made = JSON.parse((await create({ title: 'T', message: 'M', inbox_id: 1, trigger_rules: { url: 'https://x.example' } })).body!) as { id: number; campaign_type: string };
    expect(made.campaign_type).toBe('ongoing');
    const moved = JSON.parse((await send('PATCH', `/api/v1/accounts/1/campaigns/${made.id}`, { campaign: { inbox_id: 2 } })).body!) as { campaign_type: string; scheduled_at?: number };
    expect(moved.campaign_type).toBe('one_off');
    expect(moved.scheduled_at).toBeGreaterThan(0);
    expect((await create({ title: 'W', message: 'M', inbox_id: 6, audience: [{ type: 'Label', id: 5 }] })).status).toBe(200);
  });
});
