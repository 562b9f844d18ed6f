import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './runner-process';

const run = promisify(execFile);

/** The variable .ci/run sets to a PostgreSQL server the tests may create databases on. */
export const TEST_DATABASE_ENV = 'CS_TEST_DATABASE_URL';

export interface TestPostgres {
  /** A new, empty database on the server; its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Debian's PostgreSQL server binaries (the newest version installed), or null. */
async function binDir(): Promise<string | null> {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = (await readdir(base)).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return null;
}

/**
 * A PostgreSQL for tests: the server named by CS_TEST_DATABASE_URL (CI), else a throw-away
 * cluster started here with initdb/pg_ctl on a loopback port (as the postgres user when we are
 * root, since PostgreSQL refuses to run as root), else a reason to skip.
 */
export async function testPostgres(): Promise<TestPostgres | { skip: string }> {
  const given = process.env[TEST_DATABASE_ENV];
  if (given) return { createDatabase: () => createDatabase(given), stop: async () => {} };
  const bin = await binDir();
  if (!bin) return { skip: `no PostgreSQL: ${TEST_DATABASE_ENV} is unset and no server binaries are in /usr/lib/postgresql (apt-get install postgresql)` };
  const asRoot = userInfo().uid === 0;
  const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));
  const dir = await mkdtemp(join(tmpdir(), 'cs-pg-'));
  if (asRoot) await chown(dir, ...(await ids('postgres')));
  const data = join(dir, 'data');
  const port = await freePort();
  await as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  await as(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  const server = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    createDatabase: () => createDatabase(server),
    async stop() {
      await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function ids(user: string): Promise<[number, number]> {
  const { stdout } = await run('id', ['-u', user]);
  const { stdout: g } = await run('id', ['-g', user]);
  return [Number(stdout.trim()), Number(g.trim())];
}

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `cs_test_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
