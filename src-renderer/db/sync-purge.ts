import type { OutboxEntry, SyncRecord } from '../../src-shared/sync/index';
import type { StudioDatabase } from './schema';

/**
 * The sync rows that belong to no flow: records (keyed `[flowId, backend]`) and outbox entries of
 * flows that are gone. Pure, so the rule is tested without a database.
 */
export function orphanedSync(flowIds: ReadonlySet<string>, records: readonly Pick<SyncRecord, 'flowId' | 'backend'>[], entries: readonly Pick<OutboxEntry, 'id' | 'flowId'>[]): { records: [string, string][]; entries: string[] } {
  return {
    records: records.filter((r) => !flowIds.has(r.flowId)).map((r) => [r.flowId, r.backend]),
    entries: entries.filter((e) => !flowIds.has(e.flowId)).map((e) => e.id),
  };
}

/**
 * Deletes the sync records and outbox entries of deleted flows, in one transaction that also
 * reads which flows exist (so a flow restored meanwhile keeps its records). Deleting a flow
 * keeps them while "Undo" can bring it back; this runs when that chance is over: at the next
 * start (Undo does not outlive the page), and for one flow when its Undo notice goes away.
 * The remote campaign is left alone: deleting a flow never deletes what was published.
 */
export async function purgeDeletedFlowSync(database: StudioDatabase, flowId?: string): Promise<{ records: number; entries: number }> {
  return database.transaction('rw', [database.flows, database.syncRecords, database.syncOutbox], async () => {
    const existing = new Set((await database.flows.toCollection().primaryKeys()) as string[]);
    const [records, entries] = flowId
      ? await Promise.all([database.syncRecords.where('flowId').equals(flowId).toArray(), database.syncOutbox.where('flowId').equals(flowId).toArray()])
      : await Promise.all([database.syncRecords.toArray(), database.syncOutbox.toArray()]);
    const gone = orphanedSync(existing, records, entries);
    await database.syncRecords.bulkDelete(gone.records);
    await database.syncOutbox.bulkDelete(gone.entries);
    return { records: gone.records.length, entries: gone.entries.length };
  });
}
