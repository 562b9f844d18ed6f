import type pg from 'pg';
import type { ContactRecord, Outbound, StoredJourney } from './contact-step';
import { S } from './schema';

/**
 * The two statements of a journey step: one read (the input, the contact, its running journeys
 * and the live flows) and one write (contact, input, journeys, outbox rows and every job they
 * cause). There is no open transaction while the engine works: the write is a single statement,
 * so it commits whole or not at all, and it applies only if the contact's version is still the
 * one read (optimistic locking). A step that lost the race reads again and repeats.
 */

type Queryable = pg.Pool | pg.ClientBase;

/**
 * A query as a named prepared statement: planned once per connection (PostgreSQL) or once per
 * session (PGlite, whose connections share one; see sharePreparedStatements in database.ts).
 * On PGlite, planning the step's write anew each time cost more than running it.
 */
export function statement(name: string, text: string, values: unknown[]): pg.QueryConfig {
  return { name, text, values };
}

/** The runner's graphile-worker tasks. */
export const TASK = { input: 'cs_input', tick: 'cs_tick', deliver: 'cs_deliver', schedule: 'cs_schedule' } as const;

/** What a step reads: null when the input or journey is gone or the input was applied already. */
export interface StepRead<I> {
  contactId: string;
  input: I | null;
  /** The contact's version as read (null: the contact is new). */
  version: number | null;
  record: ContactRecord | null;
  journeys: StoredJourney[];
  /** Live flows, each at the revision new journeys enter with. */
  live: { id: string; rev: number }[];
}

interface ReadRow<I> {
  contact_id: string;
  input: I | null;
  processed: boolean;
  version: string | null;
  record: ContactRecord | null;
  journeys: { id: string; flow_id: string; revision: number; status: StoredJourney['status']; error: string | null; upstream: string | null; state: StoredJourney['state'] }[];
  live: { id: string; rev: number }[] | null;
}

// The contact's running journeys, and those that ended but whose conversion goal the input may
// still meet (goal_until at or after the input's time; f.goal_at is null for wake-ups): each
// half of the union reads its own partial index, so old ended journeys cost nothing.
const contactAndJourneys = (from: string, withLive: boolean) => `
  select f.contact_id, f.input, f.processed, c.version::text, c.record,
    coalesce((select json_agg(json_build_object('id', j.id::text, 'flow_id', j.flow_id, 'revision', j.revision, 'status', j.status, 'error', j.error,
        'upstream', j.upstream_conversation, 'state', j.state) order by j.id)
      from (select * from ${S}.journeys r where r.contact_id = f.contact_id and r.status = 'running'
        union all
        select * from ${S}.journeys e where e.contact_id = f.contact_id and e.status <> 'running' and e.goal_until is not null and e.goal_until >= f.goal_at) j), '[]') as journeys,
    ${withLive ? `(select json_agg(json_build_object('id', l.id, 'rev', l.live_revision) order by l.id) from ${S}.flows l where l.status = 'published' and not l.deleted and l.live_revision is not null)` : 'null'} as live
  from (${from}) f left join ${S}.contacts c on c.id = f.contact_id`;

const READ_INPUT = contactAndJourneys(
  `select contact_id, input, processed_at is not null as processed, case when input->>'kind' <> 'scheduled' then (input->>'at')::bigint end as goal_at from ${S}.inputs where id = $1`,
  true,
);
const READ_TICK = contactAndJourneys(`select contact_id, null::jsonb as input, false as processed, null::bigint as goal_at from ${S}.journeys where id = $1`, false);

function toRead<I>(row: ReadRow<I> | undefined): StepRead<I> | null {
  if (!row || row.processed) return null;
  return {
    contactId: row.contact_id,
    input: row.input,
    version: row.version === null ? null : Number(row.version),
    record: row.record,
    journeys: row.journeys.map((j) => ({ id: j.id, flowId: j.flow_id, revision: `r${j.revision}`, state: j.state, status: j.status, error: j.error, upstream: j.upstream })),
    live: row.live ?? [],
  };
}

/** Reads an input's step (one round trip); null if the input is unknown or already applied. */
export async function readInputStep<I>(c: Queryable, inputId: string): Promise<StepRead<I> | null> {
  return toRead((await c.query<ReadRow<I>>(statement('cs_read_input', READ_INPUT, [inputId]))).rows[0]);
}

/** Reads a wake-up's step: the journey's contact and all its running journeys. */
export async function readTickStep(c: Queryable, journeyId: string): Promise<StepRead<never> | null> {
  return toRead((await c.query<ReadRow<never>>(statement('cs_read_tick', READ_TICK, [journeyId]))).rows[0]);
}

/** A journey as the step leaves it; `id` null for one the step started. */
export interface JourneyWrite {
  id: string | null;
  flowId: string;
  revision: number;
  upstream: string | null;
  status: StoredJourney['status'];
  waiting: string[];
  lastNode: string | null;
  error: string | null;
  state: StoredJourney['state'];
  nextDue: number | null;
  conversations: Record<string, string>;
  outbound: Outbound[];
  /** Until when its flow's goal can convert it after it ends (ms), null: no goal, or converted. */
  goalUntil: number | null;
  /** It had ended before the step (read for its goal): written only to record the conversion. */
  endedBefore: boolean;
}

