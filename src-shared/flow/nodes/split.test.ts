import { describe, expect, it } from 'vitest';
import { previewJourney, runPopulation } from '../../engine';
import { chatwootExpressibility } from '../../sync/chatwoot/expressible';
import { edge, flow, node, sendNode, TEST_NOW } from '../../testing/flow-builders';
import { validateFlow } from '../validate';
import { splitPoint } from './split-runtime';

/** Sign-up → split A/B (percent of A given) → one message per branch. */
function abFlow(a: number, b = 100 - a) {
  return flow(
    [node('ab', 'split', { branches: [{ id: 'a', label: 'Short copy', percent: a }, { id: 'b', label: 'Long copy', percent: b }] }), sendNode('msg-a', 'A'), sendNode('msg-b', 'B')],
    [edge('trigger', 'ab'), edge('ab', 'msg-a', 'a'), edge('ab', 'msg-b', 'b')],
  );
}

describe('split', () => {
  it('is valid when its shares add up to 100, and says by how much they miss otherwise', () => {
    expect(validateFlow(abFlow(50), { now: TEST_NOW }).filter((p) => p.severity === 'error')).toEqual([]);
    const off = validateFlow(abFlow(50, 40), { now: TEST_NOW }).filter((p) => p.code === 'split.total');
    expect(off).toHaveLength(1);
    expect(off[0]!.message).toBe('The percentages add up to 90%, not 100%.');
    expect(off[0]!.path).toBe('$.nodes[1].data.branches');
  });

  it('a 50/50 split sends each branch a binomial half, and the same user always to the same branch', () => {
    const doc = abFlow(50);
    const r = runPopulation(doc, { users: 10_000, days: 2, seed: 3 });
    const a = r.nodes['ab']!.completed.a!;
    const b = r.nodes['ab']!.completed.b!;
    expect(a + b).toBe(10_000);
    // sd = sqrt(10000 * 0.25) = 50: within 4 sd of 5,000.
    expect(Math.abs(a - 5_000)).toBeLessThan(200);
    expect(r.nodes['msg-a']!.entered).toBe(a);
    // Same seed, other run: every user takes the same branch (the draw hashes flow, step and user).
    const again = runPopulation(doc, { users: 10_000, days: 2, seed: 3 });
    expect(again.nodes['ab']!.completed).toEqual(r.nodes['ab']!.completed);
    // Another flow's split is another experiment: its cohorts are drawn independently.
    const otherFlow = { ...doc, campaign: { ...doc.campaign, id: 'other-test' } };
    expect(runPopulation(otherFlow, { users: 10_000, days: 2, seed: 3 }).nodes['ab']!.completed.a).not.toBe(a);
    expect(splitPoint(doc.campaign.id, 'ab', 'u42')).toBe(splitPoint(doc.campaign.id, 'ab', 'u42'));
  });

  it('shares decide: 10/90 gives about a tenth, 0/100 none, and a preview explains the draw by branch name', () => {
    const tenth = runPopulation(abFlow(10), { users: 5_000, days: 2, seed: 1 }).nodes['ab']!.completed;
    expect(tenth.a! / 5_000).toBeGreaterThan(0.08);
    expect(tenth.a! / 5_000).toBeLessThan(0.12);
    expect(runPopulation(abFlow(0), { users: 1_000, days: 2, seed: 1 }).nodes['ab']!.completed.a ?? 0).toBe(0);
    const p = previewJourney(abFlow(50), { profile: { id: 'ada', attributes: {}, tags: [], segments: [], timezone: 'UTC' }, script: [{ type: 'event', at: Date.UTC(2026, 10, 23, 9), name: 'user.signed_up', properties: {} }] });
    const step = p.steps.find((s) => s.node === 'ab')!;
    expect(step.why).toMatch(/^random split: this contact's draw \d+\.\d falls in (Short|Long) copy \(50% of contacts\)$/);
  });

  it('is refused for Chatwoot, which has no such step', () => {
    const r = chatwootExpressibility(abFlow(50));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons.find((p) => p.nodeId === 'ab')?.message).toMatch(/Chatwoot has no split \(A\/B test\) step/);
  });
});
