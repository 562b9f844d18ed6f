import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createHostApi, preloadGlobalName, type HostApi } from '../../src-shared/host/contract';
import { createHostEventSource, preloadEventsGlobalName, type HostEventSource } from '../../src-shared/host/events';

// The page gets two objects built from the contract: one method per channel, and a subscribe
// for the declared host events. Never ipcRenderer itself, never a generic invoke(channel) or
// on(channel) it could point at anything; the IPC event object never reaches the page.
const host = createHostApi((channel, args) => ipcRenderer.invoke(channel, args)) satisfies HostApi;

const events = createHostEventSource((name, deliver) => {
  const listener = (_event: IpcRendererEvent, payload: unknown) => deliver(payload);
  ipcRenderer.on(name, listener);
  return () => void ipcRenderer.off(name, listener);
}, (name) => console.warn(`Dropped a malformed "${name}" host event.`)) satisfies HostEventSource;

contextBridge.exposeInMainWorld(preloadGlobalName, host);
contextBridge.exposeInMainWorld(preloadEventsGlobalName, events);
