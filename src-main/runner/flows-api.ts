import type pg from 'pg';
import { exportFlowJson, importFlowValue, type FlowDocument, type Problem } from '../../src-shared/flow';
import { moveJourney } from '../../src-shared/engine/journey-move';
import type { PersistedJourney } from '../../src-shared/engine/journey-state';
import { flowContentHash } from '../../src-shared/sync/content-hash';
import { runnerChatwootProblems } from './chatwoot/flow-problems';
import { cancelSchedule, checkSchedule, scheduleFlow } from './schedule-job';
import { S } from './schema';

/** An answer of the API: status, JSON body, extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface FlowRow {
  id: string;
  revision: number;
  status: 'draft' | 'published' | 'paused';
  content_hash: string;
  document: FlowDocument;
  updated_at: Date;
  deleted: boolean;
}

export const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply => ({ status, body: { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) }, ...withoutFields(extra) } });
const withoutFields = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'fields'));

export function flowView(f: FlowRow) {
  const c = f.document.campaign;
  return { id: f.id, name: c.name, kind: c.kind, revision: `r${f.revision}`, status: f.status, contentHash: f.content_hash, updatedAt: new Date(f.updated_at).toISOString(), document: f.document };
}
const summary = (f: FlowRow) => {
  const { document: _d, ...rest } = flowView(f);
  return rest;
};
const ok = (f: FlowRow, status = 200): Reply => ({ status, body: flowView(f), headers: { etag: `"r${f.revision}"` } });
const preconditionFailed = (f: FlowRow, message: string): Reply => error(412, 'precondition_failed', message, { current: flowView(f) });

/** `If-Match: "r3"` (or W/"r3", or r3) → 3; undefined when absent, NaN when unreadable. */
export function ifMatchRevision(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"?r(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : NaN;
}

/** Located reasons the runner will not run `doc`: validation errors and what Chatwoot cannot do. */
export function publishProblems(doc: FlowDocument, now: Date): Problem[] {
  const imported = importFlowValue(JSON.parse(exportFlowJson(doc)), { now });
  const problems = imported.problems.filter((p) => p.severity === 'error');
  problems.push(...runnerChatwootProblems(doc).filter((p) => p.severity === 'error'));
  return problems;
}

/** {@link publishProblems} with a scheduled time checked against the flow's runs (schedule-job). */
const problemsOf = async (c: pg.ClientBase, id: string, doc: FlowDocument, now: Date): Promise<Problem[]> => checkSchedule(c, id, doc, publishProblems(doc, now), now);

