import { useEffect, useState } from 'react';
import type { FlowDocument } from '../../src-shared/flow/index';
import { simulationRepository } from '../db/simulation-repository';
import { createEngineClient } from './worker/engine-client';
import { openEngineWorker } from './worker/engine-worker-port';
import { workerCount } from './population/population-parallel';
import { createPreviewStore, type PreviewStore } from './preview-store';

/**
 * The preview store of one editor session; its worker starts on first use and stops with the
 * session. Population runs also start one slice worker per core for the run's length.
 */
export function usePreviewSession(doc: FlowDocument): PreviewStore {
  const [store] = useState(() => createPreviewStore({ client: createEngineClient(openEngineWorker), openWorker: () => createEngineClient(openEngineWorker), workers: workerCount(navigator.hardwareConcurrency), persistence: simulationRepository, doc }));
  useEffect(() => () => store.getState().dispose(), [store]);
  return store;
}
