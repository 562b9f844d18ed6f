/**
 * Campaign Studio's own statement of Chatwoot's campaign API contract, the one the tests and the
 * fake Chatwoot hold our request bodies and response parsing to. Kept in the repository so the
 * tests run in a plain clone.
 *
 * Written by hand from the fields and types Chatwoot documents (facts only; no text copied):
 * - Chatwoot's campaign API documentation from chatwoot/chatwoot PR #15748 ("document campaign
 *   creation and scheduling APIs", merged upstream 2026-09-09): `swagger/definitions/request/
 *   campaign/{fields,create,update,whatsapp_template_params}.yml` and
 *   `swagger/definitions/resource/campaign.yml`, as read at the PR iterations 0efbc696 and
 *   73dd19e7 (the stricter of the iterations is used: audience needs at least one `{type: Label,
 *   id}`, `template_params` has a schema, create has website / SMS / WhatsApp variants).
 * - Runtime facts from Chatwoot's Ruby source on develop (June 2026, after release 4.15.0,
 *   commit f66b551c): the `processing` status (#14592) and `started_at` / `completed_at`.
 * If Chatwoot changes its contract, update this file and say which version it now follows.
 */

/** A label chosen as audience: Chatwoot only accepts the type `Label`. */
const audienceItem = {
  type: 'object',
  required: ['type', 'id'],
  properties: { type: { type: 'string', enum: ['Label'] }, id: { type: 'integer' } },
} as const;

/** `template_params` of a WhatsApp campaign: the approved template and its variable values. */
export const campaignWhatsappTemplateParams = {
  type: 'object',
  required: ['name', 'language'],
  properties: {
    name: { type: 'string', minLength: 1 },
    language: { type: 'string', minLength: 1 },
    namespace: { type: 'string' },
    category: { type: 'string' },
    processed_params: {
      type: 'object',
      properties: {
        body: { type: 'object', additionalProperties: { type: 'string' } },
        header: { type: 'object', additionalProperties: true },
        footer: { type: 'object', additionalProperties: { type: 'string' } },
        buttons: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
    },
  },
} as const;

/** Every field a client may send when creating or updating a campaign. */
export const campaignFields = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    description: { type: ['string', 'null'] },
    inbox_id: { type: 'integer' },
    sender_id: { type: ['integer', 'null'] },
    message: { type: 'string' },
    enabled: { type: 'boolean' },
    scheduled_at: { type: 'string', format: 'date-time' },
    audience: { type: 'array', minItems: 1, items: audienceItem },
    trigger_rules: { type: 'object', additionalProperties: true },
    trigger_only_during_business_hours: { type: 'boolean' },
    template_params: { $ref: '#/components/schemas/campaign_whatsapp_template_params' },
  },
} as const;

