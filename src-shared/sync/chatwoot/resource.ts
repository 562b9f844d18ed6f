import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';

/**
 * A Chatwoot campaign as the API returns it: a zod mirror of Chatwoot's own
 * `resource_campaign.yml` (a test keeps the two in step). `id` is the account-scoped
 * display id used in paths; `scheduled_at` comes back as Unix seconds, not ISO.
 * The fields every answer carries are required; the one-off-only ones are optional.
 */
export const ChatwootCampaign = lazySchema(() => z.looseObject({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable().optional(),
  account_id: z.number().int().optional(),
  inbox: z.looseObject({ id: z.number().int().optional() }).optional(),
  sender: z.record(z.string(), z.unknown()).optional(),
  message: z.string(),
  template_params: z.record(z.string(), z.unknown()).nullable().optional(),
  campaign_status: z.enum(['active', 'processing', 'completed']),
  campaign_type: z.enum(['ongoing', 'one_off']),
  enabled: z.boolean(),
  scheduled_at: z.number().int().optional(),
  started_at: z.number().int().nullable().optional(),
  completed_at: z.number().int().nullable().optional(),
  audience: z.array(z.looseObject({ type: z.string().optional(), id: z.number().int().optional() })).nullable().optional(),
  trigger_rules: z.record(z.string(), z.unknown()).optional(),
  trigger_only_during_business_hours: z.boolean().optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  updated_at: z.iso.datetime({ offset: true }).optional(),
}));
export type ChatwootCampaign = z.infer<typeof ChatwootCampaign>;

export const ChatwootCampaignList = lazySchema(() => z.array(ChatwootCampaign));

/** Chatwoot's 422 body: `{"message": "Title can't be blank, Url invalid", "attributes": ["title","url"]}`. */
export const ChatwootValidationBody = lazySchema(() => z.looseObject({ message: z.string(), attributes: z.array(z.string()).default([]) }));

/** Chatwoot's other error bodies: `{"error": "..."}` (401, missing param) or `{"errors": [...]}`. */
export const ChatwootErrorBody = lazySchema(() => z.union([z.looseObject({ error: z.string() }), z.looseObject({ errors: z.array(z.string()) })]));

/** Sent campaigns (one-off, picked up by the scheduler) can no longer be changed. */
export function isSent(c: Pick<ChatwootCampaign, 'campaign_type' | 'campaign_status'>): boolean {
  return c.campaign_type === 'one_off' && (c.campaign_status === 'processing' || c.campaign_status === 'completed');
}
