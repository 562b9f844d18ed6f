import { describe, expect, it } from 'vitest';
import { createHostApi, hostChannels, isHostChannel } from './contract';

describe('host contract', () => {
  it('names every channel domain.verb', () => {
    for (const channel of hostChannels) expect(channel).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
  });

  it('recognises only declared channels', () => {
    expect(isHostChannel('examples.list')).toBe(true);
    expect(isHostChannel('toString')).toBe(false);
    expect(isHostChannel('fs.readFile')).toBe(false);
  });

  it('builds one method per channel over a transport and checks replies', async () => {
    const calls: [string, unknown][] = [];
    const host = createHostApi(async (channel, args) => {
      calls.push([channel, args]);
      return channel === 'app.info' ? { edition: 'web', version: '1.0.0', platform: 'linux' } : { nope: true };
    });
    await expect(host.app.info()).resolves.toEqual({ edition: 'web', version: '1.0.0', platform: 'linux' });
    await expect(host.examples.read({ file: 'a.json' })).rejects.toThrow();
    expect(calls).toEqual([
      ['app.info', {}],
      ['examples.read', { file: 'a.json' }],
    ]);
  });
});
