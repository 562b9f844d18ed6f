import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeIo, writeFileAtomic, type CliIo } from './cli-io';
import { run } from './run';
import { emptyBodyFlow, json, validFlow } from './testing/flows';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'campaign-studio-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real file system with the output captured. */
function realIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { ...createNodeIo(), stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, stdinIsTTY: false, out: () => out, err: () => err };
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(dir, 'flow.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['flow.json']);
  });

  it('fails on a directory without touching it or leaving a temp file', async () => {
    await mkdir(join(dir, 'target'));
    await expect(writeFileAtomic(join(dir, 'target'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|EPERM/) });
    expect((await readdir(dir)).sort()).toEqual(['target']);
  });

  it('fails when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'nope', 'flow.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the CLI on real files', () => {
  it('exits 2 for a missing file and for a directory', async () => {
    const io = realIo();
    expect(await run(['validate', join(dir, 'missing.json'), dir], io)).toBe(2);
    expect(io.out()).toContain('[file.not-found]');
    expect(io.out()).toContain('[file.is-directory]');
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 for a file it may not read', async () => {
    const path = join(dir, 'secret.json');
    await writeFile(path, json(validFlow()));
    await chmod(path, 0o000);
    const io = realIo();
    expect(await run(['validate', path], io)).toBe(2);
    expect(io.out()).toContain('[file.permission]');
  });

  it('imports over an existing OUT atomically, and leaves it alone when refusing', async () => {
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    const out = join(dir, 'out.json');
    await writeFile(good, JSON.stringify(validFlow()));
    await writeFile(bad, json(emptyBodyFlow()));
    await writeFile(out, 'previous content');

    expect(await run(['import', bad, '-o', out], realIo())).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('previous content');

    expect(await run(['import', good, '-o', out], realIo())).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ schemaVersion: 2, campaign: { id: 'welcome-flow' } });
    expect((await readdir(dir)).sort()).toEqual(['bad.json', 'good.json', 'out.json']);
  });

  it('can rewrite a file in place', async () => {
    const path = join(dir, 'flow.json');
    await writeFile(path, JSON.stringify(validFlow()));
    expect(await run(['export', path, '-o', path], realIo())).toBe(0);
    expect(await readFile(path, 'utf8')).toContain('\n  "schemaVersion": 2,\n');
  });
});
