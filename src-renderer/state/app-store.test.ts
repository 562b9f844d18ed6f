import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store';

describe('createAppStore', () => {
  it('shows and dismisses an import report', () => {
    const store = createAppStore();
    const report = { fileName: 'bad.json', problems: [{ severity: 'error' as const, code: 'json.syntax', message: 'Bad', path: '$' }] };
    store.getState().showImportReport(report);
    expect(store.getState().importReport).toBe(report);
    store.getState().dismissImportReport();
    expect(store.getState().importReport).toBeNull();
  });

  it('gives each caller a fresh store', () => {
    createAppStore().getState().notify('hello');
    expect(createAppStore().getState().notice).toBeNull();
  });
});
