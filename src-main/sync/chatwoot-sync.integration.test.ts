import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowContentHash } from '../../src-shared/sync/content-hash';
import { liveChatFlow, oneOffFlow } from '../../src-shared/sync/testing/sync-builders';
import { startFakeChatwoot, type FakeChatwoot } from './testing/fake-chatwoot';
import { createHarness } from './testing/sync-harness';

let server: FakeChatwoot;
beforeEach(async () => {
  server = await startFakeChatwoot();
});
afterEach(async () => {
  // Every body the adapter sent, in every test, follows Chatwoot's OpenAPI request schemas.
  expect(server.schemaViolations).toEqual([]);
  await server.close();
});

const harness = (token = 'admin-token') => createHarness({ flows: [liveChatFlow(), oneOffFlow()], chatwoot: { url: server.url, token } });
const edit = async (h: ReturnType<typeof harness>, message: string) => h.flows.save(liveChatFlow({ message }));

describe('Chatwoot sync over HTTP', () => {
  it('creates, then updates the same campaign; the status follows', async () => {
    const h = harness();
    const [first] = await h.publish('pricing-chat', 'chatwoot');
    expect(first?.result).toMatchObject({ ok: true, action: 'created', remoteId: '1' });
    expect((await h.status('pricing-chat', 'chatwoot'))?.status).toBe('synced');
    await edit(h, 'Questions about plans?');
    expect((await h.status('pricing-chat', 'chatwoot'))?.status).toBe('modified');
    const [second] = await h.publish('pricing-chat', 'chatwoot');
    expect(second?.result).toMatchObject({ ok: true, action: 'updated', remoteId: '1' });
    expect(server.account().campaigns).toHaveLength(1);
    expect(server.account().campaigns[0]).toMatchObject({ message: 'Questions about plans?', campaign_type: 'ongoing', trigger_rules: { url: 'https://www.example.com/pricing*', time_on_page: 15 } });
  });

  it('one-off: labels and schedule arrive as Chatwoot stores them (Unix seconds)', async () => {
    const h = harness();
    await h.publish('maintenance-sms', 'chatwoot');
    expect(server.account().campaigns[0]).toMatchObject({ campaign_type: 'one_off', scheduled_at: Date.parse('2030-03-02T13:30:00Z') / 1000, audience: [{ type: 'Label', id: 5 }, { type: 'Label', id: 6 }] });
  });

  it('a create whose answer is lost (timeout) is found again, not created twice', async () => {
    const h = harness();
    server.fault({ method: 'POST', path: '/api/v1/accounts/1/campaigns', fault: { type: 'delay', ms: 1500 } });
    const [lost] = await h.publish('pricing-chat', 'chatwoot');
    expect(lost?.result).toMatchObject({ ok: false, error: { kind: 'timeout', message: expect.stringMatching(/did not answer within 400 ms/) } });
    expect((await h.status('pricing-chat', 'chatwoot'))?.status).toBe('offline');
    const [again] = await h.retry();
    expect(again?.result).toMatchObject({ ok: true, action: 'found', remoteId: '1' });
    expect(server.campaignsOf('pricing-chat')).toHaveLength(1);
  });

  // #14.2: when the answer to our own update was lost, the retry said "Someone changed … in Chatwoot" (7 of 7).
  it('an update whose answer is lost is ours on retry, also after a further local edit; a real remote edit is still a conflict', async () => {
    const h = harness();
    await h.publish('pricing-chat', 'chatwoot');
    await edit(h, 'Version 2');
    server.fault({ method: 'PATCH', fault: { type: 'delay', ms: 1500 } });
    const [lost] = await h.publish('pricing-chat', 'chatwoot');
    expect(lost?.result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    await new Promise((r) => setTimeout(r, 1600)); // the delayed update lands meanwhile
    expect(server.account().campaigns[0]?.message).toBe('Version 2');
    const [same] = await h.retry();
    expect(same?.result).toMatchObject({ ok: true, action: 'updated' });

    await edit(h, 'Version 3');
    server.fault({ method: 'PATCH', fault: { type: 'delay', ms: 1500 } });
    await h.publish('pricing-chat', 'chatwoot');
    await new Promise((r) => setTimeout(r, 1600));
    await edit(h, 'Version 4');
    const [later] = await h.retry();
    expect(later?.result).toMatchObject({ ok: true, action: 'updated' });
    expect(server.account().campaigns[0]?.message).toBe('Version 4');

    server.editInChatwoot(1, { message: 'Changed by a colleague' });
    await edit(h, 'Version 5');
    const [theirs] = await h.publish('pricing-chat', 'chatwoot');
    expect(theirs?.result).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/Someone changed/) } });
  }, 30_000);

  it('refused connections: edits made offline are what gets published when the server is back', async () => {
    const h = harness();
    await h.publish('pricing-chat', 'chatwoot');
    await server.refuse();
    await edit(h, 'Edit 1 (offline)');
    const [down] = await h.publish('pricing-chat', 'chatwoot');
    expect(down?.result).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/connection was refused/) } });
    expect((await h.status('pricing-chat', 'chatwoot'))?.status).toBe('offline');
    await edit(h, 'Edit 2 (still offline)');
    await h.retry();
    await server.accept();
    const [up] = await h.retry();
    expect(up?.result).toMatchObject({ ok: true, action: 'updated' });
    expect(server.account().campaigns[0]?.message).toBe('Edit 2 (still offline)');
    expect((await h.record('pricing-chat', 'chatwoot'))?.syncedHash).toBe(flowContentHash(liveChatFlow({ message: 'Edit 2 (still offline)' })));
  });

  it('5xx, malformed JSON, a reset and a slow answer are retried; nothing is duplicated', async () => {
    const h = harness();
    server.fault({ method: 'POST', fault: { type: 'status', status: 502, raw: '<html>Bad gateway</html>' } });
    server.fault({ method: 'POST', fault: { type: 'malformed' } });
    server.fault({ method: 'POST', fault: { type: 'reset' } });
    server.fault({ method: 'POST', fault: { type: 'slow-body', ms: 1500 } });
    const kinds: string[] = [];
    let r = await h.publish('pricing-chat', 'chatwoot');
    for (let i = 0; i < 6 && r[0]?.result.ok === false; i++) {
      kinds.push(r[0].result.ok ? 'ok' : r[0].result.error.kind);
      r = await h.retry();
    }
    expect(kinds).toEqual(['server', 'malformed', 'network', 'timeout']);
    expect(r[0]?.result).toMatchObject({ ok: true, action: 'found' });
    expect(server.campaignsOf('pricing-chat')).toHaveLength(1);
  });

  it('401s say whether the token, the account or the role is wrong, and are not retried', async () => {
    server.users.push({ id: 2, name: 'Sam', email: 'sam@acme.example', token: 'agent-token', accounts: [{ id: 1, role: 'agent' }] });
    const bad = harness('wrong-token');
    const [r1] = await bad.publish('pricing-chat', 'chatwoot');
    expect(r1?.result).toMatchObject({ ok: false, error: { kind: 'unauthorized', message: expect.stringMatching(/refused the API token \(401: Invalid Access Token\)/) } });
    expect(await bad.engine.nextWakeAt()).toBeNull();
    expect((await bad.status('pricing-chat', 'chatwoot'))?.status).toBe('error');
    const agent = harness('agent-token');
    const [r2] = await agent.publish('pricing-chat', 'chatwoot');
    expect(r2?.result).toMatchObject({ ok: false, error: { kind: 'not-admin' } });
    const other = createHarness({ flows: [liveChatFlow()], chatwoot: { url: server.url, token: 'admin-token', accountId: 9 } });
    const [r3] = await other.publish('pricing-chat', 'chatwoot');
    expect(r3?.result).toMatchObject({ ok: false, error: { kind: 'wrong-account', message: expect.stringMatching(/account 9/) } });
  });

  it('422 errors land on the flow fields they are about', async () => {
    const h = harness();
    server.fault({ method: 'POST', fault: { type: 'status', status: 422, body: { message: "Title can't be blank, Url invalid", attributes: ['title', 'url'] } } });
    const [r] = await h.publish('pricing-chat', 'chatwoot');
    expect(r?.result).toMatchObject({
      ok: false,
      error: { kind: 'validation', retryable: false, fields: [{ attribute: 'title', path: '$.campaign.name' }, { attribute: 'url', path: '$.campaign.trigger.urlPattern', message: 'Url invalid' }] },
    });
    expect(server.account().campaigns).toHaveLength(0);
  });

  it('a campaign edited in Chatwoot is a conflict; take-remote and keep-local both resolve it', async () => {
    const h = harness();
    await h.publish('pricing-chat', 'chatwoot');
    server.editInChatwoot(1, { message: 'Edited in Chatwoot' });
    await edit(h, 'Edited here');
    const [r] = await h.publish('pricing-chat', 'chatwoot');
    expect(r?.result).toMatchObject({ ok: false, error: { kind: 'conflict' }, conflict: { deleted: false } });
    expect(server.account().campaigns[0]?.message).toBe('Edited in Chatwoot');
    expect((await h.status('pricing-chat', 'chatwoot'))?.status).toBe('conflict');

    await h.engine.resolveConflict('pricing-chat', 'chatwoot', 'keep-copy', { copyId: 'pricing-chat-mine' });
    expect((await h.flows.get('pricing-chat'))?.nodes[1]).toMatchObject({ data: { body: 'Edited in Chatwoot' } });
    expect((await h.flows.get('pricing-chat-mine'))?.nodes[1]).toMatchObject({ data: { body: 'Edited here' } });
    expect((await h.status('pricing-chat', 'chatwoot'))?.status).toBe('synced');

    server.editInChatwoot(1, { title: 'Renamed there' });
    await edit(h, 'Mine wins');
    await h.publish('pricing-chat', 'chatwoot');
    await h.engine.resolveConflict('pricing-chat', 'chatwoot', 'keep-local', { copyId: 'x' });
    const [forced] = await h.engine.runDue();
    expect(forced?.result).toMatchObject({ ok: true, action: 'updated' });
    expect(server.account().campaigns[0]).toMatchObject({ message: 'Mine wins', title: 'Pricing help' });
  });

  it('a one-off already sent is locked, and the app says so', async () => {
    const h = harness();
    await h.publish('maintenance-sms', 'chatwoot');
    server.markSent(1);
    await h.flows.save(oneOffFlow({ message: 'Too late' }));
    const [r] = await h.publish('maintenance-sms', 'chatwoot');
    expect(r?.result).toMatchObject({ ok: false, error: { kind: 'locked', message: expect.stringMatching(/was sent.*cannot be changed or unsent/) } });
    expect(await h.status('maintenance-sms', 'chatwoot')).toMatchObject({ locked: true });
    expect(server.requests.filter((q) => q.method === 'PATCH')).toHaveLength(0);
  });

  it('a campaign deleted in Chatwoot (unknown id answers 500) is a conflict; keep-local recreates it', async () => {
    const h = harness();
    await h.publish('pricing-chat', 'chatwoot');
    server.account().campaigns.length = 0;
    await edit(h, 'Still wanted');
    const [r] = await h.publish('pricing-chat', 'chatwoot');
    expect(r?.result).toMatchObject({ ok: false, conflict: { deleted: true } });
    await h.engine.resolveConflict('pricing-chat', 'chatwoot', 'keep-local', { copyId: 'x' });
    const [again] = await h.engine.runDue();
    expect(again?.result).toMatchObject({ ok: true, action: 'created', remoteId: '2' });
    expect(server.campaignsOf('pricing-chat')).toHaveLength(1);
  });

  it('a workflow is refused before any request', async () => {
    const h = createHarness({ flows: [{ ...liveChatFlow(), campaign: { ...liveChatFlow().campaign, kind: 'workflow' } }], chatwoot: { url: server.url, token: 'admin-token' } });
    const [r] = await h.publish('pricing-chat', 'chatwoot');
    expect(r?.result).toMatchObject({ ok: false, error: { kind: 'unsupported', message: expect.stringMatching(/Multi-step workflows cannot be published to Chatwoot/) } });
    expect(server.requests.filter((q) => q.path.includes('/campaigns'))).toHaveLength(0);
  });
});
