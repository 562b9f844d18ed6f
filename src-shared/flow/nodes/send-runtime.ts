import { nextOpening } from '../../engine/calendar';
import { closestConversation, conversationName, render } from '../../engine/journey-changes';
import { defineRuntime, TIMER_NEXT } from '../../engine/node-runtime';
import { formatLocalTime } from '../../time/format';
import type { Sender } from '../primitives';

/**
 * A send goes out at once, or is held until business hours open when the campaign says so
 * (its timer then sends it). Completing records the message in a new conversation, or as a
 * follow-up in the closest upstream one.
 */
export const sendRuntime = defineRuntime('send', {
  starts: false,
  canWait: true,
  arrive: (flow, d) => {
    const c = flow.doc.campaign;
    if (!c.businessHours || c.outsideBusinessHours === 'send_anyway') return { kind: 'complete', handle: 'next', why: d.explain ? 'sent' : '' };
    const tz = c.businessHours.timezone ?? c.timezone;
    const open = nextOpening(d.time, c.businessHours.intervals, tz);
    if (open === null || open <= d.time) return { kind: 'complete', handle: 'next', why: d.explain ? (open === null ? 'sent (business hours never open)' : `sent (business hours open, ${tz})`) : '' };
    return { kind: 'wait', due: open, why: d.explain ? `outside business hours (${tz}): held until ${formatLocalTime(open, c.timezone)}` : '' };
  },
  timer: TIMER_NEXT,
  complete: (flow, d, n, why) => {
    const nodeId = n.id;
    const c = flow.doc.campaign;
    const channel = n.data.channel ?? 'chat';
    let conversationId = n.data.conversation === 'follow_up' ? closestConversation(d, nodeId) : null;
    const followUp = conversationId !== null;
    if (!conversationId) {
      conversationId = `${d.journeyId}:c${d.conversations.length + 1}`;
      d.conversations.push({ id: conversationId, nodeId, channel, open: true, assignee: null });
    }
    const sender = senderOf(n.data.sender ?? c.channelDefaults.sender ?? null);
    const body = d.explain ? render(n.data.body, d, c.name) : '';
    d.messages.push({ at: d.time, nodeId, channel, body, sender, conversationId });
    return d.explain ? `${channel}, ${followUp ? `follow-up in ${conversationName(flow, d, conversationId)}` : 'new conversation'}: ${why}` : why;
  },
  readsPath: (n) => n.data.conversation === 'follow_up',
  chatwootStep: null,
});

/**
 * The sender as the data names it (`bot:<name>`, `agent:<id>`). The last one is remembered by
 * its values (a flow's sends mostly share one sender), so a population run does not build the
 * same string for every message.
 */
let lastSender: { type: string; key: string | undefined; name: string } = { type: 'bot', key: undefined, name: 'bot:bot' };

function senderOf(s: Sender | null): string {
  const type = s?.type ?? 'bot';
  const key = s === null ? undefined : s.type === 'bot' ? s.name : s.agentId;
  if (lastSender.type !== type || lastSender.key !== key) lastSender = { type, key, name: type === 'bot' ? `bot:${key ?? 'bot'}` : `agent:${key}` };
  return lastSender.name;
}
