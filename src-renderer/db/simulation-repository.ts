import { db } from './db';
import { flowRange, type StudioDatabase } from './schema';
import { runsToPrune } from './simulation-policy';
import type { SavedPreviewRecord, SimulationRecord } from './simulation-records';

/** What the Saved tab lists of a run. */
export type SavedRunListing = Required<Pick<SimulationRecord, 'id'>> & Pick<SimulationRecord, 'flowId' | 'createdAt' | 'name' | 'fingerprint'>;

/**
 * The only writer of the simulation tables (saved population runs and saved previews). Each
 * keeps the flow document it ran on, so it can be re-opened, compared and marked stale.
 */
export function createSimulationRepository(database: StudioDatabase, clock: () => number = Date.now) {
  return {
    /** Saves a run and, in the same transaction, drops the flow's runs beyond the newest `RUNS_KEPT_PER_FLOW`. */
    async saveRun(record: Omit<SimulationRecord, 'id' | 'createdAt'>): Promise<number> {
      return database.transaction('rw', database.simulations, async () => {
        const id = (await database.simulations.add({ ...record, createdAt: clock() })) as number;
        const ofFlow = database.simulations.where('[flowId+createdAt]').between(...flowRange(record.flowId));
        // Index keys and ids only: the runs' views (slider tables) are not read.
        const [keys, ids] = await Promise.all([ofFlow.clone().keys(), ofFlow.clone().primaryKeys()]);
        const drop = runsToPrune(ids.map((runId, i) => ({ id: runId as number, createdAt: (keys[i] as unknown as [string, number])[1] })));
        if (drop.length) await database.simulations.bulkDelete(drop);
        return id;
      });
    },
    async savePreview(record: Omit<SavedPreviewRecord, 'id' | 'createdAt'>): Promise<number> {
      return (await database.savedPreviews.add({ ...record, createdAt: clock() })) as number;
    },
    /** After a regression check the marketer accepts: the preview now expects the new steps. */
    async updatePreview(id: number, changes: Pick<SavedPreviewRecord, 'fingerprint' | 'document' | 'steps' | 'outcome'>): Promise<void> {
      await database.savedPreviews.update(id, changes);
    },
    async removeRun(id: number): Promise<void> {
      await database.simulations.delete(id);
    },
    async removePreview(id: number): Promise<void> {
      await database.savedPreviews.delete(id);
    },
    async run(id: number): Promise<SimulationRecord | undefined> {
      return database.simulations.get(id);
    },
    /** A flow's saved runs, newest first, as listed: read from an index, so no run's view is read. */
    async listRuns(flowId: string): Promise<SavedRunListing[]> {
      // '' is the least string, [] sorts after every string: bounds for any name and fingerprint.
      const index = database.simulations.where('[flowId+createdAt+name+fingerprint]').between([flowId, -Infinity, '', ''], [flowId, Infinity, [], []], true, true);
      const [keys, ids] = await Promise.all([index.clone().keys(), index.clone().primaryKeys()]);
      return keys
        .map((key, i) => {
          const [, createdAt, name, fingerprint] = key as unknown as [string, number, string, string];
          return { id: ids[i] as number, flowId, createdAt, name, fingerprint };
        })
        .reverse();
    },
  };
}

export const simulationRepository = createSimulationRepository(db);
