import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncOptions } from '../../src-shared/sync/index';
import { db } from '../db/db';

/**
 * A flow's sync options (the WhatsApp template) by backend name, live. Read from every record,
 * including one the template form created before the flow was ever published.
 */
export function useSyncOptions(flowId: string): Record<string, SyncOptions> | undefined {
  return useLiveQuery(async () => Object.fromEntries((await db.syncRecords.where('flowId').equals(flowId).toArray()).map((r) => [r.backend, r.options ?? {}])), [flowId]);
}
