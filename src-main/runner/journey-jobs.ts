import type pg from 'pg';
import { nextDue } from '../../src-shared/engine/journey-changes';
import type { Scalar } from '../../src-shared/flow';
import type { UserAction } from '../../src-shared/engine/types';
import { activate, applyAction, catchUp, createMachineCache, outboundOf, settle, type ActiveJourney, type ContactRecord, type LiveFlow, type StoredJourney } from './contact-step';
import { inTransaction } from './database';
import type { FlowCache } from './flow-cache';
import { S } from './schema';

/** An input as stored: what the API or a Chatwoot webhook said, before it becomes engine actions. */
export type RunnerInput =
  | { kind: 'event'; contactId: string; name: string; properties: Record<string, Scalar>; at: number; conversationId?: string | null }
  | { kind: 'message'; contactId: string; text: string; at: number; conversationId?: string | null }
  | { kind: 'attributes'; contactId: string; attributes: Record<string, Scalar | null>; at: number }
  | { kind: 'tags'; contactId: string; tags: string[]; at: number };

export const TASK = { input: 'cs_input', tick: 'cs_tick', deliver: 'cs_deliver' } as const;

/** Graphile-worker's own SQL function: a job added inside our transaction commits with it. */
export async function addJob(c: pg.ClientBase, task: string, payload: unknown, o: { queue?: string; runAt?: number; key?: string; maxAttempts?: number } = {}): Promise<void> {
  await c.query('select graphile_worker.add_job($1, $2::json, queue_name => $3, run_at => $4, max_attempts => $5, job_key => $6)', [
    task,
    JSON.stringify(payload),
    o.queue ?? null,
    o.runAt === undefined ? null : new Date(o.runAt).toISOString(),
    o.maxAttempts ?? 25,
    o.key ?? null,
  ]);
}

/** The engine actions an input stands for, given the contact's record (tags replace the set). */
export function actionsOf(input: RunnerInput, contact: ContactRecord): UserAction[] {
  const at = input.at;
  switch (input.kind) {
    case 'event':
      return [{ type: 'event', at, name: input.name, properties: input.properties }];
    case 'message':
      return [{ type: 'message', at, text: input.text }];
    case 'attributes':
      return Object.entries(input.attributes).map(([name, value]) => ({ type: 'attribute', at, name, value }));
    case 'tags': {
      const now = contact.profile.tags;
      return [
        ...now.filter((t) => !input.tags.includes(t)).map((tag) => ({ type: 'tag' as const, at, tag, present: false })),
        ...input.tags.filter((t) => !now.includes(t)).map((tag) => ({ type: 'tag' as const, at, tag, present: true })),
      ];
    }
  }
}

interface JourneyRow {
  id: string;
  flow_id: string;
  revision: number;
  status: StoredJourney['status'];
  error: string | null;
  upstream_conversation: string | null;
  state: StoredJourney['state'];
}

/**
 * The journey steps of the runner: each job is ONE transaction that locks the contact, restores
 * its running journeys, applies the input (or the due timers), and writes the new states, the
 * outbox rows with their delivery jobs and the next wake-up job. A job repeated after a crash
 * finds its input already applied (or its timer no longer due) and does nothing.
 */
