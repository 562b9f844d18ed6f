import { nextOpening } from '../../engine/calendar';
import { closestConversation, conversationName, render } from '../../engine/journey-changes';
import { defineRuntime, TIMER_NEXT } from '../../engine/node-runtime';
import { formatLocalTime } from '../../time/format';

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
    const s = n.data.sender ?? c.channelDefaults.sender ?? { type: 'bot' as const };
    const sender = s.type === 'bot' ? `bot:${s.name ?? 'bot'}` : `agent:${s.agentId}`;
    const body = d.explain ? render(n.data.body, d, c.name) : '';
    d.messages.push({ at: d.time, nodeId, channel, body, sender, conversationId });
    return d.explain ? `${channel}, ${followUp ? `follow-up in ${conversationName(flow, d, conversationId)}` : 'new conversation'}: ${why}` : why;
  },
  readsPath: (n) => n.data.conversation === 'follow_up',
  chatwootStep: null,
});
