import { createStore, type StoreApi } from 'zustand';
import type { HostApi } from '../../src-shared/host/contract';
import type { DirectoryAnswer, SyncError } from '../../src-shared/sync/index';

/** One backend's directory as the forms see it: loading, loaded (maybe refreshing), or failed. */
export type DirectoryEntry =
  | { status: 'loading' }
  | { status: 'ready'; directory: DirectoryAnswer; fetchedAt: number; refreshing: boolean }
  | { status: 'error'; error: Pick<SyncError, 'kind' | 'message' | 'status'>; previous?: DirectoryAnswer };

export interface DirectoryState {
  /** By backend name; absent until first asked for. */
  entries: Record<string, DirectoryEntry>;
  /** Fetches a backend's directory unless it is cached (or `force`); concurrent calls share one request. */
  load(backend: string, opts?: { force?: boolean }): Promise<void>;
  /** The Chatwoot backend the forms pick from when several are saved; null = the first. */
  chosen: string | null;
  choose(backend: string): void;
  /** Forgets every cached directory (backends were edited or removed). */
  clear(): void;
}

/**
 * The inboxes, agents and labels of each Chatwoot backend, fetched through `sync.directory`
 * and kept in memory for the app's lifetime: the campaign forms read it, a Refresh button
 * fetches it again. Nothing is persisted: the account is the source of truth.
 */
export function createDirectoryStore(host: Pick<HostApi, 'sync'>, clock: () => number = Date.now): StoreApi<DirectoryState> {
  const inFlight = new Map<string, Promise<void>>();
  return createStore<DirectoryState>()((set, get) => {
    const put = (backend: string, entry: DirectoryEntry) => set((s) => ({ entries: { ...s.entries, [backend]: entry } }));
    const fetchOne = async (backend: string): Promise<void> => {
      const before = get().entries[backend];
      const previous = before?.status === 'ready' ? before.directory : before?.status === 'error' ? before.previous : undefined;
      put(backend, before?.status === 'ready' ? { ...before, refreshing: true } : { status: 'loading' });
      try {
        const answer = await host.sync.directory({ backend });
        if (answer.ok) put(backend, { status: 'ready', directory: answer, fetchedAt: clock(), refreshing: false });
        else put(backend, { status: 'error', error: answer.error, ...(previous ? { previous } : {}) });
      } catch (error) {
        put(backend, { status: 'error', error: { kind: 'network', message: error instanceof Error ? error.message : String(error) }, ...(previous ? { previous } : {}) });
      }
    };
    return {
      entries: {},
      chosen: null,
      choose(backend) {
        set({ chosen: backend });
      },
      load(backend, opts = {}) {
        const running = inFlight.get(backend);
        if (running) return running;
        if (!opts.force && get().entries[backend]?.status === 'ready') return Promise.resolve();
        const run = fetchOne(backend).finally(() => inFlight.delete(backend));
        inFlight.set(backend, run);
        return run;
      },
      clear() {
        set({ entries: {} });
      },
    };
  });
}

const FAILURES: Partial<Record<SyncError['kind'], string>> = {
  dns: 'server not found (DNS)',
  tls: 'secure connection failed (TLS)',
  refused: 'connection refused',
  timeout: 'no answer in time',
  network: 'network error',
  malformed: 'not a Chatwoot API answer',
  unauthorized: 'token refused (401)',
  'wrong-account': 'wrong account',
  'not-admin': 'not an administrator',
  forbidden: 'access denied (403)',
  config: 'incomplete settings',
  server: 'server error',
};

/** "Could not load inboxes from Chatwoot: token refused (401)". */
export function directoryErrorText(error: Pick<SyncError, 'kind' | 'message' | 'status'>): string {
  const what = FAILURES[error.kind] ?? error.message;
  const status = error.kind === 'server' && error.status ? ` (${error.status})` : '';
  return `Could not load inboxes from Chatwoot: ${what}${status}`;
}
