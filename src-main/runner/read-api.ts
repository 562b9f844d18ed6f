import type pg from 'pg';
import type { JourneyData, TraceStep } from '../../src-shared/engine/types';
import type { PersistedJourney } from '../../src-shared/engine';
import type { FlowDocument } from '../../src-shared/flow';
import { error, type Reply } from './flows-api';
import { notTest } from './live-api';
import { S } from './schema';

/** Per node of one flow revision; see docs/runner.md for what each figure means. */
export interface NodeFigures {
  nodeId: string;
  active: number;
  entered: number;
  completed: Record<string, number>;
  exited: number;
  failed: number;
}

const NOT_HANDLES = new Set(['waiting', 'ended', 'exited']);

const dataOf = (state: unknown): JourneyData | null => ((state as PersistedJourney | null)?.snapshot as unknown as { context?: JourneyData } | undefined)?.context ?? null;

/**
 * Statistics of one revision, computed from the journeys table itself (so they always equal it):
 * active = running journeys waiting at the node; entered = journeys with a step at the node;
 * completed[handle] = journeys that left the node through that handle; exited = journeys that
 * ended or exited there (a global exit counts at the node the journey last acted at); failed =
 * sends or assignments refused at the node, plus journeys whose state could not be restored.
 */
export function figuresOf(doc: FlowDocument, rows: readonly { status: string; state: unknown; error: string | null; last_node: string | null }[], refused: readonly { node_id: string; n: number }[]): NodeFigures[] {
  const by = new Map(doc.nodes.map((n) => [n.id, { nodeId: n.id, active: 0, entered: 0, completed: {} as Record<string, number>, exited: 0, failed: 0 }]));
  for (const r of rows) {
    const d = dataOf(r.state);
    if (r.status === 'failed') {
      const f = by.get(r.last_node ?? '');
      if (f) f.failed++;
    }
    if (!d) continue;
    const seen = new Set<string>();
    let last = '';
    for (const s of d.trace as TraceStep[]) {
      const f = by.get(s.node);
      if (s.outcome === 'ended' || s.outcome === 'exited') {
        const at = by.get(s.node) ?? by.get(last);
        if (at) at.exited++;
        continue;
      }
      if (!f) continue;
      last = s.node;
      if (!seen.has(s.node)) {
        seen.add(s.node);
        f.entered++;
      }
      if (!NOT_HANDLES.has(s.outcome)) f.completed[s.outcome] = (f.completed[s.outcome] ?? 0) + 1;
    }
    if (r.status === 'running') for (const node of Object.keys(d.due)) by.get(node)!.active++;
  }
  for (const x of refused) {
    const f = by.get(x.node_id);
    if (f) f.failed += Number(x.n);
  }
  return [...by.values()];
}

/**
 * The flow's conversion goal in live journeys (null when the flow has none): journeys converted,
 * and per split step and branch the converted journeys that took it, as population runs count them.
 */
export function conversionsOf(doc: FlowDocument, rows: readonly { state: unknown }[]): { converted: number; convertedBy: Record<string, Record<string, number>> } | null {
  if (!doc.campaign.goal) return null;
  const convertedBy: Record<string, Record<string, number>> = Object.fromEntries(doc.nodes.filter((n) => n.type === 'split').map((n) => [n.id, {}]));
  let converted = 0;
  for (const r of rows) {
    const d = dataOf(r.state);
    if (!d || d.converted === null || d.converted === undefined) continue;
    converted++;
    for (const s of d.trace as TraceStep[]) {
      const by = convertedBy[s.node];
      if (by) by[s.outcome] = (by[s.outcome] ?? 0) + 1;
    }
  }
  return { converted, convertedBy };
}

