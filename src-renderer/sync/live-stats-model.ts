import { nodeDefinitions, type FlowDocument } from '../../src-shared/flow/index';
import type { FlowStats, SyncError } from '../../src-shared/sync/index';

/** One step of a published flow with its live counts, as the Live list shows it. */
export interface LiveStatsRow {
  nodeId: string;
  /** The step's label, else its kind ("Wait"); the node id for a step this version no longer has. */
  step: string;
  /** Journeys that reached the step since publishing. */
  entered: number;
  /** Journeys at the step now (waiting, or about to move on). */
  waiting: number;
  /** Journeys that left the flow at this step (an end or an exit). */
  completed: number;
  failed: number;
  /** The published version has this step, the flow on screen does not (it was deleted since). */
  notHere: boolean;
}

/**
 * The backend's per-node statistics in the order of the flow's steps, each named as on the
 * canvas; steps the backend reports that the local flow no longer has come last, marked.
 *
 * @example liveStatsRows(doc, stats).map((r) => [r.step, r.entered]) // [['Signed up', 40], …]
 */
export function liveStatsRows(doc: FlowDocument, stats: FlowStats): LiveStatsRow[] {
  const byId = new Map(stats.nodes.map((n) => [n.nodeId, n]));
  const row = (nodeId: string, step: string, notHere: boolean): LiveStatsRow => {
    const n = byId.get(nodeId);
    return { nodeId, step, entered: n?.entered ?? 0, waiting: n?.active ?? 0, completed: n?.exited ?? 0, failed: n?.failed ?? 0, notHere };
  };
  const local = doc.nodes.filter((node) => byId.has(node.id)).map((node) => row(node.id, node.data.label?.trim() || nodeDefinitions[node.type].title, false));
  const known = new Set(doc.nodes.map((node) => node.id));
  const gone = stats.nodes.filter((n) => !known.has(n.nodeId)).map((n) => row(n.nodeId, n.nodeId, true));
  return [...local, ...gone];
}

/** No journey has entered the flow yet (or the backend reported no steps). */
export function liveStatsEmpty(stats: FlowStats): boolean {
  return stats.nodes.every((n) => n.entered === 0 && n.active === 0 && n.exited === 0 && (n.failed ?? 0) === 0);
}

/** Why the statistics could not be shown, in a sentence. */
export function liveStatsErrorText(error: Pick<SyncError, 'kind' | 'message' | 'status'>): string {
  if (error.kind === 'unsupported') return error.message;
  if (error.kind === 'not-found') return 'The backend has no statistics for this flow (404): it may have been deleted there. Publish it again.';
  const what: Partial<Record<SyncError['kind'], string>> = {
    dns: 'server not found (DNS)',
    tls: 'secure connection failed (TLS)',
    refused: 'connection refused',
    timeout: 'no answer in time',
    unauthorized: 'token refused (401)',
    forbidden: 'access denied (403)',
    malformed: 'the answer was not statistics the app can read',
  };
  const reason = what[error.kind] ?? (error.kind === 'server' && error.status ? `server error (${error.status})` : error.message);
  return `Could not load live statistics: ${reason}`;
}
