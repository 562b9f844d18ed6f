import { defineRuntime, TIMER_NEXT } from '../../engine/node-runtime';
import { mixSeed } from '../../random/prng';
import type { NodeOfKind } from './index';
import { formatPercent } from './split-node';

/**
 * A split decides at once: the user's point in [0, 100) — a hash of flow, step and user, so the
 * same user always gets the same branch, whichever run or journey — falls in one branch's share
 * (branches in order, each taking its percent of the line).
 */
export const splitRuntime = defineRuntime('split', {
  starts: false,
  canWait: false,
  arrive: (_flow, d, node) => {
    const point = splitPoint(d.flowId, node.id, d.profile.id);
    const branch = branchAt(node, point);
    const name = branch.label || branch.id;
    return { kind: 'complete', handle: branch.id, why: d.explain ? `random split: this contact's draw ${point.toFixed(1)} falls in ${name} (${formatPercent(branch.percent)} of contacts)` : '' };
  },
  timer: TIMER_NEXT,
  chatwootStep: 'split (A/B test)',
});

/** The user's fixed point in [0, 100) for one split step of one flow. */
export function splitPoint(flowId: string, nodeId: string, userId: string): number {
  let h = 0x811c9dc5;
  const key = `${flowId}\u0000${nodeId}\u0000${userId}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (mixSeed(h >>> 0, 0) / 4294967296) * 100;
}

function branchAt(node: NodeOfKind<'split'>, point: number) {
  let upTo = 0;
  for (const b of node.data.branches) {
    upTo += b.percent;
    if (point < upTo) return b;
  }
  // Rounding (or percentages short of 100, which validation refuses): the last branch.
  return node.data.branches[node.data.branches.length - 1]!;
}
