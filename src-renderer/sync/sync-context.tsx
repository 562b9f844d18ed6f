import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { HostApi } from '../../src-shared/host/contract';
import { localFlows, syncRepository } from '../db/sync-repository';
import { getHost } from '../host/host-client';
import { createBackendsStore, type BackendsState } from './backends-store';
import { createSyncLoop, type SyncLoop } from './sync-loop';
import '../styles/sync.css';

interface SyncServices {
  host: HostApi;
  loop: SyncLoop;
  backends: StoreApi<BackendsState>;
}

const SyncContext = createContext<SyncServices | null>(null);

/** Starts the sync loop for the app's lifetime and hands it (and the saved backends) down. */
export function SyncProvider({ children, host = getHost() }: { children: ReactNode; host?: HostApi }) {
  const [services] = useState<SyncServices>(() => ({ host, loop: createSyncLoop({ store: syncRepository, flows: localFlows, host }), backends: createBackendsStore(host) }));
  useEffect(() => {
    void services.backends.getState().refresh();
    void services.loop.start().catch((error: unknown) => console.warn('Sync could not start:', error));
    return () => services.loop.stop();
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
