import type { EngineArgs, EngineCall, EngineChannel, EngineMessage, EngineResult } from './engine-protocol';
import { encodeCall, type WireCall } from './flow-wire';

/** The two ends of a Worker as the client uses them (a real Worker, or an in-process stand-in). */
export interface EnginePort {
  /** Calls go encoded (flow documents as their text, see flow-wire.ts). */
  postMessage(call: WireCall, transfer?: Transferable[]): void;
  onmessage: ((event: { data: EngineMessage }) => void) | null;
  terminate(): void;
}

export interface CallOptions {
  onProgress?: (done: number, total: number) => void;
  /** Buffers in `args` to move to the worker rather than copy (they are unusable here after). */
  transfer?: Transferable[];
}

export interface EngineClient {
  call<C extends EngineChannel>(channel: C, args: EngineArgs<C>, options?: CallOptions): Promise<EngineResult<C>>;
  dispose(): void;
}

/**
 * Typed request/response over the engine worker: each call gets an id, its promise settles with
 * the worker's answer, progress goes to the call's own callback. The port is made on the first
 * call, so an editor that never previews never starts a worker.
 */
export function createEngineClient(openPort: () => EnginePort): EngineClient {
  let port: EnginePort | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; options?: CallOptions }>();

  const connect = (): EnginePort => {
    if (port) return port;
    port = openPort();
    port.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      if (data.kind === 'progress') return p.options?.onProgress?.(data.done, data.total);
      pending.delete(data.id);
      if (data.kind === 'result') p.resolve(data.result);
      else p.reject(new Error(data.message));
    };
    return port;
  };

  return {
    call(channel, args, options) {
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, options });
        try {
          connect().postMessage(encodeCall({ id, channel, args } as EngineCall), options?.transfer ?? []);
        } catch (e) {
          pending.delete(id);
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    },
    dispose() {
      port?.terminate();
      port = null;
      for (const p of pending.values()) p.reject(new Error('The preview engine was closed.'));
      pending.clear();
    },
  };
}

/** A port that runs the handler in this thread (tests, and environments without workers). */
export function inProcessPort(makeHandler: (post: (m: EngineMessage) => void) => (call: WireCall) => Promise<void>): EnginePort {
  const port: EnginePort = {
    onmessage: null,
    postMessage: (call) => void handle(structuredClone(call)),
    terminate: () => undefined,
  };
  const handle = makeHandler((message) => queueMicrotask(() => port.onmessage?.({ data: message })));
  return port;
}
