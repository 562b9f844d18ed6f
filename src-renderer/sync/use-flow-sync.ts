import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { FlowDocument } from '../../src-shared/flow/index';
import { flowContentHash } from '../../src-shared/sync/index';
import { db } from '../db/db';
import { flowSyncViews, type BackendSyncView } from './sync-views';

/**
 * A flow's sync state on each backend, live: it changes when the document is saved, when a
 * publish is queued or answered, and when a conflict is resolved. `undefined` while loading.
 */
export function useFlowSync(flowId: string, document: FlowDocument | undefined): BackendSyncView[] | undefined {
  const rows = useLiveQuery(async () => {
    const [records, entries] = await Promise.all([db.syncRecords.where('flowId').equals(flowId).toArray(), db.syncOutbox.where('flowId').equals(flowId).toArray()]);
    return { records, entries };
  }, [flowId]);
  // A flow never published nor queued has no record to compare with: its status ("local only")
  // needs no hash, which on 5,000 steps took ~150 ms (an export, a parse, a hash) after each open
  // and each save. Without rows the hash is never read, so '' stands in.
  const compared = !!rows && (rows.records.length > 0 || rows.entries.length > 0);
  const hash = useMemo(() => (document && compared ? flowContentHash(document) : undefined), [document, compared]);
  return useMemo(() => (rows && document ? flowSyncViews(hash ?? '', rows.records, rows.entries) : undefined), [rows, hash, document]);
}
