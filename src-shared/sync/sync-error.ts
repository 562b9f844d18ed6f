import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';

/**
 * Every way talking to a backend can fail, as one closed list. The renderer shows `message`;
 * the engine decides from `kind` whether to retry and whether the app is "offline".
 */
export const SyncErrorKind = lazySchema(() => z.enum([
  /** The host name does not resolve (ENOTFOUND, EAI_AGAIN). */
  'dns',
  /** The TLS handshake failed: bad, expired or self-signed certificate, or not HTTPS at all. */
  'tls',
  /** Nothing listens at that address (ECONNREFUSED). */
  'refused',
  /** No complete answer in time, including a server that answers too slowly. */
  'timeout',
  /** The connection broke (reset, closed mid-answer, unreachable network). */
  'network',
  /** The token was refused. */
  'unauthorized',
  /** The token works but its user is not an administrator of the account. */
  'not-admin',
  /** The account id is not one the token's user belongs to. */
  'wrong-account',
  /** The account has API access disabled, or another 403. */
  'forbidden',
  /** The thing asked for does not exist (any more). */
  'not-found',
  /** The remote version changed since the last sync. */
  'conflict',
  /** The backend refused the content (422); see `fields`. */
  'validation',
  /** The campaign was already sent and cannot be changed. */
  'locked',
  /** The flow cannot be expressed on this backend. */
  'unsupported',
  /** The backend failed (5xx). */
  'server',
  /** The answer was not the JSON the contract promises. */
  'malformed',
  /** The connection settings are incomplete (no token, bad URL). */
  'config',
]));
export type SyncErrorKind = z.infer<typeof SyncErrorKind>;

/** A backend's complaint about one field, placed on the flow where the user can fix it. */
export const FieldError = lazySchema(() => z.object({
  /** The backend's own name for the field (`title`, `url`, `audience`). */
  attribute: z.string(),
  message: z.string(),
  /** JSON path into the flow document (`$.campaign.name`), when the field maps to one. */
  path: z.string().optional(),
  nodeId: z.string().optional(),
  field: z.string().optional(),
  /** Where it is in the editor's words (`"Welcome" (Send message) · body`), shown instead of the path. */
  label: z.string().optional(),
}));
export type FieldError = z.infer<typeof FieldError>;

export const SyncError = lazySchema(() => z.object({
  kind: SyncErrorKind,
  /** One or two sentences for a marketer: what failed and what to do. */
  message: z.string(),
  /** Worth trying again later without any change (network trouble, 5xx, timeouts). */
  retryable: z.boolean(),
  status: z.number().int().optional(),
  /** Low-level detail for the log and "details" disclosure (error code, server text). */
  detail: z.string().optional(),
  fields: z.array(FieldError).optional(),
}));
export type SyncError = z.infer<typeof SyncError>;

const RETRYABLE: ReadonlySet<SyncErrorKind> = new Set(['dns', 'refused', 'timeout', 'network', 'server', 'malformed']);
const OFFLINE: ReadonlySet<SyncErrorKind> = new Set(['dns', 'refused', 'timeout', 'network']);

/** Builds a SyncError with the default retry policy of its kind. */
export function syncError(kind: SyncErrorKind, message: string, extra: Partial<Omit<SyncError, 'kind' | 'message'>> = {}): SyncError {
  return { kind, message, retryable: RETRYABLE.has(kind), ...extra };
}

/** The backend could not be reached at all: the flow list says "offline", not "error". */
export function isOfflineError(error: Pick<SyncError, 'kind'>): boolean {
  return OFFLINE.has(error.kind);
}
