/** How the outbox retries a failed push. */
export interface RetryPolicy {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** No delay grows past this. */
  maxMs: number;
  /** After this many failed attempts the entry waits for the user instead. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, maxMs: 10 * 60_000, maxAttempts: 10 };

/**
 * Exponential backoff with "equal jitter": after the n-th failure wait between half and all of
 * min(maxMs, baseMs · 2^(n-1)). The jitter spreads retries of many clients after an outage;
 * the half kept fixed stops a retry from coming back at once. `random` is injected (seeded in
 * tests) and returns [0, 1).
 *
 * @example backoffDelay(3, { baseMs: 1000, maxMs: 60000, maxAttempts: 5 }, () => 0.5) // 3000
 */
export function backoffDelay(failures: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
