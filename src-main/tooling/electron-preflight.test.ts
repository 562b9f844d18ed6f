import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkElectronForDist, electronCacheDir, missingZipMessage } from './electron-preflight.mjs';

const root = mkdtempSync(join(tmpdir(), 'cs-preflight-'));
writeFileSync(join(root, 'package.json'), JSON.stringify({ devDependencies: { electron: '^45.4.1' } }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('electron preflight', () => {
  it('knows the Electron cache folder of each OS', () => {
    expect(electronCacheDir({}, 'linux', '/home/me')).toBe('/home/me/.cache/electron');
    expect(electronCacheDir({}, 'darwin', '/Users/me')).toBe('/Users/me/Library/Caches/electron');
    expect(electronCacheDir({ ELECTRON_CACHE: '/cache' }, 'linux', '/home/me')).toBe('/cache');
  });

  it('finds the zip in a hashed cache sub-folder', () => {
    const cache = join(root, 'cache');
    const env = { ELECTRON_CACHE: cache };
    expect(checkElectronForDist({ root, env, platform: 'linux', arch: 'x64' })).toMatchObject({ version: '45.4.1', zipName: 'electron-v45.4.1-linux-x64.zip', cachedZip: undefined });
    mkdirSync(join(cache, 'a1b2'), { recursive: true });
    writeFileSync(join(cache, 'a1b2', 'electron-v45.4.1-linux-x64.zip'), '');
    expect(checkElectronForDist({ root, env, platform: 'linux', arch: 'x64' }).cachedZip).toBe(join(cache, 'a1b2', 'electron-v45.4.1-linux-x64.zip'));
  });

  it('says plainly that an offline machine cannot download Electron, and what to do', () => {
    const status = checkElectronForDist({ root, env: { ELECTRON_CACHE: join(root, 'none') }, platform: 'linux', arch: 'x64' });
    const message = missingZipMessage(status, false);
    expect(message).toContain('electron-v45.4.1-linux-x64.zip');
    expect(message).toMatch(/offline.*cannot download Electron/);
    expect(message).toContain('docs/packaging.md');
    expect(missingZipMessage(status, true)).toContain('downloaded from github.com');
  });
});
