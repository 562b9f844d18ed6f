import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleSummary } from '../../src-shared/host/contract';
import { importFlowJson } from '../../src-shared/flow/index';
import { HostError, type HostHandlers } from './handler-registry';

export interface HostHandlerOptions {
  edition: 'electron' | 'web';
  version: string;
  platform?: string;
  /** Folder holding the bundled example flows (`*.json`). */
  examplesDir: string;
}

const exampleFilePattern = /^[a-z0-9][a-z0-9._-]*\.json$/i;

async function exampleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && exampleFilePattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

async function summarise(dir: string, file: string): Promise<ExampleSummary | undefined> {
  const imported = importFlowJson(await readFile(join(dir, file), 'utf8'));
  if (!imported.ok) return undefined; // A broken example is a packaging bug; hide it rather than offer a file that fails.
  const { name, kind, description } = imported.document.campaign;
  return { file, name, kind, description: description ?? '' };
}

/**
 * The host's behaviour, shared by the Electron shell and the web edition.
 * Examples are addressed by file name only, and only names found by listing the folder are
 * readable, so a crafted name (`../../etc/passwd`) can never reach the file system.
 */
export function createHostHandlers(options: HostHandlerOptions): HostHandlers {
  const { examplesDir } = options;
  return {
    'app.info': () => ({ edition: options.edition, version: options.version, platform: options.platform ?? process.platform }),
    'examples.list': async () => {
      const summaries = await Promise.all((await exampleFiles(examplesDir)).map((file) => summarise(examplesDir, file)));
      return summaries.filter((summary): summary is ExampleSummary => summary !== undefined);
    },
    'examples.read': async ({ file }) => {
      const files = await exampleFiles(examplesDir);
      if (!files.includes(file)) throw new HostError('not-found', `No example named "${file}".`);
      return { file, text: await readFile(join(examplesDir, file), 'utf8') };
    },
  };
}
