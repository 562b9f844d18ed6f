import type { OneOffCampaign } from '../../src-shared/campaigns/index';
import type { BackendItem } from '../sync/backends-store';

/** What "Schedule campaign" will do: publish to a Chatwoot account, or save only and why. */
export type PublishPlan = { publish: true; backend: string } | { publish: false; why: string };

/**
 * Where a one-off goes when the user schedules it: the Chatwoot account the form works with,
 * if a token is stored for it. A one-off switched off is only saved: Chatwoot sends a one-off
 * even when it is disabled, so publishing it would send it.
 */
export function publishPlan(form: Pick<OneOffCampaign, 'enabled'>, chatwoot: string | undefined, backends: readonly BackendItem[] | undefined): PublishPlan {
  if (!form.enabled) return { publish: false, why: 'it is switched off (held back); Chatwoot would send it anyway, so it stays in this app.' };
  if (backends === undefined) return { publish: false, why: 'the backends are still loading.' };
  if (!chatwoot) return { publish: false, why: 'no Chatwoot account is connected. Connect one in Settings → Backends, then schedule it again.' };
  const b = backends.find((x) => x.name === chatwoot);
  if (!b) return { publish: false, why: `the Chatwoot account “${chatwoot}” is not set up any more.` };
  if (!b.hasToken) return { publish: false, why: `no API token is stored for “${chatwoot}”. Add it in Settings → Backends.` };
  return { publish: true, backend: chatwoot };
}