export function createJourneyJobs(pool: pg.Pool, flows: FlowCache) {
  const machines = createMachineCache();

  async function loadContact(c: pg.ClientBase, contactId: string): Promise<ContactRecord> {
    // One round trip that creates the contact if new and locks its row either way (an upsert's
    // update takes the row lock): every step of one contact runs after the previous one.
    const r = await c.query<{ record: ContactRecord }>(`insert into ${S}.contacts (id, record) values ($1, $2) on conflict (id) do update set id = excluded.id returning record`, [
      contactId,
      JSON.stringify(emptyContact(contactId)),
    ]);
    return r.rows[0]!.record;
  }

  async function loadJourneys(c: pg.ClientBase, contactId: string): Promise<ActiveJourney[]> {
    const r = await c.query<JourneyRow>(`select id, flow_id, revision, status, error, upstream_conversation, state from ${S}.journeys where contact_id = $1 and status = 'running' order by id`, [contactId]);
    const out: ActiveJourney[] = [];
    for (const row of r.rows) {
      const stored: StoredJourney = { id: String(row.id), flowId: row.flow_id, revision: `r${row.revision}`, state: row.state, status: row.status, error: row.error, upstream: row.upstream_conversation };
      await flows.revision(c, row.flow_id, row.revision);
      out.push(activate(stored, (f, rev) => flows.cached(f, Number(rev.slice(1))), machines));
    }
    return out;
  }

  async function save(c: pg.ClientBase, contactId: string, journeys: ActiveJourney[]): Promise<number> {
    let steps = 0;
    for (const j of journeys) {
      if (!j.changed) continue;
      steps++;
      const s = settle(j);
      const d = j.stepper?.data;
      const waiting = d ? Object.keys(d.due) : [];
      const lastNode = d ? ([...d.trace].reverse().find((t) => t.node !== '')?.node ?? null) : null;
      const due = d && s.status === 'running' ? nextDue(d) : null;
      const out = outboundOf(j);
      const conversations: Record<string, string> = {};
      if (s.upstream) for (const o of out) if (o.kind === 'message' && o.opensConversation && o.followUp) conversations[o.conversation] = s.upstream;
      let id = s.id;
      const cols = [s.status, waiting, lastNode, s.error, JSON.stringify(s.state), due, JSON.stringify(conversations)];
      // The journey row and its next wake-up job in one statement (one round trip fewer per step).
      if (id === null) {
        const r = await c.query<{ id: string }>(
          `with j as (insert into ${S}.journeys (flow_id, revision, contact_id, upstream_conversation, status, waiting, last_node, error, state, next_due, conversations)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id)${tickOf('$10')}`,
          [s.flowId, Number(s.revision.slice(1)), contactId, s.upstream, ...cols],
        );
        id = String(r.rows[0]!.id);
      } else {
        await c.query(
          `with j as (update ${S}.journeys set status = $2, waiting = $3, last_node = coalesce($4, last_node), error = $5, state = $6, next_due = $7,
             conversations = conversations || $8::jsonb, updated_at = now() where id = $1 returning id)${tickOf('$7')}`,
          [id, ...cols],
        );
      }
      for (const o of out) {
        const r = await c.query(`insert into ${S}.outbox (journey_id, node_id, action) values ($1, $2, $3) on conflict do nothing`, [id, o.nodeId, JSON.stringify(o)]);
        if (r.rowCount) await addJob(c, TASK.deliver, { journeyId: id, nodeId: o.nodeId }, { queue: `o:${id}` });
      }
    }
    return steps;
  }

  return {
    /** Applies a stored input to its contact; returns the number of journeys stepped. */
    async applyInput(inputId: string): Promise<number> {
      return inTransaction(pool, async (c) => {
        // The input row's lock makes a second run of this job (after a crash) wait, then see it applied.
        const r = await c.query<{ contact_id: string; input: RunnerInput; processed_at: Date | null }>(`select contact_id, input, processed_at from ${S}.inputs where id = $1 for update`, [inputId]);
        const row = r.rows[0];
        if (!row || row.processed_at) return 0;
        const contact = await loadContact(c, row.contact_id);
        const journeys = await loadJourneys(c, row.contact_id);
        const live: LiveFlow[] = await flows.live(c);
        const upstream = row.input.kind === 'event' || row.input.kind === 'message' ? (row.input.conversationId ?? null) : null;
        for (const a of actionsOf(row.input, contact)) {
          catchUp(journeys, a.at);
          applyAction(contact, journeys, live, a, machines, upstream);
        }
        const steps = await save(c, row.contact_id, journeys);
        await c.query(`with applied as (update ${S}.inputs set processed_at = now() where id = $3) update ${S}.contacts set record = $2, updated_at = now() where id = $1`, [row.contact_id, JSON.stringify(contact), inputId]);
        return steps;
      });
    },

    /** Fires the contact's timers due by `at` (a wake-up job); a stale wake-up does nothing. */
    async tick(journeyId: string, at: number): Promise<number> {
      return inTransaction(pool, async (c) => {
        const r = await c.query<{ contact_id: string }>(`select contact_id from ${S}.journeys where id = $1`, [journeyId]);
        const contactId = r.rows[0]?.contact_id;
        if (contactId === undefined) return 0;
        await loadContact(c, contactId);
        const journeys = await loadJourneys(c, contactId);
        catchUp(journeys, at);
        return save(c, contactId, journeys);
      });
    },
  };
}

/**
 * The rest of a `with j as (… returning id)` statement: adds journey j's wake-up job when `due`
 * (a parameter, ms) is not null, replacing its earlier one (job key `tick:<id>`). The job CTE is
 * referenced by the final select, so PostgreSQL evaluates it.
 */
function tickOf(due: string): string {
  return `, t as (select graphile_worker.add_job('${TASK.tick}', json_build_object('journeyId', j.id::text, 'at', ${due}::bigint), run_at => to_timestamp(${due}::bigint / 1000.0),
      max_attempts => 25, job_key => 'tick:' || j.id) from j where ${due}::bigint is not null)
    select j.id, (select count(*) from t) as ticks from j`;
}

export function emptyContact(id: string): ContactRecord {
  return { profile: { id, attributes: {}, tags: [], segments: [], timezone: 'UTC' }, events: [], entries: {} };
}