/** POST body: title, inbox and message, plus what the inbox's kind needs to deliver. */
export const campaignCreatePayload = {
  type: 'object',
  required: ['campaign'],
  properties: {
    campaign: {
      allOf: [
        { $ref: '#/components/schemas/campaign_fields' },
        { type: 'object', required: ['title', 'inbox_id', 'message'] },
        {
          anyOf: [
            { title: 'website', type: 'object', required: ['trigger_rules'], properties: { trigger_rules: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' } } } } },
            { title: 'sms', type: 'object', required: ['audience'] },
            { title: 'whatsapp', type: 'object', required: ['audience', 'template_params'] },
          ],
        },
      ],
    },
  },
} as const;

/** PATCH/PUT body: any subset of the fields. */
export const campaignUpdatePayload = {
  type: 'object',
  required: ['campaign'],
  properties: { campaign: { allOf: [{ $ref: '#/components/schemas/campaign_fields' }] } },
} as const;

/** A campaign as Chatwoot answers it; times of one-offs are Unix seconds. */
export const campaignResource = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    description: { type: ['string', 'null'] },
    account_id: { type: 'integer' },
    inbox: { $ref: '#/components/schemas/inbox' },
    sender: { type: 'object', additionalProperties: true },
    message: { type: 'string' },
    template_params: { type: ['object', 'null'], additionalProperties: true },
    campaign_status: { type: 'string', enum: ['active', 'processing', 'completed'] },
    campaign_type: { type: 'string', enum: ['ongoing', 'one_off'] },
    enabled: { type: 'boolean' },
    scheduled_at: { type: 'integer' },
    started_at: { type: ['integer', 'null'] },
    completed_at: { type: ['integer', 'null'] },
    audience: { type: ['array', 'null'], items: { type: 'object', properties: { type: { type: 'string' }, id: { type: 'integer' } } } },
    trigger_rules: { type: 'object', additionalProperties: true },
    trigger_only_during_business_hours: { type: 'boolean' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

/**
 * One row of an inbox's weekly schedule, as `GET /api/v1/accounts/{id}/inboxes` sends it
 * (Chatwoot's inbox view renders `working_hours` from `weekly_schedule`; the model allows hours
 * 0–23 and minutes 0–59, null times on a day closed all day). Read from chatwoot/chatwoot
 * develop (2026): app/views/api/v1/models/_inbox.json.jbuilder,
 * app/models/concerns/out_of_offisable.rb, app/models/working_hour.rb.
 */
export const inboxWorkingHour = {
  type: 'object',
  required: ['day_of_week', 'closed_all_day', 'open_hour', 'open_minutes', 'close_hour', 'close_minutes', 'open_all_day'],
  properties: {
    day_of_week: { type: 'integer', minimum: 0, maximum: 6 },
    closed_all_day: { type: 'boolean' },
    open_hour: { type: ['integer', 'null'], minimum: 0, maximum: 23 },
    open_minutes: { type: ['integer', 'null'], minimum: 0, maximum: 59 },
    close_hour: { type: ['integer', 'null'], minimum: 0, maximum: 23 },
    close_minutes: { type: ['integer', 'null'], minimum: 0, maximum: 59 },
    open_all_day: { type: 'boolean' },
  },
} as const;

/**
 * An inbox as the inbox list and a campaign embed it: the fields campaigns rely on. The
 * campaign documentation leaves the embedded inbox undescribed; these come from the inbox view.
 */
const inbox = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    channel_type: { type: 'string' },
    working_hours_enabled: { type: 'boolean' },
    working_hours: { type: 'array', maxItems: 7, items: { $ref: '#/components/schemas/inbox_working_hour' } },
    timezone: { type: 'string', minLength: 1 },
  },
} as const;

/** `GET /api/v1/accounts/{id}/inboxes`: `{ payload: [inbox…] }`. */
export const inboxListResponse = {
  type: 'object',
  required: ['payload'],
  properties: { payload: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/inbox' }, { type: 'object', required: ['id', 'name', 'channel_type', 'working_hours_enabled', 'working_hours', 'timezone'] }] } } },
} as const;

/** All of the above under the names they refer to each other by. */
export const chatwootComponents = {
  campaign_fields: campaignFields,
  campaign_create_payload: campaignCreatePayload,
  campaign_update_payload: campaignUpdatePayload,
  campaign_whatsapp_template_params: campaignWhatsappTemplateParams,
  campaign: campaignResource,
  inbox,
  inbox_working_hour: inboxWorkingHour,
  inbox_list: inboxListResponse,
} as const;

/**
 * Create bodies of the three documented kinds (our own values, the documented shapes): a
 * scheduled SMS one-off, a WhatsApp one-off with one body variable, a website campaign.
 */
export const documentedCreateBodies = {
  sms: { campaign: { title: 'Spring offers', inbox_id: 4, message: 'Our spring offers are in.', scheduled_at: '2031-03-01T09:00:00Z', audience: [{ type: 'Label', id: 2 }] } },
  whatsapp: { campaign: { title: 'Shipping news', inbox_id: 7, message: 'Hi {{ contact.name }}, it is on its way.', scheduled_at: '2031-03-01T09:00:00Z', audience: [{ type: 'Label', id: 2 }], template_params: { name: 'order_shipped', language: 'en', processed_params: { body: { '1': '{{ contact.name }}' } } } } },
  website: { campaign: { title: 'Need a hand?', inbox_id: 1, sender_id: 5, message: 'Questions about plans?', trigger_rules: { url: 'https://shop.example/pricing', time_on_page: 15 } } },
} as const;
