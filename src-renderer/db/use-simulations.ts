import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { flowRange as range } from './schema';
import { simulationRepository, type SavedRunListing } from './simulation-repository';
import type { SavedPreviewRecord } from './simulation-records';

// Readers of the simulation tables; simulation-repository.ts writes them (also from the engine worker, which has no React).

/** A flow's saved runs, newest first, as listed (their views and flows are not read). */
export function useSavedRuns(flowId: string): SavedRunListing[] | undefined {
  return useLiveQuery(() => simulationRepository.listRuns(flowId), [flowId]);
}

/** A flow's saved previews, newest first. */
export function useSavedPreviews(flowId: string): SavedPreviewRecord[] | undefined {
  return useLiveQuery(() => db.savedPreviews.where('[flowId+createdAt]').between(...range(flowId)).reverse().toArray(), [flowId]);
}
