import type pg from 'pg';
import { S } from './schema';

/**
 * PGlite has no autovacuum: without it, graphile-worker's job table is never analyzed nor
 * vacuumed. Its `add_jobs()` then plans the key check of every new job on stale statistics, as
 * a scan of the whole table: measured on PGlite, 28 ms per job with 100,000 jobs queued, 3.7 ms
 * after an ANALYZE. This does what autovacuum would, with its default thresholds: once the
 * jobs added since the last pass (the job id sequence moves once per job) exceed 50 + 20% of
 * the table's rows, the job table is vacuumed and analyzed, and the runner's own tables analyzed.
 * PostgreSQL servers run their own autovacuum; this is for PGlite only.
 */
export function createTableUpkeep(pool: pg.Pool, log: (line: string) => void) {
  let lastId: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<boolean> | null = null;

  const state = async (): Promise<{ lastId: number; rows: number }> => {
    const r = await pool.query<{ last_id: string | null; rows: number }>(
      `select pg_sequence_last_value(pg_get_serial_sequence('graphile_worker._private_jobs', 'id')::regclass)::text as last_id,
         greatest((select reltuples from pg_class where oid = 'graphile_worker._private_jobs'::regclass), 0)::float8 as rows`,
    );
    return { lastId: Number(r.rows[0]!.last_id ?? 0), rows: r.rows[0]!.rows };
  };

  /** One check; true when it vacuumed and analyzed. */
  async function check(): Promise<boolean> {
    const now = await state();
    if (lastId !== null && now.lastId - lastId <= 50 + 0.2 * now.rows) return false;
    const t0 = performance.now();
    await pool.query('vacuum (analyze) graphile_worker._private_jobs');
    await pool.query(`analyze ${S}.journeys, ${S}.inputs, ${S}.contacts, ${S}.outbox`);
    const after = await state();
    lastId = after.lastId;
    log(`table upkeep: job table vacuumed and analyzed (${Math.round(after.rows)} jobs) in ${Math.round(performance.now() - t0)} ms`);
    return true;
  }

  return {
    /** Checks now (one at a time), e.g. at start and then every few seconds. */
    check: (): Promise<boolean> => (running ??= check().finally(() => (running = null))),
    start(everyMs = 10_000): void {
      timer = setInterval(() => void this.check().catch((e: Error) => log(`table upkeep failed: ${e.message}`)), everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}
