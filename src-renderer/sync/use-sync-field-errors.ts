import { useLiveQuery } from 'dexie-react-hooks';
import type { Problem } from '../../src-shared/flow/index';
import { db } from '../db/db';
import { syncFieldProblems } from './sync-views';

/** {@link syncFieldProblems} of one flow, live. */
export function useSyncFieldProblems(flowId: string | undefined): Problem[] {
  return (
    useLiveQuery(async () => {
      if (!flowId) return [];
      const [records, entries] = await Promise.all([db.syncRecords.where('flowId').equals(flowId).toArray(), db.syncOutbox.where('flowId').equals(flowId).toArray()]);
      return syncFieldProblems(records, entries);
    }, [flowId]) ?? []
  );
}
