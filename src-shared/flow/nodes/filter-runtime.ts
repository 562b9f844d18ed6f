import { evaluateCondition } from '../../engine/conditions';
import { envOf } from '../../engine/journey-changes';
import { defineRuntime, TIMER_NEXT } from '../../engine/node-runtime';

/** A filter decides at once: `match` or `else`, by its condition on the journey as it is now. */
export const filterRuntime = defineRuntime('filter', {
  starts: false,
  canWait: false,
  arrive: (_flow, d, node) => {
    const r = evaluateCondition(node.data.condition, envOf(d), d.explain);
    return { kind: 'complete', handle: r.matched ? 'match' : 'else', why: r.why };
  },
  timer: TIMER_NEXT,
  chatwootStep: 'filter (branch)',
});
