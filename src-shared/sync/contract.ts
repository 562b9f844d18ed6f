import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { maxFlowFileBytes } from '../host/limits';
import { BackendConnection, BackendName } from './backend-config';
import { RemoteVersion, SyncRecord } from './sync-record';
import { SyncError } from './sync-error';
import { FlowStats } from './delivery/types';
import { InboxHours } from '../campaigns/inbox-hours';
import { AudienceModel } from '../forecast/audience-model';

const backendName = BackendName;
const typedToken = lazySchema(() => z.string().trim().min(1).max(4096));
const problem = lazySchema(() => z.object({ severity: z.enum(['error', 'warning', 'info']), code: z.string(), message: z.string(), path: z.string(), nodeId: z.string().optional(), field: z.string().optional() }));

/** An approved WhatsApp template as a form offers it: its body text holds the `{{1}}` variables. */
export const DirectoryTemplate = lazySchema(() => z.object({ name: z.string(), language: z.string(), category: z.string().optional(), body: z.string() }));
export type DirectoryTemplate = z.infer<typeof DirectoryTemplate>;

/** A Chatwoot account's inboxes (kind as in `InboxKind`), agents and labels, for the campaign forms. */
export const DirectoryAnswer = lazySchema(() => z.object({
  ok: z.literal(true),
  inboxes: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), medium: z.string().optional(), provider: z.string().optional(), templates: z.array(DirectoryTemplate).optional(), hours: InboxHours.optional() })),
  agents: z.array(z.object({ id: z.number(), name: z.string(), email: z.string().optional() })),
  labels: z.array(z.object({ id: z.number(), title: z.string() })),
}));
export type DirectoryAnswer = z.infer<typeof DirectoryAnswer>;

/** What was inferred from one column of contacts (see `InferenceNote` in src-shared/forecast). */
const InferenceNote = lazySchema(() => z.object({ column: z.string(), as: z.enum(['attribute', 'tags', 'timezone', 'presence', 'ignored']), summary: z.string() }));

/** An audience model inferred from a Chatwoot account's contacts, in the host: the contacts themselves never reach the page. */
export const ContactsAudienceAnswer = lazySchema(() => z.object({ ok: z.literal(true), model: AudienceModel, notes: z.array(InferenceNote), contacts: z.number().int().min(0), total: z.number().int().min(0), truncated: z.boolean() }));

/** A configured backend as the settings screen lists it; `hasToken` without the token. */
export const BackendListItem = lazySchema(() => z.object({ name: backendName, connection: BackendConnection, hasToken: z.boolean() }));

/** One step of "Test connection", so the screen can show which step failed. */
export const ConnectionCheck = lazySchema(() => z.object({ step: z.string(), ok: z.boolean(), message: z.string() }));
export const ConnectionReport = lazySchema(() => z.union([
  z.object({ ok: z.literal(true), summary: z.string(), checks: z.array(ConnectionCheck) }),
  z.object({ ok: z.literal(false), error: SyncError, checks: z.array(ConnectionCheck) }),
]));
export type ConnectionReport = z.infer<typeof ConnectionReport>;

export const PushResultSchema = lazySchema(() => z.union([
  z.object({ ok: z.literal(true), remoteId: z.string(), remoteRevision: z.string().nullable(), remoteHash: z.string().nullable(), action: z.enum(['created', 'updated', 'found', 'unchanged']), warnings: z.array(problem) }),
  z.object({ ok: z.literal(false), error: SyncError, conflict: RemoteVersion.optional(), locked: z.string().optional(), problems: z.array(problem).optional() }),
]));

/**
 * The sync channels of the host contract, in the same `{ args, result }` form as
 * `hostContract` (src-shared/host/contract.ts), to be spread into it when the settings screen
 * and the sync UI land. Tokens go through the existing `secrets.*` channels under
 * `backendSecretName(name)`; no channel ever returns one.
 */
export const syncHostContract = {
  'backends.list': { args: lazySchema(() => z.object({}).strict()), result: lazySchema(() => z.array(BackendListItem)) },
  /** `token`, when typed, is stored with the connection; a new address without it is refused (a stored token only goes where it was saved for). */
  'backends.save': { args: lazySchema(() => z.object({ name: backendName, connection: BackendConnection, token: typedToken.optional() }).strict()), result: lazySchema(() => z.object({ saved: z.literal(true) })) },
  'backends.delete': { args: lazySchema(() => z.object({ name: backendName }).strict()), result: lazySchema(() => z.object({ deleted: z.boolean() })) },
  /**
   * "Test connection": a saved one by name, or a connection not yet saved. A connection at
   * another address than the saved one is tested only with a `token` typed for it (never stored).
   */
  'backends.test': { args: lazySchema(() => z.object({ name: backendName, connection: BackendConnection.optional(), token: typedToken.optional() }).strict()), result: ConnectionReport },
  /** Inboxes, agents and labels of a Chatwoot account, to pick from. */
  'sync.directory': {
    args: lazySchema(() => z.object({ backend: backendName }).strict()),
    result: lazySchema(() => z.union([
      DirectoryAnswer,
      z.object({ ok: z.literal(false), error: SyncError }),
    ])),
  },
  /** One push attempt of the renderer's outbox: the flow file text and its sync record. */
  'sync.push': {
    args: lazySchema(() => z.object({ backend: backendName, flowText: z.string().max(maxFlowFileBytes), record: SyncRecord, overwrite: z.object({ revision: z.string().nullable(), hash: z.string().nullable() }).nullable().optional() }).strict()),
    result: PushResultSchema,
  },
  /**
   * Stops a published Chatwoot one-off: Chatwoot sends a one-off whatever `enabled` says, so the
   * only way is to delete it there. Refused (kind `locked`) once it is being sent or was sent.
   */
  'sync.unpublish': {
    args: lazySchema(() => z.object({ backend: backendName, remoteId: z.string().regex(/^\d{1,12}$/) }).strict()),
    result: lazySchema(() => z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: SyncError })])),
  },
  /** Per-node statistics of live journeys (delivery backends). */
  /** An audience model inferred from the account's contacts (at most `limit`, default 3,000), for forecasts. Chatwoot only. */
  'sync.contacts': {
    args: lazySchema(() => z.object({ backend: backendName, limit: z.number().int().min(1).max(10_000).optional() }).strict()),
    result: lazySchema(() => z.union([ContactsAudienceAnswer, z.object({ ok: z.literal(false), error: SyncError })])),
  },
  'sync.stats': {
    args: lazySchema(() => z.object({ backend: backendName, remoteId: z.string() }).strict()),
    result: lazySchema(() => z.union([z.object({ ok: z.literal(true), stats: FlowStats }), z.object({ ok: z.literal(false), error: SyncError })])),
  },
} as const satisfies Record<`${string}.${string}`, { args: z.ZodType; result: z.ZodType }>;
