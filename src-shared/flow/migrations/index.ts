import { SCHEMA_VERSION } from '../document';
import { namedHandlesExitsDurations } from './0001-named-handles-exits-durations';
import type { Migration, RawDocument } from './migration';

export type { Migration, RawDocument } from './migration';

/** Every migration, oldest first. Adding a schema version means appending one here. */
export const MIGRATIONS: readonly Migration[] = [namedHandlesExitsDurations];

export const OLDEST_SUPPORTED_VERSION = SCHEMA_VERSION - MIGRATIONS.length;

/** Applies the migrations from `version` up to the current one; returns their names. */
export function migrate(doc: RawDocument, version: number): { doc: RawDocument; applied: string[] } {
  let current = doc;
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.from < version) continue;
    current = m.migrate(current);
    applied.push(m.name);
  }
  return { doc: current, applied };
}
