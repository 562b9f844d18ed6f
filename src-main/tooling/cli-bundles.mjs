// The CLI's two bundles, as the build makes them and the CLI benchmark and tests rebuild them:
// the executable (`campaign-studio.cjs`) and, beside it, what its population worker threads
// run (`population-worker.cjs`: the engine alone, about 40% of the executable's size, so a
// worker is ready sooner and compiles less beside the main thread; see
// src-main/simulation/population-worker-script.ts).
import { build as esbuild } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const CLI_BUNDLE = 'campaign-studio.cjs';
export const WORKER_BUNDLE = 'population-worker.cjs';

/**
 * Bundles the CLI and its worker into `outDir`. The runner's database and job libraries load
 * WebAssembly and SQL files next to their own modules: they stay in node_modules (dependencies)
 * instead of being bundled, so `outDir` must lie where node_modules resolves.
 */
export async function buildCliBundles(outDir, { sourcemap = 'linked' } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap,
    logLevel: 'warning',
    absWorkingDir: root,
    external: ['electron', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'graphile-worker', 'pg'],
  };
  const cli = join(outDir, CLI_BUNDLE);
  await Promise.all([
    esbuild({ ...common, entryPoints: [join(root, 'src-main/cli/main.ts')], outfile: cli, banner: { js: '#!/usr/bin/env node' } }),
    esbuild({ ...common, entryPoints: [join(root, 'src-main/simulation/population-worker-main.ts')], outfile: join(outDir, WORKER_BUNDLE) }),
  ]);
  await chmod(cli, 0o755);
  return { cli, worker: join(outDir, WORKER_BUNDLE) };
}
