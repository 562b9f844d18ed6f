import { SCHEMA_VERSION } from '../document';
import { namedHandlesExitsDurations } from './0001-named-handles-exits-durations';
import type { Migration, RawDocument } from './migration';

export type { Migration, RawDocument } from './migration';

/** Every migration, oldest first. Adding a schema version means appending one here. */
export const MIGRATIONS: readonly Migration[] = [namedHandlesExitsDurations];

export const OLDEST_SUPPORTED_VERSION = SCHEMA_VERSION - MIGRATIONS.length;

/**
 * Applies the migrations from `version` up to the current one; returns their names and
 * `pathBefore`, which maps a path of the result back to the file as given (`null`: the path
 * exists only in the upgraded form).
 */
export function migrate(doc: RawDocument, version: number): { doc: RawDocument; applied: string[]; pathBefore(path: string): string | null } {
  let current = doc;
  const applied: string[] = [];
  const steps: { migration: Migration; before: RawDocument }[] = [];
  for (const m of MIGRATIONS) {
    if (m.from < version) continue;
    steps.push({ migration: m, before: current });
    current = m.migrate(current);
    applied.push(m.name);
  }
  const pathBefore = (path: string): string | null => {
    let p: string | null = path;
    for (const { migration, before } of [...steps].reverse()) {
      if (p === null) return null;
      p = migration.pathBefore ? migration.pathBefore(p, before) : p;
    }
    return p;
  };
  return { doc: current, applied, pathBefore };
}
