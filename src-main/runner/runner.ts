import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, runMigrations, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { setUpToken, TOKEN_ENV } from './auth';
import { createChatwootActions } from './chatwoot/actions';
import { openDatabase, type Database, type DatabaseTarget } from './database';
import { createFlowCache } from './flow-cache';
import { createHttpApi } from './http-api';
import { createJourneyJobs, TASK } from './journey-jobs';
import { migrateLive } from './live-api';
import { createOutboxJob, type Deliver } from './outbox-job';
import { createScheduleJob, SCHEDULE_PAGE, type SchedulePayload } from './schedule-job';
import { migrate } from './schema';
import { createLiveness } from './worker-liveness';
import { createTableUpkeep } from './table-upkeep';

export interface RunnerOptions {
  database: DatabaseTarget;
  /** Default 127.0.0.1: the API is reachable from other machines only when asked. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Job workers in this process (default 2; PGlite runs one). */
  workers?: number;
  env: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
  /** Replaces the Chatwoot connector (tests); null: no connector. Default: from CHATWOOT_* variables. */
  deliver?: Deliver | null;
  /** How often idle workers look for jobs besides LISTEN/NOTIFY (ms, default POLL_INTERVAL_MS). */
  pollInterval?: number;
  /** Contacts per page of a scheduled run (default SCHEDULE_PAGE; tests use small pages). */
  schedulePage?: number;
}

/**
 * Idle workers look for due jobs this often (ms). A wake-up's run_at passes without a
 * notification, so this bounds how late an idle runner fires a timer (goal: p99 under 1 s).
 */
export const POLL_INTERVAL_MS = 100;

export interface RunningRunner {
  url: string;
  port: number;
  db: Database;
  /** The API token generated at first start (print it once), else null. */
  generatedToken: string | null;
  /** graphile-worker's events of this runner's job workers (job:success, …): counting finished jobs costs no query. */
  jobEvents: WorkerEvents;
  /** Stops taking requests and jobs, lets running jobs finish, closes the database. */
  stop(): Promise<void>;
}

/** Chatwoot's deliver() from the environment, or null with the variable that is missing. */
export function chatwootFromEnv(env: RunnerOptions['env']): { deliver: Deliver | null; missing: string[] } {
  const want = ['CHATWOOT_BASE_URL', 'CHATWOOT_ACCOUNT_ID', 'CHATWOOT_API_TOKEN'] as const;
  const missing = want.filter((k) => !env[k]);
  if (missing.length) return { deliver: null, missing };
  const accountId = Number(env.CHATWOOT_ACCOUNT_ID);
  if (!Number.isInteger(accountId) || accountId <= 0) throw new Error(`CHATWOOT_ACCOUNT_ID must be a positive whole number, not "${env.CHATWOOT_ACCOUNT_ID}".`);
  const actions = createChatwootActions({ baseUrl: env.CHATWOOT_BASE_URL!, accountId, apiToken: env.CHATWOOT_API_TOKEN! });
  return { deliver: (a) => actions.deliver(a), missing: [] };
}

/**
 * Starts a runner: database (PGlite or PostgreSQL), schema, graphile-worker job workers for
 * inputs, timers and the outbox, and the HTTP API. `/healthz` answers 200 once workers run.
 */
