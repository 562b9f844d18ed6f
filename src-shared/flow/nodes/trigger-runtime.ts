import { defineRuntime, TIMER_NEXT } from '../../engine/node-runtime';

/** The trigger completes through `next` as the journey starts; nothing arrives at it (validation refuses edges into it). */
export const triggerRuntime = defineRuntime('trigger', {
  starts: true,
  canWait: false,
  arrive: () => ({ kind: 'complete', handle: 'next', why: '' }),
  timer: TIMER_NEXT,
  chatwootStep: null,
});
