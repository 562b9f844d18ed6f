import { chmod, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
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

  // #14.6: `import -o` and `export -o` widened a 0600 file to 0644.
  it.runIf(process.platform !== 'win32')('keeps the mode of the file it replaces; a new file gets 0644', async () => {
    const file = join(dir, 'private.json');
    await writeFile(file, 'old');
    await chmod(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(join(dir, 'fresh.json'), 'x');
    expect((await stat(join(dir, 'fresh.json'))).mode & 0o777).toBe(0o644);
  });

  // #14.6: a kill during an atomic write left `.name.<pid>.<hex>.tmp` beside the file for good.
  it('removes temp files of writers that are gone, never those of a live one', async () => {
    const sub = join(dir, 'stale');
    await writeFileAtomic(join(sub, 'c.json'), 'x', { dirMode: 0o700 });
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default, so no such process
    await writeFile(join(sub, `.c.json.${dead}.0badc0de.tmp`), 'half');
    await writeFile(join(sub, `.c.json.${process.pid}.0000abcd.tmp`), 'in progress');
    await writeFile(join(sub, '.other.json.1.deadbeef.tmp'), 'not ours');
    await writeFileAtomic(join(sub, 'c.json'), 'y');
    expect((await readdir(sub)).sort()).toEqual([`.c.json.${process.pid}.0000abcd.tmp`, '.other.json.1.deadbeef.tmp', 'c.json']);
  });
});
