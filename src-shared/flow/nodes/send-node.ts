import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { Sender } from '../primitives';
import type { NodeProblem } from '../problems';
import { isKnownVariable, scanTemplate } from '../variables';
import { defineNode, excerpt, NEXT } from './node-definition';

/** `api`: handed to an API inbox, whose owner's backend delivers it (one-off campaigns). */
export const SendChannel = lazySchema(() => z.enum(['chat', 'email', 'sms', 'whatsapp', 'api']));
export type SendChannel = z.infer<typeof SendChannel>;

const CHANNEL_NAMES: Record<SendChannel, string> = { chat: 'chat', email: 'email', sms: 'SMS', whatsapp: 'WhatsApp', api: 'API' };
const BODY_LIMIT: Record<SendChannel, number> = { chat: 10_000, email: 100_000, sms: 1_600, whatsapp: 4_096, api: 10_000 };

/** Sends one message to the user on a channel, in a new conversation or the closest upstream one. */
export const sendNode = defineNode({
  type: 'send',
  title: 'Send message',
  description: 'Sends a message by chat, email, SMS or WhatsApp, with {{ contact.name }}-style variables.',
  dataSchema: lazySchema(() => z.strictObject({
    label: z.string().max(200).optional(),
    /** Null while the marketer has not chosen one (a validation error, not a parse error). */
    channel: SendChannel.nullable().default(null),
    subject: z.string().max(500).default(''),
    body: z.string().max(100_000).default(''),
    /** Null = the campaign's default sender. */
    sender: Sender.nullable().default(null),
    conversation: z.enum(['new', 'follow_up']).default('new'),
    inboxId: z.string().optional(),
  })),
  defaults: () => ({ channel: null, subject: '', body: '', sender: null, conversation: 'new' as const }),
  outputs: () => [NEXT],
  summary: (data) => {
    const channel = data.channel ? CHANNEL_NAMES[data.channel] : 'message';
    const text = data.channel === 'email' && data.subject ? data.subject : data.body;
    return text ? `Send ${channel}: ${excerpt(text)}` : `Send ${channel} (empty)`;
  },
  validate: (data, ctx) => {
    const out: NodeProblem[] = [];
    if (!data.channel) {
      out.push({ severity: 'error', code: 'send.no-channel', message: 'Choose a channel (chat, email, SMS or WhatsApp) for this message.', field: 'data.channel' });
    }
    if (!data.body.trim()) out.push({ severity: 'error', code: 'send.empty-body', message: 'The message is empty.', field: 'data.body' });
    if (data.channel === 'email' && !data.subject.trim()) {
      out.push({ severity: 'error', code: 'send.no-subject', message: 'An email needs a subject.', field: 'data.subject' });
    }
    if (data.channel && data.body.length > BODY_LIMIT[data.channel]) {
      out.push({ severity: 'error', code: 'send.too-long', message: `A ${CHANNEL_NAMES[data.channel]} message can hold at most ${BODY_LIMIT[data.channel]} characters; this one has ${data.body.length}.`, field: 'data.body' });
    }
    for (const [field, text] of [['data.body', data.body], ['data.subject', data.subject]] as const) {
      const scan = scanTemplate(text);
      for (const v of scan.variables) {
        if (!isKnownVariable(v.name)) {
          out.push({ severity: 'error', code: 'send.unknown-variable', message: `{{ ${v.name} }} is not a known variable; the customer would see it as typed.`, field });
        }
      }
      for (const at of scan.malformed) {
        out.push({ severity: 'error', code: 'send.malformed-variable', message: `The "{{" at character ${at + 1} does not form a variable like {{ contact.name }}.`, field });
      }
    }
    if (data.sender?.type === 'agent' && data.channel && data.channel !== 'chat') {
      out.push({ severity: 'info', code: 'send.agent-sender', message: `An agent as sender only shows in chat; ${CHANNEL_NAMES[data.channel]} shows the inbox's name.`, field: 'data.sender' });
    }
    if (!data.sender && !ctx.campaign.channelDefaults.sender && data.channel === 'chat') {
      out.push({ severity: 'info', code: 'send.default-sender', message: 'No sender chosen: the inbox bot will send it.', field: 'data.sender' });
    }
    return out;
  },
});
