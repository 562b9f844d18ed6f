import * as z from 'zod';
import type { ChatwootBackend } from '../../src-shared/sync/backend-config';
import { AgentListResponse, buildDirectory, ContactListResponse, InboxListResponse, LabelListResponse, ProfileResponse, type AccountDirectory } from '../../src-shared/sync/chatwoot/directory';
import { chatwootPaths, type PlannedRequest } from '../../src-shared/sync/chatwoot/paths';
import { ChatwootCampaign, ChatwootCampaignList, ChatwootErrorBody, ChatwootValidationBody } from '../../src-shared/sync/chatwoot/resource';
import type { ChatwootCampaignFields } from '../../src-shared/sync/chatwoot/to-chatwoot';
import { syncError, type SyncError } from '../../src-shared/sync/sync-error';
import { hostOf, jsonOf, requestJson, type ApiResult, type JsonApi } from './api-result';
import type { HttpResponse, HttpTransport } from './http-transport';

export interface ChatwootClientOptions {
  connection: ChatwootBackend;
  /** The user API token (Profile settings → Access token in Chatwoot). */
  token: () => Promise<string | undefined>;
  transport: HttpTransport;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  /** Sees every request before it is sent (logging, tests). */
  onRequest?: (request: PlannedRequest) => void;
}

/** Chatwoot's 422 body, kept so the adapter can place each message on its field. */
export type ChatwootFailure = Extract<ApiResult<never>, { ok: false }> & { validation?: { message: string; attributes: string[] } };
export type ChatwootResult<T> = Extract<ApiResult<T>, { ok: true }> | ChatwootFailure;

/**
 * A client of Chatwoot's application API for one account: campaigns, and the inboxes, agents
 * and labels a campaign refers to. Every failure comes back as a SyncError that says what to do.
 */
