import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appManifest } from './app-manifest.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('appManifest', () => {
  const manifest = appManifest(pkg);

  it('ships no dependencies, so electron-builder packs no node_modules', () => {
    expect(Object.keys(manifest).filter((key) => /dependencies/i.test(key))).toEqual([]);
    expect(manifest).not.toHaveProperty('scripts');
  });

  it('keeps the identity the app reads at run time (version, product name for userData)', () => {
    expect(manifest).toMatchObject({ name: pkg.name, productName: pkg.productName, version: pkg.version });
  });

  it('points at the bundled main process, relative to dist/', () => {
    expect(manifest.main).toBe('main/electron-main.cjs');
    expect(`dist/${manifest.main}`).toBe(pkg.main);
  });

  it('is what electron-builder packs: dist/ only, maps and the web host left out', () => {
    const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^\s+app: dist$/m);
    expect(config).toContain("- '!**/*.map'");
    expect(existsSync(join(root, 'resources', 'icons', 'icon.png'))).toBe(true);
  });
});
