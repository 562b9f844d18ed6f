import type { ViewStep } from '../worker/engine-protocol';

export type StepChange = { kind: 'same' | 'changed'; before: ViewStep; after: ViewStep } | { kind: 'removed'; before: ViewStep } | { kind: 'added'; after: ViewStep };

export interface StepDiff {
  rows: StepChange[];
  /** Whether anything differs (a step, its time or its explanation). */
  changed: boolean;
  counts: { changed: number; removed: number; added: number };
}

const key = (s: ViewStep) => `${s.journey}|${s.node}|${s.outcome}`;

/**
 * A saved preview's steps against a re-run's (the marketer's regression check): steps are
 * matched by journey, node and outcome in order (longest common subsequence); a matched step
 * whose time, input or explanation moved is `changed`.
 */
export function diffSteps(before: readonly ViewStep[], after: readonly ViewStep[]): StepDiff {
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = key(before[i]!) === key(after[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: StepChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(before[i]!) === key(after[j]!)) {
      const a = before[i++]!;
      const b = after[j++]!;
      rows.push({ kind: a.t === b.t && a.event === b.event && a.why === b.why ? 'same' : 'changed', before: a, after: b });
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) rows.push({ kind: 'added', after: after[j++]! });
    else rows.push({ kind: 'removed', before: before[i++]! });
  }
  const counts = { changed: 0, removed: 0, added: 0 };
  for (const r of rows) if (r.kind !== 'same') counts[r.kind]++;
  return { rows, changed: counts.changed + counts.removed + counts.added > 0, counts };
}
