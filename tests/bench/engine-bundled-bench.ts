/**
 * The engine benchmark on a bundled build (run: `npx tsx tests/bench/engine-bundled-bench.ts
 * [users] [baselineUsers]`). The app and the CLI run esbuild bundles, while tsx keeps names
 * (`__name` wrappers around every function) and so understates the production speed: this
 * bundles engine-bench.ts with esbuild, as the build does, and runs that in a plain node.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Next to the source, so engine-bench.ts finds the example flows by the same relative URLs.
const outfile = fileURLToPath(new URL(`./.engine-bench-${process.pid}.mjs`, import.meta.url));
try {
  await build({ entryPoints: [fileURLToPath(new URL('./engine-bench.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(outfile, { force: true });
}
