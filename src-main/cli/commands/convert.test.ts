import { describe, expect, it } from 'vitest';
import { exportFlowJson, flowJsonSchemaText, importFlowValue, type FlowDocument } from '../../../src-shared/flow';
import { run } from '../run';
import { emptyBodyFlow, json, validFlow, versionOneFlow } from '../testing/flows';
import { createMemoryIo } from '../testing/memory-io';

const canonical = (raw: unknown) => exportFlowJson((importFlowValue(raw) as { document: FlowDocument }).document);
const files = () => ({
  'good.json': JSON.stringify(validFlow()),
  'empty-body.json': json(emptyBodyFlow()),
  'old.json': json(versionOneFlow()),
  'bad-type.json': json({ ...validFlow(), nodes: [{ id: 'x', type: 'teleport', data: {} }] }),
  'out.json': 'previous content',
  'folder/': '',
});

describe.each(['import', 'export'])('%s', (command) => {
  it('prints the canonical, pretty-printed flow on stdout', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run([command, 'good.json'], io)).toBe(0);
    expect(io.out()).toBe(canonical(validFlow()));
    expect(io.out()).toContain('\n  "schemaVersion": 2,\n');
    expect(io.err()).toBe('');
  });

  it('writes to OUT with -o and leaves stdout empty', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run([command, 'good.json', '-o', 'out.json'], io)).toBe(0);
    expect(io.files.get('out.json')).toBe(canonical(validFlow()));
    expect(io.out()).toBe('');
  });

  it('migrates an old file and says so on stderr', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run([command, 'old.json'], io)).toBe(0);
    expect(io.err()).toBe('old.json: migrated from schema version 1 (0001-named-handles-exits-durations)\n');
    const out = JSON.parse(io.out()) as FlowDocument;
    expect(out.edges.every((e) => e.sourceHandle === 'next')).toBe(true);
    expect(out.nodes[1]).toMatchObject({ type: 'wait', data: { wait: { mode: 'duration', duration: { amount: 2, unit: 'days' } } } });
  });

  it('reads standard input when FILE is - or left out', async () => {
    for (const argv of [[command, '-'], [command]]) {
      const io = createMemoryIo({ stdin: json(validFlow()) });
      expect(await run(argv, io)).toBe(0);
      expect(io.out()).toBe(canonical(validFlow()));
    }
  });

  it('will not wait for typing on a terminal when no FILE is given', async () => {
    const io = createMemoryIo({ stdinIsTTY: true });
    expect(await run([command], io)).toBe(2);
    expect(io.err()).toContain('give a FILE, or pipe a flow into standard input');
  });

  it('refuses a structurally broken flow, exit 1, OUT untouched', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run([command, 'bad-type.json', '-o', 'out.json'], io)).toBe(1);
    expect(io.files.get('out.json')).toBe('previous content');
    expect(io.err()).toContain('bad-type.json: not a readable flow, nothing written');
    expect(io.err()).toContain('$.nodes[0].type  [schema.invalid_union]  Step 1 (unknown kind "teleport"), type: unknown node type "teleport"');
  });

  it('exits 2 for a missing input or a directory, OUT untouched', async () => {
    for (const input of ['missing.json', 'folder']) {
      const io = createMemoryIo({ files: files() });
      expect(await run([command, input, '-o', 'out.json'], io)).toBe(2);
      expect(io.files.get('out.json')).toBe('previous content');
      expect(io.err()).toContain(`${input}: cannot read`);
    }
  });

  it('exits 2 when OUT cannot be written', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run([command, 'good.json', '-o', 'folder'], io)).toBe(2);
    expect(io.err()).toContain('campaign-studio: cannot write folder: it is a directory');
  });

  it('takes one input file', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run([command, 'good.json', 'old.json'], io)).toBe(2);
  });
});

describe('import is strict', () => {
  it('refuses a flow with validation errors, listing them; OUT untouched', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run(['import', 'empty-body.json', '-o', 'out.json'], io)).toBe(1);
    expect(io.files.get('out.json')).toBe('previous content');
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      'empty-body.json: 1 error, refused, nothing written (--force imports it anyway)\n' +
        '  error    $.nodes[1].data.body  [send.empty-body]  The message is empty. (in an unnamed Send message step (Send chat (empty)))\n',
    );
  });

  it('writes it anyway with --force, still listing the problems', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run(['import', '--force', 'empty-body.json', '-o', 'out.json'], io)).toBe(0);
    expect(io.files.get('out.json')).toBe(canonical(emptyBodyFlow()));
    expect(io.err()).toContain('empty-body.json: 1 error, imported with these problems\n  error    $.nodes[1].data.body');
  });
});

describe('export is lenient', () => {
  it('writes a flow with validation errors and counts them on stderr', async () => {
    const io = createMemoryIo({ files: files() });
    expect(await run(['export', 'empty-body.json'], io)).toBe(0);
    expect(io.out()).toBe(canonical(emptyBodyFlow()));
    expect(io.err()).toBe('empty-body.json: 1 error, exported; run `campaign-studio validate` for details\n');
  });
});

describe('schema', () => {
  it('prints the JSON Schema, or writes it to OUT', async () => {
    const io = createMemoryIo();
    expect(await run(['schema'], io)).toBe(0);
    expect(io.out()).toBe(flowJsonSchemaText());
    expect(await run(['schema', '-o', 'flow.schema.json'], io)).toBe(0);
    expect(io.files.get('flow.schema.json')).toBe(flowJsonSchemaText());
  });

  it('takes no arguments', async () => {
    expect(await run(['schema', 'extra'], createMemoryIo())).toBe(2);
  });
});
