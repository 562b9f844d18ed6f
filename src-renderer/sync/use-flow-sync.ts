import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { FlowDocument } from '../../src-shared/flow/index';
import { flowContentHash } from '../../src-shared/sync/index';
import { db } from '../db/db';
import type { FlowSummary } from '../db/schema';
import { flowSyncViews, type BackendSyncView } from './sync-views';

/** A flow's sync records and queued publishes, live; `undefined` while loading. */
function useSyncRows(flowId: string) {
  const rows = useLiveQuery(async () => {
    const [records, entries] = await Promise.all([db.syncRecords.where('flowId').equals(flowId).toArray(), db.syncOutbox.where('flowId').equals(flowId).toArray()]);
    return { records, entries };
  }, [flowId]);
  // A flow never published nor queued has no record to compare with: its status ("local only")
  // needs no hash, which on 5,000 steps took ~150 ms (an export, a parse, a hash) after each open
  // and each save. Without rows the hash is never read, so '' stands in.
  return { rows, compared: !!rows && (rows.records.length > 0 || rows.entries.length > 0) };
}

/**
 * A flow's sync state on each backend, live: it changes when the document is saved, when a
 * publish is queued or answered, and when a conflict is resolved. `undefined` while loading.
 */
export function useFlowSync(flowId: string, document: FlowDocument | undefined): BackendSyncView[] | undefined {
  const { rows, compared } = useSyncRows(flowId);
  const hash = useMemo(() => (document && compared ? flowContentHash(document) : undefined), [document, compared]);
  return useMemo(() => (rows && document ? flowSyncViews(hash ?? '', rows.records, rows.entries) : undefined), [rows, hash, document]);
}

/** Content hashes of stored flows by id, with the save they are of: a return to the list hashes nothing again. */
const storedHashes = new Map<string, { updatedAt: number; hash: string }>();

/**
 * {@link useFlowSync} for a listed flow, whose document is not read with the list: it is read
 * (and hashed, once per save) only when the flow has something to compare with.
 */
export function useListedFlowSync(flow: FlowSummary): BackendSyncView[] | undefined {
  const { rows, compared } = useSyncRows(flow.id);
  const hash = useLiveQuery(async () => {
    if (!compared) return '';
    const known = storedHashes.get(flow.id);
    if (known?.updatedAt === flow.updatedAt) return known.hash;
    const row = await db.flows.get(flow.id);
    if (!row) return undefined;
    const hash = flowContentHash(row.document);
    storedHashes.set(flow.id, { updatedAt: row.updatedAt, hash });
    return hash;
  }, [flow.id, flow.updatedAt, compared]);
  return useMemo(() => (rows && hash !== undefined ? flowSyncViews(hash, rows.records, rows.entries) : undefined), [rows, hash]);
}
