import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatwootClient } from '../chatwoot-client';
import { createNodeTransport } from '../http-transport';
import { sampleAccount, startFakeChatwoot, workingHours, type FakeChatwoot } from './fake-chatwoot';

/** #14.13: the fake answers as Chatwoot's campaigns controller and Campaign model do, so tests meet the real contract. */
let server: FakeChatwoot;
beforeEach(async () => {
  const account = sampleAccount(1);
  account.inboxes.push({ id: 6, name: 'Twilio WhatsApp', channel_type: 'Channel::TwilioSms', medium: 'whatsapp', working_hours_enabled: false, working_hours: workingHours({}), timezone: 'UTC' });
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

  it("lists each inbox's working hours and timezone as Chatwoot's inbox view does (#14.11)", async () => {
    const r = await send('GET', '/api/v1/accounts/1/inboxes');
    const website = (JSON.parse(r.body!) as { payload: Record<string, unknown>[] }).payload.find((i) => i.id === 1)!;
    expect(website).toMatchObject({ working_hours_enabled: true, timezone: 'Europe/Berlin' });
    expect((website.working_hours as unknown[])[0]).toEqual({ day_of_week: 0, closed_all_day: true, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null, open_all_day: false });
    expect((website.working_hours as unknown[])[1]).toEqual({ day_of_week: 1, closed_all_day: false, open_hour: 8, open_minutes: 0, close_hour: 18, close_minutes: 0, open_all_day: false });
    expect(server.schemaViolations).toEqual([]);

    // An inbox that leaves them out, or an hour Chatwoot's model refuses, breaks the contract.
    server.account(1).inboxes.push({ id: 7, name: 'Bare', channel_type: 'Channel::WebWidget' }, { id: 8, name: 'Late', channel_type: 'Channel::WebWidget', working_hours_enabled: true, working_hours: [{ ...workingHours({ 1: '09:00-17:00' })[1]!, close_hour: 24 }], timezone: 'UTC' });
    await send('GET', '/api/v1/accounts/1/inboxes');
    expect(server.schemaViolations.join('\n')).toMatch(/payload\/6 must have required property 'working_hours_enabled'/);
    expect(server.schemaViolations.join('\n')).toMatch(/payload\/7\/working_hours\/0\/close_hour must be <= 23/);
  });
});
