import { useEffect, useRef } from 'react';
import { findHostCommand, type HostCommandId } from '../../src-shared/host/commands';
import type { OpenedFlowFile } from '../../src-shared/host/contract';
import { isTextField } from '../ui/text-field';
import { getHost, getHostEvents } from './host-client';

/** The DOM event each host menu command is re-dispatched as, on `window`. */
export const hostCommandEventName = 'campaign-studio:command';
export type HostCommandEvent = CustomEvent<{ command: HostCommandId }>;

declare global {
  interface WindowEventMap {
    [hostCommandEventName]: HostCommandEvent;
  }
}

/** What a text-editing command does inside a text field instead of reaching the editor. */
const textFieldActions: Partial<Record<HostCommandId, string>> = { 'edit.undo': 'undo', 'edit.redo': 'redo', 'edit.selectAll': 'selectAll', 'edit.delete': 'forwardDelete' };

let forwarding: (() => void) | undefined;

/** Forwards the host's `menu.command` pushes as DOM events, once for the whole page. */
function forwardHostCommands(): void {
  const events = getHostEvents();
  if (forwarding || !events) return;
  forwarding = events.subscribe('menu.command', ({ command }) => {
    const fieldAction = textFieldActions[command];
    const focused = document.activeElement;
    if (findHostCommand(command)?.textEditing && fieldAction && isTextField(focused) && !(focused instanceof HTMLSelectElement)) {
      // Undo in a text field undoes typing, not the last canvas change. execCommand is the
      // only way to ask Chromium for its own editing action from script.
      document.execCommand(fieldAction);
      return;
    }
    window.dispatchEvent(new CustomEvent(hostCommandEventName, { detail: { command } }));
  });
}

/**
 * Runs the given handlers for commands chosen in the desktop app's menu (see
 * src-shared/host/commands.ts for the list and their keys). The web edition has no native
 * menu, so there the handlers only run for events the page dispatches itself.
 *
 * @example
 * useHostCommands({ 'edit.undo': undo, 'view.fitView': () => reactFlow.fitView() });
 */
export function useHostCommands(handlers: Partial<Record<HostCommandId, () => void>>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    forwardHostCommands();
    const onCommand = (event: HostCommandEvent) => latest.current[event.detail.command]?.();
    window.addEventListener(hostCommandEventName, onCommand);
    return () => window.removeEventListener(hostCommandEventName, onCommand);
  }, []);
}

/**
 * Receives flow files the OS asked the desktop app to open (command line, double-click, a
 * second launch, Open Recent). Files that arrived before the page listened are delivered on
 * mount; each file is delivered once.
 */
export function useHostOpenedFiles(onFiles: (files: OpenedFlowFile[]) => void): void {
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  });
  useEffect(() => {
    const events = getHostEvents();
    if (!events) return;
    const take = () =>
      void getHost()
        .file.takePending()
        .then(({ files }) => files.length > 0 && latest.current(files))
        .catch((error: unknown) => console.error('Could not take the opened files:', error));
    take();
    return events.subscribe('file.openRequested', take);
  }, []);
}