const refused = (problems: Problem[]): Reply =>
  error(422, 'cannot_run', `The flow cannot run: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, { fields: problems.map((p) => ({ path: p.path, message: p.message })) });

async function load(c: pg.ClientBase, id: string, lock: boolean): Promise<FlowRow | null> {
  const r = await c.query<FlowRow>(`select id, revision, status, content_hash, document, updated_at, deleted from ${S}.flows where id = $1${lock ? ' for update' : ''}`, [id]);
  return r.rows[0] ?? null;
}

async function write(c: pg.ClientBase, f: FlowRow, status: FlowRow['status'], document: FlowDocument, contentHash: string, live: boolean, created: boolean): Promise<FlowRow> {
  const revision = f.revision + 1;
  await c.query(`insert into ${S}.flow_revisions (flow_id, revision, document) values ($1, $2, $3) on conflict do nothing`, [f.id, revision, JSON.stringify(document)]);
  const r = await c.query<FlowRow>(
    `insert into ${S}.flows (id, revision, status, content_hash, document, updated_at, live_revision, deleted) values ($1, $2, $3, $4, $5, now(), $6, false)
     on conflict (id) do update set revision = $2, status = $3, content_hash = $4, document = $5, updated_at = now(), deleted = false,
       live_revision = case when $7 then $6 else ${S}.flows.live_revision end
     returning id, revision, status, content_hash, document, updated_at, deleted`,
    [f.id, revision, status, contentHash, JSON.stringify(document), live ? revision : null, live || created],
  );
  return r.rows[0]!;
}

/** The flow routes of the delivery API (docs/delivery-api.yaml), each run inside one transaction. */
export const flowsApi = {
  async list(c: pg.ClientBase): Promise<Reply> {
    const r = await c.query<FlowRow>(`select id, revision, status, content_hash, document, updated_at, deleted from ${S}.flows where not deleted order by id`);
    return { status: 200, body: { flows: r.rows.map(summary) } };
  },

  async get(c: pg.ClientBase, id: string): Promise<Reply> {
    const f = await load(c, id, false);
    return f && !f.deleted ? ok(f) : error(404, 'not_found', `No flow "${id}".`);
  },

  async put(c: pg.ClientBase, id: string, body: unknown, h: { ifMatch?: string; ifNoneMatch?: string }, now: Date): Promise<Reply> {
    const b = (body ?? {}) as { document?: unknown; contentHash?: unknown; moveWaiting?: unknown };
    const move = b.moveWaiting;
    if (move !== undefined && (!Array.isArray(move) || move.length > 500 || !move.every((n) => typeof n === 'string' && n.length > 0 && n.length <= 200))) {
      return error(422, 'invalid_move', 'moveWaiting must be a list of up to 500 step ids (the steps whose waiting journeys move to the new version).', { fields: [{ path: 'moveWaiting', message: 'a list of step ids' }] });
    }
    const imported = importFlowValue(b.document, { skipValidation: true });
    if (!imported.ok) return error(422, 'invalid_flow', 'The document is not a valid flow.', { fields: imported.problems.slice(0, 50).map((p) => ({ path: p.path, message: p.message })) });
    const doc = JSON.parse(exportFlowJson(imported.document)) as FlowDocument;
    if (doc.campaign.id !== id) return error(422, 'id_mismatch', `The document's campaign.id is "${doc.campaign.id}"; it must be the flow id in the path, "${id}".`, { fields: [{ path: '$.campaign.id', message: `must be "${id}"` }] });
    if (typeof b.contentHash !== 'string') return error(422, 'invalid_flow', 'contentHash is required (the flow\'s content hash, see docs/delivery-api.yaml).', { fields: [{ path: 'contentHash', message: 'required' }] });
    const hash = flowContentHash(doc);
    if (b.contentHash !== hash) return error(422, 'content_hash_mismatch', `contentHash "${b.contentHash}" does not match the document, whose hash is "${hash}".`, { fields: [{ path: 'contentHash', message: `expected ${hash}` }] });
    const existing = await load(c, id, true);
    const live = existing && !existing.deleted ? existing : null;
    if (h.ifNoneMatch !== undefined) {
      if (h.ifNoneMatch.trim() !== '*') return error(400, 'bad_precondition', 'If-None-Match accepts only "*" (create).');
      if (live) return preconditionFailed(live, `A flow "${id}" already exists (revision r${live.revision}).`);
      const created = await write(c, { ...(existing ?? emptyRow(id)), deleted: false }, 'draft', doc, hash, false, true);
      return ok(created, 201);
    }
    const want = ifMatchRevision(h.ifMatch);
    if (want === undefined) return error(428, 'precondition_required', 'Send If-Match with the revision you edited, or If-None-Match: * to create.');
    if (!live) return error(404, 'not_found', `No flow "${id}".`);
    if (want !== live.revision) return preconditionFailed(live, `The flow is at revision r${live.revision}, not ${h.ifMatch}.`);
    const running = live.status === 'published';
    if (running) {
      const problems = await problemsOf(c, id, doc, now);
      if (problems.length) return refused(problems);
    }
    const moving = (move as string[] | undefined) ?? [];
    if (moving.length && !running) return error(409, 'not_running', `The flow is ${live.status}: waiting journeys move only into a running flow's new version.`);
    const written = await write(c, live, live.status, doc, hash, running, false);
    if (running) await scheduleFlow(c, id, doc);
    if (!moving.length) return ok(written);
    const moved = await moveWaiting(c, written, moving);
    const reply = ok(written);
    return { ...reply, body: { ...(reply.body as object), moved } };
  },

  async remove(c: pg.ClientBase, id: string, ifMatch: string | undefined): Promise<Reply> {
    const f = await load(c, id, true);
    if (!f || f.deleted) return error(404, 'not_found', `No flow "${id}".`);
    const want = ifMatchRevision(ifMatch);
    if (want === undefined) return error(428, 'precondition_required', 'Send If-Match with the revision you mean to delete.');
    if (want !== f.revision) return preconditionFailed(f, `The flow is at revision r${f.revision}, not ${ifMatch}.`);
    await c.query(`update ${S}.flows set deleted = true, live_revision = null, updated_at = now() where id = $1`, [id]);
    await cancelSchedule(c, id);
    await c.query(`update ${S}.journeys set status = 'ended', error = 'The flow was deleted.', waiting = '{}', next_due = null, goal_until = null, updated_at = now() where flow_id = $1 and status = 'running'`, [id]);
    return { status: 204 };
  },

  async setStatus(c: pg.ClientBase, id: string, to: 'published' | 'paused', ifMatch: string | undefined, now: Date): Promise<Reply> {
    const f = await load(c, id, true);
    if (!f || f.deleted) return error(404, 'not_found', `No flow "${id}".`);
    const want = ifMatchRevision(ifMatch);
    if (want === undefined) return error(428, 'precondition_required', `Send If-Match with the revision you mean to ${to === 'published' ? 'publish' : 'pause'}.`);
    if (want !== f.revision) return preconditionFailed(f, `The flow is at revision r${f.revision}, not ${ifMatch}.`);
    if (to === 'published') {
      const problems = await problemsOf(c, id, f.document, now);
      if (problems.length) return refused(problems);
    }
    const written = await write(c, f, to, f.document, f.content_hash, to === 'published', false);
    if (to === 'published') await scheduleFlow(c, id, f.document);
    else await cancelSchedule(c, id);
    return ok(written);
  },
};

