import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+/, 'must be an http:// or https:// URL')
  .transform((u) => u.replace(/\/+$/, ''));

/** A Chatwoot account: its installation URL and the account's numeric id. */
export const ChatwootBackend = z.strictObject({
  type: z.literal('chatwoot'),
  baseUrl: httpUrl,
  accountId: z.number().int().positive(),
});
export type ChatwootBackend = z.infer<typeof ChatwootBackend>;

/** A Campaign Studio delivery API endpoint (docs/delivery-api.yaml). */
export const DeliveryBackend = z.strictObject({
  type: z.literal('delivery'),
  baseUrl: httpUrl,
});
export type DeliveryBackend = z.infer<typeof DeliveryBackend>;

/** Where a backend is; never its token, which the host keeps as a secret (see TokenSource). */
export const BackendConnection = z.discriminatedUnion('type', [ChatwootBackend, DeliveryBackend]);
export type BackendConnection = z.infer<typeof BackendConnection>;
export type BackendType = BackendConnection['type'];

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
export const BackendsFile = z.record(
  z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'backend names are letters, digits, "_", "." and "-"'),
  z.union([
    ChatwootBackend.extend({ tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }),
    DeliveryBackend.extend({ tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }),
  ]),
);
export type BackendsFile = z.infer<typeof BackendsFile>;
export type BackendsFileEntry = BackendsFile[string];
