import { defineRuntime, TIMER_NEXT } from '../../engine/node-runtime';

/** Reaching an end ends the whole journey, whatever else is waiting. */
export const endRuntime = defineRuntime('end', {
  starts: false,
  canWait: false,
  arrive: (_flow, d) => ({ kind: 'end', why: d.explain ? 'end node: the whole journey ends' : '' }),
  timer: TIMER_NEXT,
  chatwootStep: null,
});
