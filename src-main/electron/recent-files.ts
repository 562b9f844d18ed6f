import * as z from 'zod';
import { lazySchema } from '../../src-shared/schema/lazy-schema';
import type { JsonStateFile } from '../host/json-state-file';

export const maxRecentFiles = 10;

export const recentFilesSchema = lazySchema(() => z.object({ files: z.array(z.string().min(1).max(4096)).max(100) }));
export type RecentFilesState = z.infer<typeof recentFilesSchema>;

/** `path` first, without duplicates, at most {@link maxRecentFiles}. */
export function withRecentFile(files: readonly string[], path: string, max = maxRecentFiles): string[] {
  return [path, ...files.filter((file) => file !== path)].slice(0, max);
}

export interface RecentFiles {
  list(): readonly string[];
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * The recent flow files behind File › Open Recent, kept in a JSON state file. `onChange`
 * rebuilds the menu (and tells the OS: jump list, dock menu).
 */
export async function createRecentFiles(state: JsonStateFile<RecentFilesState>, onChange: (files: readonly string[]) => void): Promise<RecentFiles> {
  let files = (await state.load()).files.slice(0, maxRecentFiles);
  const update = async (next: string[]) => {
    files = next;
    onChange(files);
    await state.save({ files }).catch((error: unknown) => console.error('[recent-files] could not save:', error));
  };
  return {
    list: () => files,
    add: (path) => update(withRecentFile(files, path)),
    remove: (path) => update(files.filter((file) => file !== path)),
    clear: () => update([]),
  };
}
