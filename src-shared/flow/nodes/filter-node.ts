import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { ConditionGroup, describeCondition, emptyGroup } from '../conditions';
import { conditionProblems } from './condition-checks';
import { defineNode, excerpt } from './node-definition';

/** Sends users down `match` or `else` depending on a condition, evaluated on arrival. */
export const filterNode = defineNode({
  type: 'filter',
  title: 'Filter',
  description: 'Splits users by a condition checked the moment they arrive.',
  dataSchema: lazySchema(() => z.strictObject({ label: z.string().max(200).optional(), condition: ConditionGroup })),
  defaults: () => ({ condition: emptyGroup('all') }),
  outputs: () => [
    { id: 'match', label: 'Match', fanOut: false },
    { id: 'else', label: 'Else', fanOut: false },
  ],
  summary: (data) => (data.condition.rules.length ? `If ${excerpt(describeCondition(data.condition), 40)}` : 'No condition yet'),
  validate: (data) => {
    if (data.condition.rules.length === 0) {
      return [{ severity: 'error', code: 'filter.no-condition', message: 'This filter has no condition, so it cannot split users.', field: 'data.condition' }];
    }
    return conditionProblems(data.condition, 'data.condition', { allowMessage: false });
  },
});
