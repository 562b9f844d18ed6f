import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { HostApi } from '../../src-shared/host/contract';
import { db } from '../db/db';
import { purgeDeletedFlowSync } from '../db/sync-purge';
import { localFlows, syncRepository } from '../db/sync-repository';
import { getHost } from '../host/host-client';
import { createBackendsStore, type BackendsState } from './backends-store';
import { createDirectoryStore, type DirectoryState } from './directory-store';
import { createSyncLoop, type SyncLoop } from './sync-loop';
import { whenIdle } from '../ui/when-idle';
import '../styles/sync.css';

interface SyncServices {
  host: HostApi;
  loop: SyncLoop;
  backends: StoreApi<BackendsState>;
  directory: StoreApi<DirectoryState>;
}

const SyncContext = createContext<SyncServices | null>(null);

/** Starts the sync loop for the app's lifetime and hands it (and the saved backends) down. */
export function SyncProvider({ children, host = getHost() }: { children: ReactNode; host?: HostApi }) {
  const [services] = useState<SyncServices>(() => ({ host, loop: createSyncLoop({ store: syncRepository, flows: localFlows, host }), backends: createBackendsStore(host), directory: createDirectoryStore(host) }));
  useEffect(() => {
    // A connection saved, edited or removed in Settings may name another account: fetch again.
    const unsubscribe = services.backends.subscribe((state, before) => {
      if (state.backends !== before.backends) services.directory.getState().clear();
    });
    // Records of flows deleted before this start are gone for good (Undo does not outlive the page):
    // drop them first, so the loop never resumes a publish of a flow that no longer exists. All of
    // this waits until the first screen is drawn: the purge's read-write transaction covers the
    // flows table, so it held back the read of the flow being opened (and its work the first
    // frame), and the backends' list, which no first screen shows (the publish dialog and Settings
    // say "loading" until it comes), cost the open its host call's answer and its first check.
    let stopped = false;
    const cancel = whenIdle(() => {
      void services.backends.getState().refresh();
      void purgeDeletedFlowSync(db)
        .catch((error: unknown) => console.warn('Could not clean up the sync state of deleted flows:', error))
        .then(() => (stopped ? undefined : services.loop.start()))
        .catch((error: unknown) => console.warn('Sync could not start:', error));
    }, 1000);
    return () => {
      stopped = true;
      cancel();
      unsubscribe();
      services.loop.stop();
    };
  }, [services]);
  return <SyncContext.Provider value={services}>{children}</SyncContext.Provider>;
}

function useServices(): SyncServices {
  const services = useContext(SyncContext);
  if (!services) throw new Error('Sync hooks need a <SyncProvider>.');
  return services;
}

export const useSyncLoop = (): SyncLoop => useServices().loop;
export const useSyncHost = (): HostApi => useServices().host;

/** A slice of the saved backends' state. */
export function useBackends<T>(selector: (state: BackendsState) => T): T {
  return useStore(useServices().backends, selector);
}

/** A slice of the Chatwoot directories' state (inboxes, agents, labels per backend). */
export function useDirectoryStore<T>(selector: (state: DirectoryState) => T): T {
  return useStore(useServices().directory, selector);
}
