import { useLiveQuery } from 'dexie-react-hooks';
import { flowRepository } from './flow-repository';
import type { FlowRecord, FlowSummary, VersionSummary } from './schema';

/** All flows without their documents, most recently updated first; `undefined` while loading. */
export function useFlows(): FlowSummary[] | undefined {
  return useLiveQuery(() => flowRepository.summaries(), []);
}

/** The stored flows of these kinds, with their documents; `undefined` while loading. */
export function useFlowsOfKinds(kinds: readonly FlowRecord['kind'][]): FlowRecord[] | undefined {
  return useLiveQuery(() => flowRepository.ofKinds(kinds), [kinds.join()]);
}

/**
 * One flow: `undefined` while loading, `null` when there is no such flow. After this window's
 * own autosave the row is not read back (see `flowRepository.get`): on a 5,000-step flow that
 * read cost ~50 ms of the main thread after every autosave.
 */
export function useFlow(id: string): FlowRecord | null | undefined {
  return useLiveQuery(() => flowRepository.get(id), [id]);
}

/** A flow's versions, newest first, without their documents (see `flowRepository.listVersions`). */
export function useVersions(flowId: string): VersionSummary[] | undefined {
  return useLiveQuery(() => flowRepository.listVersions(flowId), [flowId]);
}
