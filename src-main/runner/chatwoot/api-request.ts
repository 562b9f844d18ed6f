import type * as z from 'zod';
import { ChatwootErrorBody, ChatwootValidationBody } from '../../../src-shared/sync/chatwoot/resource';

export interface ChatwootApiConfig {
  baseUrl: string;
  accountId: number;
  apiToken: string;
  /** Per request, connect to last byte; default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type Failure = { ok: false; retry: boolean; reason: string };
export type ApiAnswer<T> = { ok: true; status: number; value: T } | Failure;

/**
 * One JSON request to Chatwoot's application API, classified for an outbox: 5xx, 429, 408,
 * timeouts and broken connections may be retried; any other 4xx will fail the same way again
 * and carries Chatwoot's own message.
 */
export function createApiRequest(cfg: ChatwootApiConfig) {
  const doFetch = cfg.fetch ?? fetch;
  const base = cfg.baseUrl.replace(/\/+$/, '');
  const timeoutMs = cfg.timeoutMs ?? 15_000;
  const host = (() => {
    try {
      return new URL(base).host;
    } catch {
      return base;
    }
  })();

  return async function request<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, what: string, body?: unknown): Promise<ApiAnswer<T>> {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(base + path, {
        method,
        // Hyphen spelling: nginx (and other proxies) drop headers with underscores by default.
        headers: { 'Api-Access-Token': cfg.apiToken, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { ok: false, retry: true, reason: `Chatwoot (${host}) did not answer ${what} within ${timeoutMs / 1000} s.` };
      const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
      return { ok: false, retry: true, reason: `Could not reach Chatwoot (${host}) for ${what}: ${cause}.` };
    }
    const json = parseJson(text);
    const status = response.status;
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { ok: true, status, value: parsed.data };
      // The request may have taken effect; retrying is safe because every write is looked up by its key first.
      const issue = parsed.error.issues[0];
      return { ok: false, retry: true, reason: `Chatwoot answered ${what} with ${status} in an unexpected shape (${issue ? `${issue.path.join('.') || 'the body'}: ${issue.message}` : 'not JSON'}).` };
    }
    const said = errorText(json) || text.trim().slice(0, 200);
    const retry = status >= 500 || status === 429 || status === 408;
    const why = status === 401 ? 'Chatwoot refused the API token' : status === 404 ? 'Chatwoot has no such resource' : retry ? 'Chatwoot failed' : 'Chatwoot refused the request';
    return { ok: false, retry, reason: `${why} (${status}) on ${what}${said ? `: ${said}` : ''}.` };
  };
}

function parseJson(text: string): unknown {
  try {
    return text.trim() ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Chatwoot words errors as `{error}`, `{errors: [...]}` or, for validation, `{message, attributes}`. */
function errorText(body: unknown): string {
  const v = ChatwootValidationBody.safeParse(body);
  if (v.success) return v.data.message;
  const e = ChatwootErrorBody.safeParse(body);
  if (e.success) return 'error' in e.data ? String(e.data.error) : (e.data.errors as string[]).join('; ');
  if (body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)) {
    return ((body as { errors: unknown[] }).errors).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
  }
  return '';
}
