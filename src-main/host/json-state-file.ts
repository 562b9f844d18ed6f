import { readFile } from 'node:fs/promises';
import type * as z from 'zod';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-write';

export interface JsonStateFile<T> {
  /** The stored value, or the fallback when the file is missing, unreadable or invalid. */
  load(): Promise<T>;
  save(value: T): Promise<void>;
}

/**
 * A small JSON file of app state (window bounds, recent files) read through a zod schema.
 * A hand-edited or half-migrated file never crashes the app: whatever does not parse is
 * replaced by the fallback.
 */
export function createJsonStateFile<S extends z.ZodType>(path: string, schema: S, fallback: () => z.output<S>, write: AtomicWriteOptions = {}): JsonStateFile<z.output<S>> {
  return {
    async load() {
      try {
        const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
        return parsed.success ? parsed.data : fallback();
      } catch {
        return fallback();
      }
    },
    save: async (value) => writeFileAtomic(path, `${JSON.stringify(schema.parse(value), null, 2)}\n`, write),
  };
}
