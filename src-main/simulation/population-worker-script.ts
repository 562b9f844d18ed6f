import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The worker bundle's file name beside the bundled CLI (src-main/tooling/cli-bundles.mjs). */
export const WORKER_BUNDLE = 'population-worker.cjs';

/**
 * The script a population worker thread runs for the CLI at `cli` (default: the running
 * script): the engine-only `population-worker.cjs` beside the bundled CLI, found through
 * symlinks (an npm bin link), or the CLI itself, which serves as a worker too (main.ts), when
 * there is none: from source through tsx, or a CLI file copied alone. The smaller bundle is
 * ready sooner: two threads ran 1M users 2.9% faster and 300,000 users 5.5% faster with it
 * (tests/bench/README.md, sixteenth pass).
 */
export function populationWorkerScript(cli = process.argv[1] ?? ''): string {
  if (!cli) return cli;
  try {
    const beside = join(dirname(realpathSync(cli)), WORKER_BUNDLE);
    if (existsSync(beside)) return beside;
  } catch {
    // The script cannot be resolved (a path that is gone): let it run itself, as before.
  }
  return cli;
}
