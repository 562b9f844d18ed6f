import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Problem } from '../../src-shared/flow/index';

/** A file that could not be imported, with where and why. */
export interface ImportReport {
  fileName: string;
  problems: Problem[];
}

export interface AppState {
  importReport: ImportReport | null;
  /** A short confirmation ("Imported Onboarding drip"), cleared after a moment. */
  notice: string | null;
  showImportReport(report: ImportReport): void;
  dismissImportReport(): void;
  notify(message: string | null): void;
}

/** App-wide UI state that is not in the database. One fresh store per app (and per test). */
export function createAppStore(initial: Partial<Pick<AppState, 'importReport' | 'notice'>> = {}): StoreApi<AppState> {
  return createStore<AppState>()((set) => ({
    importReport: null,
    notice: null,
    ...initial,
    showImportReport: (importReport) => set({ importReport }),
    dismissImportReport: () => set({ importReport: null }),
    notify: (notice) => set({ notice }),
  }));
}

export const AppStoreContext = createContext<StoreApi<AppState> | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore needs an <AppStoreContext.Provider>.');
  return useStore(store, selector);
}

export const selectImportReport = (s: AppState) => s.importReport;
export const selectNotice = (s: AppState) => s.notice;
export const selectShowImportReport = (s: AppState) => s.showImportReport;
export const selectDismissImportReport = (s: AppState) => s.dismissImportReport;
export const selectNotify = (s: AppState) => s.notify;
