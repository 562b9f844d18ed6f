import * as z from 'zod';
import { lazySchema } from '../../src-shared/schema/lazy-schema';
import { LiveFlow, LiveJourney, LiveJourneySummary, LiveStats, type liveHostContract } from '../../src-shared/host/live-contract';
import { backendSecretName } from '../../src-shared/sync/backend-config';
import { DeliveryErrorBody } from '../../src-shared/sync/delivery/types';
import { syncError, type SyncError } from '../../src-shared/sync/sync-error';
import { hostOf, jsonOf, requestJson, type JsonApi } from '../sync/api-result';
import { createChatwootClient } from '../sync/chatwoot-client';
import { createNodeTransport, type HttpResponse, type HttpTransport } from '../sync/http-transport';
import type { BackendStore } from './backend-store';
import type { HostHandlers } from './handler-registry';
import type { SecretStore } from './secret-store';

export type LiveChannel = keyof typeof liveHostContract;
type Result<C extends LiveChannel> = z.output<(typeof liveHostContract)[C]['result']>;
type Failure = { ok: false; error: SyncError };

export interface LiveHandlerOptions {
  backends: BackendStore;
  secrets: SecretStore;
  /** Replaced in tests; the real one is node:http(s). */
  transport?: HttpTransport;
  timeoutMs?: number;
}

const JourneyPage = lazySchema(() => z.object({ journeys: z.array(LiveJourneySummary), nextCursor: z.string().nullable() }));

/** A runner's non-2xx answer in the user's words (the runner's own message kept as detail). */
function failure(response: HttpResponse, what: string): Failure {
  const parsed = DeliveryErrorBody.safeParse(jsonOf(response.text));
  const said = parsed.success ? parsed.data.error.message : '';
  const status = response.status;
  const extra = { status, ...(said ? { detail: said } : {}) };
  if (status === 401) return { ok: false, error: syncError('unauthorized', `The runner refused the API token (401). Save a current token in Settings → Backends.`, extra) };
  if (status === 404) return { ok: false, error: syncError('not-found', `The runner has no ${what}${said ? `: ${said}` : ''}.`, extra) };
  if (status === 409) return { ok: false, error: syncError('conflict', said || `The runner refused: the flow is not in a state for that (409).`, extra) };
  if (status === 412) return { ok: false, error: syncError('conflict', `The flow changed on the runner since this view loaded; reload the view and try again.`, extra) };
  if (status === 422 || status === 400) return { ok: false, error: syncError('validation', `The runner refused: ${said || `status ${status}`}.`, extra) };
  if (status === 429 || status >= 500) return { ok: false, error: syncError('server', `The runner failed (${status}) on ${what}.`, extra) };
  return { ok: false, error: syncError('server', `The runner answered ${what} with an unexpected status ${status}.`, { ...extra, retryable: false }) };
}

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};
const enc = encodeURIComponent;

/**
 * The host's side of Live mode: reads a runner's statistics and journeys, pauses, resumes or
 * stops a flow and sends a test, through the delivery backend's saved connection. The token is read here from the
 * secret store and never leaves the host; the page names the backend only.
 */
