import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { defineNode, NEXT } from './node-definition';

export const AssignTarget = lazySchema(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('inbox'), inboxId: z.string(), name: z.string().optional() }),
  z.strictObject({ type: z.literal('team'), teamId: z.string(), name: z.string().optional() }),
  z.strictObject({ type: z.literal('agent'), agentId: z.string(), name: z.string().optional() }),
]));
export type AssignTarget = z.infer<typeof AssignTarget>;

function targetId(t: AssignTarget): string {
  return t.type === 'inbox' ? t.inboxId : t.type === 'team' ? t.teamId : t.agentId;
}

/** Hands the closest upstream conversation to an inbox, a team or an agent. */
export const assignNode = defineNode({
  type: 'assign',
  title: 'Assign',
  description: 'Assigns the conversation to an inbox, a team or an agent.',
  dataSchema: lazySchema(() => z.strictObject({ label: z.string().max(200).optional(), target: AssignTarget.nullable().default(null) })),
  defaults: () => ({ target: null }),
  outputs: () => [NEXT],
  summary: ({ target }) => (target ? `Assign to ${target.type} ${target.name || targetId(target) || '(not chosen)'}` : 'Assign (no one chosen)'),
  validate: ({ target }) =>
    !target || !targetId(target).trim()
      ? [{ severity: 'error', code: 'assign.no-target', message: 'Choose the inbox, team or agent to assign to.', field: 'data.target' }]
      : [],
});
