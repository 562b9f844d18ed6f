import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundles, CLI_BUNDLE, WORKER_BUNDLE as BUILT_NAME } from '../tooling/cli-bundles.mjs';
import { populationWorkerScript, WORKER_BUNDLE } from './population-worker-script';

const root = fileURLToPath(new URL('../..', import.meta.url));
const onboarding = join(root, 'resources/examples/onboarding-drip.json');
let dir: string;
let cli: string;
let worker: string;

// Inside the checkout (an ignored folder), so the bundles' external packages resolve from node_modules.
beforeAll(async () => {
  mkdirSync(join(root, '.scratch'), { recursive: true });
  dir = mkdtempSync(join(root, '.scratch', 'cli-bundles-'));
  ({ cli, worker } = await buildCliBundles(join(dir, 'cli'), { sourcemap: false }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function simulate(script: string, workers: number) {
  const r = spawnSync(process.execPath, [script, 'simulate', '--users', '4000', '--seed', '3', '--workers', String(workers), onboarding], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the population worker bundle', () => {
  it('is built beside the CLI under the name the CLI looks for', () => {
    expect(BUILT_NAME).toBe(WORKER_BUNDLE);
    expect(worker).toBe(join(dir, 'cli', WORKER_BUNDLE));
    expect(cli).toBe(join(dir, 'cli', CLI_BUNDLE));
    // The engine alone: well under the executable's size.
    expect(readFileSync(worker).length).toBeLessThan(readFileSync(cli).length * 0.6);
  });

  it('is found beside the CLI, through a symlink too; without it the CLI runs its own workers', () => {
    expect(populationWorkerScript(cli)).toBe(worker);
    const link = join(dir, 'bin-link');
    symlinkSync(cli, link);
    expect(populationWorkerScript(link)).toBe(worker);
    expect(populationWorkerScript(join(dir, 'gone.cjs'))).toBe(join(dir, 'gone.cjs'));
    const alone = join(dir, 'alone', CLI_BUNDLE);
    mkdirSync(join(dir, 'alone'));
    writeFileSync(alone, '');
    expect(populationWorkerScript(alone)).toBe(alone);
    expect(populationWorkerScript('')).toBe('');
  });

  it('runs the bundled CLI’s worker threads, through a symlinked executable too: the same table as one thread', { timeout: 120_000 }, () => {
    const one = simulate(cli, 1);
    expect(one.code).toBe(0);
    // The worker bundle, marked: each thread that loads it says so in a file.
    const real = readFileSync(worker);
    const mark = join(dir, 'loaded.txt');
    writeFileSync(worker, `require('node:fs').appendFileSync(${JSON.stringify(mark)}, 'loaded\\n');\n${real}`);
    try {
      const two = simulate(cli, 2);
      expect(two.err).toBe('');
      expect(two.code).toBe(0);
      expect(two.out).toBe(one.out);
      expect(readFileSync(mark, 'utf8')).toBe('loaded\n');
      // An npm bin link: the bundle is found beside the link's target.
      const link = join(dir, 'campaign-studio');
      symlinkSync(cli, link);
      expect(simulate(link, 2).out).toBe(one.out);
      expect(readFileSync(mark, 'utf8')).toBe('loaded\nloaded\n');
      // Without the file, the executable serves as its own worker, as before.
      rmSync(worker);
      const fallback = simulate(cli, 2);
      expect(fallback.code).toBe(0);
      expect(fallback.out).toBe(one.out);
      expect(readFileSync(mark, 'utf8')).toBe('loaded\nloaded\n');
    } finally {
      writeFileSync(worker, real);
    }
  });

  it('refuses to run on its own', () => {
    const r = spawnSync(process.execPath, [worker], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('runs inside `campaign-studio simulate`');
  });
});
