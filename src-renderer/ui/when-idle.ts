/**
 * Runs `work` once the main thread is idle (after the frames being drawn now), at the latest
 * after `timeoutMs`; returns how to cancel it. For work nobody waits for, such as fetching the
 * code of a panel that is not shown yet. Where `requestIdleCallback` is missing, a timer.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(work, 200);
  return () => clearTimeout(timer);
}
