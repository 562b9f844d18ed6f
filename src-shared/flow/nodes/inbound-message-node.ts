import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { ConditionGroup, describeCondition } from '../conditions';
import { Duration, durationSeconds, formatDuration } from '../primitives';
import type { NodeProblem } from '../problems';
import { conditionProblems } from './condition-checks';
import { defineNode, excerpt } from './node-definition';

/** Waits for the user's next message (optionally one that matches), or gives up after a timeout. */
export const inboundMessageNode = defineNode({
  type: 'inbound-message',
  title: 'Wait for reply',
  description: "Waits for the user's message, optionally one matching a condition, with an optional timeout.",
  dataSchema: lazySchema(() => z.strictObject({
    label: z.string().max(200).optional(),
    /** Null = any message completes the wait. */
    condition: ConditionGroup.nullable().default(null),
    /** Null = wait for ever. */
    timeout: Duration.nullable().default(null),
  })),
  defaults: () => ({ condition: null, timeout: { amount: 2, unit: 'days' as const } }),
  outputs: (data) => [
    { id: 'received', label: 'Replied', fanOut: false },
    ...(data.timeout ? [{ id: 'timeout', label: 'No reply', fanOut: false }] : []),
  ],
  summary: (data) => {
    const what = data.condition && data.condition.rules.length ? `reply where ${excerpt(describeCondition(data.condition), 30)}` : 'any reply';
    return `Wait for ${what}${data.timeout ? `, up to ${formatDuration(data.timeout)}` : ''}`;
  },
  validate: (data) => {
    const out: NodeProblem[] = [];
    if (data.condition) out.push(...conditionProblems(data.condition, 'data.condition', { allowMessage: true }));
    if (data.timeout && durationSeconds(data.timeout) === 0) {
      out.push({ severity: 'error', code: 'inbound.zero-timeout', message: 'A timeout of zero gives the user no time to reply.', field: 'data.timeout.amount' });
    }
    return out;
  },
});
