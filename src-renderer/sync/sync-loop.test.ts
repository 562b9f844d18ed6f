import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../src-shared/host/contract';
import { createMemoryFlows, createMemorySyncStore, syncError } from '../../src-shared/sync/index';
import { liveChatFlow } from '../../src-shared/sync/testing/sync-builders';
import { createSyncLoop } from './sync-loop';

afterEach(() => vi.useRealTimers());

/** A host whose `sync.push` fails `failures` times with a refused connection, then succeeds. */
function fakeHost(failures: number) {
  const calls: { backend: string; flowText: string }[] = [];
  const push = vi.fn(async ({ backend, flowText }: { backend: string; flowText: string }) => {
    calls.push({ backend, flowText });
    if (calls.length <= failures) return { ok: false as const, error: syncError('refused', 'Nothing answers.') };
    return { ok: true as const, remoteId: '7', remoteRevision: 'r1', remoteHash: 'fp', action: 'created' as const, warnings: [] };
  });
  return { host: { sync: { push } } as unknown as Pick<HostApi, 'sync'>, calls };
}

describe('the renderer sync loop', () => {
  it('publishes through sync.push and retries with backoff until it lands', async () => {
    vi.useFakeTimers({ now: 0 });
    const store = createMemorySyncStore();
    const { host, calls } = fakeHost(2);
    const loop = createSyncLoop({ store, flows: createMemoryFlows([liveChatFlow()]), host, clock: () => Date.now(), random: () => 0.5 });
    await loop.start();
    await loop.publish('pricing-chat', 'acme');
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.flowText).campaign.id).toBe('pricing-chat');
    expect(store.outbox()[0]).toMatchObject({ state: 'pending', attempts: 1 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    expect(store.outbox()).toEqual([]);
    expect(store.records()[0]).toMatchObject({ remoteId: '7', lastAttempt: { ok: true } });
    loop.stop();
  });

  it('resumes an attempt cut short by the last exit', async () => {
    const store = createMemorySyncStore({ outbox: [{ id: 'acme\u0000pricing-chat', flowId: 'pricing-chat', backend: 'acme', state: 'in-flight', attempts: 1, createdAt: 0, nextAttemptAt: 0, lastError: null, requeued: false, overwrite: null }] });
    const { host, calls } = fakeHost(0);
    const loop = createSyncLoop({ store, flows: createMemoryFlows([liveChatFlow()]), host });
    await loop.start();
    expect(calls).toHaveLength(1);
    expect(store.outbox()).toEqual([]);
    loop.stop();
  });
});
