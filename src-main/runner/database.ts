import { mkdir } from 'node:fs/promises';
import pg from 'pg';

/** Where the runner keeps its data: an embedded PGlite directory or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Database {
  kind: DatabaseTarget['kind'];
  /** Every query of the runner and of graphile-worker goes through this pool. */
  pool: pg.Pool;
  /** A connection string for this database (PGlite: its loopback socket). */
  connectionString: string;
  close(): Promise<void>;
}

/**
 * Opens the runner's database. PGlite is single-connection: pglite-socket serialises what it
 * receives, but two connections' transactions must never interleave, so the pool holds at most
 * two clients: graphile-worker's LISTEN connection (idle between notifications) and one that
 * runs every statement and transaction in turn. A PostgreSQL pool is sized for `workers`.
 *
 * Prepared statements work on both (see sharePreparedStatements for PGlite), so graphile-worker
 * and the runner's steps plan their statements once.
 */
export async function openDatabase(target: DatabaseTarget, workers: number, log: (line: string) => void = () => {}): Promise<Database> {
  if (target.kind === 'postgres') {
    // (An `options` parameter in the URL takes precedence over this one.)
    const pool = new pg.Pool({ connectionString: target.url, max: Math.max(4, workers + 3), options: GENERIC_PLANS });
    watch(pool, log);
    await pool.query('select 1');
    return { kind: 'postgres', pool, connectionString: target.url, close: () => pool.end() };
  }
  await mkdir(target.dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(target.dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const connectionString = `postgres://postgres@${server.getServerConn()}/postgres`;
  const pool = new pg.Pool({ connectionString, max: 2 });
  watch(pool, log);
  await sharePreparedStatements(pool);
  // One session behind every connection: set once, it holds for all of them.
  await pool.query('set plan_cache_mode = force_generic_plan');
  return {
    kind: 'pglite',
    pool,
    connectionString,
    async close() {
      await pool.end();
      await server.stop();
      await db.close();
    },
  };
}

/** What node-postgres keeps per connection about the named statements it has prepared. */
interface PgConnectionInternals {
  parsedStatements?: Record<string, string>;
}

/**
 * PGlite is one PostgreSQL session, whatever the number of pglite-socket connections: a
 * statement prepared through one connection exists for all of them. node-postgres remembers
 * per connection which names it has prepared, so a second connection (the pool replaces a
 * client after any failed query) would prepare graphile-worker's `get_job` again and get
 * "prepared statement … already exists" on every job fetch from then on: the worker would stop
 * taking jobs. Giving every connection of the pool the same record of prepared statements
 * matches the one session: a name prepared by any connection is used, not prepared again, by
 * the others. (node-postgres records a name once the server has confirmed it, so another
 * connection never uses a name the session does not have yet.)
 */
async function sharePreparedStatements(pool: pg.Pool): Promise<void> {
  const parsed: Record<string, string> = {};
  const internals = (client: pg.PoolClient) => (client as unknown as { connection?: PgConnectionInternals }).connection;
  pool.on('connect', (client) => {
    const connection = internals(client);
    if (connection && typeof connection.parsedStatements === 'object') connection.parsedStatements = parsed;
  });
  // A node-postgres upgrade that moves this record must fail at start, loudly, not stop the workers later.
  const first = await pool.connect();
  const shared = internals(first)?.parsedStatements === parsed;
  first.release();
  if (!shared) throw new Error('node-postgres no longer keeps connection.parsedStatements: the PGlite pool cannot share prepared statements (see sharePreparedStatements)');
}

/**
 * Every connection plans prepared statements once (`plan_cache_mode = force_generic_plan`, a
 * startup option on PostgreSQL, set once in PGlite's one session). graphile-worker's
 * `add_jobs()`, which every step that schedules a wake-up or a send calls, is PL/pgSQL: its
 * statements are prepared, and PostgreSQL's default (`auto`) kept choosing a custom plan for its
 * job insert and key update, i.e. planning them again on every call (0.17 ms and 0.05 ms,
 * pg_stat_statements, 1 Dec 2026). The runner's own step statements and graphile-worker's job
 * fetch had settled on generic plans anyway. Measured with the runner bench, in turns:
 * PostgreSQL's CPU per step fell from 2.65-2.81 ms to 2.06-2.35 ms, PGlite's (the runner's
 * whole process) from 7.4-7.6 ms to 6.6-6.8 ms. Statements sent without a name (the API's
 * queries) are planned for their values as before.
 */
const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';

/** A dropped connection is logged and replaced by the pool, never an uncaught error. */
function watch(pool: pg.Pool, log: (line: string) => void): void {
  pool.on('error', (e) => log(`database connection error: ${e.message}`));
  pool.on('connect', (client) => client.on('error', (e) => log(`database connection error: ${e.message}`)));
}

/** Runs `fn` in one transaction on one client: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
