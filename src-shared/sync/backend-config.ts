import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';

/** `localhost`, 127.0.0.0/8 and [::1]: the only hosts a token may be sent to without TLS. */
export function isLoopbackUrl(url: string): boolean {
  const host = /^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

const httpUrl = lazySchema(() =>
  z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+/, 'must be an http:// or https:// URL')
    // A token sent over plain http can be read on the way: only to this machine.
    .refine((u) => /^https:/i.test(u) || isLoopbackUrl(u), 'must be https:// (plain http:// only for localhost or 127.0.0.1)')
    .transform((u) => u.replace(/\/+$/, '')),
);

/** A backend's name: a file key and part of its secret's name. `__proto__` would vanish from a JSON object. */
export const BackendName = lazySchema(() =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'backend names are letters, digits, "_", "." and "-"')
    .refine((n) => !['__proto__', 'constructor', 'prototype'].includes(n), 'this name is reserved; choose another'),
);

/** A Chatwoot account: its installation URL and the account's numeric id. */
export const ChatwootBackend = lazySchema(() => z.strictObject({
  type: z.literal('chatwoot'),
  baseUrl: httpUrl,
  accountId: z.number().int().positive(),
}));
export type ChatwootBackend = z.infer<typeof ChatwootBackend>;

/** A Campaign Studio delivery API endpoint (docs/delivery-api.yaml). */
export const DeliveryBackend = lazySchema(() => z.strictObject({
  type: z.literal('delivery'),
  baseUrl: httpUrl,
}));
export type DeliveryBackend = z.infer<typeof DeliveryBackend>;

/** Where a backend is; never its token, which the host keeps as a secret (see TokenSource). */
export const BackendConnection = lazySchema(() => z.discriminatedUnion('type', [ChatwootBackend, DeliveryBackend]));
export type BackendConnection = z.infer<typeof BackendConnection>;
export type BackendType = BackendConnection['type'];

/** Whether a stored token may go to `next`: only to the very address it was saved with. */
export function sameAddress(saved: BackendConnection | undefined, next: BackendConnection): boolean {
  return saved !== undefined && saved.type === next.type && saved.baseUrl.toLowerCase() === next.baseUrl.toLowerCase();
}

/** The name of the host secret holding a backend's token: `backend.<name>`. */
export function backendSecretName(backendName: string): string {
  return `backend.${backendName}`;
}

/**
 * The CLI's backends file (`--config FILE` or `$CAMPAIGN_STUDIO_BACKENDS`): named connections,
 * each naming the environment variable that holds its token. A token in the file is refused.
 *
 * @example { "staging": { "type": "chatwoot", "baseUrl": "https://chat.example.com", "accountId": 1, "tokenEnv": "CHATWOOT_TOKEN" } }
 */
export const BackendsFile = lazySchema(() => z.record(
  BackendName,
  z.union([
    ChatwootBackend.extend({ tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }),
    DeliveryBackend.extend({ tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }),
  ]),
));
export type BackendsFile = z.infer<typeof BackendsFile>;
export type BackendsFileEntry = BackendsFile[string];
