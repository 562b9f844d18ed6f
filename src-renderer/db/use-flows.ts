import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import type { FlowRecord, VersionRecord } from './schema';

/** All flows, most recently updated first; `undefined` while loading. */
export function useFlows(): FlowRecord[] | undefined {
  return useLiveQuery(() => db.flows.orderBy('updatedAt').reverse().toArray(), []);
}

/** One flow: `undefined` while loading, `null` when there is no such flow. */
export function useFlow(id: string): FlowRecord | null | undefined {
  return useLiveQuery(async () => (await db.flows.get(id)) ?? null, [id]);
}

/** When a flow was last written (cheap to watch: the editor compares it with its own saves). */
export function useFlowUpdatedAt(id: string): number | null | undefined {
  return useLiveQuery(async () => (await db.flows.get(id))?.updatedAt ?? null, [id]);
}

/** A flow's versions, newest first. */
export function useVersions(flowId: string): VersionRecord[] | undefined {
  return useLiveQuery(async () => (await db.versions.where('[flowId+createdAt]').between([flowId, -Infinity], [flowId, Infinity]).toArray()).reverse(), [flowId]);
}
