import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewJourney } from '../../src-shared/engine';
import type { FlowDocument } from '../../src-shared/flow';
import { flowContentHash } from '../../src-shared/sync/content-hash';
import { edge, flow as buildFlow, node, sendNode } from '../../src-shared/testing/flow-builders';
import { newSyncRecord } from '../../src-shared/sync/sync-record';
import { createDeliveryAdapter } from '../sync/delivery-adapter';
import { createDeliveryClient } from '../sync/delivery-client';
import { createNodeTransport } from '../sync/http-transport';
import { startRunner, type RunningRunner } from './runner';
import { checkSchedule, createScheduleJob, scheduleKey } from './schedule-job';
import { apiClient, tempDir, TEST_TOKEN, until } from './testing/runner-fixtures';

// One embedded runner (PGlite) with pages of 7 contacts, so a run of 40 takes 6 pages.
const PAGE = 7;
let runner: RunningRunner;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runner = await startRunner({
    database: { kind: 'pglite', dataDir: await tempDir('schedule') },
    env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN },
    pollInterval: 100,
    schedulePage: PAGE,
    deliver: async (a) => ({ ok: true, remoteId: `m-${a.key}`, conversationId: '900' }),
  });
  api = apiClient(runner.url);
}, 240_000);
afterAll(() => runner?.stop(), 60_000);

const q = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await runner.db.pool.query(sql, values)).rows as T[];
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const plans = ['trial', 'starter', 'growth', 'trial'];

