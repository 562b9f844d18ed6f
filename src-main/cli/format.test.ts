import { describe, expect, it } from 'vitest';
import { countProblems, createStyle, formatProblem } from './format';

const plain = createStyle(false);

describe('formatProblem', () => {
  it('aligns severities and names the node', () => {
    expect(formatProblem({ severity: 'error', code: 'send.empty-body', message: 'The message is empty.', path: '$.nodes[3].data.body', nodeId: 'welcome' }, plain)).toBe(
      '  error    $.nodes[3].data.body  [send.empty-body]  The message is empty. (node "welcome")\n',
    );
    expect(formatProblem({ severity: 'warning', code: 'edge.duplicate', message: 'Twice.', path: '$.edges[1]', edgeId: 'e2' }, plain)).toBe(
      '  warning  $.edges[1]  [edge.duplicate]  Twice. (edge "e2")\n',
    );
  });

  it('does not repeat an id the message already quotes', () => {
    const line = formatProblem({ severity: 'error', code: 'x', message: 'Node "a" (send), body: is required', path: '$.nodes[0].data.body', nodeId: 'a', edgeId: 'e1' }, plain);
    expect(line).toBe('  error    $.nodes[0].data.body  [x]  Node "a" (send), body: is required (edge "e1")\n');
  });

  it('colours only when asked', () => {
    expect(formatProblem({ severity: 'error', code: 'c', message: 'm', path: '$' }, createStyle(true))).toContain('\u001b[31merror  \u001b[0m');
  });
});

describe('countProblems', () => {
  it('counts by severity, in words', () => {
    expect(countProblems([])).toBe('');
    const p = (severity: 'error' | 'warning' | 'info') => ({ severity, code: 'c', message: 'm', path: '$' });
    expect(countProblems([p('error'), p('warning'), p('warning'), p('info')])).toBe('1 error, 2 warnings, 1 note');
  });
});
