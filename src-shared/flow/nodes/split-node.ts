import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import type { NodeProblem } from '../problems';
import { defineNode } from './node-definition';

/** One cohort of a split: its handle id, its name on the canvas and its share of users. */
export const SplitBranch = lazySchema(() => z.strictObject({
  /** The output handle edges leave from: lower-case letters, digits, `-` and `_`. */
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'must be 1-32 lower-case letters, digits, "-" or "_"'),
  label: z.string().max(60),
  /** Share of users, in percent (decimals allowed): the branches add up to 100. */
  percent: z.number().finite().min(0).max(100),
}));
export type SplitBranch = z.infer<typeof SplitBranch>;

/**
 * Sends each user down one of its branches at random with the given percentages (an A/B/n test,
 * often with a "control" holdout that gets nothing). The draw is deterministic per user, flow and
 * step, so the same user always lands on the same branch (docs/semantics.md).
 */
export const splitNode = defineNode({
  type: 'split',
  title: 'Split',
  description: 'Splits users at random into cohorts with set percentages: A/B tests and holdouts.',
  dataSchema: lazySchema(() => z.strictObject({ label: z.string().max(200).optional(), branches: z.array(SplitBranch).max(10, 'at most 10 branches') })),
  defaults: () => ({
    branches: [
      { id: 'a', label: 'A', percent: 50 },
      { id: 'b', label: 'B', percent: 50 },
    ],
  }),
  outputs: (data) => data.branches.map((b) => ({ id: b.id, label: b.label || b.id.toUpperCase(), fanOut: false })),
  summary: (data) => (data.branches.length ? `Split ${data.branches.map((b) => formatPercent(b.percent)).join(' / ')}` : 'No branches yet'),
  validate: (data) => {
    const out: NodeProblem[] = [];
    if (data.branches.length < 2) out.push({ severity: 'error', code: 'split.branches', message: 'A split needs at least two branches.', field: 'data.branches' });
    const total = data.branches.reduce((a, b) => a + b.percent, 0);
    if (data.branches.length >= 2 && Math.abs(total - 100) > 1e-9) {
      out.push({ severity: 'error', code: 'split.total', message: `The percentages add up to ${formatPercent(total)}, not 100%.`, field: 'data.branches' });
    }
    const seen = new Map<string, number>();
    data.branches.forEach((b, i) => {
      if (seen.has(b.id)) out.push({ severity: 'error', code: 'split.duplicate', message: `Branches ${seen.get(b.id)! + 1} and ${i + 1} have the same id "${b.id}".`, field: `data.branches[${i}].id` });
      else seen.set(b.id, i);
      if (b.percent === 0) out.push({ severity: 'warning', code: 'split.empty-branch', message: `Branch "${b.label || b.id}" gets 0% of users, so nobody takes it.`, field: `data.branches[${i}].percent` });
    });
    return out;
  },
});

/** "50%", "33.3%". */
export function formatPercent(p: number): string {
  return `${Math.round(p * 10) / 10}%`;
}