/** Contacts c00…c{n-1} (every fourth on the growth plan), stored through the API and applied. */
async function contacts(prefix: string, n: number) {
  const list = Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(2, '0')}`, attributes: { plan: plans[i % 4]!, name: `Contact ${i}` } }));
  for (const c of list) expect((await api.call('PUT', `/v1/contacts/${c.id}`, { attributes: c.attributes })).status).toBe(202);
  await until('the contacts stored', async () => (await q<{ n: number }>(`select count(*)::int n from campaign_studio.inputs where processed_at is null`))[0]!.n === 0);
  return list;
}

/** Audience: not on the growth plan; trial contacts get a message, the others end at once. */
function scheduled(id: string, at: number): FlowDocument {
  return buildFlow(
    [node('trial', 'filter', { condition: { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'trial' }] } }), { ...sendNode('hello', 'Hi {{ contact.name }}'), data: { channel: 'chat', subject: '', body: 'Hi {{ contact.name }}', conversation: 'new', inboxId: 'Website' } } as never, node('done', 'end', {})],
    [edge('trigger', 'trial'), edge('trial', 'hello', 'match'), edge('trial', 'done', 'else')],
    {
      id,
      name: `Scheduled ${id}`,
      trigger: { type: 'scheduled', at: utc(at), timezone: 'UTC' },
      audience: { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'not_equals', value: 'growth' }] },
      entryFrequency: { type: 'once' },
    },
  );
}

const scheduleJobs = (flowId: string) => q<{ run_at: Date; payload: { at: number } }>(`select run_at, payload from graphile_worker._private_jobs where key = $1`, [scheduleKey(flowId)]);
const put = (doc: FlowDocument, ifMatch: string) => api.call('PUT', `/v1/flows/${doc.campaign.id}`, { document: doc, contentHash: flowContentHash(doc) }, { 'if-match': `"${ifMatch}"` });

describe('scheduled flows', () => {
  it('enter every contact in the audience once, at the scheduled time, in pages, with the journeys the preview gives', async () => {
    const people = await contacts('s', 40);
    const at = Math.ceil(Date.now() / 1000) * 1000 + 3000;
    const doc = scheduled('sched', at);
    const revision = await api.publish(doc);
    expect((await scheduleJobs('sched')).map((j) => [j.run_at.getTime(), j.payload.at])).toEqual([[at, at]]);
    const eligible = people.filter((p) => p.attributes.plan !== 'growth');
    const run = await until(
      'the run to end and every entry to be applied',
      async () => {
        const r = (await q<{ done: boolean; pages: number; queued: string; revision: number }>(`select done_at is not null as done, pages, queued, revision from campaign_studio.schedule_runs where flow_id = 'sched'`))[0];
        const pending = (await q<{ n: number }>(`select count(*)::int n from campaign_studio.inputs where processed_at is null`))[0]!.n;
        return r?.done && pending === 0 ? r : null;
      },
      60_000,
    );
    expect(run).toEqual({ done: true, pages: 6, queued: '40', revision: Number(revision.slice(1)) });
    const rows = await q<{ contact_id: string; n: number; first: Date }>(`select contact_id, count(*)::int n, min(created_at) first from campaign_studio.journeys where flow_id = 'sched' group by contact_id order by contact_id`);
    expect(rows.map((r) => [r.contact_id, r.n])).toEqual(eligible.map((p) => [p.id, 1]));
    // Nobody entered before the time.
    expect(Math.min(...rows.map((r) => r.first.getTime()))).toBeGreaterThanOrEqual(at);
    const list = (await api.call('GET', '/v1/flows/sched/journeys?limit=500')).body.journeys as { id: string; contactId: string }[];
    for (const p of people) {
      const preview = previewJourney(doc, { profile: { id: p.id, attributes: p.attributes, tags: [], segments: [], timezone: 'UTC' }, script: [] });
      const mine = list.filter((j) => j.contactId === p.id);
      expect(mine).toHaveLength(preview.journeys.length);
      if (!mine.length) continue;
      const live = (await api.call('GET', `/v1/journeys/${mine[0]!.id}`)).body;
      expect(live.trace).toEqual(preview.journeys[0]!.trace);
      expect(live.messages).toEqual(preview.journeys[0]!.messages);
    }
    expect(await scheduleJobs('sched')).toEqual([]);
    // The same pages run again (a crash after a page's commit, a second process) enter nobody:
    // first with the run done, then even with its cursor lost, each contact's input is stored once.
    const job = createScheduleJob(runner.db.pool, PAGE);
    expect(await job.runPage({ flowId: 'sched', at })).toEqual({ contacts: 0, queued: 0, done: true });
    await q(`update campaign_studio.schedule_runs set cursor = '', done_at = null where flow_id = 'sched'`);
    let again = 0;
    for (let i = 0; i < 10; i++) {
      const r = await job.runPage({ flowId: 'sched', at });
      again += r.queued;
      if (r.done) break;
    }
    expect(again).toBe(0);
    await q(`select graphile_worker.remove_job($1)`, [scheduleKey('sched')]);
    expect((await q<{ n: number }>(`select count(*)::int n from campaign_studio.inputs where dedupe_key like 'schedule:sched:%'`))[0]!.n).toBe(40);
    const stats = (await api.call('GET', '/v1/flows/sched/stats')).body;
    expect(stats.journeys.ended).toBe(eligible.length);
  }, 120_000);

  it('moves the job with a new time, cancels it on pause or delete, and refuses a time already past with its place and time', async () => {
    const soon = Date.now() + 60 * 60_000;
    const first = scheduled('moving', soon);
    const r1 = await api.publish(first);
    expect((await scheduleJobs('moving')).map((j) => j.run_at.getTime())).toEqual([Math.floor(soon / 1000) * 1000]);
    const later = scheduled('moving', soon + 60 * 60_000);
    const r2 = await put(later, r1);
    expect(r2.status).toBe(200);
    expect((await scheduleJobs('moving')).map((j) => j.run_at.getTime())).toEqual([Math.floor(soon / 1000) * 1000 + 60 * 60_000]);
    // A job left from the first time (as if it had been taken before the move) does nothing.
    expect(await createScheduleJob(runner.db.pool, PAGE).runPage({ flowId: 'moving', at: Math.floor(soon / 1000) * 1000 })).toEqual({ contacts: 0, queued: 0, done: true });
    expect(await q(`select * from campaign_studio.schedule_runs where flow_id = 'moving'`)).toEqual([]);

    const ago = Date.now() - 60_000;
    const refused = await put(scheduled('moving', ago), r2.body.revision);
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual([{ path: '$.campaign.trigger.at', message: `${utc(ago).replace('T', ' ')} (UTC) is in the past: a campaign cannot be sent back in time.` }]);
    expect(refused.body.error.message).toContain(utc(ago).replace('T', ' '));
    expect((await scheduleJobs('moving')).length).toBe(1);

    // Soon, then paused before its time: the job is gone and nobody enters.
    const inTwo = scheduled('moving', Date.now() + 2000);
    const r3 = await put(inTwo, r2.body.revision);
    expect(r3.status).toBe(200);
    expect(await scheduleJobs('moving')).toHaveLength(1);
    const paused = await api.call('POST', '/v1/flows/moving/pause', undefined, { 'if-match': `"${r3.body.revision}"` });
    expect(paused.status).toBe(200);
    expect(await scheduleJobs('moving')).toEqual([]);
    await new Promise((r) => setTimeout(r, 3500));
    expect(await q(`select * from campaign_studio.schedule_runs where flow_id = 'moving'`)).toEqual([]);
    expect((await api.call('GET', '/v1/flows/moving/journeys')).body.journeys).toEqual([]);
    // Resumed after its time had passed: refused, the time named.
    const resumed = await api.call('POST', '/v1/flows/moving/publish', undefined, { 'if-match': `"${paused.body.revision}"` });
    expect([resumed.status, resumed.body.error.fields[0].path]).toEqual([422, '$.campaign.trigger.at']);
    expect(resumed.body.error.message).toContain('in the past');

    // Deleting a flow removes its job.
    const doomed = await api.publish(scheduled('doomed', Date.now() + 60 * 60_000));
    expect(await scheduleJobs('doomed')).toHaveLength(1);
    expect((await api.call('DELETE', '/v1/flows/doomed', undefined, { 'if-match': `"${doomed}"` })).status).toBe(204);
    expect(await scheduleJobs('doomed')).toEqual([]);
  }, 60_000);

  it('lets a flow whose run has started be republished and resumed: the run goes on, nobody enters again', async () => {
    const at = Math.ceil(Date.now() / 1000) * 1000 + 2000;
    const doc = scheduled('again', at);
    const r1 = await api.publish(doc);
    await until('the run to end', async () => (await q<{ done: boolean }>(`select done_at is not null as done from campaign_studio.schedule_runs where flow_id = 'again'`))[0]?.done, 60_000);
    await until('the entries applied', async () => (await q<{ n: number }>(`select count(*)::int n from campaign_studio.inputs where processed_at is null`))[0]!.n === 0);
    const before = (await q<{ n: number }>(`select count(*)::int n from campaign_studio.journeys where flow_id = 'again'`))[0]!.n;
    expect(before).toBeGreaterThan(0);
    const edited = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'hello' && n.type === 'send' ? { ...n, data: { ...n.data, body: 'Hello again {{ contact.name }}' } } : n)) };
    const r2 = await put(edited, r1);
    expect(r2.status).toBe(200);
    const paused = await api.call('POST', '/v1/flows/again/pause', undefined, { 'if-match': `"${r2.body.revision}"` });
    const resumed = await api.call('POST', '/v1/flows/again/publish', undefined, { 'if-match': `"${paused.body.revision}"` });
    expect(resumed.status).toBe(200);
    expect(await scheduleJobs('again')).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await q<{ n: number }>(`select count(*)::int n from campaign_studio.journeys where flow_id = 'again'`))[0]!.n).toBe(before);
  }, 60_000);

  it('lets a flow be republished when its time passed while its job waited for a worker, and only then', async () => {
    const at = Math.floor((Date.now() + 60 * 60_000) / 1000) * 1000;
    await api.publish(scheduled('queued', at));
    const client = await runner.db.pool.connect();
    try {
      // An hour later, the job not yet taken (all workers busy): the same time is not refused.
      const later = new Date(at + 1000);
      expect(await checkSchedule(client, 'queued', scheduled('queued', at), [], later)).toEqual([]);
      const earlier = await checkSchedule(client, 'queued', scheduled('queued', at - 60_000), [], later);
      expect(earlier).toEqual([expect.objectContaining({ code: 'runner.schedule-past', path: '$.campaign.trigger.at', message: `${utc(at - 60_000).replace('T', ' ')} (UTC) is in the past: a scheduled flow starts at its time, so choose a later one.` })]);
    } finally {
      client.release();
    }
  });

  it('shows the app a past time through its delivery adapter, located at the trigger time', async () => {
    const client = createDeliveryClient({ connection: { type: 'delivery', baseUrl: runner.url }, token: async () => TEST_TOKEN, transport: createNodeTransport(), timeoutMs: 30_000 });
    const adapter = createDeliveryAdapter(client);
    const ago = Date.now() - 5 * 60_000;
    const doc = scheduled('late', ago);
    const flow = { ...doc, campaign: { ...doc.campaign, status: 'active' as const } };
    const r = await adapter.push({ flow, record: newSyncRecord('late', 'runner'), overwrite: null } as never);
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', status: 422, fields: [{ path: '$.campaign.trigger.at', message: expect.stringContaining(`${utc(ago).replace('T', ' ')} (UTC) is in the past`) }] } });
    expect((r as { error: { message: string } }).error.message).toContain('is in the past');
    expect((await api.call('GET', '/v1/flows/late')).body.status).toBe('draft');
    expect(await scheduleJobs('late')).toEqual([]);
  });
});
