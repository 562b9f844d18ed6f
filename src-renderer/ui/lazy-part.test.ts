import { describe, expect, it, vi } from 'vitest';
import { lazyPart } from './lazy-part';

const Panel = () => null;

describe('lazyPart', () => {
  it('fetches its chunk once, however often it is preloaded', async () => {
    const load = vi.fn(() => Promise.resolve(Panel));
    const part = lazyPart(load);
    await Promise.all([part.preload(), part.preload()]);
    await part.preload();
    expect(load).toHaveBeenCalledOnce();
  });

  it('tries again after a failed fetch', async () => {
    const load = vi.fn<() => Promise<typeof Panel>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(Panel);
    const part = lazyPart(load);
    await expect(part.preload()).rejects.toThrow('offline');
    await expect(part.preload()).resolves.toBe(Panel);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
