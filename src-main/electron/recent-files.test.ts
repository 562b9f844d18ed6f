import { describe, expect, it, vi } from 'vitest';
import type { JsonStateFile } from '../host/json-state-file';
import { createRecentFiles, maxRecentFiles, withRecentFile, type RecentFilesState } from './recent-files';

function memoryState(initial: RecentFilesState): JsonStateFile<RecentFilesState> & { saved: RecentFilesState[] } {
  const saved: RecentFilesState[] = [];
  return { saved, load: async () => initial, save: async (value) => void saved.push(value) };
}

describe('withRecentFile', () => {
  it('puts the file first without duplicates and keeps at most ten', () => {
    expect(withRecentFile(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    const many = Array.from({ length: 12 }, (_, i) => `/f${i}`);
    expect(withRecentFile(many, '/new')).toHaveLength(maxRecentFiles);
  });
});

describe('createRecentFiles', () => {
  it('loads, adds, removes and clears, saving and announcing each change', async () => {
    const state = memoryState({ files: ['/a.json'] });
    const onChange = vi.fn();
    const recent = await createRecentFiles(state, onChange);
    expect(recent.list()).toEqual(['/a.json']);
    await recent.add('/b.json');
    await recent.remove('/a.json');
    expect(recent.list()).toEqual(['/b.json']);
    await recent.clear();
    expect(state.saved).toEqual([{ files: ['/b.json', '/a.json'] }, { files: ['/b.json'] }, { files: [] }]);
    expect(onChange).toHaveBeenCalledTimes(3);
  });
});
