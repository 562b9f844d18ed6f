import { closestConversation, conversationName } from '../../engine/journey-changes';
import { defineRuntime, TIMER_NEXT } from '../../engine/node-runtime';

/** Assign hands the closest upstream conversation to its target as it completes (at once). */
export const assignRuntime = defineRuntime('assign', {
  starts: false,
  canWait: false,
  arrive: () => ({ kind: 'complete', handle: 'next', why: '' }),
  timer: TIMER_NEXT,
  complete: (flow, d, n) => {
    const id = closestConversation(d, n.id);
    const t = n.data.target;
    const who = t ? `${t.type}:${t.type === 'inbox' ? t.inboxId : t.type === 'team' ? t.teamId : t.agentId}` : 'nobody';
    const conv = d.conversations.find((c) => c.id === id);
    if (conv) conv.assignee = who;
    if (!d.explain) return '';
    // `who` stays the backend's id in the data; the text names the target as the flow does.
    const whom = t ? `${t.type} ${t.name ? `"${t.name}"` : who.slice(t.type.length + 1)}` : 'nobody';
    return conv ? `${conversationName(flow, d, conv.id)} assigned to ${whom}` : 'no upstream conversation to assign';
  },
  readsPath: () => true,
  chatwootStep: 'assignment',
});
