// The engine worker: a thin shell over the pure handler (engine-handler.ts), which is tested in Node.
import { createEngineHandler } from './engine-handler';
import type { EngineCall } from './engine-protocol';

// The renderer is typed with the DOM library; of the worker's global scope only these are used.
const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; onmessage: ((event: MessageEvent<EngineCall>) => void) | null };
const handle = createEngineHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event) => void handle(event.data);