/**
 * Moves the flow's running journeys that wait only at `nodes` (on any older revision) to the
 * revision just written, at the same steps, inside the publish's transaction: all of them or,
 * if the publish fails, none. A journey whose state cannot move (a step it waits at changed
 * kind) stays where it is and is counted in `kept` with the first reason.
 */
async function moveWaiting(c: pg.ClientBase, to: FlowRow, nodes: string[]): Promise<{ journeys: number; kept: number; reason?: string }> {
  const rows = await c.query<{ id: string; revision: number; state: PersistedJourney }>(
    `select id, revision, state from ${S}.journeys where flow_id = $1 and status = 'running' and revision < $2 and cardinality(waiting) > 0 and waiting <@ $3::text[] order by id for update`,
    [to.id, to.revision, nodes],
  );
  const docs = new Map<number, FlowDocument | null>();
  const docOf = async (revision: number) => {
    if (!docs.has(revision)) docs.set(revision, (await c.query<{ document: FlowDocument }>(`select document from ${S}.flow_revisions where flow_id = $1 and revision = $2`, [to.id, revision])).rows[0]?.document ?? null);
    return docs.get(revision)!;
  };
  let journeys = 0;
  let kept = 0;
  let reason: string | undefined;
  for (const j of rows.rows) {
    const from = await docOf(j.revision);
    const r = from ? moveJourney(j.state, from, to.document, `r${to.revision}`) : { ok: false as const, error: `Revision r${j.revision} is not stored.` };
    if (!r.ok) {
      kept++;
      reason ??= r.error;
      continue;
    }
    await c.query(`update ${S}.journeys set revision = $2, state = $3, updated_at = now() where id = $1`, [j.id, to.revision, JSON.stringify(r.state)]);
    journeys++;
  }
  return { journeys, kept, ...(reason ? { reason } : {}) };
}

function emptyRow(id: string): FlowRow {
  return { id, revision: 0, status: 'draft', content_hash: '', document: {} as FlowDocument, updated_at: new Date(), deleted: false };
}
