import type { FlowDocument } from '../../src-shared/flow/index';
import { newSyncRecord, type LocalFlows, type OutboxEntry, type SyncOptions, type SyncRecord, type SyncStore } from '../../src-shared/sync/index';
import { db } from './db';
import { flowRepository, type FlowRepository } from './flow-repository';
import type { StudioDatabase } from './schema';

/**
 * The only writer of the sync tables: the engine's {@link SyncStore} over Dexie. Each write is
 * one IndexedDB transaction, durable when it resolves, so an outbox entry marked "in flight"
 * before its request leaves is still there after a crash (and `resume()` runs it again).
 */
export function createSyncRepository(database: StudioDatabase): SyncStore {
  return {
    async getRecord(flowId, backend) {
      return database.syncRecords.get([flowId, backend]);
    },
    async putRecord(record: SyncRecord) {
      await database.syncRecords.put(record);
    },
    async updateRecord(flowId, backend, update) {
      await database.transaction('rw', database.syncRecords, async () => {
        await database.syncRecords.put(update(await database.syncRecords.get([flowId, backend])));
      });
    },
    async listOutbox() {
      return database.syncOutbox.toArray();
    },
    async putOutbox(entry: OutboxEntry) {
      await database.syncOutbox.put(entry);
    },
    async deleteOutbox(id) {
      await database.syncOutbox.delete(id);
    },
  };
}

/**
 * The local flows as the engine sees them, written through the flow repository. Taking the
 * remote version of a conflict first keeps the local one as a named version, so even that
 * choice can be undone from the history.
 */
export function createLocalFlows(database: StudioDatabase, flows: FlowRepository): LocalFlows {
  return {
    async get(flowId) {
      return (await database.flows.get(flowId))?.document;
    },
    async save(doc: FlowDocument) {
      const current = await database.flows.get(doc.campaign.id);
      if (current) await flows.saveVersion(current.document, 'Before taking the published version');
      await flows.save(doc);
    },
    async create(doc: FlowDocument) {
      await flows.saveImported([doc]);
    },
  };
}

/**
 * Stores a flow's choices for one backend that the flow format has no field for (the WhatsApp
 * template), in its sync record, where the push reads them; creates the record if needed.
 */
export async function saveSyncOptions(database: StudioDatabase, flowId: string, backend: string, options: SyncOptions): Promise<void> {
  await database.transaction('rw', database.syncRecords, async () => {
    const record = (await database.syncRecords.get([flowId, backend])) ?? newSyncRecord(flowId, backend);
    await database.syncRecords.put({ ...record, options: { ...record.options, ...options } });
  });
}

export const syncRepository = createSyncRepository(db);
export const localFlows = createLocalFlows(db, flowRepository);
