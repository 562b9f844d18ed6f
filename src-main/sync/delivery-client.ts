import * as z from 'zod';
import type { DeliveryBackend } from '../../src-shared/sync/backend-config';
import type { PlannedRequest } from '../../src-shared/sync/chatwoot/paths';
import { ConflictBody, DeliveryErrorBody, deliveryPaths, FlowListResponse, FlowStats, PutFlowAnswer, RemoteFlow, type PutFlowBody } from '../../src-shared/sync/delivery/types';
import { syncError, type SyncError } from '../../src-shared/sync/sync-error';
import { hostOf, jsonOf, requestJson, type ApiResult, type JsonApi } from './api-result';
import type { HttpResponse, HttpTransport } from './http-transport';

export interface DeliveryClientOptions {
  connection: DeliveryBackend;
  token: () => Promise<string | undefined>;
  transport: HttpTransport;
  timeoutMs?: number;
  onRequest?: (request: PlannedRequest) => void;
}

export type DeliveryFailure = Extract<ApiResult<never>, { ok: false }> & { current?: RemoteFlow };
export type DeliveryResult<T> = Extract<ApiResult<T>, { ok: true }> | DeliveryFailure;

/** `If-Match` takes the revision quoted, as an entity tag. */
export const etag = (revision: string) => `"${revision.replace(/"/g, '')}"`;

/** A client of the Campaign Studio delivery API (docs/delivery-api.yaml). */
export function createDeliveryClient(opts: DeliveryClientOptions) {
  const host = hostOf(opts.connection.baseUrl);
  const timeoutMs = opts.timeoutMs ?? 15_000;

  const api: JsonApi = {
    baseUrl: opts.connection.baseUrl,
    host,
    timeoutMs,
    transport: opts.transport,
    token: opts.token,
    missingToken: 'No API token is saved for this delivery backend.',
    authHeaders: (token) => ({ authorization: `Bearer ${token}` }),
    onRequest: opts.onRequest,
  };
  const call = <T,>(planned: PlannedRequest, schema: z.ZodType<T>, what: string): Promise<DeliveryResult<T>> => requestJson(api, planned, schema, what, failure);

  function failure(response: HttpResponse, what: string): DeliveryFailure {
    const body = jsonOf(response.text);
    const status = response.status;
    const parsed = DeliveryErrorBody.safeParse(body);
    const said = parsed.success ? parsed.data.error.message : '';
    const fail = (error: SyncError, extra: Partial<DeliveryFailure> = {}): DeliveryFailure => ({ ok: false, status, body, error: { ...error, status, ...(said ? { detail: said } : {}) }, ...extra });
    if (status === 401) return fail(syncError('unauthorized', `The delivery backend refused the API token (401${said ? `: ${said}` : ''}). Save a current token.`));
    if (status === 403) return fail(syncError('forbidden', `The token may not do this (403${said ? `: ${said}` : ''}).`));
    if (status === 404) return fail(syncError('not-found', `The delivery backend has no ${what} (404).`));
    if (status === 409 || status === 412) {
      const c = ConflictBody.safeParse(body);
      if (c.success) return fail(syncError('conflict', `The flow changed on the delivery backend (now revision ${c.data.current.revision}) since it was last published from here.`), { current: c.data.current });
      return fail(syncError('malformed', 'The delivery backend reported a conflict without the current version (409); it does not follow the API.', { retryable: false }));
    }
    if (status === 422 || status === 400) {
      const fields = parsed.success ? (parsed.data.error.fields ?? []).map((f) => ({ attribute: f.path, message: f.message, path: f.path.startsWith('$') ? f.path : `$.${f.path}` })) : [];
      return fail(syncError('validation', `The delivery backend refused the flow: ${said || `status ${status}`}.`, { fields }));
    }
    if (status === 428) return fail(syncError('server', 'The delivery backend requires a revision (428); this is a bug in the client.', { retryable: false }));
    if (status === 429 || status >= 500) return fail(syncError('server', `The delivery backend failed (${status}) on ${what}.`, { retryable: true }));
    return fail(syncError('server', `The delivery backend answered ${what} with an unexpected status ${status}.`, { retryable: false }));
  }

  return {
    host,
    list: () => call({ method: 'GET', path: deliveryPaths.flows() }, FlowListResponse, 'flow list'),
    get: (id: string) => call({ method: 'GET', path: deliveryPaths.flow(id) }, RemoteFlow, `flow "${id}"`),
    /**
     * Creates (`revision` null: If-None-Match: *) or replaces the version `revision` (If-Match).
     * `idempotencyKey` names this write: a retry with the same key gets the first answer again.
     */
    put: (id: string, body: PutFlowBody, revision: string | null, idempotencyKey?: string) =>
      call({ method: 'PUT', path: deliveryPaths.flow(id), body, headers: { ...(revision === null ? { 'if-none-match': '*' } : { 'if-match': etag(revision) }), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) } }, PutFlowAnswer, `flow "${id}"`),
    remove: async (id: string, revision: string): Promise<DeliveryResult<null>> => {
      const r = await call({ method: 'DELETE', path: deliveryPaths.flow(id), headers: { 'if-match': etag(revision) } }, z.unknown(), `flow "${id}"`);
      if (!r.ok && !(r.error.kind === 'malformed' && r.status && r.status < 300)) return r;
      return { ok: true, value: null, status: r.status ?? 204, headers: r.ok ? r.headers : {} };
    },
    publish: (id: string, revision: string) => call({ method: 'POST', path: deliveryPaths.publish(id), headers: { 'if-match': etag(revision) } }, RemoteFlow, `flow "${id}"`),
    pause: (id: string, revision: string) => call({ method: 'POST', path: deliveryPaths.pause(id), headers: { 'if-match': etag(revision) } }, RemoteFlow, `flow "${id}"`),
    stats: (id: string) => call({ method: 'GET', path: deliveryPaths.stats(id) }, FlowStats, `statistics of flow "${id}"`),
  };
}

export type DeliveryClient = ReturnType<typeof createDeliveryClient>;
