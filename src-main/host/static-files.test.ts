import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from './static-files';

let root: string;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'cs-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), '');
  await writeFile(join(base, 'secret.txt'), 'secret');
});

afterAll(async () => {
  await rm(join(root, '..'), { recursive: true, force: true });
});

describe('resolveStaticFile', () => {
  it('serves index.html for the root', async () => {
    expect(await resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
  });

  it('resolves files inside the root', async () => {
    expect(await resolveStaticFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('refuses to leave the root, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00', '/%E0%A4%A']) {
      expect(await resolveStaticFile(root, path)).toBeUndefined();
    }
  });

  it('returns undefined for folders and missing files', async () => {
    expect(await resolveStaticFile(root, '/assets')).toBeUndefined();
    expect(await resolveStaticFile(root, '/nope.js')).toBeUndefined();
  });
});

describe('contentTypeFor', () => {
  it('knows the bundle types', () => {
    expect(contentTypeFor('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a/app.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a/blob.bin')).toBe('application/octet-stream');
  });
});