export function createChatwootClient(opts: ChatwootClientOptions) {
  const { baseUrl, accountId } = opts.connection;
  const host = hostOf(baseUrl);
  const timeoutMs = opts.timeoutMs ?? 15_000;

  const api: JsonApi = {
    baseUrl,
    host,
    timeoutMs,
    transport: opts.transport,
    token: opts.token,
    missingToken: 'No API token is saved for this Chatwoot account. Paste the access token from your Chatwoot profile settings.',
    authHeaders: (token) => ({ api_access_token: token }),
    onRequest: opts.onRequest,
  };
  const call = <T,>(planned: PlannedRequest, schema: z.ZodType<T>, what: string): Promise<ChatwootResult<T>> => requestJson(api, planned, schema, what, failure);

  function failure(response: HttpResponse, what: string): ChatwootFailure {
    const body = jsonOf(response.text);
    const status = response.status;
    const said = errorText(body);
    const fail = (error: SyncError, extra: Partial<ChatwootFailure> = {}): ChatwootFailure => ({ ok: false, status, body, error: { ...error, status }, ...extra });
    if (status === 401) {
      if (/access this account/i.test(said)) return fail(syncError('wrong-account', `This token's user has no access to account ${accountId}. Check the account id (it is in Chatwoot's URL: /app/accounts/ID/…).`, { detail: said }));
      if (/not authori[sz]ed/i.test(said)) return fail(syncError('not-admin', `The token works, but its user is not an administrator of account ${accountId}; only administrators may manage campaigns.`, { detail: said }));
      return fail(syncError('unauthorized', `Chatwoot refused the API token (401${said ? `: ${said}` : ''}). Paste a current access token from your Chatwoot profile settings.`, { detail: said }));
    }
    if (status === 403) return fail(syncError('forbidden', `Chatwoot refused ${what} (403${said ? `: ${said}` : ''}). API access may be disabled for this account.`, { detail: said }));
    // Chatwoot looks the account up first: an unknown one answers 404 "Resource could not be found".
    if (status === 404 && !/campaigns\/\d+/.test(what) && /could not be found/i.test(said)) return fail(syncError('wrong-account', `Chatwoot has no account ${accountId} (404). Check the account id (it is in Chatwoot's URL: /app/accounts/ID/…).`, { detail: said }));
    if (status === 404) return fail(syncError('not-found', `Chatwoot has nothing at ${what} (404). ${/campaigns\/\d+/.test(what) ? 'The campaign may have been deleted.' : 'Check the base URL and account id.'}`, { detail: said }));
    if (status === 422) {
      const v = ChatwootValidationBody.safeParse(body);
      if (v.success) return fail(syncError('validation', `Chatwoot refused the campaign: ${v.data.message}.`), { validation: { message: v.data.message, attributes: v.data.attributes } });
      return fail(syncError('validation', `Chatwoot refused the request: ${said || 'unprocessable'}.`, { detail: said }));
    }
    if (status === 429) return fail(syncError('server', 'Chatwoot is rate-limiting requests (429); retrying later.', { retryable: true }));
    if (status >= 500) return fail(syncError('server', `Chatwoot failed with an internal error (${status}) on ${what}.`, { detail: response.text.slice(0, 200) }));
    return fail(syncError('server', `Chatwoot answered ${what} with an unexpected status ${status}.`, { retryable: false, detail: response.text.slice(0, 200) }));
  }

  const emptyOk = z.unknown();
  return {
    accountId,
    host,
    profile: () => call({ method: 'GET', path: chatwootPaths.profile() }, ProfileResponse, 'the profile request'),
    listCampaigns: () => call({ method: 'GET', path: chatwootPaths.campaigns(accountId) }, ChatwootCampaignList, 'the campaign list'),
    getCampaign: (id: number) => call({ method: 'GET', path: chatwootPaths.campaign(accountId, id) }, ChatwootCampaign, `campaigns/${id}`),
    createCampaign: (fields: ChatwootCampaignFields) => call({ method: 'POST', path: chatwootPaths.campaigns(accountId), body: { campaign: fields } }, ChatwootCampaign, 'the new campaign'),
    updateCampaign: (id: number, fields: ChatwootCampaignFields) => call({ method: 'PATCH', path: chatwootPaths.campaign(accountId, id), body: { campaign: fields } }, ChatwootCampaign, `campaigns/${id}`),
    /** Chatwoot answers 200 with an empty body. */
    deleteCampaign: async (id: number): Promise<ChatwootResult<null>> => {
      const r = await call({ method: 'DELETE', path: chatwootPaths.campaign(accountId, id) }, emptyOk, `campaigns/${id}`);
      if (!r.ok && !(r.error.kind === 'malformed' && r.status && r.status < 300)) return r;
      return { ok: true, value: null, status: r.status ?? 200, headers: r.ok ? r.headers : {} };
    },
    /** One page of the account's contacts (Chatwoot pages by 15). */
    contacts: (page: number) => call({ method: 'GET', path: chatwootPaths.contacts(accountId, page) }, ContactListResponse, 'the contact list'),
    /** Inboxes, agents and labels of the account, fetched together. */
    async directory(): Promise<ChatwootResult<AccountDirectory>> {
      const inboxes = await call({ method: 'GET', path: chatwootPaths.inboxes(accountId) }, InboxListResponse, 'the inbox list');
      if (!inboxes.ok) return inboxes;
      const agents = await call({ method: 'GET', path: chatwootPaths.agents(accountId) }, AgentListResponse, 'the agent list');
      if (!agents.ok) return agents;
      const labels = await call({ method: 'GET', path: chatwootPaths.labels(accountId) }, LabelListResponse, 'the label list');
      if (!labels.ok) return labels;
      return { ...labels, value: buildDirectory(inboxes.value, agents.value, labels.value) };
    },
  };
}

export type ChatwootClient = ReturnType<typeof createChatwootClient>;

function errorText(body: unknown): string {
  const parsed = ChatwootErrorBody.safeParse(body);
  if (!parsed.success) return typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : '';
  const d = parsed.data as { error?: string; errors?: string[] };
  return d.error ?? d.errors?.join('; ') ?? '';
}
