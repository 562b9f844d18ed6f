// The engine worker: a thin shell over the pure handler (engine-handler.ts), which is tested in Node.
import '../../zod-config';
import { simulationRepository } from '../../db/simulation-repository';
import { createEngineHandler } from './engine-handler';
import type { WireCall } from './flow-wire';

// The renderer is typed with the DOM library; of the worker's global scope only these are used.
const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; onmessage: ((event: MessageEvent<WireCall>) => void) | null };
// Runs are saved from here, where they are held: IndexedDB's copy of a big run costs this thread, not the page's.
const handle = createEngineHandler((message, transfer) => scope.postMessage(message, transfer ?? []), { saveRun: (record) => simulationRepository.saveRun(record) });
scope.onmessage = (event) => void handle(event.data);
