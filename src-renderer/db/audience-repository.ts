import { useLiveQuery } from 'dexie-react-hooks';
import type { AudienceModel } from '../../src-shared/forecast/index';
import { db } from './db';
import type { FlowAudienceRecord, NamedAudienceRecord, StudioDatabase } from './schema';

/**
 * The only writer of the audience tables: the model each flow's forecasts draw (none: the one
 * derived from the flow) and models saved under a name for any flow.
 */
export function createAudienceRepository(database: StudioDatabase, clock: () => number = Date.now) {
  return {
    async setForFlow(record: Omit<FlowAudienceRecord, 'updatedAt'>): Promise<void> {
      await database.audiences.put({ ...record, updatedAt: clock() });
    },
    /** Back to the audience derived from the flow. */
    async clearForFlow(flowId: string): Promise<void> {
      await database.audiences.delete(flowId);
    },
    async forFlow(flowId: string): Promise<FlowAudienceRecord | undefined> {
      return database.audiences.get(flowId);
    },
    /** Saves `model` under `name`, replacing a model of that name. */
    async saveNamed(name: string, model: AudienceModel): Promise<number> {
      return database.transaction('rw', database.namedAudiences, async () => {
        const existing = await database.namedAudiences.where('name').equals(name).first();
        const record: NamedAudienceRecord = { ...(existing?.id !== undefined ? { id: existing.id } : {}), name, model: { ...model, name }, updatedAt: clock() };
        return (await database.namedAudiences.put(record)) as number;
      });
    },
    async removeNamed(id: number): Promise<void> {
      await database.namedAudiences.delete(id);
    },
  };
}

export const audienceRepository = createAudienceRepository(db);

/** The flow's audience record; `null` while loading is distinguished from none (`undefined` → loading). */
export function useFlowAudience(flowId: string): FlowAudienceRecord | null | undefined {
  return useLiveQuery(async () => (await db.audiences.get(flowId)) ?? null, [flowId]);
}

/** Named audience models, by name. */
export function useNamedAudiences(): NamedAudienceRecord[] | undefined {
  return useLiveQuery(() => db.namedAudiences.orderBy('name').toArray(), []);
}
