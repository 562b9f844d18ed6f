import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { maxFlowFileBytes, type OpenedFlowFile } from '../../src-shared/host/contract';
import { writeFileAtomic } from './atomic-write';

/** The native dialogs (Electron's `dialog`), reduced to the two questions the app asks. */
export interface FlowFileDialogs {
  /** The path the user chose to open, or `undefined` when they cancelled. */
  chooseFileToOpen(): Promise<string | undefined>;
  /** The path the user chose to save to, or `undefined` when they cancelled. */
  chooseFileToSave(suggestedName: string): Promise<string | undefined>;
}

/**
 * Reads a flow file the user or the OS named, as strict UTF-8 and at most
 * {@link maxFlowFileBytes}. Failures become a message for the page, never an exception, so
 * one unreadable file in a double-click does not stop the others.
 */
export async function readFlowFile(path: string): Promise<OpenedFlowFile> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { name, error: 'This is not a file.' };
    if (info.size > maxFlowFileBytes) return { name, error: `The file is larger than ${maxFlowFileBytes / 1024 / 1024} MB.` };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
    return { name, text };
  } catch (error) {
    if (error instanceof TypeError) return { name, error: 'The file is not UTF-8 text.' };
    const code = (error as NodeJS.ErrnoException).code;
    return { name, error: code === 'ENOENT' ? 'The file does not exist.' : code === 'EACCES' ? 'Permission denied.' : 'The file could not be read.' };
  }
}

/** Writes an exported flow where the user chose, atomically. */
export async function writeFlowFile(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text);
}

/**
 * Flow files the OS handed over (command line, double-click, a second launch, Open Recent)
 * wait here until the page takes them, so a file opened before the editor is listening is
 * not lost, and each is given to the page exactly once.
 */
export interface PendingOpens {
  add(file: OpenedFlowFile): void;
  take(): OpenedFlowFile[];
}

export function createPendingOpens(onAdded: () => void = () => undefined): PendingOpens {
  let files: OpenedFlowFile[] = [];
  return {
    add(file) {
      files.push(file);
      onAdded();
    },
    take() {
      const taken = files;
      files = [];
      return taken;
    },
  };
}
