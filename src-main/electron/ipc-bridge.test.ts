import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { hostChannels } from '../../src-shared/host/contract';
import { createHandlerRegistry, HostError } from '../host/handler-registry';
import { fakeHostHandlers } from '../host/testing/fake-handlers';
import { registerHostIpc, sendHostEvent } from './ipc-bridge';
import { appStartUrl } from './security';

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, payload: unknown) => Promise<unknown>;

function register(overrides: Parameters<typeof fakeHostHandlers>[0] = {}) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) };
  registerHostIpc(ipcMain as unknown as IpcMain, createHandlerRegistry(fakeHostHandlers(overrides)));
  return handlers;
}

const fromApp = { senderFrame: { url: appStartUrl, parent: null } };

describe('registerHostIpc (checklist 17)', () => {
  it('handles exactly the declared channels, so an unknown one has no handler', () => {
    expect([...register().keys()]).toEqual(hostChannels);
  });

  it('answers the app', async () => {
    await expect(register().get('app.info')?.(fromApp, {})).resolves.toMatchObject({ edition: 'web' });
  });

  it('refuses senders that are not the app top-level frame, before any handler runs', async () => {
    const info = vi.fn(() => ({ edition: 'web' as const, version: '1', platform: 'x' }));
    const handlers = register({ 'app.info': info });
    const senders = [{ url: 'https://evil.example/', parent: null }, { url: appStartUrl, parent: {} }, null];
    for (const senderFrame of senders) await expect(handlers.get('app.info')?.({ senderFrame }, {})).rejects.toThrow(/forbidden/);
    expect(info).not.toHaveBeenCalled();
  });

  it('validates the payload with zod before the handler sees it', async () => {
    const set = vi.fn();
    const handlers = register({ 'secrets.set': set });
    for (const payload of [{ name: '../x', value: 't' }, { name: 'ok', value: '' }, { name: 'ok', value: 't', extra: 1 }, 'text', null]) {
      await expect(handlers.get('secrets.set')?.(fromApp, payload)).rejects.toThrow(/^bad-request: /);
    }
    expect(set).not.toHaveBeenCalled();
  });

  it('passes host errors on with their code and hides other failures', async () => {
    const handlers = register({
      'examples.read': () => {
        throw new HostError('not-found', 'No example named "x".');
      },
      'examples.list': () => {
        throw new Error('/home/me/secret/path exploded');
      },
    });
    await expect(handlers.get('examples.read')?.(fromApp, { file: 'x' })).rejects.toThrow('not-found: No example named "x".');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(handlers.get('examples.list')?.(fromApp, {})).rejects.toThrow(/^internal: /);
    error.mockRestore();
  });
});

describe('sendHostEvent', () => {
  const contents = (url: string, destroyed = false) => ({ send: vi.fn(), isDestroyed: () => destroyed, getURL: () => url });

  it('sends checked payloads to the app page', () => {
    const page = contents(appStartUrl);
    expect(sendHostEvent(page as unknown as WebContents, 'menu.command', { command: 'view.fitView' })).toBe(true);
    expect(page.send).toHaveBeenCalledWith('menu.command', { command: 'view.fitView' });
  });

  it('refuses an unknown command, a foreign page or a closed window', () => {
    expect(() => sendHostEvent(contents(appStartUrl) as unknown as WebContents, 'menu.command', { command: 'rm.rf' as never })).toThrow();
    expect(sendHostEvent(contents('https://evil.example/') as unknown as WebContents, 'file.openRequested', {})).toBe(false);
    expect(sendHostEvent(contents(appStartUrl, true) as unknown as WebContents, 'file.openRequested', {})).toBe(false);
  });
});
