import { describe, expect, it } from 'vitest';
import { countProblems, createStyle, formatProblem } from './format';

const plain = createStyle(false);

describe('formatProblem', () => {
  it('aligns severities and names the node', () => {
    // By label and kind; the id stays in --json (nodeId).
    expect(formatProblem({ severity: 'error', code: 'send.empty-body', message: 'The message is empty.', path: '$.nodes[3].data.body', nodeId: 'welcome', step: '"Welcome" (Send message)' }, plain)).toBe(
      '  error    $.nodes[3].data.body  [send.empty-body]  The message is empty. (in "Welcome" (Send message))\n',
    );
    expect(formatProblem({ severity: 'warning', code: 'edge.duplicate', message: 'Twice.', path: '$.edges[1]', edgeId: 'e2' }, plain)).toBe(
      '  warning  $.edges[1]  [edge.duplicate]  Twice. (edge "e2")\n',
    );
  });

  it('does not repeat a step or id the message already names', () => {
    const line = formatProblem({ severity: 'error', code: 'x', message: '"Hi" (Send message), body: is required', path: '$.nodes[0].data.body', nodeId: 'a', step: '"Hi" (Send message)', edgeId: 'e1' }, plain);
    expect(line).toBe('  error    $.nodes[0].data.body  [x]  "Hi" (Send message), body: is required (edge "e1")\n');
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
