import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles a benchmark's entry (a file of tests/bench) with esbuild as the build bundles the app
 * and the CLI (ESM for Node 20), runs `use` with the bundle's path, then deletes the bundle. It
 * is written next to the source, so the entry finds files by the same relative URLs.
 */
export async function withNodeBundle<T>(entry: string, use: (file: string) => Promise<T> | T): Promise<T> {
  const outfile = fileURLToPath(new URL(`./.${basename(entry, '.ts')}-${process.pid}.mjs`, import.meta.url));
  try {
    await build({ entryPoints: [fileURLToPath(new URL(entry, import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
    return await use(outfile);
  } finally {
    rmSync(outfile, { force: true });
  }
}
