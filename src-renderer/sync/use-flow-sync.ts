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
  const hash = useMemo(() => (document ? flowContentHash(document) : undefined), [document]);
  return useMemo(() => (rows && hash ? flowSyncViews(hash, rows.records, rows.entries) : undefined), [rows, hash]);
}
