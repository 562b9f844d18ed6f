import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleSummary } from '../../src-shared/host/contract';
import { importFlowJson } from '../../src-shared/flow/index';
import { createPendingOpens, readFlowFile, writeFlowFile, type FlowFileDialogs, type PendingOpens } from './flow-files';
import type { BackendStore } from './backend-store';
import { HostError, type HostHandlers } from './handler-registry';
import type { SecretStore } from './secret-store';
import { createLiveHandlers } from './live-handlers';
import { createSyncHandlers, type SyncHandlerOptions } from './sync-handlers';

export interface HostHandlerOptions {
  edition: 'electron' | 'web';
  version: string;
  platform?: string;
  /** Folder holding the bundled example flows (`*.json`). */
  examplesDir: string;
  /** Where `secrets.*` keep backend tokens (see createSecretStore). */
  secrets: SecretStore;
  /** Saved backend connections (see createBackendStore); their tokens are secrets under `backend.<name>`. */
  backends: BackendStore;
  /** How sync reaches backends; node:http(s) unless a test replaces it. */
  syncTransport?: SyncHandlerOptions['transport'];
  /** Native open/save dialogs; without them `file.openFlow`/`file.saveFlow` answer `supported: false`. */
  dialogs?: FlowFileDialogs;
  /** Files handed over by the OS, waiting for `file.takePending`. */
  pending?: PendingOpens;
  /** Told about every file opened or saved through a dialog (recent files). */
  onFileUsed?: (path: string) => void;
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
 * No channel takes a path from the page: examples are addressed by a name found by listing
 * their folder (so `../../etc/passwd` never reaches the file system), and flow files come
 * from a native dialog or the OS. Secrets go in and are tested for, but never come back out.
 */
export function createHostHandlers(options: HostHandlerOptions): HostHandlers {
  const { examplesDir, dialogs, secrets } = options;
  const pending = options.pending ?? createPendingOpens();
  const used = options.onFileUsed ?? (() => undefined);
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
    'file.openFlow': async () => {
      if (!dialogs) return { supported: false };
      const path = await dialogs.chooseFileToOpen();
      if (!path) return { supported: true, canceled: true };
      const file = await readFlowFile(path);
      if ('text' in file) used(path);
      return { supported: true, canceled: false, file };
    },
    'file.saveFlow': async ({ suggestedName, text }) => {
      if (!dialogs) return { supported: false };
      const path = await dialogs.chooseFileToSave(suggestedName);
      if (!path) return { supported: true, canceled: true };
      await writeFlowFile(path, text);
      used(path);
      return { supported: true, canceled: false, name: path.split(/[\\/]/).pop() ?? suggestedName };
    },
    'file.takePending': () => ({ files: pending.take() }),
    'secrets.set': async ({ name, value }) => {
      await secrets.set(name, value);
      return { stored: true, protection: secrets.protection };
    },
    'secrets.has': async ({ name }) => ({ stored: await secrets.has(name) }),
    'secrets.delete': async ({ name }) => ({ deleted: await secrets.delete(name) }),
    ...createSyncHandlers({ backends: options.backends, secrets, ...(options.syncTransport ? { transport: options.syncTransport } : {}) }),
    ...createLiveHandlers({ backends: options.backends, secrets, ...(options.syncTransport ? { transport: options.syncTransport } : {}) }),
  };
}
