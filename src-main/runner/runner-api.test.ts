import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { previewJourney } from '../../src-shared/engine';
import { flowContentHash } from '../../src-shared/sync/content-hash';
import { edge, flow as buildFlow, node } from '../../src-shared/testing/flow-builders';
import type { FlowDocument, FlowNode } from '../../src-shared/flow';
import { newSyncRecord } from '../../src-shared/sync/sync-record';
import { createDeliveryAdapter } from '../sync/delivery-adapter';
import { createDeliveryClient } from '../sync/delivery-client';
import { createNodeTransport } from '../sync/http-transport';
import type { OutboundAction } from './chatwoot/actions';
import { startRunner, type RunningRunner } from './runner';
import { apiClient, collectNameAndEmail, tempDir, TEST_TOKEN, until } from './testing/runner-fixtures';

/** The runner's answers must match docs/delivery-api.yaml's schemas. */
const contract = parse(readFileSync(fileURLToPath(new URL('../../docs/delivery-api.yaml', import.meta.url)), 'utf8')) as { components: unknown };
const ajv = new Ajv2020({ allErrors: true, strict: false });
((addFormatsModule as unknown as { default?: (a: Ajv2020) => void }).default ?? (addFormatsModule as unknown as (a: Ajv2020) => void))(ajv);
ajv.addSchema({ $id: 'https://runner.local/api.json', components: contract.components });
const check = (name: string, value: unknown) => {
  const v = ajv.getSchema(`https://runner.local/api.json#/components/schemas/${name}`)!;
  return v(value) ? [] : v.errors;
};

// One embedded runner (PGlite) for the file: starting PGlite is the slow part.
let runner: RunningRunner;
let api: ReturnType<typeof apiClient>;
const sent: OutboundAction[] = [];
let refuse = false;

beforeAll(async () => {
  runner = await startRunner({
    database: { kind: 'pglite', dataDir: await tempDir('api') },
    env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN },
    pollInterval: 200,
    deliver: async (a) => {
      if (refuse) return { ok: false, retry: false, reason: 'Chatwoot refused the request (422): Message is too long.' };
      sent.push(a);
      return { ok: true, remoteId: `m${sent.length}`, conversationId: a.kind === 'message' ? (a.conversationId ?? '900') : a.conversationId };
    },
  });
  api = apiClient(runner.url);
}, 240_000);
afterAll(() => runner?.stop(), 60_000);

