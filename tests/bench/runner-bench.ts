/**
 * The runner, on PGlite and on PostgreSQL, next to graphile-worker's own empty-job throughput
 * measured in the same run: journey steps/s, timer lateness (p50/p99) of wake-ups spread over a
 * window, alone and while a batch of entries is being processed, storage per waiting journey,
 * restart time. Sizes are scaled to a small shared machine; CS_BENCH_SCALE=full runs the issue's
 * sizes (10,000 wake-ups over 60 s, a batch of 100,000 entries), a number multiplies the small
 * ones. Prints numbers, never fails on time.
 */
import { readFileSync } from 'node:fs';
import { Logger, makeWorkerUtils, run, runMigrations } from 'graphile-worker';
import type pg from 'pg';
import { POLL_INTERVAL_MS, startRunner, type RunningRunner } from '../../src-main/runner/runner';
import { TASK } from '../../src-main/runner/journey-jobs';
import { apiClient, tempDir, TEST_TOKEN } from '../../src-main/runner/testing/runner-fixtures';
import { openDatabase, type DatabaseTarget } from '../../src-main/runner/database';
import { edge, flow, node } from '../../src-shared/testing/flow-builders';
import { testPostgres } from '../runner/postgres';

const FULL = process.env.CS_BENCH_SCALE === 'full';
const SCALE = FULL ? 10 : Number(process.env.CS_BENCH_SCALE ?? 1);
const EMPTY_JOBS = FULL ? 4000 : Math.round(2000 * Math.min(SCALE, 5));
const ENTRIES = FULL ? 2000 : Math.round(1000 * Math.min(SCALE, 5));
/** Full: the 10,000 wake-ups over 60 s, whatever the machine can do; else at most half the step rate. */
const WAKEUPS = FULL ? 10_000 : Math.round(1000 * SCALE);
const WINDOW_MS = FULL ? 60_000 : 20_000;
const BATCH = FULL ? 100_000 : Math.round(10_000 * SCALE);
const ONLY = process.env.CS_BENCH_RUNNER_DB; // 'pglite' | 'postgres': one of the two
/** CS_BENCH_RUNNER_STEPS=1: only the empty jobs and the journey steps (a quick before/after of the step's cost). */
const STEPS_ONLY = process.env.CS_BENCH_RUNNER_STEPS === '1';
/** Rounds of journey steps, each between two runs of empty jobs (CS_BENCH_RUNNER_ROUNDS, default 3). */
const STEP_ROUNDS = Math.max(1, Number(process.env.CS_BENCH_RUNNER_ROUNDS ?? 3));

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const line = (name: string, value: string) => console.log(`${name.padEnd(60)} ${value}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** trigger "bench.go" → wait 1 minute → end: one step on entry, one on the wake-up. */
const benchFlow = () =>
  flow([node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'minutes' } } }), node('done', 'end', {})], [edge('trigger', 'w'), edge('w', 'done')], {
    id: 'bench',
    name: 'Bench',
    trigger: { type: 'event', event: 'bench.go', properties: [] },
    entryFrequency: { type: 'every_time' },
  });

/** trigger "bench.bulk" → wait 1 day → end: the batch's entries, whose timers fall far outside the run. */
const bulkFlow = () =>
  flow([node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'days' } } }), node('done', 'end', {})], [edge('trigger', 'w'), edge('w', 'done')], {
    id: 'bulk',
    name: 'Bulk',
    trigger: { type: 'event', event: 'bench.bulk', properties: [] },
    entryFrequency: { type: 'every_time' },
  });

const silent = new Logger(() => () => {});

/** CPU time (ms) a process has used (utime + stime from /proc; USER_HZ is 100: a tick is 10 ms), null if unknown. */
function cpuOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null; // (no /proc, or the process ended)
  }
}

type CpuMark = { self: number; postgres: Map<string, number> } | null;

/**
 * CPU used so far by this process (the runner runs in it; PGlite too) and by each process of the
 * PostgreSQL server behind `pool` (its backends and background processes, as pg_stat_activity
 * lists them; only when the server runs on this machine). Differences over a phase, divided by
 * the jobs it ran, are the CPU each job costs, which the machine's other load moves far less
 * than the rates.
 */
async function cpuMark(pool: pg.Pool | null): Promise<CpuMark> {
  const self = cpuOf('self');
  if (self === null) return null;
  const postgres = new Map<string, number>();
  if (pool) {
    for (const { pid } of (await pool.query<{ pid: number }>('select pid from pg_stat_activity')).rows) {
      const t = cpuOf(String(pid));
      if (t !== null) postgres.set(String(pid), t);
    }
  }
  return { self, postgres };
}

/** CPU per job between two marks, e.g. "CPU 1.20 ms a job in the runner's process + 2.31 ms in PostgreSQL". */
function cpuPerJob(from: CpuMark, to: CpuMark, jobs: number, database: DatabaseTarget): string {
  if (!from || !to) return '';
  const self = (to.self - from.self) / jobs;
  if (database.kind === 'pglite') return `CPU ${self.toFixed(2)} ms a job (PGlite in the runner's process)`;
  let db = 0;
  for (const [pid, t] of to.postgres) db += t - (from.postgres.get(pid) ?? 0);
  return `CPU ${self.toFixed(2)} ms a job in the runner's process + ${(db / jobs).toFixed(2)} ms in PostgreSQL`;
}

async function emptyJobsPerSecond(database: DatabaseTarget, concurrency: number): Promise<{ rate: number; cpu: string }> {
  const db = await openDatabase(database, concurrency);
  let done = 0;
  try {
    await runMigrations({ pgPool: db.pool, logger: silent });
    await db.pool.query(`select graphile_worker.add_job('bench_noop', '{}'::json) from generate_series(1, $1)`, [EMPTY_JOBS]);
    const t0 = performance.now();
    const pgPool = database.kind === 'postgres' ? db.pool : null;
    const cpu0 = await cpuMark(pgPool);
    const runner = await run({ pgPool: db.pool, concurrency, noHandleSignals: true, pollInterval: POLL_INTERVAL_MS, crontab: '', taskList: { bench_noop: async () => void done++ }, logger: silent });
    while (done < EMPTY_JOBS) await sleep(20);
    const rate = EMPTY_JOBS / ((performance.now() - t0) / 1000);
    const cpu = cpuPerJob(cpu0, await cpuMark(pgPool), EMPTY_JOBS, database);
    await runner.stop();
    return { rate, cpu };
  } finally {
    await db.close();
  }
}

/**
 * Stores `n` inputs of event `name` for contacts `<prefix><i>` and their jobs, 2,000 to a
 * statement (as a bulk import would); input i happens at `from + i * span / n` (ms). `priority`
 * orders the setup's own jobs against a batch already queued (graphile-worker: lower first).
 */
async function enqueueEntries(pool: pg.Pool, n: number, prefix: string, name: string, from: number, span = 0, priority = 0, runAt: Date | null = null): Promise<string[]> {
  const ids: string[] = [];
  for (let lo = 0; lo < n; lo += 2000) {
    const r = await pool.query<{ ids: string[] }>(
      `with i as (insert into campaign_studio.inputs (dedupe_key, contact_id, input)
         select 'bench:' || $1 || g, $1 || g, jsonb_build_object('kind', 'event', 'contactId', $1 || g, 'name', $2::text, 'properties', '{}'::jsonb, 'at', ($3::bigint + floor(g * $4::float8 / $5))::bigint)
         from generate_series($6::int, $7::int) g returning id)
       select array_agg((graphile_worker.add_job('${TASK.input}', json_build_object('inputId', id::text), priority => $8, run_at => $9)).id::text) ids from i`,
      [prefix, name, from, span, n, lo, Math.min(n, lo + 2000) - 1, priority, runAt],
    );
    ids.push(...r.rows[0]!.ids);
  }
  return ids;
}

async function count(pool: pg.Pool, sql: string, args: unknown[] = []): Promise<number> {
  return (await pool.query<{ n: number }>(sql, args)).rows[0]!.n;
}

/** Job workers of the runner on PostgreSQL, and of its empty-job baseline (CS_BENCH_RUNNER_WORKERS, default 2). */
const PG_WORKERS = Number(process.env.CS_BENCH_RUNNER_WORKERS ?? 2);

/**
 * One round of journey steps: N entries backdated by the wait, so each is two steps (entry,
 * then wake-up): restore nothing / enter with the engine / write state + job; then restore /
 * fire / write. Finished step jobs are counted from the workers' events, as the empty jobs are
 * counted in their task (it polled the journeys table for the ended ones, a scan ten times a
 * second beside the steps it measured). The entries are queued first, held an hour ahead, and
 * released when the clock starts: the empty jobs are queued before theirs starts too, so
 * neither figure counts the queueing.
 */
async function stepsRound(r: RunningRunner, database: DatabaseTarget, prefix: string): Promise<{ rate: number; cpu: string }> {
  const pool = r.db.pool;
  let stepJobs = 0;
  const counted = new Set<string>([TASK.input, TASK.tick]);
  r.jobEvents.on('job:success', ({ job }) => void (counted.has(job.task_identifier) && stepJobs++));
  const held = await enqueueEntries(pool, ENTRIES, prefix, 'bench.go', Date.now() - 60_000, 0, 0, new Date(Date.now() + 3_600_000));
  const utils = await makeWorkerUtils({ pgPool: pool, logger: silent });
  try {
    const pgPool = database.kind === 'postgres' ? pool : null;
    const t0 = performance.now();
    const cpu0 = await cpuMark(pgPool);
    await utils.rescheduleJobs(held, { runAt: new Date() });
    while (stepJobs < 2 * ENTRIES) await sleep(20);
    const rate = (2 * ENTRIES) / ((performance.now() - t0) / 1000);
    const cpu = cpuPerJob(cpu0, await cpuMark(pgPool), 2 * ENTRIES, database);
    const ended = await count(pool, `select count(*)::int n from campaign_studio.journeys where contact_id like $1 and status = 'ended'`, [`${prefix}%`]);
    if (ended !== ENTRIES) throw new Error(`journey steps: ${2 * ENTRIES} step jobs succeeded but ${ended} of ${ENTRIES} journeys ended`);
    return { rate, cpu };
  } finally {
    await utils.release();
  }
}

async function benchOne(label: string, database: DatabaseTarget, workers: number): Promise<void> {
  console.log(`\n-- ${label}`);
  const opts = { database, workers, env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN }, deliver: null };
  const concurrency = database.kind === 'pglite' ? 1 : workers;
  const emptyLine = (e: { rate: number; cpu: string }) => line(`graphile-worker empty jobs (${EMPTY_JOBS}, ${concurrency} worker${concurrency > 1 ? 's' : ''})`, `${e.rate.toFixed(0)} jobs/s  ${e.cpu}`);
  // Rounds of steps, each between two runs of empty jobs alone (the machine's load moves): a
  // round's ratio is taken against the faster of the empty-job runs around it, and the figure
  // is the median round.
  let empty = await emptyJobsPerSecond(database, concurrency);
  emptyLine(empty);
  let t0 = performance.now();
  let r: RunningRunner = await startRunner(opts);
  line('start', secs(performance.now() - t0));
  const api = apiClient(r.url);
  await api.publish(benchFlow());
  await api.publish(bulkFlow());
  const rounds: { rate: number; ratio: number }[] = [];
  for (let k = 0; k < STEP_ROUNDS; k++) {
    if (k > 0) r = await startRunner(opts);
    const s = await stepsRound(r, database, `s${k}-`);
    await r.stop();
    const next = await emptyJobsPerSecond(database, concurrency);
    const ratio = s.rate / Math.max(empty.rate, next.rate);
    rounds.push({ rate: s.rate, ratio });
    line(`journey steps (${ENTRIES} entries + ${ENTRIES} wake-ups), round ${k + 1}`, `${s.rate.toFixed(0)} steps/s  = ${(100 * ratio).toFixed(0)}% of the faster empty-job rate  ${s.cpu}`);
    emptyLine(next);
    empty = next;
  }
  const mid = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  const steps = mid.rate;
  line(`journey steps, median of ${rounds.length} round${rounds.length > 1 ? 's' : ''}`, `${steps.toFixed(0)} steps/s  = ${(100 * mid.ratio).toFixed(0)}% of the empty-job rate (goal >= 20%)`);
  if (STEPS_ONLY) return;
  r = await startRunner(opts);
  const pool = r.db.pool;
  const entered = (prefix: string) => count(pool, `select count(*)::int n from campaign_studio.journeys where contact_id like $1`, [`${prefix}%`]);

  const size = () =>
    count(
      pool,
      `select (pg_total_relation_size('campaign_studio.journeys') + pg_total_relation_size('campaign_studio.contacts') + pg_total_relation_size('campaign_studio.inputs') + pg_total_relation_size('graphile_worker._private_jobs'))::bigint n`,
    ).then(Number);
  const wakeups = FULL ? WAKEUPS : Math.max(10, Math.min(WAKEUPS, Math.floor((0.5 * steps * WINDOW_MS) / 1000)));
  const before = await size();
  const idle = await lateness(pool, 't', wakeups, steps, async () => {
    // Storage per waiting journey: what the waiting journeys added (journey, contact, input, timer job).
    line(`storage per waiting journey (${wakeups} waiting)`, `${(((await size()) - before) / wakeups / 1024).toFixed(2)} KiB (journey, contact, input, timer job)`);
  });
  line(`timer lateness, idle (${wakeups} wake-ups over ${WINDOW_MS / 1000} s)`, idle);

  // The same wake-ups while a batch of entries is processed: the batch is queued first, then
  // the wake-ups' entries go ahead of it (priority), so they wait when the window opens while
  // the batch's jobs, older than every wake-up, are still being worked through.
  t0 = performance.now();
  await enqueueEntries(pool, BATCH, 'b', 'bench.bulk', Date.now());
  line(`  batch of ${BATCH} entries queued`, secs(performance.now() - t0));
  let batchAtOpen = 0;
  let batchAtClose = 0;
  const busy = await lateness(
    pool,
    'u',
    wakeups,
    steps,
    async () => {},
    async (phase) => {
      if (phase === 'open') batchAtOpen = await entered('b');
      else batchAtClose = await entered('b');
    },
    -5,
  );
  line(`timer lateness, during the batch (${wakeups} wake-ups over ${WINDOW_MS / 1000} s)`, busy);
  line(`  batch entries processed during the window`, `${batchAtClose - batchAtOpen} (${batchAtClose} of ${BATCH} by its end; ${((batchAtClose - batchAtOpen) / (WINDOW_MS / 1000)).toFixed(0)} entries/s beside the wake-ups)`);

  // Restart: stop (the rest of the batch still queued), start again on the same data, until the API answers.
  const queued = await count(pool, `select count(*)::int n from graphile_worker._private_jobs`);
  await r.stop();
  t0 = performance.now();
  r = await startRunner(opts);
  line(`restart recovery (to healthz, ${queued} jobs queued)`, secs(performance.now() - t0));
  await r.stop();
}

