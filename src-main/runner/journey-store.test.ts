import { Logger, runMigrations } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { emptyContact } from './journey-jobs';
import { readTickStep, TICK_PRIORITY, writeStep, type JourneyWrite } from './journey-store';
import { migrate } from './schema';
import { tempDir } from './testing/runner-fixtures';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: await tempDir('store') }, 1);
  await migrate(db.pool);
  await runMigrations({ pgPool: db.pool, logger: new Logger(() => () => {}) });
}, 120_000);
afterAll(() => db?.close());

const journey = (over: Partial<JourneyWrite> = {}): JourneyWrite => ({
  id: null,
  flowId: 'f',
  revision: 1,
  upstream: '7',
  status: 'running',
  waiting: ['w'],
  lastNode: 'hello',
  error: null,
  state: null,
  nextDue: 1_900_000_000_000,
  conversations: {},
  outbound: [
    { kind: 'message', nodeId: 'hello', conversation: 'c1', opensConversation: true, followUp: true, channel: 'chat', body: 'Hi', inbox: null },
    { kind: 'assign', nodeId: 'team', conversation: 'c1', team: 'Support', agent: null },
  ],
  ...over,
});

const jobs = async () =>
  (
    await db.pool.query<{ task_identifier: string; payload: Record<string, unknown>; priority: number; queue: string | null; key: string | null }>(
      `select t.identifier as task_identifier, j.payload, j.priority, q.queue_name as queue, j.key from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id left join graphile_worker._private_job_queues q on q.id = j.job_queue_id order by j.id`,
    )
  ).rows;

describe('a journey step written in one statement', () => {
  it('writes the contact, a new journey, its outbox rows with their delivery jobs in the journey’s queue, and its wake-up; a stale version writes nothing', async () => {
    expect(await writeStep(db.pool, { contactId: 'a', version: null, record: emptyContact('a'), inputId: null, journeys: [journey()] })).toBe(true);
    const read = await readTickStep(db.pool, '1');
    expect(read).toMatchObject({ contactId: 'a', version: 1, journeys: [{ id: '1', flowId: 'f', revision: 'r1', status: 'running', upstream: '7' }] });
    const outbox = (await db.pool.query(`select journey_id::text, node_id, status from campaign_studio.outbox order by node_id`)).rows;
    expect(outbox).toEqual([
      { journey_id: '1', node_id: 'hello', status: 'pending' },
      { journey_id: '1', node_id: 'team', status: 'pending' },
    ]);
    expect(await jobs()).toEqual([
      { task_identifier: 'cs_deliver', payload: { journeyId: '1', nodeId: 'hello' }, priority: 0, queue: 'o:1', key: null },
      { task_identifier: 'cs_deliver', payload: { journeyId: '1', nodeId: 'team' }, priority: 0, queue: 'o:1', key: null },
      { task_identifier: 'cs_tick', payload: { journeyId: '1', at: 1_900_000_000_000 }, priority: TICK_PRIORITY, queue: null, key: 'tick:1' },
    ]);

    // Another step read the contact when it was new: its write finds version 1 and does nothing.
    expect(await writeStep(db.pool, { contactId: 'a', version: null, record: emptyContact('a'), inputId: null, journeys: [journey()] })).toBe(false);
    expect(await writeStep(db.pool, { contactId: 'a', version: 0, record: emptyContact('a'), inputId: null, journeys: [journey({ id: '1', status: 'ended', nextDue: null, outbound: [] })] })).toBe(false);
    expect((await db.pool.query(`select count(*)::int n from campaign_studio.journeys`)).rows[0].n).toBe(1);
    expect((await readTickStep(db.pool, '1'))?.journeys[0]?.status).toBe('running');
    expect(await jobs()).toHaveLength(3);
  });

  it('leaves a journey stopped meanwhile as it is, without its sends', async () => {
    await db.pool.query(`update campaign_studio.journeys set status = 'exited' where id = 1`);
    const send = { kind: 'message' as const, nodeId: 'later', conversation: 'c1', opensConversation: false, followUp: true, channel: 'chat', body: 'Bye', inbox: null };
    expect(await writeStep(db.pool, { contactId: 'a', version: 1, record: emptyContact('a'), inputId: null, journeys: [journey({ id: '1', outbound: [send] })] })).toBe(true);
    expect((await db.pool.query(`select status from campaign_studio.journeys where id = 1`)).rows[0].status).toBe('exited');
    expect((await db.pool.query(`select count(*)::int n from campaign_studio.outbox where node_id = 'later'`)).rows[0].n).toBe(0);
    expect((await db.pool.query(`select version::int from campaign_studio.contacts where id = 'a'`)).rows[0].version).toBe(2);
  });
});
