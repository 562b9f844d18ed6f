import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../src-shared/host/contract';
import { syncError, type DirectoryAnswer } from '../../src-shared/sync/index';
import { createDirectoryStore, directoryErrorText } from './directory-store';

const dir: DirectoryAnswer = { ok: true, inboxes: [{ id: 1, name: 'Website', kind: 'website' }], agents: [], labels: [{ id: 5, title: 'enterprise' }] };

function fakeHost(answers: unknown[]) {
  const directory = vi.fn(async () => {
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next;
  });
  return { host: { sync: { directory } } as unknown as Pick<HostApi, 'sync'>, directory };
}

describe('the directory cache', () => {
  it('fetches once per backend, shares concurrent loads, and fetches again on refresh', async () => {
    const { host, directory } = fakeHost([dir, { ...dir, labels: [] }]);
    const store = createDirectoryStore(host, () => 1000);
    const first = store.getState().load('acme');
    expect(store.getState().entries.acme).toEqual({ status: 'loading' });
    await Promise.all([first, store.getState().load('acme')]);
    await store.getState().load('acme');
    expect(directory).toHaveBeenCalledTimes(1);
    expect(store.getState().entries.acme).toEqual({ status: 'ready', directory: dir, fetchedAt: 1000, refreshing: false });

    const refresh = store.getState().load('acme', { force: true });
    expect(store.getState().entries.acme).toMatchObject({ status: 'ready', refreshing: true });
    await refresh;
    expect(directory).toHaveBeenCalledTimes(2);
    expect(store.getState().entries.acme).toMatchObject({ status: 'ready', directory: { labels: [] } });
  });

  it('keeps an error, with what was loaded before, and says which step failed', async () => {
    const { host } = fakeHost([dir, { ok: false, error: syncError('unauthorized', 'The token was refused.', { status: 401 }) }, new Error('host gone')]);
    const store = createDirectoryStore(host);
    await store.getState().load('acme');
    await store.getState().load('acme', { force: true });
    const entry = store.getState().entries.acme;
    expect(entry).toMatchObject({ status: 'error', error: { kind: 'unauthorized' }, previous: dir });
    expect(entry?.status === 'error' && directoryErrorText(entry.error)).toBe('Could not load inboxes from Chatwoot: token refused (401)');
    await store.getState().load('acme', { force: true });
    expect(store.getState().entries.acme).toMatchObject({ status: 'error', error: { kind: 'network', message: 'host gone' } });
    store.getState().clear();
    expect(store.getState().entries).toEqual({});
  });

  it('names a server failure with its status', () => {
    expect(directoryErrorText({ kind: 'server', message: 'x', status: 502 })).toBe('Could not load inboxes from Chatwoot: server error (502)');
  });
});
