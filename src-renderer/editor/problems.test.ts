import { describe, expect, it } from 'vitest';
import { moveNodes, updateNodeData, type Problem } from '../../src-shared/flow/index';
import { edge, flow, node, sendNode } from '../../src-shared/testing/flow-builders';
import { createProblemsCache, describeCounts, problemSummary, problemsAt, summariseByNode } from './problems';

describe('problems cache', () => {
  it('skips validation when only positions moved, and re-runs on data changes', () => {
    const validate = createProblemsCache(() => new Date('2026-11-21T12:00:00Z'));
    const doc = flow([node('s', 'send')], [edge('trigger', 's')]);
    const first = validate(doc);
    expect(first.some((p) => p.code === 'send.no-channel')).toBe(true);
    expect(validate(moveNodes(doc, new Map([['s', { x: 5, y: 5 }]])))).toBe(first);
    const fixed = updateNodeData(doc, 's', sendNode('s').data);
    expect(validate(fixed)).not.toBe(first);
    expect(validate(fixed).some((p) => p.code === 'send.no-channel')).toBe(false);
  });
});

describe('problem lookups', () => {
  const problems: Problem[] = [
    { severity: 'error', code: 'a', message: 'A', path: '$.nodes[1].data.body', nodeId: 's', field: 'data.body' },
    { severity: 'warning', code: 'b', message: 'B', path: '$.nodes[1].data.condition.rules[0].tag', nodeId: 's', field: 'data.condition.rules[0].tag' },
    { severity: 'error', code: 'c', message: 'C', path: '$.campaign.trigger.event' },
    { severity: 'info', code: 'd', message: 'D', path: '$.nodes[1].data.sender', nodeId: 's', field: 'data.sender' },
  ];

  it('summarises per node without notes', () => {
    expect(summariseByNode(problems).get('s')).toEqual({ errors: 1, warnings: 1, messages: ['A', 'B'] });
  });

  it('finds a field and what lies inside it', () => {
    expect(problemsAt(problems, { nodeId: 's' }, 'data.body').map((p) => p.code)).toEqual(['a']);
    expect(problemsAt(problems, { nodeId: 's' }, 'data.condition').map((p) => p.code)).toEqual(['b']);
    expect(problemsAt(problems, { nodeId: 's' }, 'data.condition', true)).toEqual([]);
    expect(problemsAt(problems, {}, 'trigger').map((p) => p.code)).toEqual(['c']);
  });

  it('counts by severity', () => expect(describeCounts(problems)).toBe('2 errors · 1 warning · 1 note'));
});

describe('problemSummary', () => {
  const p = (severity: Problem['severity']): Problem => ({ severity, code: `x.${severity}`, message: severity, path: '$' });
  it('counts errors and warnings as problems, in the tone of the worst', () => {
    expect(problemSummary([])).toEqual({ text: 'No problems', tone: 'ok' });
    expect(problemSummary([p('warning'), p('info')])).toEqual({ text: '1 problem', tone: 'warning' });
    expect(problemSummary([p('error'), p('warning')])).toEqual({ text: '2 problems', tone: 'error' });
  });

  it('calls a lone note a note, not a problem', () => {
    expect(problemSummary([p('info')])).toEqual({ text: '1 note', tone: 'info' });
    expect(problemSummary([p('info'), p('info')])).toEqual({ text: '2 notes', tone: 'info' });
  });
});