describe('runner HTTP contract', () => {
  it('answers healthz and refuses a missing or wrong token', async () => {
    expect((await fetch(`${runner.url}/healthz`)).status).toBe(200);
    expect((await apiClient(runner.url, 'wrong').call('GET', '/v1/flows')).status).toBe(401);
    expect((await fetch(`${runner.url}/v1/flows`)).status).toBe(401);
  });

  it('works with the app delivery adapter: create, publish, a lost answer found by content hash, conflicts', async () => {
    const client = createDeliveryClient({ connection: { type: 'delivery', baseUrl: runner.url }, token: async () => TEST_TOKEN, transport: createNodeTransport(), timeoutMs: 30_000 });
    const adapter = createDeliveryAdapter(client);
    const doc = await collectNameAndEmail();
    const flow = { ...doc, campaign: { ...doc.campaign, id: 'adapter-flow', status: 'active' as const } };
    const first = await adapter.push({ flow, record: newSyncRecord('adapter-flow', 'runner'), overwrite: null } as never);
    expect(first).toMatchObject({ ok: true, action: 'created' });
    expect((await api.call('GET', '/v1/flows/adapter-flow')).body.status).toBe('published');
    // The same create again (its answer "lost"): 412 with current, recognised by its hash.
    const again = await adapter.push({ flow, record: newSyncRecord('adapter-flow', 'runner'), overwrite: null } as never);
    expect(again).toMatchObject({ ok: true, action: 'found' });
    const changed = { ...flow, campaign: { ...flow.campaign, name: 'Changed elsewhere' } };
    const stale = await adapter.push({ flow: changed, record: { ...newSyncRecord('adapter-flow', 'runner'), remoteId: 'adapter-flow', remoteRevision: 'r1' }, overwrite: null } as never);
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict', status: 412 }, conflict: { revision: 'r2' } });
  });

  it('requires preconditions, checks contentHash, replays an Idempotency-Key', async () => {
    const doc = await collectNameAndEmail();
    const d = { ...doc, campaign: { ...doc.campaign, id: 'pre' } };
    const body = { document: d, contentHash: flowContentHash(d) };
    expect((await api.call('PUT', '/v1/flows/pre', body)).status).toBe(428);
    const bad = await api.call('PUT', '/v1/flows/pre', { ...body, contentHash: 'fnv1a64:0000' }, { 'if-none-match': '*' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].path).toBe('contentHash');
    const created = await api.call('PUT', '/v1/flows/pre', body, { 'if-none-match': '*', 'idempotency-key': 'create-pre' });
    expect(created.status).toBe(201);
    const replay = await api.call('PUT', '/v1/flows/pre', body, { 'if-none-match': '*', 'idempotency-key': 'create-pre' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const exists = await api.call('PUT', '/v1/flows/pre', body, { 'if-none-match': '*' });
    expect(exists.status).toBe(412);
    expect(exists.body.current.revision).toBe('r1');
    expect([check('Error', exists.body), check('Flow', exists.body.current), check('Flow', created.body)]).toEqual([[], [], []]);
    expect((await api.call('POST', '/v1/flows/pre/publish')).status).toBe(428);
    expect((await api.call('POST', '/v1/flows/pre/pause')).status).toBe(428);
    expect((await api.call('DELETE', '/v1/flows/pre')).status).toBe(428);
    const wrong = await api.call('POST', '/v1/flows/pre/publish', undefined, { 'if-match': '"r9"' });
    expect([wrong.status, wrong.body.current.revision]).toEqual([412, 'r1']);
    expect((await api.call('DELETE', '/v1/flows/pre', undefined, { 'if-match': '"r1"' })).status).toBe(204);
    expect((await api.call('GET', '/v1/flows/pre')).status).toBe(404);
  });

  it('refuses to publish a flow with errors or one Chatwoot cannot run, with located fields', async () => {
    const doc = await collectNameAndEmail();
    const inbox = { ...doc, campaign: { ...doc.campaign, id: 'to-inbox' }, nodes: doc.nodes.map((n) => (n.type === 'assign' ? { ...n, data: { ...n.data, target: { type: 'inbox' as const, inboxId: 'support' } } } : n)) };
    const put = await api.call('PUT', '/v1/flows/to-inbox', { document: inbox, contentHash: flowContentHash(inbox) }, { 'if-none-match': '*' });
    const pub = await api.call('POST', '/v1/flows/to-inbox/publish', undefined, { 'if-match': `"${put.body.revision}"` });
    expect(pub.status).toBe(422);
    expect(pub.body.error.fields).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\$\.nodes\[\d+\]/), message: expect.stringContaining('inbox') })]);
    const broken = { ...doc, campaign: { ...doc.campaign, id: 'broken' }, nodes: doc.nodes.map((n) => (n.id === 'ask-name' ? { ...n, data: { ...n.data, body: '' } } : n)) } as typeof doc;
    const p2 = await api.call('PUT', '/v1/flows/broken', { document: broken, contentHash: flowContentHash(broken) }, { 'if-none-match': '*' });
    const pub2 = await api.call('POST', '/v1/flows/broken/publish', undefined, { 'if-match': `"${p2.body.revision}"` });
    expect(pub2.status).toBe(422);
    expect(pub2.body.error.fields).toEqual([{ path: '$.nodes[1].data.body', message: expect.any(String) }]);
  });

  it('runs a journey from events, de-duplicates by id, and reports stats, journeys and the trace', async () => {
    const doc = await collectNameAndEmail();
    const flow = { ...doc, campaign: { ...doc.campaign, id: 'live' } };
    const revision = await api.publish(flow);
    const ev = { id: 'ev-1', contactId: 'c1', name: 'conversation.created', properties: { channel: 'web_widget' } };
    expect((await api.call('POST', '/v1/events', ev)).status).toBe(202);
    expect((await api.call('POST', '/v1/events', ev)).body.duplicate).toBe(true);
    const page = await until('a journey', async () => {
      const r = await api.call('GET', '/v1/flows/live/journeys?state=running');
      return r.body.journeys.length ? r.body : null;
    });
    expect(page.journeys).toHaveLength(1);
    expect(check('JourneySummary', page.journeys[0])).toEqual([]);
    const id = page.journeys[0].id as string;
    await until('the first send', async () => sent.some((s) => s.key === `${id}:ask-name`));
    expect((await api.call('PUT', '/v1/contacts/c1', { attributes: { email: 'ada@example.com' } })).status).toBe(202);
    const j = await until('the journey to exit', async () => {
      const r = await api.call('GET', `/v1/journeys/${id}`);
      return r.body.status === 'exited' ? r.body : null;
    });
    expect(j.trace.map((s: { node: string; outcome: string }) => `${s.node}:${s.outcome}`)).toEqual(['trigger:next', 'ask-name:next', 'name-reply:waiting', ':exited']);
    expect(j.sends).toEqual([expect.objectContaining({ nodeId: 'ask-name', status: 'sent' })]);
    expect(check('Journey', j)).toEqual([]);
    const stats = (await api.call('GET', `/v1/flows/live/stats?revision=${revision}`)).body;
    expect(check('FlowStats', stats)).toEqual([]);
    const at = (n: string) => stats.nodes.find((x: { nodeId: string }) => x.nodeId === n);
    expect(at('ask-name')).toMatchObject({ entered: 1, completed: { next: 1 }, active: 0, failed: 0 });
    expect(at('name-reply')).toMatchObject({ entered: 1, exited: 1, active: 0 });
    expect(stats.journeys).toEqual({ exited: 1 });
    expect(sent.filter((s) => s.key === `${id}:ask-name`)).toHaveLength(1);
  }, 120_000);

  it('marks a refused send failed with the reason, in the journey and the stats', async () => {
    const doc = await collectNameAndEmail();
    const flow = { ...doc, campaign: { ...doc.campaign, id: 'refused' } };
    await api.publish(flow);
    refuse = true;
    try {
      await api.call('POST', '/v1/events', { contactId: 'c2', name: 'conversation.created', properties: { channel: 'web_widget' } });
      const stats = await until('a failed send', async () => {
        const r = await api.call('GET', '/v1/flows/refused/stats');
        return r.body.nodes?.find((n: { nodeId: string; failed: number }) => n.nodeId === 'ask-name' && n.failed === 1) ? r.body : null;
      });
      expect(stats.nodes.find((n: { nodeId: string }) => n.nodeId === 'ask-name').failed).toBe(1);
      const list = (await api.call('GET', '/v1/flows/refused/journeys')).body.journeys;
      const j = (await api.call('GET', `/v1/journeys/${list[0].id}`)).body;
      expect(j.sends[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('Message is too long') });
    } finally {
      refuse = false;
    }
  }, 120_000);

  it('keeps a journey on the revision it entered with; a new published revision applies to new journeys', async () => {
    const version = (body: string): FlowDocument => {
      const send = { ...node('say', 'send', { channel: 'chat', body }), data: { channel: 'chat', subject: '', body, conversation: 'new', inboxId: 'Website' } } as FlowNode;
      return buildFlow([node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'minutes' } } }), send], [edge('trigger', 'w'), edge('w', 'say')], {
        id: 'pinned',
        name: 'Pinned',
        trigger: { type: 'event', event: 'pin.go', properties: [] },
        entryFrequency: { type: 'every_time' },
      });
    };
    const first = await api.publish(version('from the first version'));
    // Entries backdated so their one-minute timers fall due in about 15 s.
    const at = () => new Date(Date.now() - 45_000).toISOString();
    await api.call('POST', '/v1/events', { contactId: 'p1', name: 'pin.go', at: at() });
    await until('the first journey', async () => (await api.call('GET', '/v1/flows/pinned/journeys')).body.journeys.length === 1);
    const v2 = version('from the second version');
    const put = await api.call('PUT', '/v1/flows/pinned', { document: v2, contentHash: flowContentHash(v2) }, { 'if-match': `"${first}"` });
    expect(put.status).toBe(200);
    await api.call('POST', '/v1/events', { contactId: 'p2', name: 'pin.go', at: at() });
    const body = (id: string) => sent.find((s) => s.key === `${id}:say` && s.kind === 'message') as Extract<OutboundAction, { kind: 'message' }> | undefined;
    const list = await until('both journeys to end and send', async () => {
      const js = (await api.call('GET', '/v1/flows/pinned/journeys')).body.journeys as { id: string; contactId: string; revision: string; status: string }[];
      return js.length === 2 && js.every((j) => j.status === 'ended' && body(j.id)) ? js : null;
    });
    expect(list.map((j) => [j.contactId, j.revision])).toEqual([
      ['p1', first],
      ['p2', put.body.revision],
    ]);
    expect(body(list[0]!.id)?.body).toBe('from the first version');
    expect(body(list[1]!.id)?.body).toBe('from the second version');
  }, 120_000);

  it('moves journeys waiting at a step to the new revision with the publish, when asked; others stay pinned', async () => {
    const doc = await collectNameAndEmail();
    const r1 = { ...doc, campaign: { ...doc.campaign, id: 'movable' } };
    const first = await api.publish(r1);
    for (const c of ['m1', 'm2']) await api.call('POST', '/v1/events', { contactId: c, name: 'conversation.created', properties: { channel: 'web_widget' } });
    await until('two journeys waiting for a name', async () => {
      const js = (await api.call('GET', '/v1/flows/movable/journeys?node=name-reply&state=running')).body.journeys as { waitingAt: string[] }[];
      return js.length === 2 && js.every((j) => j.waitingAt.includes('name-reply'));
    });
    const r2 = { ...r1, nodes: r1.nodes.map((n) => (n.id === 'ask-email' && n.type === 'send' ? { ...n, data: { ...n.data, body: 'Your email, from r2?' } } : n)) };
    const body = { document: r2, contentHash: flowContentHash(r2) };
    const invalid = await api.call('PUT', '/v1/flows/movable', { ...body, moveWaiting: 'name-reply' }, { 'if-match': `"${first}"` });
    expect([invalid.status, invalid.body.error.code]).toEqual([422, 'invalid_move']);
    const put = await api.call('PUT', '/v1/flows/movable', { ...body, moveWaiting: ['name-reply', 'no-such-step'] }, { 'if-match': `"${first}"` });
    expect(put.status).toBe(200);
    expect(put.body.moved).toEqual({ journeys: 2, kept: 0 });
    expect(check('Flow', put.body)).toEqual([]);
    const js = (await api.call('GET', '/v1/flows/movable/journeys?state=running')).body.journeys as { id: string; revision: string; waitingAt: string[] }[];
    expect(js.map((j) => [j.revision, j.waitingAt])).toEqual([
      [put.body.revision, ['name-reply']],
      [put.body.revision, ['name-reply']],
    ]);
    const stats = (await api.call('GET', `/v1/flows/movable/stats?revision=${put.body.revision}`)).body;
    expect(stats.nodes.find((n: { nodeId: string }) => n.nodeId === 'name-reply').active).toBe(2);
    expect((await api.call('GET', `/v1/flows/movable/stats?revision=${first}`)).body.nodes.find((n: { nodeId: string }) => n.nodeId === 'name-reply')?.active ?? 0).toBe(0);
  }, 120_000);

  it('converts a journey that ended at once (a holdout) when the contact meets the goal later within the window, as the preview does', async () => {
    const doc = buildFlow([node('held', 'end', {})], [edge('trigger', 'held')], {
      id: 'holdout',
      name: 'Holdout',
      trigger: { type: 'event', event: 'hold.go', properties: [] },
      goal: { name: 'Opened', condition: { type: 'group', match: 'all', rules: [{ type: 'event', event: 'app.opened', count: { operator: 'at_least', value: 1 }, properties: [] }] }, within: { amount: 1, unit: 'days' }, exit: false },
    });
    await api.publish(doc);
    const t0 = Date.now() - 3 * 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    // h1 opens the app within the day, h2 two days later (outside the window).
    for (const c of ['h1', 'h2']) await api.call('POST', '/v1/events', { contactId: c, name: 'hold.go', at: iso(t0) });
    await until('two ended journeys', async () => (await api.call('GET', '/v1/flows/holdout/journeys?state=ended')).body.journeys.length === 2);
    await api.call('POST', '/v1/events', { contactId: 'h1', name: 'app.opened', at: iso(t0 + 3_600_000) });
    await api.call('POST', '/v1/events', { contactId: 'h2', name: 'app.opened', at: iso(t0 + 2 * 86_400_000) });
    const stats = await until('a conversion', async () => {
      const r = (await api.call('GET', '/v1/flows/holdout/stats')).body;
      const done = (await runner.db.pool.query(`select count(*)::int n from campaign_studio.inputs where contact_id in ('h1', 'h2') and processed_at is null`)).rows[0].n === 0;
      return done && r.conversions?.converted === 1 ? r : null;
    });
    expect(check('FlowStats', stats)).toEqual([]);
    expect(stats.journeys).toEqual({ ended: 2 });
    const list = (await api.call('GET', '/v1/flows/holdout/journeys')).body.journeys as { id: string; contactId: string }[];
    const converted = async (contact: string) => {
      const row = (await runner.db.pool.query(`select state->'snapshot'->'context'->'converted' c from campaign_studio.journeys where id = $1`, [list.find((j) => j.contactId === contact)!.id])).rows[0];
      return row.c;
    };
    expect(await converted('h1')).toBe(t0 + 3_600_000);
    expect(await converted('h2')).toBeNull();
    // What the preview says for the same contact and inputs.
    const preview = previewJourney(doc, { profile: { id: 'h1', attributes: {}, tags: [], segments: [], timezone: 'UTC' }, script: [{ type: 'event', at: t0, name: 'hold.go' }, { type: 'event', at: t0 + 3_600_000, name: 'app.opened' }] });
    expect(preview.journeys[0]!.converted).toBe(t0 + 3_600_000);
  }, 120_000);
});
