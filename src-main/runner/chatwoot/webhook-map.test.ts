import { describe, expect, it } from 'vitest';
import { contactCreated, contactUpdated, conversationCreated, conversationLabelsChanged, conversationStatusChanged, messageCreated, type ConversationSeed } from './testing/chatwoot-payloads';
import { example } from '../../../src-shared/testing/flow-builders';
import { triggerFires } from '../../../src-shared/engine/entry';
import { channelName, mapChatwootWebhook, type WebhookInput } from './webhook-map';

const RECEIVED = Date.parse('2030-01-01T00:00:00Z');
const jane = { id: 14, name: 'little-haze-776', email: null };
const conv: ConversationSeed = { id: 10, contact: jane, inboxId: 1, createdAt: 1_790_000_000, lastActivityAt: 1_790_000_100 };
const inputs = (payload: unknown): WebhookInput[] => {
  const r = mapChatwootWebhook(payload, RECEIVED);
  if ('error' in r) throw new Error(r.error);
  return r.inputs;
};
const error = (payload: unknown): string => {
  const r = mapChatwootWebhook(payload, RECEIVED);
  if (!('error' in r)) throw new Error(`expected an error, got ${JSON.stringify(r.inputs)}`);
  return r.error;
};

describe('conversation_created', () => {
  it('is the event conversation.created with channel and inbox, and names the conversation', () => {
    expect(inputs(conversationCreated(conv))).toEqual([
      { kind: 'event', dedupeKey: 'chatwoot:conversation_created:10', contactId: '14', name: 'conversation.created', properties: { channel: 'web_widget', channel_type: 'Channel::WebWidget', inbox_id: 1, status: 'open', conversation_id: 10 }, at: 1_790_000_000_000, conversationId: '10' },
    ]);
  });

  it('names channels as flows do, so the shipped "Collect name and email" trigger fires on a website chat only', () => {
    expect(['Channel::WebWidget', 'Channel::Api', 'Channel::TwilioSms', 'Channel::Whatsapp', 'Channel::FacebookPage', 'Channel::Email'].map(channelName)).toEqual(['web_widget', 'api', 'twilio_sms', 'whatsapp', 'facebook_page', 'email']);
    const trigger = example('collect-name-and-email').campaign.trigger;
    const fires = (channel: string) => {
      const [i] = inputs(conversationCreated({ ...conv, channel }));
      if (i?.kind !== 'event') throw new Error('expected an event');
      return triggerFires(trigger, { type: 'event', at: i.at, name: i.name, properties: i.properties });
    };
    expect(fires('Channel::WebWidget')).toBe(true);
    expect(fires('Channel::Whatsapp')).toBe(false);
  });

  it('finds the contact in meta.sender when the contact inbox is absent', () => {
    const p = conversationCreated(conv) as Record<string, unknown>;
    delete p.contact_inbox;
    expect(inputs(p)[0]).toMatchObject({ contactId: '14' });
  });

  it('names the missing id and the missing contact', () => {
    const noId = { ...conversationCreated(conv), id: undefined };
    expect(error(noId)).toBe('conversation_created: $.id must be a positive integer id (got nothing).');
    const p = conversationCreated(conv) as Record<string, unknown>;
    delete p.contact_inbox;
    p.meta = { sender: null };
    expect(error(p)).toBe('conversation_created: $.contact_inbox.contact_id is missing, and so is meta.sender.id: the contact is unknown.');
  });
});

