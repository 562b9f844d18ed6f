// Builds everything the app ships into dist/: the renderer (Vite), the Electron main and
// preload, the web-edition host and, when its sources exist, the CLI (esbuild).
import { build as esbuild } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { appManifest } from './app-manifest.mjs';
import { buildCliBundles } from './cli-bundles.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const started = Date.now();

const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron'],
  absWorkingDir: root,
};

async function buildRenderer() {
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function buildMain() {
  await esbuild({ ...nodeBundle, entryPoints: ['src-main/electron/main.ts'], format: 'cjs', outfile: 'dist/main/electron-main.cjs' });
  // A sandboxed preload can only require('electron'): everything else must be inlined.
  await esbuild({ ...nodeBundle, entryPoints: ['src-main/electron/preload.ts'], format: 'cjs', outfile: 'dist/main/preload.cjs' });
  await esbuild({
    ...nodeBundle,
    entryPoints: ['src-main/web/web-host-main.ts'],
    format: 'esm',
    outfile: 'dist/main/web-host.mjs',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}

async function buildCli() {
  if (!existsSync(join(root, 'src-main/cli/main.ts'))) {
    console.log('build: src-main/cli/main.ts not found, skipping the CLI bundle.');
    return;
  }
  await buildCliBundles(join(dist, 'cli'));
}

async function copyResources() {
  for (const name of ['examples', 'icons']) {
    const from = join(root, 'resources', name);
    if (existsSync(from)) await cp(from, join(dist, name), { recursive: true });
  }
}

/** dist/package.json: what electron-builder packs as the app (no dependencies: all bundled). */
async function writeManifest() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  await writeFile(join(dist, 'package.json'), `${JSON.stringify(appManifest(pkg), null, 2)}\n`);
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await buildRenderer();
await Promise.all([buildMain(), buildCli(), copyResources(), writeManifest()]);
console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
