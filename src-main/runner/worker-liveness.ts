import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { WorkerUtils } from 'graphile-worker';
import { S } from './schema';

/** How long a worker may go without a heartbeat before its locked jobs are released. */
export const STALE_AFTER_S = 20;

/**
 * Graphile-worker keeps a job locked for 4 hours when its worker dies mid-job. Each process
 * records its worker pool (the id graphile-worker 0.17 locks jobs with) with heartbeats; any
 * process releases (forceUnlockWorkers) the locks of pools whose heartbeat stopped, so a killed
 * process's jobs run again within seconds.
 * On PGlite only one process can open the data, so at start every lock is a dead one.
 */
export function createLiveness(pool: pg.Pool, utils: WorkerUtils, log: (line: string) => void) {
  const process_ = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const mine = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  // Only locks older than the staleness window: a worker that just started may lock a job a
  // moment before its first heartbeat row is written.
  const lockers = async (olderThanS: number): Promise<string[]> =>
    (
      await pool.query<{ locked_by: string }>(
        `select locked_by from graphile_worker._private_jobs where locked_by is not null and locked_at < now() - make_interval(secs => $1)
         union select locked_by from graphile_worker._private_job_queues where locked_by is not null and locked_at < now() - make_interval(secs => $1)`,
        [olderThanS],
      )
    ).rows.map((r) => r.locked_by);

  async function unlock(ids: string[], why: string): Promise<void> {
    if (!ids.length) return;
    await utils.forceUnlockWorkers(ids);
    log(`released the jobs of ${ids.length} stopped worker(s) (${why}): ${ids.join(', ')}`);
  }

  async function beat(): Promise<void> {
    if (mine.size) await pool.query(`update ${S}.workers set heartbeat_at = now() where worker_id = any($1)`, [[...mine]]);
    const live = new Set((await pool.query<{ worker_id: string }>(`select worker_id from ${S}.workers where heartbeat_at > now() - make_interval(secs => $1)`, [STALE_AFTER_S])).rows.map((r) => r.worker_id));
    const dead = (await lockers(STALE_AFTER_S)).filter((id) => !live.has(id) && !mine.has(id));
    await unlock(dead, `no heartbeat for ${STALE_AFTER_S}s`);
    await pool.query(`delete from ${S}.workers where heartbeat_at < now() - make_interval(secs => $1 * 10)`, [STALE_AFTER_S]);
  }

  return {
    process: process_,
    /** At start on PGlite: no other process can hold locks, release them all. */
    async releaseAll(): Promise<void> {
      await unlock(await lockers(-1), 'the previous process on this data directory stopped');
    },
    async register(workerId: string): Promise<void> {
      mine.add(workerId);
      await pool.query(`insert into ${S}.workers (worker_id, process) values ($1, $2) on conflict (worker_id) do update set heartbeat_at = now()`, [workerId, process_]);
    },
    start(everyMs = 5000): void {
      timer = setInterval(() => beat().catch((e: Error) => log(`heartbeat failed: ${e.message}`)), everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      if (mine.size) await pool.query(`delete from ${S}.workers where worker_id = any($1)`, [[...mine]]).catch(() => {});
    },
  };
}
