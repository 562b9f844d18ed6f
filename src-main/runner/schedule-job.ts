import type pg from 'pg';
import { scheduledAt } from '../../src-shared/engine/entry';
import type { FlowDocument, Problem } from '../../src-shared/flow';
import { inTransaction } from './database';
import { TASK } from './journey-store';
import { S } from './schema';

/**
 * Scheduled flows. Publishing one queues a single graphile-worker job at the scheduled instant,
 * keyed per flow (`schedule:<flow>`), so a new revision moves it and a pause or delete removes
 * it. The job enters the contacts the runner knows one page at a time: each page, in its own
 * short transaction, stores one input per contact (de-duplicated by flow, instant and contact),
 * their input jobs, the page's cursor and the job of the next page. Each input then goes through
 * the contact's step like an event, where the shared engine decides entry (audience, entry
 * frequency) at the scheduled instant. A page run twice (a crash after its commit, a second
 * process) finds its inputs stored and its cursor moved: nobody enters twice.
 */

/** Contacts per page: one page is one short transaction, never the whole list at once. */
export const SCHEDULE_PAGE = 1000;

/** The job key of a flow's scheduled run: one job per flow at a time. */
export const scheduleKey = (flowId: string) => `schedule:${flowId}`;

/** What a scheduled run job carries: the flow and the instant (ms) it fires at. */
export interface SchedulePayload {
  flowId: string;
  at: number;
}

/** Whether the flow's run at `at` has started (its first page committed). */
async function started(c: pg.ClientBase, flowId: string, at: number): Promise<{ done: boolean } | null> {
  const r = await c.query<{ done: boolean }>(`select done_at is not null as done from ${S}.schedule_runs where flow_id = $1 and at = $2`, [flowId, at]);
  return r.rows[0] ?? null;
}

/**
 * Whether the flow's job for `at` is queued (its time has come, and no worker took it yet).
 * The payload is only in graphile-worker's private table (its `jobs` view leaves it out).
 */
async function queued(c: pg.ClientBase, flowId: string, at: number): Promise<boolean> {
  const r = await c.query(`select 1 from graphile_worker._private_jobs where key = $1 and (payload->>'at')::bigint = $2`, [scheduleKey(flowId), at]);
  return (r.rowCount ?? 0) > 0;
}

/**
 * The publish problems of `doc` with its schedule checked against the runner's runs: a time in
 * the past is refused (located at `$.campaign.trigger.at`, naming the time) unless the flow's
 * run at that time has started or its job is queued (waiting for a worker): then a republish
 * (text edited, paused and resumed) lets it go on and nobody enters again. Validation already
 * refuses a past time for most campaigns (not for one marked completed), in which case its
 * problem is the one kept.
 */
export async function checkSchedule(c: pg.ClientBase, flowId: string, doc: FlowDocument, problems: Problem[], now: Date): Promise<Problem[]> {
  const at = scheduledAt(doc.campaign);
  const t = doc.campaign.trigger;
  if (at === null || t.type !== 'scheduled' || at > now.getTime()) return problems;
  if ((await started(c, flowId, at)) || (await queued(c, flowId, at))) return problems.filter((p) => p.code !== 'schedule.in-past');
  if (problems.some((p) => p.code === 'schedule.in-past')) return problems;
  const tz = t.timezone ?? doc.campaign.timezone;
  return [...problems, { severity: 'error', code: 'runner.schedule-past', message: `${t.at.replace('T', ' ')} (${tz}) is in the past: a scheduled flow starts at its time, so choose a later one.`, path: '$.campaign.trigger.at' }];
}

/**
 * Called in the transaction that makes `doc` the flow's live version: queues (or moves) its
 * scheduled run's job, or removes it when the trigger is not scheduled any more. A run already
 * started at that time goes on from its cursor; one already done queues nothing.
 */
export async function scheduleFlow(c: pg.ClientBase, flowId: string, doc: FlowDocument): Promise<void> {
  const at = scheduledAt(doc.campaign);
  if (at === null) return cancelSchedule(c, flowId);
  const run = await started(c, flowId, at);
  if (run?.done) return cancelSchedule(c, flowId);
  const payload: SchedulePayload = { flowId, at };
  await c.query(`select graphile_worker.add_job($1, $2::json, run_at => $3, job_key => $4, job_key_mode => 'replace', max_attempts => 25)`, [TASK.schedule, JSON.stringify(payload), new Date(at).toISOString(), scheduleKey(flowId)]);
}

