import type { EnginePort } from './engine-client';

/** The real engine worker (Vite bundles engine.worker.ts as its own module chunk). */
export function openEngineWorker(): EnginePort {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'journey-engine' }) as unknown as EnginePort;
}
