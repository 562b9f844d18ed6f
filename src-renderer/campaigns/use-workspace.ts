import { useEffect, useMemo } from 'react';
import { selectBackends, selectBackendsError } from '../sync/backends-store';
import type { DirectoryEntry } from '../sync/directory-store';
import { useBackends, useDirectoryStore } from '../sync/sync-context';
import { directoryChoices, inboxLabel, sampleChoices, type WorkspaceChoices } from './workspace-choices';

/**
 * Where the campaign forms take inboxes, senders and labels from:
 * - `sample`: no Chatwoot backend is configured, so the sample workspace (and the UI says so);
 * - `chatwoot`: a configured account's directory, loading, loaded or failed (`choices` null
 *   until it first loads; the forms keep what is stored rather than offer sample data);
 * - `unknown`: the saved backends are not listed yet, or could not be.
 */
export type WorkspaceView =
  | { mode: 'sample'; choices: WorkspaceChoices }
  | { mode: 'chatwoot'; backend: string; backends: string[]; entry: DirectoryEntry | undefined; choices: WorkspaceChoices | null; refresh(): void; choose(backend: string): void }
  | { mode: 'unknown'; choices: null; error: string | null };

let sample: WorkspaceChoices | null = null;

/** The campaign forms' source of inboxes, agents and labels; fetches the account's directory once per backend. */
export function useWorkspace(): WorkspaceView {
  const backends = useBackends(selectBackends);
  const listError = useBackends(selectBackendsError);
  const chosen = useDirectoryStore((s) => s.chosen);
  const names = useMemo(() => (backends ?? []).filter((b) => b.connection.type === 'chatwoot').map((b) => b.name), [backends]);
  const backend = chosen && names.includes(chosen) ? chosen : names[0];
  const entry = useDirectoryStore((s) => (backend ? s.entries[backend] : undefined));
  const load = useDirectoryStore((s) => s.load);
  const choose = useDirectoryStore((s) => s.choose);

  useEffect(() => {
    if (backend && !entry) void load(backend);
  }, [backend, entry, load]);

  const directory = entry?.status === 'ready' ? entry.directory : entry?.status === 'error' ? entry.previous : undefined;
  const choices = useMemo(() => (directory ? directoryChoices(directory) : null), [directory]);

  if (backends === undefined) return { mode: 'unknown', choices: null, error: listError };
  if (!backend) return { mode: 'sample', choices: (sample ??= sampleChoices()) };
  return { mode: 'chatwoot', backend, backends: names, entry, choices, refresh: () => void load(backend, { force: true }), choose };
}

/** Names for cards and previews: an inbox reference as the current source names it. */
export function useInboxName(): (ref: string) => string {
  const { choices } = useWorkspace();
  return useMemo(() => (ref: string) => inboxLabel(choices, ref), [choices]);
}
