import type * as z from 'zod';
import type { FlowDocument } from '../../src-shared/flow/document';
import { importFlowJson } from '../../src-shared/flow/io';
import type { PushResult } from '../../src-shared/sync/adapter';
import { sameAddress, type BackendConnection } from '../../src-shared/sync/backend-config';
import type { ConnectionReport, syncHostContract } from '../../src-shared/sync/contract';
import { approvedTemplates } from '../../src-shared/sync/chatwoot/directory';
import { isSent } from '../../src-shared/sync/chatwoot/resource';
import { publishCheck, publishRefusalError } from '../../src-shared/sync/publish-gate';
import { syncError } from '../../src-shared/sync/sync-error';
import { chatwootContactRows, inferAudience } from '../../src-shared/forecast/infer-audience';
import { createChatwootAdapter } from './chatwoot-adapter';
import { createChatwootClient } from './chatwoot-client';
import { createDeliveryAdapter } from './delivery-adapter';
import { createDeliveryClient } from './delivery-client';
import type { HttpTransport } from './http-transport';
import { testChatwootConnection, testDeliveryConnection } from './test-connection';
import type { TokenSource } from './token-source';

type Contract = typeof syncHostContract;
type Args<C extends keyof Contract> = z.output<Contract[C]['args']>;
type Result<C extends keyof Contract> = z.input<Contract[C]['result']>;

export interface SyncServiceDeps {
  /** The saved connections by name (the host keeps them in its settings file). */
  connection(name: string): Promise<BackendConnection | undefined>;
  tokens: TokenSource;
  transport: HttpTransport;
  timeoutMs?: number;
  /** "Now" for the publishing rule's past-time checks; tests fix it. */
  now?: () => Date;
}

/**
 * The main-process side of the sync channels: one function per channel of
 * `syncHostContract`, ready for the host's handler registry. Tokens are read here and never returned.
 */
