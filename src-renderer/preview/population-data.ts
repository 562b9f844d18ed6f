import { PopulationIndex, syntheticUser, type PopulationResult, type PopulationSpec } from '../../src-shared/engine/index';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { DrillPage, DrillQuery, DrillRow, PopulationView, TimelineTable } from './engine-protocol';

const DAY = 86_400_000;
const MINUTE = 60_000;
/**
 * Most slider instants per run. A drag reads one row whatever the count; this bounds the
 * table's build (about 90 ms for 100,000 users at 8,641 instants) and its size when saved.
 */
export const MAX_BUCKETS = 9000;
/** Slider steps the marketer reads easily, in minutes. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/** The slider's step for a period: the finest round step (1 minute up) within {@link MAX_BUCKETS}. */
export function timelineStep(days: number): number {
  const minutes = Math.max(1, days) * 1440;
  const step = NICE_STEPS.find((m) => minutes / m + 1 <= MAX_BUCKETS) ?? Math.ceil(minutes / (MAX_BUCKETS - 1));
  return step * MINUTE;
}

/**
 * Counts per node at evenly spaced instants of the period, from a `PopulationIndex` built here
 * (in the worker): the slider then reads a row of two typed arrays, with no work per drag.
 */
export function timelineTable(result: PopulationResult, days: number): TimelineTable {
  const index = new PopulationIndex(result);
  const start = result.traces.start;
  const step = timelineStep(days);
  const buckets = Math.max(2, Math.ceil((days * DAY) / step) + 1);
  const nodeIds = [...result.traces.nodeIds];
  const entered = new Int32Array(buckets * nodeIds.length);
  const waiting = new Int32Array(buckets * nodeIds.length);
  for (let b = 0; b < buckets; b++) {
    const counts = index.countsAt(start + b * step);
    nodeIds.forEach((id, n) => {
      entered[b * nodeIds.length + n] = counts[id]!.entered;
      waiting[b * nodeIds.length + n] = counts[id]!.waiting;
    });
  }
  return { start, step, buckets, nodeIds, entered, waiting };
}

/** How many times each edge fired: its source completed through the edge's handle (fan-out fires every edge of a handle). */
export function edgeVolumes(doc: FlowDocument, result: PopulationResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of doc.edges) out[e.id] = result.nodes[e.source]?.completed[e.sourceHandle || 'next'] ?? 0;
  return out;
}

/** The plain-data summary of a run sent to the main thread (its typed arrays are transferred). */
export function toPopulationView(runId: string, doc: FlowDocument, spec: PopulationSpec, result: PopulationResult, elapsedMs: number): PopulationView {
  return {
    runId,
    spec,
    users: result.users,
    journeys: result.journeys,
    outcomes: result.outcomes,
    exits: result.exits,
    nodes: result.nodes,
    edgeVolumes: edgeVolumes(doc, result),
    messagesByDay: result.messagesByDay,
    timeline: timelineTable(result, spec.days),
    cancelled: result.cancelled,
    elapsedMs,
  };
}

type Outcome = DrillRow['outcome'];

/**
 * Answers drill-down questions on one run: who reached a node, when, and how their journey
 * ended. Synthetic profiles are regenerated from (seed, index) on demand and kept.
 */
export function createDrillDown(doc: FlowDocument, spec: PopulationSpec, result: PopulationResult) {
  const { traces } = result;
  const profiles = new Map<number, ReturnType<typeof syntheticUser>['profile']>();
  const profileOf = (i: number) => {
    let p = profiles.get(i);
    if (!p) {
      p = syntheticUser(doc.campaign, spec, i).profile;
      profiles.set(i, p);
    }
    return p;
  };
  const endedCode = traces.code('ended');
  const exitedCode = traces.code('exited');
  const outcomeOf = (raw: Int32Array): Outcome => {
    for (let i = raw.length - 4; i >= 0; i -= 4) {
      if (raw[i + 2] === exitedCode) return 'exited';
      if (raw[i + 2] === endedCode) return 'ended';
    }
    return 'running';
  };
  const reachedCache = new Map<string, { journey: number; at: number; outcome: Outcome }[]>();
  const reached = (nodeId: string) => {
    let list = reachedCache.get(nodeId);
    if (list) return list;
    list = [];
    const code = traces.nodeIds.indexOf(nodeId) + 1;
    for (let k = 0; k < traces.journeys; k++) {
      const raw = traces.raw(k);
      for (let i = 0; i < raw.length; i += 4) {
        if (raw[i + 1] === code) {
          list.push({ journey: k, at: traces.start + raw[i]! * 1000, outcome: outcomeOf(raw) });
          break;
        }
      }
    }
    reachedCache.set(nodeId, list);
    return list;
  };
  const matches = (i: number, search: string) => {
    const p = profileOf(i);
    const hay = [p.id, p.timezone, ...p.tags, ...Object.values(p.attributes).map(String)].join(' ').toLowerCase();
    return search.split(/\s+/).every((word) => hay.includes(word));
  };

  return function query(q: DrillQuery): DrillPage {
    const all = reached(q.nodeId);
    const search = q.search.trim().toLowerCase();
    const filtered = all.filter((r) => (q.outcome === 'all' || r.outcome === q.outcome) && (!search || matches(traces.userOf(r.journey), search)));
    const rows = filtered.slice(q.offset, q.offset + q.limit).map((r): DrillRow => {
      const userIndex = traces.userOf(r.journey);
      const p = profileOf(userIndex);
      const { first_name: first, ...rest } = p.attributes;
      return {
        userIndex,
        userId: p.id,
        name: typeof first === 'string' ? first : p.id,
        details: Object.entries(rest)
          .map(([k, v]) => `${k} ${String(v)}`)
          .concat(p.tags)
          .join(' · '),
        timezone: p.timezone,
        reachedAt: r.at,
        outcome: r.outcome,
      };
    });
    return { reached: all.length, total: filtered.length, offset: q.offset, rows };
  };
}
