import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-atomic-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp files behind', async () => {
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('creates the folder when asked', async () => {
    const file = join(dir, 'deep', 'er', 'b.json');
    await writeFileAtomic(file, 'x', { dirMode: 0o700 });
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it.runIf(process.platform !== 'win32')('replaces a symlink rather than writing through it', async () => {
    const target = join(dir, 'target.txt');
    await writeFile(target, 'original');
    const link = join(dir, 'link.json');
    await symlink(target, link);
    await writeFileAtomic(link, 'new', { mode: 0o600 });
    expect(await readFile(target, 'utf8')).toBe('original');
    expect((await stat(link)).mode & 0o777).toBe(0o600);
  });
});
