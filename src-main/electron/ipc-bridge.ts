import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { hostEvents, type HostEventName, type HostEventPayload } from '../../src-shared/host/events';
import { HostError, type HandlerRegistry } from '../host/handler-registry';
import { isTrustedSender } from './security';

/**
 * Answers the renderer's contract calls over IPC (checklist 17). A handler exists for each
 * declared channel and nothing else, so an undeclared channel has no one to answer it; every
 * call is refused unless it comes from the app's own top-level frame, and the registry
 * validates the payload with the channel's zod schema before any handler runs.
 */
export function registerHostIpc(ipcMain: Pick<IpcMain, 'handle'>, registry: HandlerRegistry): void {
  for (const channel of registry.channels) {
    ipcMain.handle(channel, async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) throw new Error('forbidden: the sender is not the app.');
      try {
        return await registry.dispatch(channel, payload);
      } catch (error) {
        // Electron passes only the message across; keep the code in it so the page can tell.
        if (error instanceof HostError) throw new Error(`${error.code}: ${error.message}`);
        console.error(`[ipc] ${channel} failed:`, error);
        throw new Error('internal: the host failed to answer.');
      }
    });
  }
}

/**
 * Pushes a host event to a page, checked against its schema first: main never sends a
 * shape the preload would drop, and never sends to a page that is not the app.
 */
export function sendHostEvent<E extends HostEventName>(contents: Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'>, event: E, payload: HostEventPayload<E>): boolean {
  if (contents.isDestroyed() || !isTrustedSender({ url: contents.getURL(), parent: null })) return false;
  contents.send(event, hostEvents[event].parse(payload));
  return true;
}