/** Read routes: statistics, journey lists and one journey with its trace. */
export const readApi = {
  async stats(c: pg.ClientBase, flowId: string, revisionParam: string | null): Promise<Reply> {
    const f = (await c.query<{ revision: number; live_revision: number | null }>(`select revision, live_revision from ${S}.flows where id = $1 and not deleted`, [flowId])).rows[0];
    if (!f) return error(404, 'not_found', `No flow "${flowId}".`);
    const rev = revisionParam === null ? (f.live_revision ?? f.revision) : /^r\d+$/.test(revisionParam) ? Number(revisionParam.slice(1)) : NaN;
    if (Number.isNaN(rev)) return error(400, 'bad_revision', `revision must look like r12, not "${revisionParam}".`);
    const doc = (await c.query<{ document: FlowDocument }>(`select document from ${S}.flow_revisions where flow_id = $1 and revision = $2`, [flowId, rev])).rows[0]?.document;
    if (!doc) return error(404, 'not_found', `Flow "${flowId}" has no revision r${rev}.`);
    // Test journeys (POST …/test) are real but kept out of the figures.
    const rows = (await c.query(`select status, state, error, last_node from ${S}.journeys where flow_id = $1 and revision = $2 and ${notTest()}`, [flowId, rev])).rows;
    const refused = (await c.query<{ node_id: string; n: number }>(`select o.node_id, count(*)::int n from ${S}.outbox o join ${S}.journeys j on j.id = o.journey_id where j.flow_id = $1 and j.revision = $2 and o.status = 'failed' and ${notTest('j')} group by o.node_id`, [flowId, rev])).rows;
    const counts = (await c.query<{ status: string; n: number }>(`select status, count(*)::int n from ${S}.journeys where flow_id = $1 and revision = $2 and ${notTest()} group by status`, [flowId, rev])).rows;
    return {
      status: 200,
      body: { flowId, revision: `r${rev}`, generatedAt: new Date().toISOString(), journeys: Object.fromEntries(counts.map((x) => [x.status, x.n])), nodes: figuresOf(doc, rows, refused), conversions: conversionsOf(doc, rows) },
    };
  },

  async journeys(c: pg.ClientBase, flowId: string, q: URLSearchParams): Promise<Reply> {
    const limit = Math.min(Math.max(Number(q.get('limit') ?? 50) || 50, 1), 500);
    const cursor = q.get('cursor');
    if (cursor !== null && !/^\d+$/.test(cursor)) return error(400, 'bad_cursor', 'cursor must be the nextCursor of a previous page.');
    const state = q.get('state');
    if (state !== null && !['running', 'ended', 'exited', 'failed'].includes(state)) return error(400, 'bad_state', 'state must be running, ended, exited or failed.');
    const revision = q.get('revision');
    const r = await c.query(
      `select id, contact_id, revision, status, waiting, last_node, error, created_at, updated_at, not (${notTest()}) as test from ${S}.journeys
       where flow_id = $1 and ($2::bigint is null or id > $2) and ($3::text is null or status = $3)
         and ($4::text is null or $4 = any(waiting) or last_node = $4) and ($5::int is null or revision = $5)
         and ($7::text is null or state->'snapshot'->'context'->'trace' @> jsonb_build_array(jsonb_build_object('node', $7::text)))
       order by id limit $6`,
      // reached: journeys with a step at that node, whatever they did since (what a node's "entered" counts).
      [flowId, cursor, state, q.get('node'), revision && /^r\d+$/.test(revision) ? Number(revision.slice(1)) : null, limit + 1, q.get('reached')],
    );
    const page = r.rows.slice(0, limit).map((j) => ({
      id: String(j.id),
      contactId: j.contact_id,
      revision: `r${j.revision}`,
      status: j.status,
      waitingAt: j.waiting,
      lastNode: j.last_node,
      error: j.error,
      test: j.test,
      startedAt: new Date(j.created_at).toISOString(),
      updatedAt: new Date(j.updated_at).toISOString(),
    }));
    return { status: 200, body: { journeys: page, nextCursor: r.rows.length > limit ? page[page.length - 1]!.id : null } };
  },

  async journey(c: pg.ClientBase, id: string): Promise<Reply> {
    if (!/^\d+$/.test(id)) return error(404, 'not_found', `No journey "${id}".`);
    const j = (await c.query(`select * from ${S}.journeys where id = $1`, [id])).rows[0];
    if (!j) return error(404, 'not_found', `No journey "${id}".`);
    const d = dataOf(j.state);
    const sends = (await c.query(`select node_id, action->>'kind' kind, status, reason, remote_id, attempts from ${S}.outbox where journey_id = $1 order by created_at, node_id`, [id])).rows;
    return {
      status: 200,
      body: {
        id: String(j.id),
        flowId: j.flow_id,
        revision: `r${j.revision}`,
        contactId: j.contact_id,
        status: j.status,
        error: j.error,
        waitingAt: j.waiting,
        upstreamConversation: j.upstream_conversation,
        conversations: j.conversations,
        trace: d?.trace ?? [],
        messages: d?.messages ?? [],
        sends: sends.map((s) => ({ nodeId: s.node_id, kind: s.kind, status: s.status, reason: s.reason, remoteId: s.remote_id, attempts: s.attempts })),
      },
    };
  },
};