export function createLiveHandlers(options: LiveHandlerOptions): Pick<HostHandlers, LiveChannel> {
  const transport = options.transport ?? createNodeTransport();
  const api = async (backend: string): Promise<JsonApi | Failure> => {
    const connection = await options.backends.get(backend);
    if (!connection) return { ok: false, error: syncError('config', `No backend named "${backend}" is set up. Add it in Settings → Backends.`) };
    if (connection.type !== 'delivery') return { ok: false, error: syncError('unsupported', 'Live statistics come from a runner (a delivery API backend); Chatwoot does not report per-step figures.') };
    return {
      baseUrl: connection.baseUrl,
      host: hostOf(connection.baseUrl),
      timeoutMs: options.timeoutMs ?? 10_000,
      transport,
      token: () => options.secrets.get(backendSecretName(backend)),
      missingToken: 'No API token is saved for this runner. Add it in Settings → Backends.',
      authHeaders: (token) => ({ authorization: `Bearer ${token}` }),
    };
  };
  /** GET or POST one path; `ok: false` for every failure, with what was asked in its message. */
  async function call<S extends z.ZodType>(backend: string, method: 'GET' | 'POST', path: string, schema: S, what: string, headers?: Record<string, string>, body?: unknown): Promise<{ ok: true; value: z.output<S> } | Failure> {
    const a = await api(backend);
    if ('ok' in a) return a;
    const r = await requestJson(a, { method, path, ...(headers ? { headers } : {}), ...(body !== undefined ? { body } : {}) }, schema as z.ZodType<z.output<S>>, what, failure);
    return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
  }
  const flowOf = (f: LiveFlow) => ({ id: f.id, revision: f.revision, status: f.status, updatedAt: f.updatedAt });

  return {
    'live.flow': async ({ backend, flowId, withDocument }): Promise<Result<'live.flow'>> => {
      const r = await call(backend, 'GET', `/v1/flows/${enc(flowId)}`, LiveFlow.extend({ document: z.record(z.string(), z.unknown()).optional() }).loose(), `flow "${flowId}"`);
      return r.ok ? { ok: true, flow: flowOf(r.value), ...(withDocument && r.value.document ? { document: r.value.document } : {}) } : r;
    },
    'live.status': async ({ backend, remoteId }): Promise<Result<'live.status'>> => {
      const connection = await options.backends.get(backend);
      if (connection?.type === 'chatwoot') {
        if (!/^\d{1,12}$/.test(remoteId)) return { ok: false, error: syncError('validation', `"${remoteId}" is not a Chatwoot campaign id.`) };
        const client = createChatwootClient({ connection, transport, timeoutMs: options.timeoutMs ?? 10_000, token: () => options.secrets.get(backendSecretName(backend)) });
        const got = await client.getCampaign(Number(remoteId));
        if (!got.ok) return { ok: false, error: got.error };
        return { ok: true, remote: { kind: 'chatwoot', status: got.value.campaign_status, enabled: got.value.enabled, scheduledAt: got.value.scheduled_at ?? null } };
      }
      const r = await call(backend, 'GET', `/v1/flows/${enc(remoteId)}`, LiveFlow.loose(), `flow "${remoteId}"`);
      return r.ok ? { ok: true, remote: { kind: 'runner', status: r.value.status, revision: r.value.revision } } : r;
    },
    'live.stats': async ({ backend, flowId, revision }): Promise<Result<'live.stats'>> => {
      const r = await call(backend, 'GET', `/v1/flows/${enc(flowId)}/stats${q({ revision })}`, LiveStats, `statistics of flow "${flowId}"`);
      return r.ok ? { ok: true, stats: r.value } : r;
    },
    'live.journeys': async ({ backend, flowId, node, reached, state, revision, cursor, limit }): Promise<Result<'live.journeys'>> => {
      const r = await call(backend, 'GET', `/v1/flows/${enc(flowId)}/journeys${q({ node, reached, state, revision, cursor, limit })}`, JourneyPage, `journeys of flow "${flowId}"`);
      return r.ok ? { ok: true, ...r.value } : r;
    },
    'live.journey': async ({ backend, journeyId }): Promise<Result<'live.journey'>> => {
      const r = await call(backend, 'GET', `/v1/journeys/${enc(journeyId)}`, LiveJourney, `journey ${journeyId}`);
      return r.ok ? { ok: true, journey: r.value } : r;
    },
    'live.control': async ({ backend, flowId, action, revision }): Promise<Result<'live.control'>> => {
      const path = `/v1/flows/${enc(flowId)}/${action === 'resume' ? 'publish' : action}`;
      const r = await call(backend, 'POST', path, LiveFlow.extend({ stoppedJourneys: z.number().optional() }).loose(), `flow "${flowId}"`, { 'if-match': `"${revision}"` });
      return r.ok ? { ok: true, flow: flowOf(r.value), ...(r.value.stoppedJourneys !== undefined ? { stoppedJourneys: r.value.stoppedJourneys } : {}) } : r;
    },
    'live.test': async ({ backend, flowId, contactId }): Promise<Result<'live.test'>> => {
      const r = await call(backend, 'POST', `/v1/flows/${enc(flowId)}/test`, z.object({ contactId: z.string() }).loose(), `flow "${flowId}"`, undefined, contactId ? { contactId } : {});
      return r.ok ? { ok: true, contactId: r.value.contactId } : r;
    },
  };
}
