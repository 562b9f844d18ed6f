import { addDuration } from '../../engine/calendar';
import { evaluateCondition } from '../../engine/conditions';
import { envOf } from '../../engine/journey-changes';
import { defineRuntime } from '../../engine/node-runtime';
import { formatLocalTime } from '../../time/format';
import { describeCondition } from '../conditions';

/** Waits for a reply (matching its condition, if any) until its optional timeout: `received` or `timeout`. */
export const inboundMessageRuntime = defineRuntime('inbound-message', {
  starts: false,
  canWait: true,
  arrive: (flow, d, node) => {
    const due = node.data.timeout ? addDuration(d.time, node.data.timeout, flow.doc.campaign.timezone) : null;
    if (!d.explain) return { kind: 'wait', due, why: '' };
    const what = node.data.condition ? describeCondition(node.data.condition) : 'any message';
    return { kind: 'wait', due, why: `waiting for ${what}${due === null ? '' : ` until ${formatLocalTime(due, flow.doc.campaign.timezone)}`}` };
  },
  timer: { handle: 'timeout', why: 'no matching reply before the timeout' },
  message: (node, d, text) => {
    if (!node.data.condition) return { matched: true, why: d.explain ? `any message (seen '${text}')` : '' };
    return evaluateCondition(node.data.condition, envOf(d, text), d.explain);
  },
  chatwootStep: 'wait-for-a-reply',
});
