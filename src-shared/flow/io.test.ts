import { describe, expect, it } from 'vitest';
import { exampleFiles, TEST_NOW } from '../testing/flow-builders';
import { SCHEMA_URL, SCHEMA_VERSION } from './document';
import { exportFlowJson, importFlowJson, MAX_FILE_CHARS } from './io';
import { MIGRATIONS, OLDEST_SUPPORTED_VERSION } from './migrations';

const importNow = (text: string) => importFlowJson(text, { now: TEST_NOW });

describe('the shipped examples', () => {
  const files = exampleFiles();
  it('are there: the five campaigns the README promises', () => {
    expect(files.map((f) => f.name)).toEqual([
      'collect-name-and-email.json',
      'incident-sms-broadcast.json',
      'lead-qualification.json',
      'onboarding-drip.json',
      'pricing-page-live-chat.json',
    ]);
  });

  it.each(files)('$name imports with no errors or warnings and is already canonical', ({ text }) => {
    const r = importNow(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(exportFlowJson(r.document)).toBe(text);
    expect(r.document.$schema).toBe(SCHEMA_URL);
  });
});

describe('importFlowJson refuses bad files with one located error', () => {
  it('malformed JSON, with line and column', () => {
    const r = importNow('{\n  "schemaVersion": 2,\n  "nodes": [,]\n}');
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'json.syntax', path: '$' });
    expect(r.problems[0]!.message).toContain('line 3, column 13');
  });

  it('an unterminated string says what it expected', () => {
    const r = importNow('{"schemaVersion": 2, "campaign": {"name": "oops');
    expect(r.problems[0]!.message).toMatch(/closing quote.*line 1/);
  });

  it('a newer schema version', () => {
    const r = importNow(JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 }));
    expect(r.problems).toMatchObject([{ code: 'version.newer', path: '$.schemaVersion' }]);
    expect(r.problems[0]!.message).toContain('newer Campaign Studio');
  });

  it('no version, or not an object', () => {
    expect(importNow('{}').problems[0]!.code).toBe('version.missing');
    expect(importNow('[1]').problems[0]!.code).toBe('document.not-object');
    expect(importNow('{"schemaVersion": "2"}').problems[0]!.code).toBe('version.invalid');
  });

  it('a file over the size limit, before parsing it', () => {
    const r = importNow(' '.repeat(MAX_FILE_CHARS + 1));
    expect(r.problems).toMatchObject([{ code: 'file.too-large' }]);
  });

  it('structural errors name the node and the JSON path', () => {
    const text = exampleFiles().find((f) => f.name === 'onboarding-drip.json')!.text;
    const doc = JSON.parse(text);
    doc.nodes[2].data.wait.duration.amount = 'two';
    doc.nodes[3].type = 'teleport';
    doc.nodes[1].data.colour = 'red';
    delete doc.campaign.timezone;
    const r = importNow(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p]));
    expect(byPath['$.nodes[2].data.wait.duration.amount']).toMatchObject({ nodeId: 'day1', message: expect.stringContaining('expected number, got "two"') });
    expect(byPath['$.nodes[3].type']!.message).toContain('unknown node type "teleport"');
    expect(byPath['$.nodes[1].data.colour']!.message).toContain('unknown field "colour"');
    expect(byPath['$.campaign.timezone']!.message).toContain('is required');
  });
});

describe('migrations', () => {
  it('are ordered, one per version, ending at the current one', () => {
    MIGRATIONS.forEach((m, i) => expect(m.from).toBe(OLDEST_SUPPORTED_VERSION + i));
    expect(OLDEST_SUPPORTED_VERSION + MIGRATIONS.length).toBe(SCHEMA_VERSION);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('open a version 1 file: handles, exits and second-based waits', () => {
    const v1 = {
      schemaVersion: 1,
      campaign: {
        id: 'old',
        name: 'Old drip',
        kind: 'workflow',
        timezone: 'UTC',
        trigger: { type: 'event', event: 'user.signed_up' },
        exitCriteria: [{ type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: 'unsubscribed' }] }],
      },
      nodes: [
        { id: 'trigger', type: 'trigger', data: {} },
        { id: 'w', type: 'wait', data: { seconds: 172800 } },
        { id: 'w2', type: 'wait', data: { seconds: 90 } },
      ],
      edges: [
        { id: 'e1', source: 'trigger', handle: 'next', target: 'w' },
        { id: 'e2', source: 'w', handle: 'next', target: 'w2' },
      ],
    };
    const r = importNow(JSON.stringify(v1));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.migratedFrom).toBe(1);
    expect(r.migrations).toEqual(['0001-named-handles-exits-durations']);
    expect(r.document.schemaVersion).toBe(SCHEMA_VERSION);
    expect(r.document.edges[0]).toEqual({ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'w' });
    expect(r.document.campaign.globalExits).toMatchObject([{ id: 'exit-1', condition: { rules: [{ tag: 'unsubscribed' }] } }]);
    expect(r.document.nodes[1]!.data).toEqual({ wait: { mode: 'duration', duration: { amount: 2, unit: 'days' } } });
    expect(r.document.nodes[2]!.data).toEqual({ wait: { mode: 'duration', duration: { amount: 2, unit: 'minutes' } } });
  });
});
