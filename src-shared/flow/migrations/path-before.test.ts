import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../testing/flow-builders';
import { importFlowJson } from '../io';

/** A schema-1 file: a wait of `seconds`, edges with `handle`, exits as `exitCriteria`. */
function versionOne(seconds: unknown, exit: unknown = { type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: 'churned' }] }): string {
  return JSON.stringify({
    schemaVersion: 1,
    campaign: { id: 'old', name: 'Old', kind: 'workflow', timezone: 'UTC', trigger: { type: 'event', event: 'user.signed_up' }, exitCriteria: [exit] },
    nodes: [
      { id: 'trigger', type: 'trigger', data: {} },
      { id: 'pause', type: 'wait', data: { seconds } },
      { id: 'hello', type: 'send', data: { channel: 'email', subject: 'Hi', body: 'Hello' } },
    ],
    edges: [
      { id: 'e0', source: 'trigger', target: 'pause', handle: 'next' },
      { id: 'e1', source: 'pause', target: 'hello', handle: 'nope' },
    ],
  });
}

// #14.5: problems of a schema-1 file named fields of the migrated document (`data.wait.duration.amount`).
describe('problems in an upgraded file name the fields of the file as written', () => {
  it('a zero wait points at data.seconds, and a bad edge output at handle', () => {
    const r = importFlowJson(versionOne(0), { now: TEST_NOW });
    const problems = r.problems.map((p) => [p.code, p.path]);
    expect(problems).toEqual(expect.arrayContaining([['wait.zero', '$.nodes[1].data.seconds']]));
    expect(r.problems.find((p) => p.code === 'wait.zero')?.message).toMatch(/In your file: nodes\[1\]\.data\.seconds; checked after upgrading it from schema version 1/);
    expect(r.problems.map((p) => `${p.path} ${p.message}`).join('\n')).not.toMatch(/data\.wait\.duration/);
    expect(r.problems.some((p) => p.path === '$.edges[1].handle')).toBe(true);
  });

  it('exit conditions point into exitCriteria; fields only the upgraded form has are labelled so', () => {
    const r = importFlowJson(versionOne(60, { type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: '' }] }), { now: TEST_NOW });
    expect(r.problems.map((p) => p.path)).toContain('$.campaign.exitCriteria[0].rules[0].tag');
    expect(r.problems.filter((p) => p.path.includes('globalExits')).every((p) => /your file has no such field/.test(p.message))).toBe(true);
  });
});
