import { describe, expect, it } from 'vitest';
import { createHostApi, hostChannels, isHostChannel, secretNameSchema, suggestedFileNameSchema } from './contract';

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

  it('accepts bare file names only as save suggestions', () => {
    expect(suggestedFileNameSchema.safeParse('Onboarding drip.json').success).toBe(true);
    for (const name of ['../x.json', 'a/b.json', 'C:\\x.json', '..', '.', '', 'a\u0000b.json', 'x'.repeat(121)]) {
      expect(suggestedFileNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
  });

  it('names secrets with a short safe name', () => {
    expect(secretNameSchema.safeParse('backend.default').success).toBe(true);
    for (const name of ['', '../x', '__proto__', '.hidden', 'a'.repeat(65)]) expect(secretNameSchema.safeParse(name).success, name).toBe(false);
  });

  it('never offers a way to read a secret back', () => {
    expect(hostChannels.filter((channel) => channel.startsWith('secrets.'))).toEqual(['secrets.set', 'secrets.has', 'secrets.delete']);
  });
});
