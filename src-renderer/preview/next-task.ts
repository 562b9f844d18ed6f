/**
 * Resolves in a later task of the event loop, so the work after it is a task of its own: a long
 * piece of main-thread work split at these points lets input and rendering in between.
 * `scheduler.yield()` where the browser has it (it keeps the caller's priority), else a message
 * to ourselves (no 4 ms clamp, unlike `setTimeout`).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves in a task after the next frame was drawn: what follows is drawn in a frame of its
 * own, instead of one frame laying out and painting everything that changed at once. A hidden
 * window draws no frames, so it resolves after `fallbackMs` at the latest (what waits on it, such
 * as saving a run, must not wait for the window to be shown). Without frames (tests in Node) it
 * is {@link nextTask}.
 */
export function afterNextFrame(fallbackMs = 100): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return nextTask();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      void nextTask().then(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
