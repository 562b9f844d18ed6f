/**
 * The engine benchmark on a bundled build (run: `npx tsx tests/bench/engine-bundled-bench.ts
 * [users] [baselineUsers]`). The app and the CLI run esbuild bundles, while tsx keeps names
 * (`__name` wrappers around every function) and so understates the production speed: this
 * bundles engine-bench.ts with esbuild, as the build does, and runs that in a plain node.
 */
import { spawnSync } from 'node:child_process';
import { withNodeBundle } from './node-bundle';

await withNodeBundle('./engine-bench.ts', (file) => {
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
});
