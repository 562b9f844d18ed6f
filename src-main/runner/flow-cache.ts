import type pg from 'pg';
import type { FlowDocument } from '../../src-shared/flow';
import type { LiveFlow } from './contact-step';
import { S } from './schema';

type Queryable = pg.Pool | pg.ClientBase;

/**
 * Flow versions by (flow, revision). A stored revision never changes, so each is read from the
 * database once per process; which revision is live is read by every step (it changes on
 * publish, and several processes share the database) and passed to `liveOf`.
 */
export function createFlowCache() {
  const docs = new Map<string, FlowDocument>();
  const key = (flowId: string, revision: number) => `${flowId}\u0000${revision}`;

  async function revision(c: Queryable, flowId: string, rev: number): Promise<FlowDocument | null> {
    const k = key(flowId, rev);
    const hit = docs.get(k);
    if (hit) return hit;
    const r = await c.query<{ document: FlowDocument }>(`select document from ${S}.flow_revisions where flow_id = $1 and revision = $2`, [flowId, rev]);
    const doc = r.rows[0]?.document ?? null;
    if (doc) docs.set(k, doc);
    return doc;
  }

  return {
    revision,
    cached: (flowId: string, rev: number): FlowDocument | null => docs.get(key(flowId, rev)) ?? null,
    /** The flows new journeys enter now, from the live (flow, revision) list a step read. */
    async liveOf(c: Queryable, live: readonly { id: string; rev: number }[]): Promise<LiveFlow[]> {
      const out: LiveFlow[] = [];
      for (const { id, rev } of live) {
        const doc = docs.get(key(id, rev)) ?? (await revision(c, id, rev));
        if (doc) out.push({ flowId: id, revision: `r${rev}`, doc });
      }
      return out;
    },
  };
}

export type FlowCache = ReturnType<typeof createFlowCache>;
