import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { flowRange as range } from './simulation-repository';
import type { SavedPreviewRecord, SimulationRecord } from './simulation-records';

// Readers of the simulation tables; simulation-repository.ts writes them (also from the engine worker, which has no React).

/** A flow's saved runs, newest first, without their slider tables (listing only). */
export function useSavedRuns(flowId: string): Omit<SimulationRecord, 'view' | 'document'>[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.simulations.where('[flowId+createdAt]').between(...range(flowId)).reverse().toArray();
    return rows.map(({ view: _view, document: _doc, ...rest }) => rest);
  }, [flowId]);
}

/** A flow's saved previews, newest first. */
export function useSavedPreviews(flowId: string): SavedPreviewRecord[] | undefined {
  return useLiveQuery(() => db.savedPreviews.where('[flowId+createdAt]').between(...range(flowId)).reverse().toArray(), [flowId]);
}
