import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import type { FlowRecord } from './schema';

/** All flows, most recently updated first; `undefined` while loading. */
export function useFlows(): FlowRecord[] | undefined {
  return useLiveQuery(() => db.flows.orderBy('updatedAt').reverse().toArray(), []);
}

/** One flow: `undefined` while loading, `null` when there is no such flow. */
export function useFlow(id: string): FlowRecord | null | undefined {
  return useLiveQuery(async () => (await db.flows.get(id)) ?? null, [id]);
}
