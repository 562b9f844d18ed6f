import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { emptyContact } from './journey-jobs';
import { readInputStep, readTickStep, TICK_PRIORITY, writeStep, type JourneyWrite } from './journey-store';
import { migrate } from './schema';
import { migratedPglite } from './testing/runner-fixtures';

let db: Database;
beforeAll(async () => {
  db = await migratedPglite('store');
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
  goalUntil: null,
  endedBefore: false,
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

  it('reads a contact’s ended journeys only while their goal can still convert them, and writes the conversion of one that ended', async () => {
    const ended = (over: Partial<JourneyWrite>) => journey({ status: 'ended', waiting: [], nextDue: null, outbound: [], state: { converted: false } as never, ...over });
    expect(await writeStep(db.pool, { contactId: 'g', version: null, record: emptyContact('g'), inputId: null, journeys: [ended({ goalUntil: 2_000 }), ended({ goalUntil: null }), journey({ outbound: [], nextDue: null, goalUntil: 2_000 })] })).toBe(true);
    const ids = (await db.pool.query<{ id: string; status: string }>(`select id::text, status from campaign_studio.journeys where contact_id = 'g' order by id`)).rows;
    const input = async (at: number, kind = 'event') => {
      const r = await db.pool.query<{ id: string }>(`insert into campaign_studio.inputs (dedupe_key, contact_id, input) values ($1, 'g', $2) returning id::text`, [`k${at}${kind}`, JSON.stringify({ kind, contactId: 'g', at })]);
      return (await readInputStep(db.pool, r.rows[0]!.id))!.journeys.map((j) => [j.id, j.status]);
    };
    // Within the window: the running journey and the ended one with a window; not the one without.
    expect(await input(1_500)).toEqual([
      [ids[0]!.id, 'ended'],
      [ids[2]!.id, 'running'],
    ]);
    expect(await input(2_000)).toHaveLength(2);
    expect(await input(2_001)).toEqual([[ids[2]!.id, 'running']]);
    // A scheduled entry is no action: it cannot convert anything, so it reads no ended journey.
    expect(await input(1_000, 'scheduled')).toEqual([[ids[2]!.id, 'running']]);
    // A wake-up reads running journeys only.
    expect((await readTickStep(db.pool, ids[2]!.id))!.journeys.map((j) => j.id)).toEqual([ids[2]!.id]);

    // The conversion of the ended journey is written, and its window closed; a journey read as
    // ended is never written over a running one.
    const converted = { converted: true } as never;
    expect(await writeStep(db.pool, { contactId: 'g', version: 1, record: emptyContact('g'), inputId: null, journeys: [ended({ id: ids[0]!.id, state: converted, endedBefore: true }), ended({ id: ids[2]!.id, state: converted, endedBefore: true })] })).toBe(true);
    const rows = (await db.pool.query(`select status, state, goal_until from campaign_studio.journeys where contact_id = 'g' order by id`)).rows;
    expect(rows).toEqual([
      { status: 'ended', state: { converted: true }, goal_until: null },
      { status: 'ended', state: { converted: false }, goal_until: null },
      { status: 'running', state: null, goal_until: '2000' },
    ]);
    expect(await input(1_600)).toEqual([[ids[2]!.id, 'running']]);
  });

  it('migrates a data dir from before goal windows and scheduled runs, keeping its journeys', async () => {
    // The schema as it was: no goal_until (nor its index), no schedule_runs.
    await db.pool.query(`drop index campaign_studio.journeys_contact_goal; alter table campaign_studio.journeys drop column goal_until; drop table campaign_studio.schedule_runs`);
    const before = (await db.pool.query(`select id, status, state from campaign_studio.journeys order by id`)).rows;
    await migrate(db.pool);
    await migrate(db.pool);
    expect((await db.pool.query(`select id, status, state from campaign_studio.journeys order by id`)).rows).toEqual(before);
    expect((await db.pool.query(`select count(*)::int n from campaign_studio.journeys where goal_until is not null`)).rows[0].n).toBe(0);
    expect((await db.pool.query(`select count(*)::int n from campaign_studio.schedule_runs`)).rows[0].n).toBe(0);
    expect((await readTickStep(db.pool, '1'))?.contactId).toBe('a');
  });
});