/**
 * Timer lateness: `n` journeys whose one-minute wait falls due spread over the window. Their
 * entries are backdated and written first; `ready` runs once they wait, `mark` when the window
 * opens and closes. Lateness of a wake-up = when its step was written (the journey's updated_at)
 * minus when it was due.
 */
async function lateness(
  pool: pg.Pool,
  prefix: string,
  n: number,
  steps: number,
  ready: () => Promise<void>,
  mark: (phase: 'open' | 'close') => Promise<void> = async () => {},
  priority = 0,
): Promise<string> {
  // The window opens once the entries should be written, at 1.5x the time the step rate says.
  const start = Date.now() + 10_000 + Math.ceil((1.5 * n * 1000) / steps);
  await enqueueEntries(pool, n, prefix, 'bench.go', start - 60_000, WINDOW_MS, priority);
  const waiting = () => count(pool, `select count(*)::int n from campaign_studio.journeys where contact_id like $1`, [`${prefix}%`]);
  while ((await waiting()) < n) await sleep(100);
  await ready();
  const early = Date.now() > start ? ` (the window opened ${secs(Date.now() - start)} before its entries were all written)` : '';
  await sleep(Math.max(0, start - Date.now()));
  await mark('open');
  await sleep(Math.max(0, start + WINDOW_MS - Date.now()));
  await mark('close');
  const running = () => count(pool, `select count(*)::int n from campaign_studio.journeys where contact_id like $1 and status = 'running'`, [`${prefix}%`]);
  while ((await running()) > 0) await sleep(200);
  const rows = (
    await pool.query<{ ms: number }>(
      `select (extract(epoch from j.updated_at) * 1000 - ((i.input->>'at')::bigint + 60000))::float8 ms
       from campaign_studio.journeys j join campaign_studio.inputs i on i.dedupe_key = 'bench:' || j.contact_id where j.contact_id like $1 order by (i.input->>'at')::bigint`,
      [`${prefix}%`],
    )
  ).rows.map((x) => Math.max(0, x.ms));
  const late = rows;
  // p50 per quarter of the window: growing quarter by quarter means a backlog (throughput), flat means latency.
  const quarters = [0, 1, 2, 3].map((q) => pct(rows.slice(Math.floor((q * rows.length) / 4), Math.floor(((q + 1) * rows.length) / 4)), 0.5).toFixed(0)).join('/');
  return `p50 ${pct(late, 0.5).toFixed(0)} ms  p99 ${pct(late, 0.99).toFixed(0)} ms  max ${pct(late, 1).toFixed(0)} ms (goal p99 < 1000 ms); p50 by quarter ${quarters} ms${early}`;
}

async function main(): Promise<void> {
  console.log(
    FULL
      ? `runner bench at the issue's sizes (CS_BENCH_SCALE=full): ${WAKEUPS} wake-ups over ${WINDOW_MS / 1000} s, a batch of ${BATCH} entries`
      : `runner bench, scaled down (scale ${SCALE}): at most ${WAKEUPS} wake-ups over ${WINDOW_MS / 1000} s, a batch of ${BATCH} entries; CS_BENCH_SCALE=full runs the issue's 10,000 over 60 s and 100,000`,
  );
  if (ONLY !== 'postgres') await benchOne('PGlite (embedded, one connection)', { kind: 'pglite', dataDir: await tempDir('bench') }, 1);
  if (ONLY === 'pglite') return;
  const server = await testPostgres();
  if ('skip' in server) {
    console.log(`\n-- PostgreSQL skipped: ${server.skip}`);
    return;
  }
  try {
    await benchOne(`PostgreSQL (${PG_WORKERS} workers)`, { kind: 'postgres', url: await server.createDatabase() }, PG_WORKERS);
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