export function createSyncService(deps: SyncServiceDeps) {
  const clients = async (name: string, override?: BackendConnection, typedToken?: string) => {
    const connection = override ?? (await deps.connection(name));
    if (!connection) return undefined;
    const common = { token: async () => typedToken ?? (await deps.tokens.getToken(name)), transport: deps.transport, timeoutMs: deps.timeoutMs ?? 15_000 };
    return connection.type === 'chatwoot' ? ({ type: 'chatwoot', client: createChatwootClient({ ...common, connection }) } as const) : ({ type: 'delivery', client: createDeliveryClient({ ...common, connection }) } as const);
  };
  const missing = (name: string) => syncError('config', `No backend named "${name}" is set up. Add it in Settings → Backends.`);

  return {
    async 'backends.test'({ name, connection, token }: Args<'backends.test'>): Promise<ConnectionReport> {
      // A stored token is only ever sent to the address it was saved with (#14.7).
      if (connection && !token && !sameAddress(await deps.connection(name), connection)) {
        return { ok: false, error: syncError('config', 'Type the token again to test this address: a stored token is only sent to the address it was saved with.'), checks: [] };
      }
      const c = await clients(name, connection, token);
      if (!c) return { ok: false, error: missing(name), checks: [] };
      return c.type === 'chatwoot' ? testChatwootConnection(c.client) : testDeliveryConnection(c.client);
    },
    async 'sync.directory'({ backend }: Args<'sync.directory'>): Promise<Result<'sync.directory'>> {
      const c = await clients(backend);
      if (!c) return { ok: false, error: missing(backend) };
      if (c.type !== 'chatwoot') return { ok: false, error: syncError('unsupported', 'Only Chatwoot accounts have inboxes, agents and labels to choose from.') };
      const dir = await c.client.directory();
      if (!dir.ok) return { ok: false, error: dir.error };
      const { inboxes, agents, labels } = dir.value;
      return {
        ok: true,
        inboxes: inboxes.map((i) => ({ id: i.id, name: i.name, kind: i.kind, ...(i.medium ? { medium: i.medium } : {}), ...(i.provider ? { provider: i.provider } : {}), ...(i.templates.length ? { templates: approvedTemplates(i) } : {}), ...(i.hours ? { hours: i.hours } : {}) })),
        agents: agents.map(({ id, name, email }) => ({ id, name, ...(email ? { email } : {}) })),
        labels,
      };
    },
    /**
     * An audience model from the account's contacts, inferred here so no contact leaves this
     * process: only distributions, and for identifying fields only how many have one.
     */
    async 'sync.contacts'({ backend, limit = 3_000 }: Args<'sync.contacts'>): Promise<Result<'sync.contacts'>> {
      const c = await clients(backend);
      if (!c) return { ok: false, error: missing(backend) };
      if (c.type !== 'chatwoot') return { ok: false, error: syncError('unsupported', 'Only Chatwoot accounts have contacts to build an audience from; a delivery backend keeps none.') };
      const contacts: Record<string, unknown>[] = [];
      let total = 0;
      for (let page = 1; contacts.length < limit; page++) {
        const r = await c.client.contacts(page);
        if (!r.ok) return { ok: false, error: r.error };
        total = r.value.meta?.count ?? total;
        contacts.push(...r.value.payload.slice(0, limit - contacts.length));
        if (r.value.payload.length === 0 || (total && contacts.length >= total)) break;
      }
      if (contacts.length === 0) return { ok: false, error: syncError('validation', `The Chatwoot account of "${backend}" has no contacts to build an audience from.`, { retryable: false }) };
      const { rows, columns } = chatwootContactRows(contacts);
      const { model, notes } = inferAudience(rows, columns);
      return { ok: true, model: { ...model, name: `Chatwoot contacts of ${backend}` }, notes, contacts: contacts.length, total: Math.max(total, contacts.length), truncated: contacts.length < total };
    },
    async 'sync.push'({ backend, flowText, record, overwrite }: Args<'sync.push'>): Promise<PushResult> {
      const c = await clients(backend);
      if (!c) return { ok: false, error: missing(backend) };
      const imported = importFlowJson(flowText, { skipValidation: true });
      if (!imported.ok) return { ok: false, error: syncError('validation', 'The flow could not be read; nothing was published.'), problems: imported.problems };
      const flow: FlowDocument = imported.document;
      // The renderer's engine applies the same rule; the host does not trust it to.
      const gate = publishCheck(flow, deps.now?.() ?? new Date());
      if (!gate.ok) return { ok: false, error: publishRefusalError(gate.errors) };
      const adapter = c.type === 'chatwoot' ? createChatwootAdapter(c.client) : createDeliveryAdapter(c.client);
      return adapter.push({ flow, record, overwrite: overwrite ?? null });
    },
    async 'sync.unpublish'({ backend, remoteId }: Args<'sync.unpublish'>): Promise<Result<'sync.unpublish'>> {
      const c = await clients(backend);
      if (!c) return { ok: false, error: missing(backend) };
      if (c.type !== 'chatwoot') return { ok: false, error: syncError('unsupported', 'Only Chatwoot one-off campaigns are stopped by deleting them.') };
      const id = Number(remoteId);
      const got = await c.client.getCampaign(id);
      if (!got.ok) return { ok: false, error: got.error };
      if (isSent(got.value)) {
        const what = got.value.campaign_status === 'processing' ? 'is being sent right now' : 'was already sent';
        return { ok: false, error: syncError('locked', `Campaign ${id} ${what}; it cannot be stopped.`) };
      }
      const removed = await c.client.deleteCampaign(id);
      return removed.ok ? { ok: true } : { ok: false, error: removed.error };
    },
    async 'sync.stats'({ backend, remoteId }: Args<'sync.stats'>): Promise<Result<'sync.stats'>> {
      const c = await clients(backend);
      if (!c) return { ok: false, error: missing(backend) };
      if (c.type !== 'delivery') return { ok: false, error: syncError('unsupported', 'Chatwoot does not report per-step statistics.') };
      const stats = await c.client.stats(remoteId);
      return stats.ok ? { ok: true, stats: stats.value } : { ok: false, error: stats.error };
    },
  };
}
