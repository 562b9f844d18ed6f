import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { hostCommandIds } from './commands';

/**
 * Pushes from the host to the renderer (the other direction of the contract): a menu
 * command was chosen, or the OS asked the app to open a flow file. Like the channels, every
 * event is declared once with a zod schema and checked on arrival, so a compromised or
 * buggy sender cannot hand the page a shape it was not promised.
 */
export const hostEvents = {
  'menu.command': lazySchema(() => z.object({ command: z.enum(hostCommandIds) }).strict()),
  /** Files are waiting: call `file.takePending` (so none is lost before the page listens). */
  'file.openRequested': lazySchema(() => z.object({}).strict()),
} as const satisfies Record<`${string}.${string}`, z.ZodType>;

export type HostEventName = keyof typeof hostEvents;
export type HostEventPayload<E extends HostEventName> = z.output<(typeof hostEvents)[E]>;

/** Where the Electron preload puts the {@link HostEventSource} on `window`. */
export const preloadEventsGlobalName = 'campaignStudioHostEvents';

/** Every event name, in declaration order. */
export const hostEventNames = Object.keys(hostEvents) as HostEventName[];

export function isHostEventName(name: string): name is HostEventName {
  return Object.prototype.hasOwnProperty.call(hostEvents, name);
}

/** Subscribes to one host event; returns the unsubscribe function. */
export interface HostEventSource {
  subscribe<E extends HostEventName>(event: E, listener: (payload: HostEventPayload<E>) => void): () => void;
}

/** Receives raw pushes for one event name from some transport (IPC); returns its remover. */
export type HostEventTransport = (event: HostEventName, deliver: (payload: unknown) => void) => () => void;

/**
 * Builds the {@link HostEventSource} over a transport: unknown event names are refused and
 * payloads that fail their schema are dropped (and reported to `onDropped`), never delivered.
 *
 * @example
 * const events = createHostEventSource((name, deliver) => {
 *   const on = (_e: unknown, payload: unknown) => deliver(payload);
 *   ipcRenderer.on(name, on);
 *   return () => ipcRenderer.off(name, on);
 * });
 */
export function createHostEventSource(transport: HostEventTransport, onDropped: (event: HostEventName) => void = () => undefined): HostEventSource {
  return {
    subscribe(event, listener) {
      if (!isHostEventName(event)) throw new Error(`Unknown host event "${String(event)}".`);
      return transport(event, (payload) => {
        const parsed = hostEvents[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as HostEventPayload<typeof event>);
        else onDropped(event);
      });
    },
  };
}

/** The web edition has no native menu and no OS file hand-off: nothing is ever pushed. */
export const silentHostEventSource: HostEventSource = { subscribe: () => () => undefined };
