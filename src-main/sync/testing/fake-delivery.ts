import { FlowDocument } from '../../../src-shared/flow/document';
import { startFakeHttp, type JsonReply, type RecordedRequest } from './fake-http';

export interface StoredFlow {
  id: string;
  revision: string;
  status: 'draft' | 'published' | 'paused';
  contentHash: string;
  document: Record<string, unknown>;
  updatedAt: string;
  stats?: { nodeId: string; active: number; entered: number; exited: number; failed: number }[];
}

/**
 * A delivery API server following docs/delivery-api.yaml: bearer tokens, revisions with
 * If-Match / If-None-Match preconditions, 409 with the current version, 422 with located
 * fields, publish / pause, per-node statistics. Faults as for every fake (see fake-http.ts).
 */
export async function startFakeDelivery(init: { token?: string } = {}) {
  const token = init.token ?? 'delivery-token';
  const flows = new Map<string, StoredFlow>();
  let counter = 0;
  let clock = Date.parse('2030-01-01T00:00:00Z');
  const bump = (f: StoredFlow) => Object.assign(f, { revision: `r${++counter}`, updatedAt: new Date((clock += 1000)).toISOString() });
  const json = (status: number, body?: unknown, headers?: Record<string, string>): JsonReply => ({ status, body, ...(headers ? { headers } : {}) });
  const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) => json(status, { error: { code, message }, ...extra });
  const view = (f: StoredFlow) => ({ id: f.id, name: String((f.document.campaign as { name?: unknown })?.name ?? ''), kind: (f.document.campaign as { kind?: string })?.kind ?? 'workflow', revision: f.revision, status: f.status, contentHash: f.contentHash, updatedAt: f.updatedAt });
  const full = (f: StoredFlow) => ({ ...view(f), document: f.document });
  const ok = (f: StoredFlow, status = 200) => json(status, full(f), { etag: `"${f.revision}"` });
  const ifMatch = (req: RecordedRequest) => {
    const h = req.headers['if-match'];
    return typeof h === 'string' ? h.replace(/^W\//, '').replace(/"/g, '') : undefined;
  };

  /** Answers of writes by Idempotency-Key: a retried write gets the first answer again (the contract's replay). */
  const replays = new Map<string, JsonReply>();
  function route(req: RecordedRequest): JsonReply {
    if (req.headers.authorization !== `Bearer ${token}`) return error(401, 'unauthorized', 'Missing or invalid bearer token.');
    const key = req.method !== 'GET' && typeof req.headers['idempotency-key'] === 'string' ? `${req.method} ${req.path} ${req.headers['idempotency-key']}` : undefined;
    const replay = key ? replays.get(key) : undefined;
    if (replay) return { ...replay, headers: { ...replay.headers, 'idempotent-replayed': 'true' } };
    const reply = answer(req);
    if (key && reply.status < 500) replays.set(key, reply);
    return reply;
  }

  function answer(req: RecordedRequest): JsonReply {
    const url = new URL(req.path, 'http://x');
    if (url.pathname === '/v1/flows' && req.method === 'GET') return json(200, { flows: [...flows.values()].map(view) });
    const m = /^\/v1\/flows\/([^/]+)(?:\/(publish|pause|stats))?$/.exec(url.pathname);
    if (!m) return error(404, 'not_found', 'No such endpoint.');
    const id = decodeURIComponent(m[1]!);
    const flow = flows.get(id);
    const action = m[2];
    if (!action && req.method === 'GET') return flow ? ok(flow) : error(404, 'not_found', `No flow "${id}".`);
    if (!action && req.method === 'PUT') {
      const body = req.body as { document?: unknown; contentHash?: unknown } | undefined;
      const parsed = FlowDocument.safeParse(body?.document);
      if (!parsed.success) {
        const fields = parsed.error.issues.slice(0, 20).map((i) => ({ path: `$.${i.path.join('.')}`, message: i.message }));
        return error(422, 'invalid_flow', 'The document is not a valid flow.', { error: { code: 'invalid_flow', message: 'The document is not a valid flow.', fields } });
      }
      if (parsed.data.campaign.id !== id) return error(422, 'id_mismatch', `The document's campaign.id must be "${id}".`);
      if (typeof body?.contentHash !== 'string') return error(422, 'invalid_flow', 'contentHash is required.');
      const match = ifMatch(req);
      if (req.headers['if-none-match'] === '*') {
        if (flow) return error(409, 'already_exists', `A flow "${id}" already exists.`, { current: full(flow) });
        const created = bump({ id, revision: '', status: 'draft', contentHash: body.contentHash, document: body.document as Record<string, unknown>, updatedAt: '' });
        flows.set(id, created);
        return ok(created, 201);
      }
      if (match === undefined) return error(428, 'precondition_required', 'Send If-Match with the revision you edited, or If-None-Match: * to create.');
      if (!flow) return error(404, 'not_found', `No flow "${id}".`);
      if (flow.revision !== match) return error(409, 'revision_conflict', `The flow is at revision ${flow.revision}, not ${match}.`, { current: full(flow) });
      Object.assign(flow, { document: body.document, contentHash: body.contentHash });
      return ok(bump(flow));
    }
    if (!action && req.method === 'DELETE') {
      if (!flow) return error(404, 'not_found', `No flow "${id}".`);
      const match = ifMatch(req);
      if (match !== undefined && match !== flow.revision) return error(409, 'revision_conflict', `The flow is at revision ${flow.revision}.`, { current: full(flow) });
      flows.delete(id);
      return json(204);
    }
    if (!flow) return error(404, 'not_found', `No flow "${id}".`);
    if (action === 'stats' && req.method === 'GET') {
      const nodes = (flow.document.nodes as { id: string }[]).map((n) => flow.stats?.find((s) => s.nodeId === n.id) ?? { nodeId: n.id, active: 0, entered: 0, exited: 0, failed: 0 });
      return json(200, { flowId: id, revision: flow.revision, generatedAt: new Date(clock).toISOString(), nodes });
    }
    if ((action === 'publish' || action === 'pause') && req.method === 'POST') {
      const match = ifMatch(req);
      if (match !== undefined && match !== flow.revision) return error(409, 'revision_conflict', `The flow is at revision ${flow.revision}.`, { current: full(flow) });
      flow.status = action === 'publish' ? 'published' : 'paused';
      return ok(bump(flow));
    }
    return error(404, 'not_found', 'No such endpoint.');
  }

  const server = await startFakeHttp(route);
  return {
    ...server,
    token,
    flows,
    /** Someone else changes the flow on the server. */
    editRemotely(id: string, change: (doc: Record<string, unknown>) => void) {
      const f = flows.get(id);
      if (!f) throw new Error(`no flow ${id}`);
      change(f.document);
      f.contentHash = `edited-${counter}`;
      bump(f);
    },
  };
}

export type FakeDelivery = Awaited<ReturnType<typeof startFakeDelivery>>;
