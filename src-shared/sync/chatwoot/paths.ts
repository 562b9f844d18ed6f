/** The Chatwoot REST paths the adapter uses (application API, user token). */
export const chatwootPaths = {
  profile: () => '/api/v1/profile',
  campaigns: (accountId: number) => `/api/v1/accounts/${accountId}/campaigns`,
  campaign: (accountId: number, id: number) => `/api/v1/accounts/${accountId}/campaigns/${id}`,
  inboxes: (accountId: number) => `/api/v1/accounts/${accountId}/inboxes`,
  agents: (accountId: number) => `/api/v1/accounts/${accountId}/agents`,
  labels: (accountId: number) => `/api/v1/accounts/${accountId}/labels`,
  /** One page (15 contacts) of the account's contacts, oldest first. */
  contacts: (accountId: number, page: number) => `/api/v1/accounts/${accountId}/contacts?page=${page}&sort=created_at`,
} as const;

/** One HTTP request as the CLI's `push --dry-run` prints it and the clients send it. */
export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
