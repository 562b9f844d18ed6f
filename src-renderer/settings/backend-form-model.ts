import { BackendConnection, type BackendType } from '../../src-shared/sync/index';

/** What the connection form holds while the user types (everything as text). */
export interface BackendForm {
  name: string;
  type: BackendType;
  baseUrl: string;
  accountId: string;
  /** Empty = keep the stored token (when editing). */
  token: string;
}

export type BackendFormField = 'name' | 'baseUrl' | 'accountId' | 'token';

/** Backend names end up in a secret's name (`backend.<name>`), which is at most 64 characters. */
export const MAX_BACKEND_NAME = 56;

export function emptyBackendForm(type: BackendType = 'chatwoot', taken: readonly string[] = []): BackendForm {
  let name: string = type;
  for (let n = 2; taken.includes(name); n++) name = `${type}-${n}`;
  return { name, type, baseUrl: '', accountId: type === 'chatwoot' ? '1' : '', token: '' };
}

export function formFromConnection(name: string, connection: BackendConnection): BackendForm {
  return { name, type: connection.type, baseUrl: connection.baseUrl, accountId: connection.type === 'chatwoot' ? String(connection.accountId) : '', token: '' };
}

/**
 * The connection a form describes, or what to fix, field by field. `isNew` forbids a name in
 * use and requires a token; `hasToken` says one is already stored for an edited backend.
 *
 * @example backendFormResult({ name: 'acme', type: 'chatwoot', baseUrl: 'chat.example.com', accountId: '1', token: '' }, { isNew: true, taken: [] }).ok // false
 */
export function backendFormResult(form: BackendForm, opts: { isNew: boolean; taken: readonly string[]; hasToken?: boolean; savedBaseUrl?: string }): { ok: true; connection: BackendConnection } | { ok: false; errors: Partial<Record<BackendFormField, string>> } {
  const errors: Partial<Record<BackendFormField, string>> = {};
  const name = form.name.trim();
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) errors.name = 'Use letters, digits, “_”, “.” or “-” (no spaces).';
  else if (name.length > MAX_BACKEND_NAME) errors.name = `At most ${MAX_BACKEND_NAME} characters.`;
  else if (opts.isNew && opts.taken.includes(name)) errors.name = `A backend named “${name}” exists already.`;
  const url = form.baseUrl.trim();
  if (!url) errors.baseUrl = form.type === 'chatwoot' ? 'The address of your Chatwoot, e.g. https://app.chatwoot.com.' : 'The address of the delivery API.';
  else if (!/^https?:\/\/[^\s/]+/.test(url)) errors.baseUrl = 'Start with https:// (or http:// for a server on this computer).';
  // A stored token is only sent to the address it was saved with: a new address needs it again.
  const moved = opts.savedBaseUrl !== undefined && url.replace(/\/+$/, '').toLowerCase() !== opts.savedBaseUrl.toLowerCase();
  const accountId = Number(form.accountId);
  if (form.type === 'chatwoot' && !(Number.isInteger(accountId) && accountId > 0)) errors.accountId = 'The number after /accounts/ in Chatwoot’s address bar.';
  if (!form.token.trim() && moved && opts.hasToken) errors.token = 'The address changed: type the token again (a stored token is only sent to the address it was saved with).';
  else if (!form.token.trim() && (opts.isNew || !opts.hasToken)) errors.token = form.type === 'chatwoot' ? 'Paste the access token from your Chatwoot profile settings.' : 'Paste the API token of the delivery backend.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = BackendConnection.safeParse(form.type === 'chatwoot' ? { type: 'chatwoot', baseUrl: url, accountId } : { type: 'delivery', baseUrl: url });
  if (!parsed.success) return { ok: false, errors: { baseUrl: parsed.error.issues[0]?.message ?? 'Not a valid address.' } };
  return { ok: true, connection: parsed.data };
}
