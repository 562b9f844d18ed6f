import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../src-shared/host/contract';
import type { LiveStats } from '../../src-shared/host/live-contract';
import type { LiveHook, PreviewStore } from '../preview/preview-store';
import { createLiveStore } from './live-store';

const doc = { nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ id: 'ab', source: 'a', sourceHandle: 'next', target: 'b' }] } as never;
const stats = (entered: number): LiveStats => ({ flowId: 'f', revision: 'r2', generatedAt: new Date().toISOString(), journeys: { running: entered }, nodes: [{ nodeId: 'a', active: 0, entered, completed: { next: entered }, exited: 0, failed: 0 }, { nodeId: 'b', active: entered, entered, completed: {}, exited: 0, failed: 0 }] });
const down = { ok: false as const, error: { kind: 'refused' as const, message: 'Nothing listens at 127.0.0.1:8787.', retryable: true } };

/** The host as the renderer sees it (the boundary this store talks to); answers are queued per call. */
function hostWith(answers: (() => unknown)[]) {
  const calls: string[] = [];
  const next = () => (answers.shift() ?? (() => ({ ok: true, stats: stats(9) })))();
  const host = {
    live: {
      flow: async () => (calls.push('flow'), { ok: true, flow: { id: 'f', revision: 'r2', status: 'published', updatedAt: '2026-11-30T10:00:00Z' } }),
      stats: async () => (calls.push('stats'), next()),
    },
  } as unknown as HostApi;
  return { host, calls };
}

function previewStub() {
  const lent: (LiveHook | null)[] = [];
  const state = { setLive: (l: LiveHook | null) => lent.push(l), showExternalJourney: () => undefined, editScenario: () => undefined };
  return { preview: { getState: () => state } as unknown as PreviewStore, lent };
}

describe('Live mode’s polling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says the runner is unreachable with the retry time, backs off, keeps the last figures, recovers by itself', async () => {
    const { host, calls } = hostWith([() => ({ ok: true, stats: stats(1) }), () => down, () => down, () => ({ ok: true, stats: stats(2) })]);
    const { preview, lent } = previewStub();
    const store = createLiveStore({ host, preview, doc: () => doc });
    store.getState().start({ backend: 'runner', flowId: 'f' });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().status).toBe('ready');
    expect(lent.at(-1)?.overlay?.nodes['b']).toMatchObject({ entered: 1, waiting: 1 });

    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.getState()).toMatchObject({ status: 'offline', delay: 4_000 });
    expect(store.getState().nextPollAt! - Date.now()).toBe(4_000);
    expect(store.getState().stats?.nodes[0]?.entered).toBe(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(store.getState().delay).toBe(8_000);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(store.getState()).toMatchObject({ status: 'ready', error: null, delay: 2_000 });
    expect(lent.at(-1)?.overlay?.nodes['b']).toMatchObject({ entered: 2 });
    expect(calls.filter((c) => c === 'stats')).toHaveLength(4);
  });

  it('backs off while nothing moves, and stops polling (and lends nothing) when the view closes', async () => {
    const { host, calls } = hostWith([]);
    const { preview, lent } = previewStub();
    const store = createLiveStore({ host, preview, doc: () => doc });
    store.getState().start({ backend: 'runner', flowId: 'f' });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.getState().delay).toBe(3_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(store.getState().delay).toBe(4_500);
    store.getState().stop();
    expect(lent.at(-1)).toBeNull();
    const before = calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.length).toBe(before);
  });
});