describe('message_created', () => {
  it('an incoming message is a message from the contact in that conversation, keyed by message id', () => {
    const p = messageCreated({ id: 118, conversation: conv, content: 'my email is jane@acme.example', createdAt: '2026-09-09T10:00:00.000Z' });
    expect(inputs(p)).toEqual([{ kind: 'message', dedupeKey: 'chatwoot:message:118', contactId: '14', text: 'my email is jane@acme.example', at: Date.parse('2026-09-09T10:00:00.000Z'), conversationId: '10' }]);
  });

  it('accepts message_type given as the integer 0', () => {
    expect(inputs(messageCreated({ id: 119, conversation: conv, messageType: 0 }))).toHaveLength(1);
  });

  it('a duplicate delivery of one message gives the same key (the runner keeps one)', () => {
    const a = inputs(messageCreated({ id: 120, conversation: conv }));
    const b = inputs(JSON.parse(JSON.stringify(messageCreated({ id: 120, conversation: conv }))));
    expect(a[0]!.dedupeKey).toBe(b[0]!.dedupeKey);
    expect(inputs(messageCreated({ id: 121, conversation: conv }))[0]!.dedupeKey).not.toBe(a[0]!.dedupeKey);
  });

  it('outgoing, activity, template and private messages are not inputs', () => {
    for (const messageType of ['outgoing', 'activity', 'template', 1, 2, 3] as const) expect(inputs(messageCreated({ id: 130, conversation: conv, messageType }))).toEqual([]);
    expect(inputs(messageCreated({ id: 131, conversation: conv, private: true }))).toEqual([]);
  });

  it('an attachment-only message (no content) is an empty text', () => {
    expect(inputs(messageCreated({ id: 132, conversation: conv, content: null }))[0]).toMatchObject({ text: '' });
  });

  it('message_updated is not an input (only new messages move journeys)', () => {
    expect(inputs(messageCreated({ id: 118, conversation: conv }, 'message_updated'))).toEqual([]);
  });

  it('names malformed fields by their path', () => {
    expect(error({ ...messageCreated({ id: 1, conversation: conv }), conversation: 'x' })).toBe('message_created: $.conversation must be an object (got "x").');
    expect(error({ ...messageCreated({ id: 1, conversation: conv }), id: 'abc' })).toBe('message_created: $.id must be a positive integer id (got "abc").');
    expect(error({ ...messageCreated({ id: 1, conversation: conv }), content: 42 })).toBe('message_created: $.content must be text (got 42).');
    const p = messageCreated({ id: 1, conversation: conv });
    expect(error({ ...p, conversation: { ...p.conversation, id: null } })).toBe('message_created: $.conversation.id must be a positive integer id (got null).');
  });

  it('accepts quoted ids as Chatwoot’s documented sample has them', () => {
    const p = messageCreated({ id: 1, conversation: conv });
    expect(inputs({ ...p, id: '118' })[0]).toMatchObject({ dedupeKey: 'chatwoot:message:118' });
  });
});

describe('contact_created / contact_updated', () => {
  it('a new contact gives its standard and custom attributes, without empty ones', () => {
    const p = contactCreated({ id: 14, name: 'Jane', email: 'jane@acme.example', phone_number: null, custom_attributes: { plan: 'pro', seats: 5, trial: true, gone: null } });
    expect(inputs(p)).toEqual([{ kind: 'attributes', dedupeKey: 'chatwoot:contact_created:14', contactId: '14', attributes: { plan: 'pro', seats: 5, trial: true, name: 'Jane', email: 'jane@acme.example' }, at: RECEIVED }]);
  });

  it('an update gives only what changed, a removed custom attribute as null, at the change time', () => {
    const p = contactUpdated({ id: 14, name: 'Jane Doe', email: 'jane@acme.example', custom_attributes: { plan: 'team' } }, { email: [null, 'jane@acme.example'], custom_attributes: [{ plan: 'pro', coupon: 'X1' }, { plan: 'team' }] }, '2026-09-09T10:00:00.000Z');
    const [i] = inputs(p);
    expect(i).toMatchObject({ kind: 'attributes', contactId: '14', attributes: { email: 'jane@acme.example', plan: 'team', coupon: null }, at: Date.parse('2026-09-09T10:00:00.000Z') });
    expect(Object.keys((i as { attributes: object }).attributes).sort()).toEqual(['coupon', 'email', 'plan']);
  });

  it('a duplicate update has the same key; another update of the same field does not', () => {
    const a = inputs(contactUpdated({ id: 14, name: 'Jane' }, { name: ['jane', 'Jane'] }, '2026-09-09T10:00:00.000Z'))[0]!;
    const b = inputs(contactUpdated({ id: 14, name: 'Jane' }, { name: ['jane', 'Jane'] }, '2026-09-09T10:00:00.000Z'))[0]!;
    const c = inputs(contactUpdated({ id: 14, name: 'Jane' }, { name: ['Janet', 'Jane'] }, '2026-09-09T11:00:00.000Z'))[0]!;
    expect(a.dedupeKey).toBe(b.dedupeKey);
    expect(c.dedupeKey).not.toBe(a.dedupeKey);
  });

  it('an update of fields journeys do not see (avatar, last activity) gives nothing', () => {
    expect(inputs(contactUpdated({ id: 14 }, { last_activity_at: ['a', 'b'] }))).toEqual([]);
  });

  it('a cleared email becomes null', () => {
    expect(inputs(contactUpdated({ id: 14 }, { email: ['a@b.example', ''] }))[0]).toMatchObject({ attributes: { email: null } });
  });

  it('names a malformed change', () => {
    const p = contactUpdated({ id: 14 }, {});
    expect(error({ ...p, changed_attributes: [{ email: 'x' }] })).toBe('contact_updated: $.changed_attributes[0].email must be an object (got "x").');
    expect(error({ ...p, changed_attributes: [{ custom_attributes: { previous_value: {}, current_value: [1] } }] })).toBe('contact_updated: $.changed_attributes[0].custom_attributes.current_value must be an object (got [1]).');
  });
});

