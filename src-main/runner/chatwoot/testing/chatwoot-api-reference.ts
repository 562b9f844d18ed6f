import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

/**
 * The parts of Chatwoot's API documentation (its OpenAPI sources, chatwoot/chatwoot
 * `swagger/definitions/...` and `swagger/paths/application/...`) that the runner's connector
 * and its stand-in rely on, restated as JSON Schema: field names, types and enums as documented.
 * Sources read (commit as recorded by the code index):
 * - request/conversation/create_message_payload.yml (14484755): content required; message_type
 *   outgoing|incoming; private; content_type enum; content_attributes object. The Ruby
 *   Messages::MessageBuilder (upstream) also reads `echo_id` and stores `content_attributes`.
 * - request/conversation/create_payload.yml (00b18497): source_id required; inbox_id, contact_id,
 *   status open|resolved|pending, custom_attributes, assignee_id, team_id.
 * - paths/application/conversation/assignments.yml (139c4892): `{assignee_id}` or `{team_id}` (numbers).
 * - resource/message.yml (06748372): id, content, conversation_id, message_type 0|1|2 (integers in
 *   API answers; webhooks spell the enum name), created_at integer, content_attributes object.
 * - paths/application/conversation/messages/index.yml (0d2cc75a): `{ meta, payload: [message] }`.
 * - resource/contact_inbox.yml (2d24ed01): `{ source_id, inbox: { id, name, channel_type, ... } }`.
 * - resource/contact_conversations_response.yml: `{ payload: [conversation] }`.
 * - webhook samples: chatwoot/docs docs/product/others/webhook-events.md.
 */
export const chatwootApiSchemas = {
  createMessageRequest: {
    type: 'object',
    required: ['content'],
    properties: {
      content: { type: 'string' },
      message_type: { type: 'string', enum: ['outgoing', 'incoming'] },
      private: { type: 'boolean' },
      content_type: { type: 'string', enum: ['text', 'input_email', 'cards', 'input_select', 'form', 'article'] },
      content_attributes: { type: 'object' },
      echo_id: { type: 'string' },
      campaign_id: { type: 'integer' },
    },
  },
  createConversationRequest: {
    type: 'object',
    required: ['source_id'],
    properties: {
      source_id: { type: 'string' },
      inbox_id: { type: 'integer' },
      contact_id: { type: 'integer' },
      additional_attributes: { type: 'object' },
      custom_attributes: { type: 'object' },
      status: { type: 'string', enum: ['open', 'resolved', 'pending'] },
      assignee_id: { type: 'integer' },
      team_id: { type: 'integer' },
    },
  },
  createContactInboxRequest: {
    type: 'object',
    required: ['inbox_id'],
    properties: { inbox_id: { type: 'integer' }, source_id: { type: 'string' } },
  },
  assignmentRequest: {
    type: 'object',
    properties: { assignee_id: { type: 'number' }, team_id: { type: 'number' } },
    anyOf: [{ required: ['assignee_id'] }, { required: ['team_id'] }],
  },
  message: {
    type: 'object',
    required: ['id', 'content', 'conversation_id', 'message_type', 'created_at'],
    properties: {
      id: { type: 'number' },
      content: { type: ['string', 'null'] },
      account_id: { type: 'number' },
      inbox_id: { type: 'number' },
      conversation_id: { type: 'number' },
      message_type: { type: 'integer', enum: [0, 1, 2, 3] },
      created_at: { type: 'integer' },
      updated_at: { type: ['integer', 'string'] },
      private: { type: 'boolean' },
      status: { type: ['string', 'null'], enum: ['sent', 'delivered', 'read', 'failed', null] },
      source_id: { type: ['string', 'null'] },
      content_type: { type: ['string', 'null'] },
      content_attributes: { type: 'object' },
      sender_type: { type: 'string', enum: ['Contact', 'User', 'AgentBot'] },
      sender_id: { type: 'number' },
      external_source_ids: { type: 'object' },
      additional_attributes: { type: 'object' },
      sender: { type: 'object' },
    },
  },
  messageList: {
    type: 'object',
    required: ['payload'],
    properties: { meta: { type: 'object' }, payload: { type: 'array', items: { $ref: '#/$defs/message' } } },
  },
  contactInbox: {
    type: 'object',
    required: ['source_id', 'inbox'],
    properties: { source_id: { type: 'string' }, inbox: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string' }, channel_type: { type: 'string' } } } },
  },
  conversation: {
    type: 'object',
    required: ['id', 'inbox_id', 'status'],
    properties: {
      id: { type: 'number', description: 'display id' },
      account_id: { type: 'number' },
      inbox_id: { type: 'number' },
      status: { type: 'string', enum: ['open', 'resolved', 'pending', 'snoozed'] },
      custom_attributes: { type: 'object' },
      additional_attributes: { type: 'object' },
      messages: { type: 'array' },
      meta: { type: 'object' },
      labels: { type: 'array', items: { type: 'string' } },
      timestamp: { type: 'number' },
    },
  },
  conversationList: { type: 'object', required: ['payload'], properties: { payload: { type: 'array', items: { $ref: '#/$defs/conversation' } } } },
  agent: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' }, available_name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string', enum: ['agent', 'administrator'] }, confirmed: { type: 'boolean' }, availability_status: { type: 'string' } } },
  team: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' }, description: { type: ['string', 'null'] }, allow_auto_assign: { type: 'boolean' }, account_id: { type: 'integer' }, is_member: { type: 'boolean' } } },
  inboxList: { type: 'object', required: ['payload'], properties: { payload: { type: 'array', items: { type: 'object', required: ['id', 'name', 'channel_type'], properties: { id: { type: 'integer' }, name: { type: 'string' }, channel_type: { type: 'string' } } } } } },
} as const;

export type ChatwootSchemaName = keyof typeof chatwootApiSchemas;

let compiled: Record<ChatwootSchemaName, ValidateFunction> | undefined;

/** Readable violations of `body` against one of the documented shapes; [] when it conforms. */
export function checkChatwoot(name: ChatwootSchemaName, body: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const $defs = chatwootApiSchemas;
    compiled = Object.fromEntries(Object.entries(chatwootApiSchemas).map(([k, s]) => [k, ajv.compile({ ...s, $defs })])) as Record<ChatwootSchemaName, ValidateFunction>;
  }
  const fn = compiled[name];
  return fn(body) ? [] : (fn.errors ?? []).map((e) => `${name}${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
}
