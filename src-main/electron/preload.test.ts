import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hostChannels, preloadGlobalName } from '../../src-shared/host/contract';
import { hostEventNames, preloadEventsGlobalName } from '../../src-shared/host/events';

// Checklist 20: the page never gets Electron's APIs, only what the preload builds from the contract.
const exposed = new Map<string, Record<string, unknown>>();
const ipcRenderer = { invoke: vi.fn(async () => ({ edition: 'electron', version: '1', platform: 'linux' })), on: vi.fn(), off: vi.fn() };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: Record<string, unknown>) => exposed.set(name, value) },
  ipcRenderer,
}));

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes exactly the contract object and the event source', () => {
    expect([...exposed.keys()]).toEqual([preloadGlobalName, preloadEventsGlobalName]);
  });

  it('gives one method per declared channel and nothing that could reach ipcRenderer', () => {
    const host = exposed.get(preloadGlobalName) ?? {};
    const methods = Object.entries(host).flatMap(([domain, verbs]) => Object.keys(verbs as object).map((verb) => `${domain}.${verb}`));
    expect(methods.sort()).toEqual([...hostChannels].sort());
    for (const value of exposed.values()) {
      expect(Object.values(value)).not.toContain(ipcRenderer);
      expect(Object.keys(value)).not.toEqual(expect.arrayContaining(['invoke', 'send', 'sendSync', 'ipcRenderer']));
    }
  });

  it('calls only the named channel', async () => {
    const host = exposed.get(preloadGlobalName) as { app: { info(): Promise<unknown> } };
    await host.app.info();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app.info', {});
  });

  it('subscribes only to declared events, hides the IPC event object and drops malformed payloads', () => {
    const events = exposed.get(preloadEventsGlobalName) as { subscribe(name: string, listener: (payload: unknown) => void): () => void };
    expect(() => events.subscribe('fs.changed', () => undefined)).toThrow(/Unknown host event/);
    const listener = vi.fn();
    const unsubscribe = events.subscribe('menu.command', listener);
    const [name, ipcListener] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (event: unknown, payload: unknown) => void];
    expect(hostEventNames).toContain(name);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ipcListener({ sender: 'ipc' }, { command: 'edit.undo' });
    ipcListener({ sender: 'ipc' }, { command: 'shell.exec' });
    expect(listener.mock.calls).toEqual([[{ command: 'edit.undo' }]]);
    expect(warn).toHaveBeenCalledOnce();
    unsubscribe();
    expect(ipcRenderer.off).toHaveBeenCalledWith(name, ipcListener);
  });
});