/** Removes the flow's scheduled job (pause, delete); a page running now queues no next one. */
export async function cancelSchedule(c: pg.ClientBase, flowId: string): Promise<void> {
  await c.query(`select graphile_worker.remove_job($1)`, [scheduleKey(flowId)]);
}

// One page: the next contacts after the cursor, one input each (its dedupe key names the flow,
// the instant and the contact). A contact whose input is stored already (the page run again)
// gets none.
const PAGE = `
with page as (select id from ${S}.contacts where id > $3 order by id limit $4),
ins as (insert into ${S}.inputs (dedupe_key, contact_id, input)
  select 'schedule:' || $1 || ':' || $2 || ':' || p.id, p.id,
    jsonb_build_object('kind', 'scheduled', 'contactId', p.id, 'flowId', $1::text, 'revision', $5::int, 'at', $2::bigint) from page p
  on conflict (dedupe_key) do nothing returning id)
select (select max(id) from page) as last, (select count(*) from page)::int as n, coalesce((select array_agg(id::text order by id) from ins), '{}') as inputs`;

// The page's input jobs in one call of graphile-worker's add_jobs (add_job once per row costs
// PGlite several seconds per thousand).
const JOBS = `select count(*)::int as n from graphile_worker.add_jobs(array(
  select row('${TASK.input}', json_build_object('inputId', i), null, null, null, null, null, null)::graphile_worker.job_spec from unnest($1::text[]) with ordinality u(i, k) order by k))`;

/** What one page did: contacts read, inputs queued, whether the run is over (or stopped). */
export interface PageResult {
  contacts: number;
  queued: number;
  done: boolean;
}

/** The scheduled-run job: one page per run of the job, the next page queued with it. */
export function createScheduleJob(pool: pg.Pool, pageSize = SCHEDULE_PAGE) {
  return {
    async runPage(p: SchedulePayload): Promise<PageResult> {
      return inTransaction(pool, async (c) => {
        const stopped = { contacts: 0, queued: 0, done: true };
        const f = (await c.query<{ rev: number | null; document: FlowDocument | null }>(
          `select f.live_revision as rev, r.document from ${S}.flows f left join ${S}.flow_revisions r on r.flow_id = f.id and r.revision = f.live_revision
           where f.id = $1 and f.status = 'published' and not f.deleted for share of f`,
          [p.flowId],
        )).rows[0];
        // The share lock holds a publish or pause of the flow (which lock it for update) until this
        // page commits, so the next page's job never replaces the job a new time has just queued.
        // Paused, deleted, or published since with another time (that revision queued its own job).
        if (!f?.document || f.rev === null || scheduledAt(f.document.campaign) !== p.at) return stopped;
        // The revision live at the first page is the run's: every contact enters with it.
        await c.query(`insert into ${S}.schedule_runs (flow_id, at, revision) values ($1, $2, $3) on conflict do nothing`, [p.flowId, p.at, f.rev]);
        const run = (await c.query<{ revision: number; cursor: string; done: boolean }>(`select revision, cursor, done_at is not null as done from ${S}.schedule_runs where flow_id = $1 and at = $2 for update`, [p.flowId, p.at])).rows[0]!;
        if (run.done) return stopped;
        const page = (await c.query<{ last: string | null; n: number; inputs: string[] }>(PAGE, [p.flowId, p.at, run.cursor, pageSize, run.revision])).rows[0]!;
        const queued = page.inputs.length ? (await c.query<{ n: number }>(JOBS, [page.inputs])).rows[0]!.n : 0;
        const done = page.n < pageSize;
        await c.query(`update ${S}.schedule_runs set cursor = coalesce($3, cursor), queued = queued + $4, pages = pages + 1, done_at = case when $5 then now() end where flow_id = $1 and at = $2`, [p.flowId, p.at, page.last, queued, done]);
        // The next page, under the flow's key: a pause or a new time removes or replaces it.
        if (!done) await c.query(`select graphile_worker.add_job($1, $2::json, job_key => $3, job_key_mode => 'replace', max_attempts => 25)`, [TASK.schedule, JSON.stringify(p), scheduleKey(p.flowId)]);
        return { contacts: page.n, queued, done };
      });
    },
  };
}
