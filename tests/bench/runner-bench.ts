/**
 * The runner, on PGlite and on PostgreSQL, next to graphile-worker's own empty-job throughput
 * measured in the same run: journey steps/s, timer lateness (p50/p99) of wake-ups spread over a
 * window, storage per waiting journey, restart time. Sizes are scaled to a small shared machine
 * (CS_BENCH_SCALE multiplies them); prints numbers, never fails on time.
 */
import { Logger, run, runMigrations } from 'graphile-worker';
import type pg from 'pg';
import { startRunner, type RunningRunner } from '../../src-main/runner/runner';
import { addJob, TASK } from '../../src-main/runner/journey-jobs';
import { apiClient, tempDir, TEST_TOKEN } from '../../src-main/runner/testing/runner-fixtures';
import { openDatabase, type DatabaseTarget } from '../../src-main/runner/database';
import { edge, flow, node } from '../../src-shared/testing/flow-builders';
import { testPostgres } from '../runner/postgres';

const SCALE = Number(process.env.CS_BENCH_SCALE ?? 1);
const EMPTY_JOBS = Math.round(2000 * SCALE);
const ENTRIES = Math.round(1000 * SCALE);
const WAKEUPS = Math.round(1000 * SCALE);
const WINDOW_MS = 20_000;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const line = (name: string, value: string) => console.log(`${name.padEnd(52)} ${value}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** trigger "bench.go" → wait 1 minute → end: one step on entry, one on the wake-up. */
const benchFlow = () =>
  flow([node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'minutes' } } }), node('done', 'end', {})], [edge('trigger', 'w'), edge('w', 'done')], {
    id: 'bench',
    name: 'Bench',
    trigger: { type: 'event', event: 'bench.go', properties: [] },
    entryFrequency: { type: 'every_time' },
  });

const silent = new Logger(() => () => {});

/** Graphile-worker alone on the same database (opened as the runner opens it), before the runner starts. */
async function emptyJobsPerSecond(database: DatabaseTarget, concurrency: number): Promise<number> {
  const db = await openDatabase(database, concurrency);
  let done = 0;
  try {
    await runMigrations({ pgPool: db.pool, logger: silent });
    await db.pool.query(`select graphile_worker.add_job('bench_noop', '{}'::json) from generate_series(1, $1)`, [EMPTY_JOBS]);
    const t0 = performance.now();
    const runner = await run({ pgPool: db.pool, concurrency, noHandleSignals: true, pollInterval: 200, crontab: '', taskList: { bench_noop: async () => void done++ }, logger: silent });
    while (done < EMPTY_JOBS) await sleep(20);
    const rate = EMPTY_JOBS / ((performance.now() - t0) / 1000);
    await runner.stop();
    return rate;
  } finally {
    await db.close();
  }
}

/** Stores `n` inputs (one new journey each) in one transaction; their `at` spreads their due times. */
async function enqueueEntries(pool: pg.Pool, n: number, prefix: string, at: (i: number) => number): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    for (let i = 0; i < n; i++) {
      const input = { kind: 'event', contactId: `${prefix}${i}`, name: 'bench.go', properties: {}, at: at(i) };
      const r = await c.query<{ id: string }>(`insert into campaign_studio.inputs (dedupe_key, contact_id, input) values ($1, $2, $3) returning id`, [`bench:${prefix}${i}`, input.contactId, JSON.stringify(input)]);
      await addJob(c, TASK.input, { inputId: String(r.rows[0]!.id) });
    }
    await c.query('commit');
  } finally {
    c.release();
  }
}

async function count(pool: pg.Pool, sql: string, args: unknown[] = []): Promise<number> {
  return (await pool.query<{ n: number }>(sql, args)).rows[0]!.n;
}

async function benchOne(label: string, database: DatabaseTarget, workers: number): Promise<void> {
  console.log(`\n-- ${label}`);
  const opts = { database, workers, env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN }, pollInterval: 200, deliver: null };
  const concurrency = database.kind === 'pglite' ? 1 : workers;
  const empty = await emptyJobsPerSecond(database, concurrency);
  line(`graphile-worker empty jobs (${EMPTY_JOBS}, ${concurrency} worker${concurrency > 1 ? 's' : ''})`, `${empty.toFixed(0)} jobs/s`);
  let t0 = performance.now();
  let r: RunningRunner = await startRunner(opts);
  line('start', `${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const api = apiClient(r.url);
  await api.publish(benchFlow());

  // Journey steps: N entries backdated by the wait, so each is two steps (entry, then wake-up):
  // restore nothing / enter with the engine / write state + job; then restore / fire / write.
  t0 = performance.now();
  await enqueueEntries(r.db.pool, ENTRIES, 's', () => Date.now() - 60_000);
  while ((await count(r.db.pool, `select count(*)::int n from campaign_studio.journeys where contact_id like 's%' and status = 'ended'`)) < ENTRIES) await sleep(100);
  const steps = (2 * ENTRIES) / ((performance.now() - t0) / 1000);
  line(`journey steps (${ENTRIES} entries + ${ENTRIES} wake-ups)`, `${steps.toFixed(0)} steps/s  = ${((100 * steps) / empty).toFixed(0)}% of empty jobs (goal >= 20%)`);

  // Timer lateness: wake-ups due spread over a window, at most half of the step rate just
  // measured (beyond it, lateness is only the backlog), after their entries are written.
  const wakeups = Math.max(10, Math.min(WAKEUPS, Math.floor((0.5 * steps * WINDOW_MS) / 1000)));
  const size = () =>
    count(
      r.db.pool,
      `select (pg_total_relation_size('campaign_studio.journeys') + pg_total_relation_size('campaign_studio.contacts') + pg_total_relation_size('campaign_studio.inputs') + pg_total_relation_size('graphile_worker._private_jobs'))::int n`,
    );
  const before = await size();
  const start = Date.now() + 5_000 + Math.ceil((1.5 * wakeups * 1000) / steps);
  await enqueueEntries(r.db.pool, wakeups, 't', (i) => start + Math.floor((i * WINDOW_MS) / wakeups) - 60_000);
  while ((await count(r.db.pool, `select count(*)::int n from campaign_studio.journeys where contact_id like 't%'`)) < wakeups) await sleep(100);
  // Storage per waiting journey: what the waiting journeys added (journey, contact, input, timer job).
  const added = (await size()) - before;
  line(`storage per waiting journey (${wakeups} waiting)`, `${(added / wakeups / 1024).toFixed(2)} KiB (journey, contact, input, timer job)`);
  if (Date.now() > start) line('  (entries were still being written when the window opened)', '');
  await sleep(Math.max(0, start + WINDOW_MS - Date.now()));
  while ((await count(r.db.pool, `select count(*)::int n from campaign_studio.journeys where contact_id like 't%' and status = 'running'`)) > 0) await sleep(200);
  const late = (await r.db.pool.query<{ ms: number }>(
    `select (extract(epoch from updated_at) * 1000 - ((state->'snapshot'->'context'->'trace'->1->>'t')::bigint + 60000))::float8 ms from campaign_studio.journeys where contact_id like 't%'`,
  )).rows.map((x) => Math.max(0, x.ms));
  line(`timer lateness (${wakeups} wake-ups over ${WINDOW_MS / 1000} s)`, `p50 ${pct(late, 0.5).toFixed(0)} ms  p99 ${pct(late, 0.99).toFixed(0)} ms (goal p99 < 1000 ms)`);

  // Restart: stop, start again on the same data, until the API answers.
  await r.stop();
  t0 = performance.now();
  r = await startRunner(opts);
  line('restart recovery (start on existing data to healthz)', `${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await r.stop();
}

async function main(): Promise<void> {
  console.log(`runner bench (scale ${SCALE}; the issue's sizes are 10,000 wake-ups over 60 s: CS_BENCH_SCALE=10)`);
  await benchOne('PGlite (embedded, one connection)', { kind: 'pglite', dataDir: await tempDir('bench') }, 1);
  const server = await testPostgres();
  if ('skip' in server) {
    console.log(`\n-- PostgreSQL skipped: ${server.skip}`);
    return;
  }
  try {
    await benchOne('PostgreSQL (2 workers)', { kind: 'postgres', url: await server.createDatabase() }, 2);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
