import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyBodyFlow, json, validFlow } from './testing/flows';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

/** The real entry point in a real process, through tsx (what the esbuild bundle wraps). */
function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'campaign-studio-main-'));
  await writeFile(join(dir, 'good.json'), json(validFlow()));
  await writeFile(join(dir, 'bad.json'), json(emptyBodyFlow()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('campaign-studio (end to end)', () => {
  it('validates files with the documented exit codes', { timeout: 60_000 }, () => {
    const ok = cli(['validate', join(dir, 'good.json')]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('(3 nodes)');
    const bad = cli(['validate', '--json', join(dir, 'good.json'), join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: 1, invalid: 1, unreadable: 0 });
    expect(cli(['validate', join(dir, 'missing.json')]).code).toBe(2);
  });

  it('reads standard input and prints the version', { timeout: 60_000 }, () => {
    const piped = cli(['export', '-'], JSON.stringify(validFlow()));
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.out)).toMatchObject({ schemaVersion: 2 });
    expect(cli(['--version']).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
