import type pg from 'pg';
import type { FlowDocument } from '../../src-shared/flow';
import type { LiveFlow } from './contact-step';
import { S } from './schema';

/**
 * Flow versions by (flow, revision). A stored revision never changes, so each is read from the
 * database once per process; which revision is live is read on every step (it changes on
 * publish, and several processes share the database).
 */
export function createFlowCache() {
  const docs = new Map<string, FlowDocument>();
  const key = (flowId: string, revision: number) => `${flowId}\u0000${revision}`;

  async function revision(c: pg.ClientBase, flowId: string, rev: number): Promise<FlowDocument | null> {
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
    /** The flows new journeys enter now, each at its live revision. */
    async live(c: pg.ClientBase): Promise<LiveFlow[]> {
      const r = await c.query<{ id: string; live_revision: number }>(`select id, live_revision from ${S}.flows where status = 'published' and not deleted and live_revision is not null order by id`);
      const out: LiveFlow[] = [];
      for (const row of r.rows) {
        const doc = await revision(c, row.id, row.live_revision);
        if (doc) out.push({ flowId: row.id, revision: `r${row.live_revision}`, doc });
      }
      return out;
    },
  };
}

export type FlowCache = ReturnType<typeof createFlowCache>;
