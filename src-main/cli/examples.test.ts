import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeIo } from './cli-io';
import { run } from './run';
import type { ValidateReport } from './commands/validate';

const examplesDir = fileURLToPath(new URL('../../resources/examples/', import.meta.url));
// Read without a fallback: a missing folder fails the run instead of skipping every test.
const examples = (await readdir(examplesDir)).filter((f) => f.endsWith('.json')).sort();
// The one-off example is scheduled in 2030: pin the clock so the test does not expire.
const NOW = '2026-01-01T00:00:00Z';

type Flow = { campaign: Record<string, unknown>; nodes: { type: string }[]; edges: { target: string }[] };

/** Ways to break a flow, each with the JSON path validate must name. */
const corruptions: { name: string; path: string; code: string; apply(flow: Flow): void }[] = [
  { name: 'a required field removed', path: '$.campaign.name', code: 'schema.invalid_type', apply: (f) => void delete f.campaign.name },
  { name: 'an edge to a node that does not exist', path: '$.edges[0].target', code: 'edge.dangling-target', apply: (f) => void (f.edges[0]!.target = 'no-such-node') },
  { name: 'an unknown node type', path: '$.nodes[1].type', code: 'schema.invalid_union', apply: (f) => void (f.nodes[1]!.type = 'teleport') },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'campaign-studio-examples-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function validate(files: string[]) {
  let out = '';
  const io = { ...createNodeIo(), stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) };
  const code = await run(['validate', '--json', '--now', NOW, ...files], io);
  return { code, report: JSON.parse(out) as ValidateReport };
}

describe('the shipped examples', () => {
  it('are all valid', async () => {
    expect(examples, `no example flows in ${examplesDir}`).toContain('onboarding-drip.json');
    const { code, report } = await validate(examples.map((f) => join(examplesDir, f)));
    expect(report.files.filter((f) => !f.ok)).toEqual([]);
    expect(code).toBe(0);
  });

  describe.each(examples)('%s, corrupted', (example) => {
    it.each(corruptions)('with $name fails and names $path', async ({ path, code: problemCode, apply }) => {
      const flow = JSON.parse(await readFile(join(examplesDir, example), 'utf8')) as Flow;
      apply(flow);
      const copy = join(dir, `${problemCode}-${example}`);
      await writeFile(copy, JSON.stringify(flow, null, 2));
      const { code, report } = await validate([copy]);
      expect(code).toBe(1);
      expect(report.files[0]!.problems).toContainEqual(expect.objectContaining({ severity: 'error', path, code: problemCode }));
    });
  });
});
