import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, nextTask } from './next-task';

describe('next task', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resolves after work already queued as tasks, not in the same task', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const queued = new MessageChannel();
    queued.port1.onmessage = () => {
      order.push('message');
      queued.port1.close();
    };
    queued.port2.postMessage(null);
    await nextTask();
    order.push('after');
    expect(order).toEqual(['timer', 'message', 'after']);
  });

  it('waits for a frame, or at most the fallback when none is drawn (a hidden window)', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    let done = false;
    const waiting = afterNextFrame(30).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toBe(false);
    frames[0]!(0);
    await waiting;
    expect(done).toBe(true);
    // No frame at all: the fallback lets it go on.
    const started = performance.now();
    await afterNextFrame(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});
