import { describe, expect, it } from 'vitest';
import { example, TEST_NOW } from '../testing/flow-builders';
import { exportFlowJson, importFlowJson } from './io';
import { MAX_CONDITION_DEPTH } from './nesting';
import { validateFlow } from './validate';

const leaf = '{"type": "tag", "operator": "has", "tag": "vip"}';

/** `depth` nested condition groups as JSON text (built as text: JSON.stringify itself recurses). */
function nestedGroupsText(depth: number): string {
  return `${'{"type": "group", "match": "any", "rules": ['.repeat(depth)}${leaf}${']}'.repeat(depth)}`;
}
const nestedGroups = (depth: number): unknown => JSON.parse(nestedGroupsText(depth));

/** The lead-qualification example with the "big" filter's condition replaced (the reproduction of #14.4 uses about 860 groups). */
function withFilterCondition(conditionText: string): string {
  const doc = JSON.parse(exportFlowJson(example('lead-qualification'))) as { nodes: { id: string; data: Record<string, unknown> }[] };
  doc.nodes.find((n) => n.id === 'big')!.data.condition = '@@CONDITION@@';
  return JSON.stringify(doc).replace('"@@CONDITION@@"', conditionText);
}

describe('condition groups nest at most 32 deep (#14.4)', () => {
  it(`accepts ${MAX_CONDITION_DEPTH} nested groups`, () => {
    const r = importFlowJson(withFilterCondition(nestedGroupsText(MAX_CONDITION_DEPTH)), { now: TEST_NOW });
    expect(r.ok && r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each([MAX_CONDITION_DEPTH + 1, 860, 100_000])('refuses %i nested groups with a located error, without overflowing the stack', (depth) => {
    const r = importFlowJson(withFilterCondition(nestedGroupsText(depth)), { now: TEST_NOW });
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', code: 'condition.too-deep', path: `$.nodes[1].data.condition${'.rules[0]'.repeat(MAX_CONDITION_DEPTH)}` });
  }, 30_000);

  it('refuses any JSON nested absurdly deep, located', () => {
    const doc = JSON.parse(exportFlowJson(example('lead-qualification'))) as { meta: Record<string, unknown> };
    doc.meta = { generator: 'x', deep: '@@DEEP@@' };
    const r = importFlowJson(JSON.stringify(doc).replace('"@@DEEP@@"', `${'['.repeat(50_000)}1${']'.repeat(50_000)}`));
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'json.too-deep', path: expect.stringMatching(/^\$\.meta\.deep\[0\]\[0\]/) }] });
  }, 30_000);

  it('a tree built too deep in the editor is a validation error on its step', () => {
    const doc = example('lead-qualification');
    const deep = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'big' && n.type === 'filter' ? { ...n, data: { ...n.data, condition: nestedGroups(40) as never } } : n)) };
    expect(validateFlow(deep, { now: TEST_NOW })).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'condition.too-deep', nodeId: 'big', path: '$.nodes[1].data.condition' })]));
  });
});
