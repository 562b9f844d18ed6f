import type * as z from 'zod';
import { syncError, type SyncError } from '../../src-shared/sync/sync-error';
import type { PlannedRequest } from '../../src-shared/sync/chatwoot/paths';
import { TransportError, type HttpResponse, type HttpTransport } from './http-transport';

export type ApiResult<T> = { ok: true; value: T; status: number; headers: HttpResponse['headers'] } | { ok: false; error: SyncError; status?: number; body?: unknown };

/** Sends a request and turns every transport failure into an `ok: false` result. */
export async function send(transport: HttpTransport, request: Parameters<HttpTransport>[0]): Promise<{ ok: true; response: HttpResponse } | { ok: false; error: SyncError }> {
  try {
    return { ok: true, response: await transport(request) };
  } catch (e) {
    if (e instanceof TransportError) return { ok: false, error: e.error };
    return { ok: false, error: syncError('network', `The request failed: ${(e as Error)?.message ?? String(e)}`) };
  }
}

/** The body as JSON, or undefined when it is not JSON. */
export function jsonOf(text: string): unknown {
  try {
    return text.trim() ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A 2xx body parsed by its schema, or a `malformed` error naming what is off. */
export function parseBody<T>(schema: z.ZodType<T>, response: HttpResponse, what: string, host: string): ApiResult<T> {
  const json = jsonOf(response.text);
  if (json === undefined) {
    const looks = /^\s*</.test(response.text) ? 'an HTML page' : response.text.trim() ? 'text that is not JSON' : 'an empty answer';
    return { ok: false, status: response.status, error: syncError('malformed', `${host} answered ${what} with ${looks}. Is the URL that of the API server?`, { status: response.status, detail: response.text.slice(0, 200) }) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'the answer'}: ${issue.message}` : '';
    return { ok: false, status: response.status, body: json, error: syncError('malformed', `${host} answered ${what} in an unexpected shape (${where}).`, { status: response.status }) };
  }
  return { ok: true, value: parsed.data, status: response.status, headers: response.headers };
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** How one API authenticates and where it lives: what differs between the two clients. */
export interface JsonApi {
  baseUrl: string;
  host: string;
  timeoutMs: number;
  transport: HttpTransport;
  token: () => Promise<string | undefined>;
  /** Said when no token is saved. */
  missingToken: string;
  authHeaders: (token: string) => Record<string, string>;
  onRequest?: ((planned: PlannedRequest) => void) | undefined;
}

/**
 * One JSON request: token check, send, a 2xx parsed by `schema`, anything else handed to the
 * API's own `failure` reading (each API words its errors differently).
 */
export async function requestJson<T, F extends { ok: false }>(api: JsonApi, planned: PlannedRequest, schema: z.ZodType<T>, what: string, failure: (response: HttpResponse, what: string) => F): Promise<Extract<ApiResult<T>, { ok: true }> | F | Extract<ApiResult<T>, { ok: false }>> {
  const token = await api.token();
  if (!token) return { ok: false, error: syncError('config', api.missingToken) };
  api.onRequest?.(planned);
  const sent = await send(api.transport, {
    method: planned.method,
    url: api.baseUrl + planned.path,
    headers: { ...api.authHeaders(token), ...planned.headers, ...(planned.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(planned.body !== undefined ? { body: JSON.stringify(planned.body) } : {}),
    timeoutMs: api.timeoutMs,
  });
  if (!sent.ok) return sent;
  const { response } = sent;
  if (response.status >= 200 && response.status < 300) return parseBody(schema, response, what, api.host);
  return failure(response, what);
}
