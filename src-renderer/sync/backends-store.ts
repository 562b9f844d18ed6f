import { createStore, type StoreApi } from 'zustand';
import type { HostApi } from '../../src-shared/host/contract';
import type { BackendConnection } from '../../src-shared/sync/index';

/** A saved connection as the host lists it: never its token, only whether one is stored. */
export interface BackendItem {
  name: string;
  connection: BackendConnection;
  hasToken: boolean;
}

export interface BackendsState {
  /** `undefined` until the host answered once. */
  backends: BackendItem[] | undefined;
  /** The host could not list them (shown on the settings screen). */
  loadError: string | null;
  refresh(): Promise<void>;
}

/** The saved backend connections, read from the host and refreshed after every change. */
export function createBackendsStore(host: Pick<HostApi, 'backends'>): StoreApi<BackendsState> {
  return createStore<BackendsState>()((set) => ({
    backends: undefined,
    loadError: null,
    async refresh() {
      try {
        set({ backends: await host.backends.list(), loadError: null });
      } catch (error) {
        set({ loadError: error instanceof Error ? error.message : String(error) });
      }
    },
  }));
}

export const selectBackends = (s: BackendsState) => s.backends;
export const selectBackendsError = (s: BackendsState) => s.loadError;
export const selectRefreshBackends = (s: BackendsState) => s.refresh;
