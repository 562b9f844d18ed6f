import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/prng';
import { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from './backoff';
import { dueEntries, enqueue, failAttempt, nextWakeAt, resumeEntries, startAttempt } from './outbox';
import { syncError } from './sync-error';

const policy: RetryPolicy = { baseMs: 1000, maxMs: 60_000, maxAttempts: 4 };

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with jitter between half and all of it', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(1000);
    expect(backoffDelay(4, policy, () => 0.5)).toBe(6000);
    expect(backoffDelay(20, policy, () => 0.999999)).toBe(60_000);
  });

  it('is reproducible with a seeded random and spreads clients', () => {
    const a = Array.from({ length: 5 }, (_, i) => backoffDelay(i + 1, DEFAULT_RETRY, seededRandom(7)));
    const b = Array.from({ length: 5 }, (_, i) => backoffDelay(i + 1, DEFAULT_RETRY, seededRandom(7)));
    expect(a).toEqual(b);
    const spread = new Set(Array.from({ length: 20 }, (_, seed) => backoffDelay(3, DEFAULT_RETRY, seededRandom(seed))));
    expect(spread.size).toBeGreaterThan(15);
  });
});

describe('outbox entries', () => {
  const offline = syncError('refused', 'Nothing answers.');
  const refused401 = syncError('unauthorized', 'Bad token.');

  it('coalesce: one entry per flow and backend, made due again by a new publish', () => {
    const a = enqueue(undefined, 'f', 'cw', 100);
    const failed = failAttempt(startAttempt(a), offline, 200, policy, () => 0.5);
    expect(failed.nextAttemptAt).toBeGreaterThan(200);
    const again = enqueue(failed, 'f', 'cw', 300);
    expect(again).toMatchObject({ id: a.id, state: 'pending', attempts: 0, nextAttemptAt: 300, createdAt: 100 });
  });

  it('retry transient failures with backoff, then block after maxAttempts', () => {
    let e = enqueue(undefined, 'f', 'cw', 0);
    const delays: number[] = [];
    for (let i = 0; i < policy.maxAttempts; i++) {
      e = failAttempt(startAttempt(e), offline, 1000, policy, () => 0.5);
      if (e.state === 'pending') delays.push(e.nextAttemptAt - 1000);
    }
    expect(delays).toEqual([750, 1500, 3000]);
    expect(e.state).toBe('blocked');
    expect(e.lastError?.message).toMatch(/Gave up after 4 attempts/);
  });

  it('block at once on errors only the user can fix', () => {
    const e = failAttempt(startAttempt(enqueue(undefined, 'f', 'cw', 0)), refused401, 10, policy, () => 0.5);
    expect(e.state).toBe('blocked');
    expect(e.lastError?.kind).toBe('unauthorized');
  });

  it('a publish during an attempt runs once more right after it', () => {
    const inFlight = startAttempt(enqueue(undefined, 'f', 'cw', 0));
    const requeued = enqueue(inFlight, 'f', 'cw', 5);
    expect(requeued).toMatchObject({ state: 'in-flight', requeued: true });
    expect(failAttempt(requeued, refused401, 9, policy, () => 0.5)).toMatchObject({ state: 'pending', nextAttemptAt: 9 });
  });

  it('resume in-flight entries after a restart, and order due ones', () => {
    const a = startAttempt(enqueue(undefined, 'a', 'cw', 10));
    const b = { ...enqueue(undefined, 'b', 'cw', 5), nextAttemptAt: 50 };
    const resumed = resumeEntries([a, b], 100);
    expect(resumed).toEqual([{ ...a, state: 'pending', nextAttemptAt: 100 }]);
    expect(dueEntries([b, ...resumed], 100).map((e) => e.flowId)).toEqual(['b', 'a']);
    expect(nextWakeAt([b, a])).toBe(50);
    expect(nextWakeAt([])).toBeNull();
  });
});
