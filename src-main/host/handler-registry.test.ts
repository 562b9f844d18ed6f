import { describe, expect, it, vi } from 'vitest';
import { createHandlerRegistry, HostError } from './handler-registry';
import { fakeHostHandlers } from './testing/fake-handlers';

const fakeHandlers = fakeHostHandlers;

describe('createHandlerRegistry', () => {
  it('lists exactly the contract channels', () => {
    expect(createHandlerRegistry(fakeHandlers()).channels).toEqual([
      'app.info',
      'examples.list',
      'examples.read',
      'file.openFlow',
      'file.saveFlow',
      'file.takePending',
      'secrets.set',
      'secrets.has',
      'secrets.delete',
      'backends.list',
      'backends.save',
      'backends.delete',
      'backends.test',
      'sync.directory',
      'sync.push',
      'sync.unpublish',
      'sync.contacts',
      'sync.stats',
      'live.flow',
      'live.status',
      'live.stats',
      'live.journeys',
      'live.journey',
      'live.control',
      'live.test',
    ]);
  });

  it('dispatches validated arguments to the handler', async () => {
    const read = vi.fn(({ file }: { file: string }) => ({ file, text: 'hello' }));
    const registry = createHandlerRegistry(fakeHandlers({ 'examples.read': read }));
    await expect(registry.dispatch('examples.read', { file: 'a.json' })).resolves.toEqual({ file: 'a.json', text: 'hello' });
    expect(read).toHaveBeenCalledWith({ file: 'a.json' });
  });

  it('treats a missing payload as no arguments', async () => {
    const registry = createHandlerRegistry(fakeHandlers());
    await expect(registry.dispatch('app.info', undefined)).resolves.toMatchObject({ edition: 'web' });
  });

  it('rejects unknown channels, including inherited property names', async () => {
    const registry = createHandlerRegistry(fakeHandlers());
    for (const name of ['fs.read', 'constructor', '__proto__', 'toString']) {
      await expect(registry.dispatch(name, {})).rejects.toMatchObject({ code: 'unknown-channel' });
    }
  });

  it('rejects payloads that do not match the schema without calling the handler', async () => {
    const read = vi.fn();
    const registry = createHandlerRegistry(fakeHandlers({ 'examples.read': read }));
    const error = await registry.dispatch('examples.read', { file: 42 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'bad-request' });
    expect((error as Error).message).toContain('file');
    await expect(registry.dispatch('app.info', { extra: true })).rejects.toMatchObject({ code: 'bad-request' });
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses to pass on a reply that breaks the contract', async () => {
    const registry = createHandlerRegistry(fakeHandlers({ 'app.info': () => ({ edition: 'mainframe' }) as never }));
    await expect(registry.dispatch('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });
});
