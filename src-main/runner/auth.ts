import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { S } from './schema';

export const TOKEN_ENV = 'CAMPAIGN_STUDIO_RUNNER_TOKEN';

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The API's bearer token, stored only as its SHA-256. `CAMPAIGN_STUDIO_RUNNER_TOKEN` sets (or
 * replaces) it; without it the first start generates one and returns it to print once, later
 * starts keep the stored hash.
 */
export async function setUpToken(pool: pg.Pool, fromEnv: string | undefined): Promise<{ generated: string | null; check: (bearer: string | undefined) => boolean }> {
  let generated: string | null = null;
  if (fromEnv) {
    await pool.query(`insert into ${S}.settings (key, value) values ('token_sha256', $1) on conflict (key) do update set value = excluded.value`, [hash(fromEnv)]);
  } else {
    const candidate = `cs_${randomBytes(24).toString('base64url')}`;
    const r = await pool.query(`insert into ${S}.settings (key, value) values ('token_sha256', $1) on conflict (key) do nothing`, [hash(candidate)]);
    if (r.rowCount) generated = candidate;
  }
  const stored = (await pool.query<{ value: string }>(`select value from ${S}.settings where key = 'token_sha256'`)).rows[0]!.value;
  const want = Buffer.from(stored, 'hex');
  return {
    generated,
    check(header) {
      const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
      if (!m) return false;
      return timingSafeEqual(Buffer.from(hash(m[1]!.trim()), 'hex'), want);
    },
  };
}
