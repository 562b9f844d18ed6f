import { Logger, run } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migratedPglite } from './testing/runner-fixtures';

let db: Database;
beforeAll(async () => {
  db = await migratedPglite('database');
}, 120_000);
afterAll(() => db?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PGlite: one session behind every connection of the pool', () => {
  it('plans prepared statements once, on every connection (generic plans: see database.ts)', async () => {
    const a = await db.pool.connect();
    const b = await db.pool.connect();
    try {
      for (const c of [a, b]) expect((await c.query<{ plan_cache_mode: string }>('show plan_cache_mode')).rows[0]!.plan_cache_mode).toBe('force_generic_plan');
    } finally {
      a.release();
      b.release();
    }
  });

  it('two connections run the same named statement (prepared once for the session)', async () => {
    const a = await db.pool.connect();
    const b = await db.pool.connect();
    try {
      const q = (v: number) => ({ name: 'db_test_same', text: 'select $1::int + 1 as n', values: [v] });
      expect((await a.query<{ n: number }>(q(1))).rows[0]!.n).toBe(2);
      expect((await b.query<{ n: number }>(q(2))).rows[0]!.n).toBe(3);
      expect((await a.query<{ n: number }>(q(3))).rows[0]!.n).toBe(4);
    } finally {
      a.release();
      b.release();
    }
  });

  it('graphile-worker keeps taking jobs after a failed query made the pool replace a connection', async () => {
    let done = 0;
    const worker = await run({ pgPool: db.pool, concurrency: 1, noHandleSignals: true, pollInterval: 50, crontab: '', taskList: { db_test_noop: async () => void done++ }, logger: new Logger(() => () => {}) });
    try {
      const waitFor = async (n: number) => {
        for (let i = 0; i < 200 && done < n; i++) await sleep(25);
        return done;
      };
      await db.pool.query(`select graphile_worker.add_job('db_test_noop', '{}'::json)`);
      expect(await waitFor(1)).toBe(1);
      // pg's pool drops the client of a failed query; its replacement must not prepare
      // graphile-worker's job fetch again (the session has it: "already exists").
      await expect(db.pool.query('select 1 / 0')).rejects.toThrow(/division by zero/);
      await db.pool.query(`select graphile_worker.add_job('db_test_noop', '{}'::json)`);
      expect(await waitFor(2)).toBe(2);
    } finally {
      await worker.stop();
    }
  });
});
