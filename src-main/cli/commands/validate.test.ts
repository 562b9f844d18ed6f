import { describe, expect, it } from 'vitest';
import { run } from '../run';
import { emptyBodyFlow, json, oneOffFlow, validFlow, versionOneFlow } from '../testing/flows';
import { createMemoryIo, UNREADABLE } from '../testing/memory-io';
import type { ValidateReport } from './validate';

const files = {
  'good.json': json(validFlow()),
  'empty-body.json': json(emptyBodyFlow()),
  'old.json': json(versionOneFlow()),
  'broken.json': '{ "schemaVersion": 2, ',
  'locked.json': UNREADABLE,
  'folder/': '',
  // #14.4: about 860 nested condition groups (a 40 KB file) crashed validate for every file given.
  'hostile.json': json(validFlow()).replace(/"nodes":\s*\[/, () => `"nodes": [{"id": "f", "type": "filter", "data": {"condition": ${'{"type": "group", "match": "all", "rules": ['.repeat(860)}${']}'.repeat(860)}}},`),
};

async function validate(...argv: string[]) {
  const io = createMemoryIo({ files, stdin: json(validFlow()) });
  const code = await run(['validate', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

describe('validate', () => {
  it('reports every other file when one is hostile, and locates the hostile one', async () => {
    const r = await validate('--json', 'good.json', 'hostile.json', 'empty-body.json');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as ValidateReport;
    expect(report.files.map((f) => [f.file, f.ok])).toEqual([['good.json', true], ['hostile.json', false], ['empty-body.json', false]]);
    expect(report.files[1]?.problems).toEqual([expect.objectContaining({ code: 'condition.too-deep', path: `$.nodes[0].data.condition${'.rules[0]'.repeat(32)}` })]);
  });

  it('exits 0 for valid files and says how many nodes each has', async () => {
    const r = await validate('good.json', 'old.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ good.json (3 nodes)\n');
    expect(r.out).toContain('✓ old.json (4 nodes; migrated from schema version 1 (0001-named-handles-exits-durations))\n');
    expect(r.out).toMatch(/2 files: 2 valid, 0 invalid\n$/);
  });

  it('exits 1 and lists each error with its JSON path, code and node', async () => {
    const r = await validate('good.json', 'empty-body.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ empty-body.json (3 nodes)\n  error    $.nodes[1].data.body  [send.empty-body]  The message is empty. (in an unnamed Send message step (Send chat (empty)))\n');
    expect(r.out).toContain('2 files: 1 valid, 1 invalid (1 error)');
  });

  it('reports a structural failure with its location', async () => {
    const r = await validate('broken.json');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ broken.json\n {2}error {4}\$ {2}\[json.syntax\] {2}The file is not valid JSON: .*line 1/);
  });

  it('exits 2 when a file is unreadable, even if others are invalid', async () => {
    const r = await validate('empty-body.json', 'missing.json', 'folder', 'locked.json');
    expect(r.code).toBe(2);
    expect(r.out).toContain('✗ missing.json\n  error    $  [file.not-found]  No such file.\n');
    expect(r.out).toContain('✗ folder\n  error    $  [file.is-directory]');
    expect(r.out).toContain('✗ locked.json\n  error    $  [file.permission]');
    expect(r.out).toContain('4 files: 0 valid, 1 invalid, 3 unreadable');
  });

  it('treats bytes that are not UTF-8 as an invalid file, not an unreadable one', async () => {
    const io = createMemoryIo({ files: { 'latin1.json': Buffer.from([0x7b, 0xe9, 0x7d]) } });
    expect(await run(['validate', 'latin1.json'], io)).toBe(1);
    expect(io.out()).toContain('[file.not-utf8]');
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const io = createMemoryIo({ files: { 'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json(validFlow()))]) } });
    expect(await run(['validate', 'bom.json'], io)).toBe(0);
  });

  it('reads standard input for -', async () => {
    const r = await validate('-');
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ <stdin> (3 nodes)');
  });

  it('prints one JSON document with --json', async () => {
    const r = await validate('--json', 'good.json', 'empty-body.json', 'old.json', 'missing.json');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out) as ValidateReport;
    expect(report).toEqual({
      files: [
        { file: 'good.json', ok: true, readable: true, problems: [] },
        {
          file: 'empty-body.json',
          ok: false,
          readable: true,
          problems: [{ severity: 'error', code: 'send.empty-body', message: 'The message is empty.', path: '$.nodes[1].data.body', nodeId: 'welcome', step: 'an unnamed Send message step (Send chat (empty))', field: 'data.body' }],
        },
        { file: 'old.json', ok: true, readable: true, problems: [], migratedFrom: 1 },
        { file: 'missing.json', ok: false, readable: false, problems: [{ severity: 'error', code: 'file.not-found', message: 'No such file.', path: '$' }] },
      ],
      valid: 2,
      invalid: 1,
      unreadable: 1,
    });
  });

  it('prints only failures with --quiet', async () => {
    const ok = await validate('--quiet', 'good.json');
    expect(ok).toEqual({ code: 0, out: '', err: '' });
    const bad = await validate('-q', 'good.json', 'empty-body.json');
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('✗ empty-body.json (3 nodes)\n  error    $.nodes[1].data.body  [send.empty-body]  The message is empty. (in an unnamed Send message step (Send chat (empty)))\n');
  });

  it('shows warnings on a valid file without failing it', async () => {
    const flow = validFlow();
    flow.nodes.push({ id: 'orphan', type: 'end', data: {} });
    const io = createMemoryIo({ files: { 'w.json': json(flow) } });
    expect(await run(['validate', 'w.json'], io)).toBe(0);
    expect(io.out()).toContain('✓ w.json (4 nodes)\n  warning  $.nodes[3]  [node.unreachable]');
    expect(io.out()).toContain('(1 warning)');
  });

  it('checks past times against --now', async () => {
    const io = createMemoryIo({ files: { 'one-off.json': json(oneOffFlow()) } });
    expect(await run(['validate', '--now', '2030-03-01T00:00:00Z', 'one-off.json'], io)).toBe(0);
    expect(await run(['validate', '--now', '2030-03-03T00:00:00Z', 'one-off.json'], io)).toBe(1);
    expect(io.out()).toContain('$.campaign.trigger.at  [schedule.in-past]');
  });

  it('needs at least one file, and stdin at most once', async () => {
    expect((await validate()).code).toBe(2);
    const twice = await validate('-', '-');
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('standard input (-) can be read only once');
  });
});
