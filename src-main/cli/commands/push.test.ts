import { example } from '../../../src-shared/testing/flow-builders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFlowJson } from '../../../src-shared/flow';
import { withTwoErrors, liveChatFlow, oneOffFlow } from '../../../src-shared/sync/testing/sync-builders';
import { createNodeTransport } from '../../sync/http-transport';
import { chatwootValidators } from '../../sync/testing/chatwoot-schemas';
import { startFakeChatwoot, type FakeChatwoot } from '../../sync/testing/fake-chatwoot';
import { startFakeDelivery, type FakeDelivery } from '../../sync/testing/fake-delivery';
import { run } from '../run';
import { json, validFlow } from '../testing/flows';
import { createMemoryIo } from '../testing/memory-io';
import { createPushCommand } from './push';

let chatwoot: FakeChatwoot;
let delivery: FakeDelivery;
beforeEach(async () => {
  chatwoot = await startFakeChatwoot();
  delivery = await startFakeDelivery();
});
afterEach(async () => {
  await chatwoot.close();
  await delivery.close();
});

const env = { CW_TOKEN: 'admin-token', DL_TOKEN: 'delivery-token' };
const backends = () => JSON.stringify({
  acme: { type: 'chatwoot', baseUrl: chatwoot.url, accountId: 1, tokenEnv: 'CW_TOKEN' },
  journeys: { type: 'delivery', baseUrl: `${delivery.url}/`, tokenEnv: 'DL_TOKEN' },
});
/** A valid workflow (trigger → welcome message → end), id "drip". */
const workflow = () => {
  const flow = validFlow();
  return json({ ...flow, campaign: { ...(flow.campaign as object), id: 'drip' } });
};

async function push(argv: string[], files: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const io = createMemoryIo({ files: { 'backends.json': backends(), ...files } });
  const command = createPushCommand({ env: { ...env, ...extraEnv }, transport: createNodeTransport(), timeoutMs: 1000 });
  const code = await run(['push', ...argv], io, { commands: [command], version: '0.0.0' });
  return { code, out: io.out(), err: io.err(), lines: io.out().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { method: string; path: string; body?: unknown }) };
}