describe('label changes', () => {
  it('conversation_updated with label_list gives the conversation’s labels as the contact’s tags', () => {
    const p = conversationLabelsChanged({ ...conv, labels: ['lead', 'pricing'], previousLabels: ['lead'] });
    expect(inputs(p)).toEqual([{ kind: 'tags', dedupeKey: expect.stringMatching(/^chatwoot:labels:10:[0-9a-f]{16}$/), contactId: '14', tags: ['lead', 'pricing'], at: 1_790_000_100_000 }]);
  });

  it('reads the comma-separated cached_label_list when that is what changed', () => {
    const p = { ...conversationCreated({ ...conv, labels: ['vip'] }), event: 'conversation_updated', changed_attributes: [{ cached_label_list: { previous_value: '', current_value: 'vip' } }] };
    expect(inputs(p)[0]).toMatchObject({ kind: 'tags', tags: ['vip'] });
  });

  it('without changed_attributes, the labels the conversation has are taken as its tags', () => {
    const p = { ...conversationCreated({ ...conv, labels: ['vip', 'lead'] }), event: 'conversation_updated' };
    expect(inputs(p)[0]).toMatchObject({ kind: 'tags', tags: ['vip', 'lead'], contactId: '14' });
    expect(error({ ...p, labels: 5 })).toBe('conversation_updated: $.labels must be a list of labels (got 5).');
  });

  it('other conversation updates give nothing', () => {
    const p = { ...conversationCreated(conv), event: 'conversation_updated', changed_attributes: [{ assignee_id: { previous_value: null, current_value: 3 } }] };
    expect(inputs(p)).toEqual([]);
  });

  it('names a label that is not text', () => {
    const p = conversationLabelsChanged({ ...conv, labels: ['lead'] });
    p.changed_attributes[0] = { label_list: { previous_value: [], current_value: ['lead', 7] as unknown as string[] } };
    expect(error(p)).toBe('conversation_updated: $.changed_attributes[0].label_list.current_value[1] must be a label title (got 7).');
  });
});

describe('conversation_status_changed', () => {
  it('is the event conversation.status_changed with the new and previous status', () => {
    const [i] = inputs(conversationStatusChanged({ ...conv, status: 'resolved', previousStatus: 'open' }));
    expect(i).toMatchObject({ kind: 'event', name: 'conversation.status_changed', contactId: '14', conversationId: '10', properties: { status: 'resolved', previous_status: 'open', channel: 'web_widget', channel_type: 'Channel::WebWidget', inbox_id: 1, conversation_id: 10 }, at: 1_790_000_100_000 });
  });

  it('the same change delivered twice has one key; a later change back has another', () => {
    const a = inputs(conversationStatusChanged({ ...conv, status: 'resolved' }))[0]!;
    const b = inputs(conversationStatusChanged({ ...conv, status: 'resolved' }))[0]!;
    const c = inputs(conversationStatusChanged({ ...conv, status: 'resolved', lastActivityAt: 1_790_000_500 }))[0]!;
    expect(a.dedupeKey).toBe(b.dedupeKey);
    expect(c.dedupeKey).not.toBe(a.dedupeKey);
  });

  it('names a missing status', () => {
    expect(error({ ...conversationStatusChanged(conv), status: undefined })).toBe('conversation_status_changed: $.status must be the conversation\'s status (got nothing).');
  });
});

describe('envelope', () => {
  it('unknown events are not errors and give nothing', () => {
    expect(inputs({ event: 'webwidget_triggered', id: 12 })).toEqual([]);
    expect(inputs({ event: 'conversation_typing_on' })).toEqual([]);
    expect(inputs({ event: 'toString' })).toEqual([]);
  });

  it('a body that is not an event object is an error that says so', () => {
    expect(mapChatwootWebhook([1, 2])).toEqual({ error: 'The webhook body must be a JSON object (got a list).' });
    expect(mapChatwootWebhook('hi')).toEqual({ error: 'The webhook body must be a JSON object (got "hi").' });
    expect(mapChatwootWebhook({ id: 1 })).toEqual({ error: '$.event must name the Chatwoot event (got nothing).' });
  });
});
