import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { createTableUpkeep } from './table-upkeep';
import { migratedPglite } from './testing/runner-fixtures';

let db: Database;
beforeAll(async () => {
  db = await migratedPglite('upkeep');
}, 120_000);
afterAll(() => db?.close());

/** Queues `n` jobs without a key, due tomorrow, in one add_jobs call (as a bulk import of inputs would). */
async function queue(n: number): Promise<void> {
  await db.pool.query(
    `select count(*) from graphile_worker.add_jobs((select array_agg(row('upkeep_noop', json_build_object('i', g), null, now() + interval '1 day', 25, null, 0, null)::graphile_worker.job_spec)
       from generate_series(1, $1::int) g))`,
    [n],
  );
}

/** Milliseconds per add_job() of one keyed job (a wake-up), over `n` calls on connection `c`. */
async function addJobMs(c: pg.PoolClient, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await c.query(`select graphile_worker.add_job('upkeep_noop', '{}'::json, run_at => now() + interval '1 day', job_key => 'k' || $1::text)`, [i]);
  return (performance.now() - t0) / n;
}

describe('table upkeep on PGlite (no autovacuum there)', () => {
  it('analyzes the job table once enough jobs came, so add_job stops scanning every queued job', async () => {
    const c = await db.pool.connect();
    try {
      // The session plans add_jobs' key check while the table is empty (a scan is best then)
      // and keeps that plan: without new statistics nothing makes it plan again.
      await addJobMs(c, 10);
      await queue(50_000);
      const before = await addJobMs(c, 30);
      const lines: string[] = [];
      const upkeep = createTableUpkeep(db.pool, (l) => lines.push(l));
      expect(await upkeep.check()).toBe(true);
      expect(lines.join('\n')).toMatch(/job table vacuumed and analyzed \(500[0-9]{2} jobs\)/);
      const after = await addJobMs(c, 30);
      expect(after, `add_job ${before.toFixed(1)} ms before, ${after.toFixed(1)} ms after`).toBeLessThan(before / 2);
      // Below the threshold (50 + 20% of the rows): nothing to do; above it, again.
      await queue(5_000);
      expect(await upkeep.check()).toBe(false);
      await queue(6_000);
      expect(await upkeep.check()).toBe(true);
      const rows = await db.pool.query<{ n: number }>(`select reltuples::float8 as n from pg_class where oid = 'graphile_worker._private_jobs'::regclass`);
      expect(rows.rows[0]!.n).toBeGreaterThan(61_000);
      await upkeep.stop();
    } finally {
      c.release();
    }
  }, 180_000);
});