export interface StepWrite {
  contactId: string;
  /** The version read; the write applies only if it is still current. */
  version: number | null;
  record: ContactRecord;
  inputId: string | null;
  journeys: JourneyWrite[];
}

/**
 * Wake-ups go before other ready jobs (graphile-worker runs lower numbers first): a timer that
 * is due is already late, while a bulk of queued inputs can wait its turn.
 */
export const TICK_PRIORITY = -10;

// Each outbox row gets its delivery job in the journey's own named queue (o:<journey>), so a
// journey's sends go out one at a time in the order its steps decided them.
// New journeys get their ids from the sequence first, so their outbox rows and wake-up jobs can
// name them in the same statement. Journeys stopped meanwhile (status no longer running) keep
// their end: neither their row nor their outbox rows are written. A journey that had ended
// before the step is written only to record its conversion (still ended, with its window).
// The journeys updated are also named by $6, the ids the step read, as an array: joined only on
// the recordset's ids, the statement's cached plan (made on a young database) scanned every
// journey row on every step; `j.id = any($6)` fetches those rows by primary key.
const WRITE = `
with c as (
  insert into ${S}.contacts as c (id, record, version) values ($1, $3, 1)
  on conflict (id) do update set record = excluded.record, version = c.version + 1, updated_at = now() where c.version = $2
  returning c.id),
inp as (update ${S}.inputs i set processed_at = now() from c where i.id = $4 and i.processed_at is null returning i.id),
x as (select * from jsonb_to_recordset($5::jsonb) as x(id bigint, flow_id text, revision int, upstream text, status text, waiting text[],
  last_node text, error text, state jsonb, next_due bigint, conversations jsonb, outbound jsonb, goal_until bigint, ended_before boolean, k int)),
fresh as (select nextval(pg_get_serial_sequence('${S}.journeys', 'id')) as id, n.flow_id, n.revision, n.upstream, n.status, n.waiting, n.last_node, n.error, n.state, n.next_due,
  n.conversations, n.outbound, n.goal_until from (select x.* from x, c where x.id is null order by x.k) n),
ins as (insert into ${S}.journeys (id, flow_id, revision, contact_id, upstream_conversation, status, waiting, last_node, error, state, next_due, conversations, goal_until)
  select id, flow_id, revision, $1, upstream, status, waiting, last_node, error, state, next_due, conversations, goal_until from fresh returning id),
upd as (update ${S}.journeys j set status = x.status, waiting = x.waiting, last_node = coalesce(x.last_node, j.last_node), error = x.error, state = x.state,
    next_due = x.next_due, conversations = j.conversations || x.conversations, goal_until = x.goal_until, updated_at = now()
  from x, c where j.id = any($6::bigint[]) and j.id = x.id and (case when x.ended_before then j.status = x.status and j.goal_until is not null else j.status = 'running' end) returning j.id),
written as (select id, next_due, outbound from fresh union all select x.id, x.next_due, x.outbound from x join upd on upd.id = x.id),
ob as (insert into ${S}.outbox (journey_id, node_id, action)
  select w.id, o->>'nodeId', o from written w, jsonb_array_elements(w.outbound) o on conflict do nothing returning journey_id, node_id),
jobs as (
  select graphile_worker.add_job('${TASK.deliver}', json_build_object('journeyId', journey_id::text, 'nodeId', node_id), queue_name => 'o:' || journey_id, max_attempts => 25) from ob
  union all
  select graphile_worker.add_job('${TASK.tick}', json_build_object('journeyId', id::text, 'at', next_due), run_at => to_timestamp(next_due / 1000.0),
    max_attempts => 25, job_key => 'tick:' || id, priority => ${TICK_PRIORITY}) from written where next_due is not null)
select (select count(*) from c)::int as applied, (select count(*) from ins)::int as inserted, (select count(*) from jobs)::int as jobs`;

/** Writes a step in one statement; false if the contact moved on since the read (read again). */
export async function writeStep(c: Queryable, w: StepWrite): Promise<boolean> {
  const journeys = w.journeys.map((j, k) => ({
    k,
    id: j.id,
    flow_id: j.flowId,
    revision: j.revision,
    upstream: j.upstream,
    status: j.status,
    waiting: j.waiting,
    last_node: j.lastNode,
    error: j.error,
    state: j.state,
    next_due: j.nextDue,
    conversations: j.conversations,
    outbound: j.outbound,
    goal_until: j.goalUntil,
    ended_before: j.endedBefore,
  }));
  const ids = w.journeys.flatMap((j) => (j.id === null ? [] : [j.id]));
  const r = await c.query<{ applied: number }>(statement('cs_write_step', WRITE, [w.contactId, w.version, JSON.stringify(w.record), w.inputId, JSON.stringify(journeys), ids]));
  return r.rows[0]!.applied === 1;
}
