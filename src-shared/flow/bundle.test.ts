import { describe, expect, it } from 'vitest';
import { example, TEST_NOW } from '../testing/flow-builders';
import { exportFlowsBundle, importFlowsText } from './bundle';
import { createEmptyFlow } from './create';
import { exportFlowJson } from './io';

describe('flow bundles', () => {
  it('round-trips several flows', () => {
    const a = example('onboarding-drip');
    const b = createEmptyFlow({ name: 'Second', id: 'second', now: TEST_NOW });
    const r = importFlowsText(exportFlowsBundle([a, b], TEST_NOW), { now: TEST_NOW });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.documents.map((d) => exportFlowJson(d))).toEqual([exportFlowJson(a), exportFlowJson(b)]);
  });

  it('reads a single flow file too', () => {
    const r = importFlowsText(exportFlowJson(example('onboarding-drip')));
    expect(r.ok && r.documents.length).toBe(1);
  });

  it('refuses the whole bundle when one flow is bad, saying which', () => {
    const good = JSON.parse(exportFlowJson(example('onboarding-drip')));
    const bad = { ...good, campaign: { ...good.campaign, id: 'other' }, nodes: [{ id: 'x', type: 'teleport', data: {} }] };
    const r = importFlowsText(JSON.stringify({ kind: 'campaign-studio/flows', flows: [good, bad, good] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.some((p) => p.path.startsWith('$.flows[1].nodes[0]') && p.message.startsWith('Flow 2 of 3'))).toBe(true);
    expect(r.problems.some((p) => p.code === 'bundle.duplicate-id')).toBe(true);
  });

  it('reports a syntax error with its location', () => {
    const r = importFlowsText('{ "kind": "campaign-studio/flows", "flows": [ }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toContain('line 1');
  });
});
