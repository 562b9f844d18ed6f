import type { ConnectionReport } from '../../src-shared/sync/contract';
import { syncError, type SyncError } from '../../src-shared/sync/sync-error';
import type { ChatwootClient } from './chatwoot-client';
import type { DeliveryClient } from './delivery-client';

type Check = { step: string; ok: boolean; message: string };

/**
 * "Test connection" for a Chatwoot account, step by step, stopping at the first failure so
 * the message says exactly what is wrong: the server (DNS, TLS, refused, timeout), the token
 * (401), the account id (the token's user is not a member), the role (not an administrator),
 * or the campaigns API itself (disabled for the account).
 */
export async function testChatwootConnection(client: ChatwootClient): Promise<ConnectionReport> {
  const checks: Check[] = [];
  const stop = (step: string, error: SyncError): ConnectionReport => {
    checks.push({ step, ok: false, message: error.message });
    return { ok: false, error, checks };
  };
  const profile = await client.profile();
  if (!profile.ok) return stop('token', profile.error);
  const user = profile.value.name || profile.value.email || `user ${profile.value.id}`;
  checks.push({ step: 'token', ok: true, message: `${client.host} accepted the token of ${user}.` });

  const membership = profile.value.accounts.find((a) => a.id === client.accountId);
  if (!membership) {
    const theirs = profile.value.accounts.map((a) => `${a.id}${a.name ? ` (${a.name})` : ''}`).join(', ') || 'none';
    return stop('account', syncError('wrong-account', `${user} is not a member of account ${client.accountId}; their accounts: ${theirs}.`));
  }
  const accountName = membership.name ? `"${membership.name}"` : `account ${client.accountId}`;
  if (membership.role && membership.role !== 'administrator') {
    return stop('role', syncError('not-admin', `${user} is ${membership.role === 'agent' ? 'an agent' : `a ${membership.role}`} in ${accountName}; only administrators may manage campaigns. Use an administrator's access token.`));
  }
  checks.push({ step: 'account', ok: true, message: `${user} is an administrator of ${accountName}.` });

  const campaigns = await client.listCampaigns();
  if (!campaigns.ok) return stop('campaigns', campaigns.error);
  checks.push({ step: 'campaigns', ok: true, message: `The campaigns API answers (${campaigns.value.length} campaign${campaigns.value.length === 1 ? '' : 's'}).` });
  return { ok: true, summary: `Connected to ${accountName} on ${client.host} as ${user}.`, checks };
}

/** "Test connection" for a delivery API: reachable, token accepted, answers the contract. */
export async function testDeliveryConnection(client: DeliveryClient): Promise<ConnectionReport> {
  const list = await client.list();
  if (!list.ok) return { ok: false, error: list.error, checks: [{ step: 'flows', ok: false, message: list.error.message }] };
  const n = list.value.flows.length;
  return { ok: true, summary: `Connected to ${client.host} (${n} flow${n === 1 ? '' : 's'}).`, checks: [{ step: 'flows', ok: true, message: `The delivery API answers with ${n} flow${n === 1 ? '' : 's'}.` }] };
}