describe('campaign-studio push', () => {
  it('--dry-run prints the Chatwoot requests as JSON lines and sends nothing', async () => {
    const r = await push(['one-off.json', '--backend', 'acme', '--config', 'backends.json', '--dry-run'], { 'one-off.json': exportFlowJson(oneOffFlow()) });
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => `${l.method} ${l.path}`)).toEqual(['GET /api/v1/accounts/1/inboxes', 'GET /api/v1/accounts/1/agents', 'GET /api/v1/accounts/1/labels', 'GET /api/v1/accounts/1/campaigns', 'POST /api/v1/accounts/1/campaigns']);
    expect(r.lines[4]?.body).toMatchObject({ campaign: { inbox_id: '<inbox twilio-sms>', audience: [{ type: 'Label', id: '<label enterprise>' }, { type: 'Label', id: '<label status-page-subscriber>' }], scheduled_at: '2030-03-02T08:30:00-05:00' } });
    expect(r.err).toMatch(/dry run: nothing sent/);
    expect(chatwoot.requests).toHaveLength(0);
  });

  it('--dry-run with numeric ids prints a body Chatwoot accepts', async () => {
    const r = await push(['chat.json', '-b', 'acme', '-c', 'backends.json', '-n'], { 'chat.json': exportFlowJson(liveChatFlow({ inboxId: '1' })) });
    const v = chatwootValidators();
    expect(v.check(v.create, r.lines[4]?.body)).toEqual([]);
  });

  it('pushes for real, idempotently: the second push updates the campaign it finds by marker', async () => {
    const files = { 'chat.json': exportFlowJson(liveChatFlow()) };
    const first = await push(['chat.json', '--backend', 'acme', '--config', 'backends.json'], files);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/pushed to acme: created, remote id 1/);
    // The create, then a read of the list: another writer may have created it at the same moment.
    expect(first.lines.slice(-2)).toMatchObject([{ method: 'POST', path: '/api/v1/accounts/1/campaigns' }, { method: 'GET', path: '/api/v1/accounts/1/campaigns' }]);
    const second = await push(['chat.json', '--backend', 'acme', '--config', 'backends.json'], files);
    expect(second.err).toMatch(/found \(already created\) and updated, remote id 1/);
    expect(chatwoot.campaignsOf('pricing-chat')).toHaveLength(1);
    expect(chatwoot.schemaViolations).toEqual([]);
  });

  it('reads the backends file from $CAMPAIGN_STUDIO_BACKENDS and pushes workflows to a delivery API', async () => {
    const files = { 'drip.json': workflow() };
    const r = await push(['drip.json', '--backend', 'journeys'], files, { CAMPAIGN_STUDIO_BACKENDS: 'backends.json' });
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => `${l.method} ${l.path}`)).toEqual(['GET /v1/flows/drip', 'PUT /v1/flows/drip']);
    const again = await push(['drip.json', '--backend', 'journeys'], files, { CAMPAIGN_STUDIO_BACKENDS: 'backends.json' });
    expect(again.code).toBe(0);
    expect(delivery.flows.size).toBe(1);
    const dry = await push(['drip.json', '--backend', 'journeys', '--dry-run'], files, { CAMPAIGN_STUDIO_BACKENDS: 'backends.json' });
    expect(dry.lines[1]).toMatchObject({ method: 'PUT', path: '/v1/flows/drip', body: { document: { campaign: { id: 'drip' } } } });
  });

  it('refuses a flow with errors on every backend before any request, naming steps by label (#13.1)', async () => {
    const files = { 'broken.json': exportFlowJson(withTwoErrors(example('lead-qualification'))) };
    for (const backend of ['journeys', 'acme']) {
      const r = await push(['broken.json', '--backend', backend, '--config', 'backends.json'], files);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/not pushed, the flow has 2 errors/);
      expect(r.err).toMatch(/"Qualifying question" \(Send message\) · body: /);
      expect(r.err).toMatch(/"Answered yes\?" \(Wait for reply\) · timeout amount: /);
      expect(r.err).not.toMatch(/\$\.nodes|\bqualify\b/);
    }
    expect(delivery.requests).toHaveLength(0);
    expect(chatwoot.requests).toHaveLength(0);
  });

  it('refuses a workflow for Chatwoot before any request, with the reasons', async () => {
    const r = await push(['drip.json', '--backend', 'acme', '--config', 'backends.json'], { 'drip.json': workflow() });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Multi-step workflows cannot be published to Chatwoot/);
    expect(chatwoot.requests).toHaveLength(0);
  });

  it('says clearly what is missing: token variable, backend name, tokens in the file', async () => {
    const files = { 'chat.json': exportFlowJson(liveChatFlow()) };
    const noToken = await push(['chat.json', '--backend', 'acme', '--config', 'backends.json'], files, { CW_TOKEN: '' });
    expect([noToken.code, noToken.err]).toEqual([2, expect.stringMatching(/\$CW_TOKEN is not set/)]);
    const unknown = await push(['chat.json', '--backend', 'nope', '--config', 'backends.json'], files);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringMatching(/no backend "nope" in backends.json; it has: acme, journeys/)]);
    const leaked = await push(['chat.json', '--backend', 'acme', '--config', 'bad.json'], { ...files, 'bad.json': JSON.stringify({ acme: { type: 'chatwoot', baseUrl: 'https://x', accountId: 1, token: 'secret' } }) });
    expect([leaked.code, leaked.err]).toEqual([2, expect.stringMatching(/tokens are never read from this file/)]);
    const noConfig = await push(['chat.json', '--backend', 'acme'], files);
    expect([noConfig.code, noConfig.err]).toEqual([2, expect.stringMatching(/pass --config FILE or set \$CAMPAIGN_STUDIO_BACKENDS/)]);
  });

  it('a refused token exits 2 with the reason', async () => {
    const r = await push(['chat.json', '--backend', 'acme', '--config', 'backends.json'], { 'chat.json': exportFlowJson(liveChatFlow()) }, { CW_TOKEN: 'wrong' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not pushed to acme: Chatwoot refused the API token/);
  });
});