export async function startRunner(o: RunnerOptions): Promise<RunningRunner> {
  const log = o.log ?? (() => {});
  const workers = o.database.kind === 'pglite' ? 1 : Math.max(1, o.workers ?? 2);
  const db = await openDatabase(o.database, workers, log);
  let accepting = false;
  let runner: Runner | null = null;
  try {
    await migrate(db.pool);
    await migrateLive(db.pool);
    await runMigrations({ pgPool: db.pool, logger: quietLogger(log) });
    const token = await setUpToken(db.pool, o.env[TOKEN_ENV]);
    const deliver = o.deliver !== undefined ? o.deliver : chatwootFromEnv(o.env).deliver;
    const flows = createFlowCache();
    const journeys = createJourneyJobs(db.pool, flows);
    const outbox = createOutboxJob(db.pool, deliver);
    const schedule = createScheduleJob(db.pool, o.schedulePage ?? schedulePageFromEnv(o.env));
    const utils = await makeWorkerUtils({ pgPool: db.pool, logger: quietLogger(log) });
    const liveness = createLiveness(db.pool, utils, log);
    if (db.kind === 'pglite') await liveness.releaseAll();

    const taskList: TaskList = {
      [TASK.input]: async (p) => void (await journeys.applyInput((p as { inputId: string }).inputId)),
      [TASK.tick]: async (p) => {
        const { journeyId, at } = p as { journeyId: string; at: number };
        await journeys.tick(journeyId, at);
      },
      [TASK.schedule]: async (p) => void (await schedule.runPage(p as SchedulePayload)),
      [TASK.deliver]: async (p) => {
        // One (journey, node); a list of them is delivered in order.
        const sends = Array.isArray(p) ? (p as { journeyId: string; nodeId: string }[]) : [p as { journeyId: string; nodeId: string }];
        await outbox.deliverAll(sends);
      },
    };
    // Graphile-worker 0.17 locks jobs in the name of the worker pool (not of each worker): the
    // pool's id is what the heartbeats must vouch for. Listening before run() starts the pool.
    const events: WorkerEvents = new EventEmitter();
    events.on('pool:create', ({ workerPool }) => void liveness.register(workerPool.id).catch((e: Error) => log(`worker registration failed: ${e.message}`)));
    runner = await run({ pgPool: db.pool, concurrency: workers, noHandleSignals: true, pollInterval: o.pollInterval ?? POLL_INTERVAL_MS, taskList, logger: quietLogger(log), crontab: '', events });
    liveness.start();
    // Each journey's deliveries run in their own named queue (in order); graphile-worker keeps
    // an emptied queue's row until it is collected.
    const gc = setInterval(() => void utils.cleanup({ tasks: ['GC_JOB_QUEUES'] }).catch((e: Error) => log(`job queue cleanup failed: ${e.message}`)), 10 * 60_000);
    gc.unref();
    // What autovacuum does on a server, which PGlite lacks (see table-upkeep.ts).
    const upkeep = db.kind === 'pglite' ? createTableUpkeep(db.pool, log) : null;
    upkeep?.start();

    const server = createHttpApi({ pool: db.pool, checkToken: token.check, webhookSecret: o.env.CHATWOOT_WEBHOOK_SECRET || undefined, ready: () => accepting, log });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve);
    });
    const port = (server.address() as AddressInfo).port;
    accepting = true;
    const started = runner;
    let stopping: Promise<void> | null = null;
    return {
      url: `http://${o.host && o.host !== '0.0.0.0' ? o.host : '127.0.0.1'}:${port}`,
      port,
      db,
      generatedToken: token.generated,
      jobEvents: events,
      stop: () =>
        (stopping ??= (async () => {
          accepting = false;
          clearInterval(gc);
          await upkeep?.stop();
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          await closed;
          await started.stop();
          await liveness.stop();
          await utils.release();
          await db.close();
        })()),
    };
  } catch (e) {
    await runner?.stop().catch(() => {});
    await db.close().catch(() => {});
    throw e;
  }
}

/** CAMPAIGN_STUDIO_SCHEDULE_PAGE: contacts per page of a scheduled run (default SCHEDULE_PAGE). */
function schedulePageFromEnv(env: RunnerOptions['env']): number {
  const v = env.CAMPAIGN_STUDIO_SCHEDULE_PAGE;
  if (v === undefined || v === '') return SCHEDULE_PAGE;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`CAMPAIGN_STUDIO_SCHEDULE_PAGE must be a whole number from 1 to 100000, not "${v}".`);
  return n;
}

/** Graphile-worker's warnings and errors in our log; its per-job info lines dropped. */
function quietLogger(log: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`jobs ${level}: ${message}`);
  });
}
