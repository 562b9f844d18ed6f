import type pg from 'pg';
import { addDuration } from '../../src-shared/engine/calendar';
import { nextDue } from '../../src-shared/engine/journey-changes';
import type { Scalar } from '../../src-shared/flow';
import type { UserAction } from '../../src-shared/engine/types';
import { activate, applyAction, applyScheduled, catchUp, outboundOf, settle, type ActiveJourney, type ContactRecord, type LiveFlow } from './contact-step';
import type { FlowCache } from './flow-cache';
import { readInputStep, readTickStep, writeStep, type JourneyWrite, type StepRead } from './journey-store';

/** An input as stored: what the API or a Chatwoot webhook said, before it becomes engine actions. */
export type RunnerInput =
  | { kind: 'event'; contactId: string; name: string; properties: Record<string, Scalar>; at: number; conversationId?: string | null }
  | { kind: 'message'; contactId: string; text: string; at: number; conversationId?: string | null }
  | { kind: 'attributes'; contactId: string; attributes: Record<string, Scalar | null>; at: number }
  | { kind: 'tags'; contactId: string; tags: string[]; at: number }
  /** A scheduled flow's time came: the contact enters `revision` at `at` if its audience and entry frequency allow. */
  | { kind: 'scheduled'; contactId: string; flowId: string; revision: number; at: number };

export { TASK } from './journey-store';

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
    case 'scheduled':
      return [];
  }
}

/** How often a step whose contact moved on meanwhile is read and applied again before the job is retried. */
const RACE_ATTEMPTS = 20;

/**
 * The journey steps of the runner. Each step is one read and one write statement (journey-store):
 * the write carries the new contact record, the input's applied mark, the journeys' states, the
 * outbox rows with their delivery jobs and the next wake-ups, and commits only if the contact is
 * still as read. A job repeated after a crash finds its input applied (or its timer no longer
 * due) and does nothing.
 */
export function createJourneyJobs(pool: pg.Pool, flows: FlowCache) {
  async function activateAll(read: StepRead<unknown>): Promise<ActiveJourney[]> {
    const out: ActiveJourney[] = [];
    for (const stored of read.journeys) {
      const rev = Number(stored.revision.slice(1));
      if (!flows.cached(stored.flowId, rev)) await flows.revision(pool, stored.flowId, rev);
      out.push(activate(stored, (f, r) => flows.cached(f, Number(r.slice(1)))));
    }
    return out;
  }

  function toWrite(j: ActiveJourney): JourneyWrite {
    const s = settle(j);
    const d = j.stepper?.data;
    const out = outboundOf(j);
    const conversations: Record<string, string> = {};
    if (s.upstream) for (const o of out) if (o.kind === 'message' && o.opensConversation && o.followUp) conversations[o.conversation] = s.upstream;
    return {
      id: s.id,
      flowId: s.flowId,
      revision: Number(s.revision.slice(1)),
      upstream: s.upstream,
      status: s.status,
      waiting: d ? Object.keys(d.due) : [],
      lastNode: d ? lastNodeOf(d.trace) : null,
      error: s.error,
      state: s.state,
      nextDue: d && s.status === 'running' ? nextDue(d) : null,
      conversations,
      outbound: out,
      goalUntil: goalUntilOf(j, s.status),
      endedBefore: j.endedBefore,
    };
  }

  /** Reads, steps and writes until the write finds the contact as read; the number of journeys stepped. */
  async function step<I>(read: () => Promise<StepRead<I> | null>, apply: (r: StepRead<I>, contact: ContactRecord, journeys: ActiveJourney[]) => Promise<void>, inputId: string | null): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const r = await read();
      if (!r) return 0;
      const contact = r.record ?? emptyContact(r.contactId);
      const journeys = await activateAll(r);
      await apply(r, contact, journeys);
      const changed = journeys.filter((j) => j.changed);
      // A wake-up that changes nothing (stale, or its timer moved) writes nothing.
      if (inputId === null && !changed.length) return 0;
      if (await writeStep(pool, { contactId: r.contactId, version: r.version, record: contact, inputId, journeys: changed.map(toWrite) })) return changed.length;
      if (attempt >= RACE_ATTEMPTS) throw new Error(`contact ${r.contactId} changed under ${attempt} attempts of this step in a row; the job will be retried`);
    }
  }

  /**
   * A scheduled flow's entry (`applyScheduled`) with the revision of its run. Nobody enters a
   * flow paused or deleted since the run queued the input.
   */
  async function enterScheduled(r: StepRead<RunnerInput>, contact: ContactRecord, journeys: ActiveJourney[], input: Extract<RunnerInput, { kind: 'scheduled' }>): Promise<void> {
    if (!r.live.some((l) => l.id === input.flowId)) return;
    const doc = await flows.revision(pool, input.flowId, input.revision);
    if (doc) applyScheduled(contact, journeys, { flowId: input.flowId, revision: `r${input.revision}`, doc }, input.at);
  }

  return {
    /** Applies a stored input to its contact; returns the number of journeys stepped. */
    applyInput: (inputId: string): Promise<number> =>
      step(
        () => readInputStep<RunnerInput>(pool, inputId),
        async (r, contact, journeys) => {
          const input = r.input!;
          if (input.kind === 'scheduled') return enterScheduled(r, contact, journeys, input);
          const live: LiveFlow[] = await flows.liveOf(pool, r.live);
          const upstream = input.kind === 'event' || input.kind === 'message' ? (input.conversationId ?? null) : null;
          for (const a of actionsOf(input, contact)) {
            catchUp(journeys, a.at);
            applyAction(contact, journeys, live, a, upstream);
          }
        },
        inputId,
      ),

    /** Fires the contact's timers due by `at` (a wake-up job); a stale wake-up does nothing. */
    tick: (journeyId: string, at: number): Promise<number> =>
      step(
        () => readTickStep(pool, journeyId),
        async (_r, _contact, journeys) => catchUp(journeys, at),
        null,
      ),
  };
}

/** Until when the journey can still convert after it ends (its flow's goal window from entry), or null. */
function goalUntilOf(j: ActiveJourney, status: string): number | null {
  const d = j.stepper?.data;
  const c = j.doc?.campaign;
  if (!d || !c?.goal || d.converted !== null || status === 'failed') return null;
  return addDuration(d.trace.length ? d.trace[0]!.t : d.time, c.goal.within, c.timezone);
}

/** The last node the journey stepped at (the trace's final entry with a node). */
function lastNodeOf(trace: readonly { node: string }[]): string | null {
  for (let i = trace.length - 1; i >= 0; i--) if (trace[i]!.node !== '') return trace[i]!.node;
  return null;
}

export function emptyContact(id: string): ContactRecord {
  return { profile: { id, attributes: {}, tags: [], segments: [], timezone: 'UTC' }, events: [], entries: {} };
}
