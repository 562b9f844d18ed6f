import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startRunner, type RunningRunner } from '../../src-main/runner/runner';
import { createScheduleJob } from '../../src-main/runner/schedule-job';
import { apiClient, tempDir, TEST_TOKEN, until } from '../../src-main/runner/testing/runner-fixtures';
import type { FlowDocument } from '../../src-shared/flow';
import { edge, flow, node } from '../../src-shared/testing/flow-builders';
import { testPostgres, type TestPostgres } from './postgres';
import { freePort, spawnRunner, type RunnerProcess } from './runner-process';

/**
 * A scheduled run interrupted: a runner process killed with -9 in the middle of its pages and
 * started again on the same PGlite data; two runner processes and a third caller running the
 * same page job at once on one PostgreSQL. Each contact in the audience enters exactly once.
 */
const CONTACTS = 400;
const PAGE = 25;

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** Scheduled at `at` (UTC); audience: contacts whose number is not a multiple of 5; they end at once. */
function scheduledFlow(id: string, at: number): FlowDocument {
  return flow([node('done', 'end', {})], [edge('trigger', 'done')], {
    id,
    name: id,
    trigger: { type: 'scheduled', at: utc(at), timezone: 'UTC' },
    audience: { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'fifth', operator: 'not_equals', value: 'yes' }] },
    entryFrequency: { type: 'once' },
  });
}

const ids = Array.from({ length: CONTACTS }, (_, i) => `k${String(i).padStart(4, '0')}`);
const eligible = ids.filter((_, i) => i % 5 !== 0);

async function addContacts(api: ReturnType<typeof apiClient>) {
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(ids.slice(i, i + 20).map(async (id, k) => expect((await api.call('PUT', `/v1/contacts/${id}`, { attributes: { fifth: (i + k) % 5 === 0 ? 'yes' : 'no' } })).status).toBe(202)));
  }
}

/** Every journey of the flow, through the API's pages: contact ids, one per journey. */
async function journeysOf(api: ReturnType<typeof apiClient>, flowId: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = (await api.call('GET', `/v1/flows/${flowId}/journeys?limit=500${cursor ? `&cursor=${cursor}` : ''}`)).body as { journeys: { contactId: string }[]; nextCursor: string | null };
    out.push(...page.journeys.map((j) => j.contactId));
    cursor = page.nextCursor;
  } while (cursor);
  return out.sort();
}

/** Waits until the journeys count stays at `n` for a while (no late duplicate arrives). */
async function settled(api: ReturnType<typeof apiClient>, flowId: string, n: number, ms: number) {
  await until(`${n} journeys`, async () => ((await api.call('GET', `/v1/flows/${flowId}/stats`)).body.journeys?.ended ?? 0) >= n, ms);
  await new Promise((r) => setTimeout(r, 2000));
}

let proc: RunnerProcess | null = null;
let pgServer: TestPostgres | undefined;
const inProcess: RunningRunner[] = [];
afterAll(async () => {
  await proc?.kill9();
  for (const r of inProcess) await r.stop().catch(() => {});
  await pgServer?.stop();
});

describe('a scheduled run interrupted or run twice enters each contact once', () => {
  it('PGlite: a kill -9 in the middle of the pages and a restart on the same data', async () => {
    const dir = await tempDir('sched-kill');
    const port = await freePort();
    const env = { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN, CAMPAIGN_STUDIO_SCHEDULE_PAGE: String(PAGE) };
    proc = await spawnRunner(['--data', dir], env, port);
    const api = apiClient(proc.url);
    // PGlite's one worker applies inputs in order: once a probe event posted after the contacts
    // has started its journey, every contact is stored.
    await api.publish(flow([node('done', 'end', {})], [edge('trigger', 'done')], { id: 'probe', name: 'probe', trigger: { type: 'event', event: 'probe', properties: [] } }));
    await addContacts(api);
    await api.call('POST', '/v1/events', { contactId: ids[ids.length - 1], name: 'probe' });
    await until('the contacts stored', async () => (await api.call('GET', '/v1/flows/probe/journeys')).body.journeys.length === 1, 120_000);
    const at = Math.ceil(Date.now() / 1000) * 1000 + 3000;
    await api.publish(scheduledFlow('kill-run', at));
    // Killed once some contacts have entered and most have not.
    const before = await until(
      'the run under way',
      async () => {
        const n = (await api.call('GET', '/v1/flows/kill-run/stats')).body.journeys?.ended ?? 0;
        return n > 0 && n < eligible.length / 2 ? n : null;
      },
      120_000,
      50,
    );
    await proc.kill9();
    proc = await spawnRunner(['--data', dir], env, port);
    await settled(api, 'kill-run', eligible.length, 180_000);
    expect(before).toBeLessThan(eligible.length);
    expect(await journeysOf(api, 'kill-run')).toEqual(eligible);
  }, 420_000);

  it('PostgreSQL: two runner processes and a third caller running the same page job at once', async (ctx) => {
    const server = await testPostgres();
    if ('skip' in server) return ctx.skip(server.skip);
    pgServer = server;
    const url = await pgServer.createDatabase();
    for (let i = 0; i < 2; i++) {
      inProcess.push(await startRunner({ database: { kind: 'postgres', url }, workers: 2, env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN }, schedulePage: PAGE, deliver: null, pollInterval: 100 }));
    }
    // The runner's connections plan prepared statements once (see database.ts), the bulk add_jobs() of the pages included.
    expect((await inProcess[0]!.db.pool.query<{ plan_cache_mode: string }>('show plan_cache_mode')).rows[0]!.plan_cache_mode).toBe('force_generic_plan');
    const api = apiClient(inProcess[0]!.url);
    await addContacts(api);
    const pending = async () => (await inProcess[0]!.db.pool.query(`select count(*)::int n from campaign_studio.inputs where processed_at is null`)).rows[0].n as number;
    await until('the contacts stored', async () => (await pending()) === 0, 120_000);
    const at = Math.ceil(Date.now() / 1000) * 1000 + 3000;
    await api.publish(scheduledFlow('twice', at));
    // A third "process" runs the page job itself from the scheduled time until the run is done.
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      await new Promise((r) => setTimeout(r, at - Date.now()));
      const job = createScheduleJob(pool, PAGE);
      let mine = 0;
      for (let k = 0; k < 100; k++) {
        const r = await job.runPage({ flowId: 'twice', at });
        mine += r.queued;
        if (r.done) break;
      }
      await settled(apiClient(inProcess[1]!.url), 'twice', eligible.length, 120_000);
      expect(await journeysOf(api, 'twice')).toEqual(eligible);
      const run = (await pool.query(`select queued::int, done_at is not null as done from campaign_studio.schedule_runs where flow_id = 'twice'`)).rows[0];
      expect(run).toEqual({ queued: CONTACTS, done: true });
      expect(mine).toBeLessThanOrEqual(CONTACTS);
    } finally {
      await pool.end();
    }
  }, 300_000);
});
