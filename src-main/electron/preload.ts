import { contextBridge, ipcRenderer } from 'electron';
import { createHostApi, preloadGlobalName, type HostApi } from '../../src-shared/host/contract';

// The page gets one object with one method per contract channel: never ipcRenderer itself,
// never a generic invoke(channel) it could point at anything.
const host = createHostApi((channel, args) => ipcRenderer.invoke(channel, args)) satisfies HostApi;

contextBridge.exposeInMainWorld(preloadGlobalName, host);
