import { syntheticUser, type PopulationResult, type PopulationSpec } from '../../../src-shared/engine/index';
import { upTo } from '../../../src-shared/engine/population-index';
import type { FlowDocument } from '../../../src-shared/flow/index';
import type { DrillPage, DrillQuery, DrillRow, PopulationView, TimelineTable } from '../worker/engine-protocol';
import { flowFingerprint } from '../flow-fingerprint';
import { edgeCountAt, packColumns } from './timeline-counts';

const DAY = 86_400_000;
const MINUTE = 60_000;
/**
 * Most slider instants per run. A drag reads one binary search per shown count whatever the
 * count; this bounds the outcome table (three numbers per instant) and its size when saved.
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
 * The slider's table of a run, built here (in the worker): sorted times of arrivals, waits and
 * edge travels per node and edge, and journeys entered, ended and exited per instant. The slider
 * then reads a count with one binary search, only for what is on screen, and every number on
 * screen is of the same instant.
 */
export function timelineTable(doc: Pick<FlowDocument, 'edges'>, result: PopulationResult, days: number): TimelineTable {
  const start = result.traces.start;
  const step = timelineStep(days);
  const buckets = Math.max(2, Math.ceil((days * DAY) / step) + 1);
  const nodeIds = [...result.traces.nodeIds];
  const nodes = nodeTimes(result);
  const times = eventTimes(doc, result);
  const outcomes = new Int32Array(buckets * OUTCOME_COLUMNS);
  for (let b = 0; b < buckets; b++) {
    const s = Math.floor((b * step) / 1000);
    times.outcomes.forEach((list, o) => (outcomes[b * OUTCOME_COLUMNS + o] = upTo(list, s)));
  }
  return { start, step, buckets, nodeIds, ...nodes, edgeIds: doc.edges.map((e) => e.id), edgeTimes: packColumns(times.edges), outcomes };
}

/**
 * Per node, when users arrived, started waiting and stopped waiting (seconds into the period),
 * as the engine's `PopulationIndex` counts them: a wait ends when its node completes or the
 * journey ends or exits.
 */
function nodeTimes(result: PopulationResult): Pick<TimelineTable, 'arrivals' | 'waitStarts' | 'waitEnds'> {
  const { traces } = result;
  const lists = () => Array.from({ length: traces.nodeIds.length }, () => [] as number[]);
  const [arrivals, waitStarts, waitEnds] = [lists(), lists(), lists()];
  const waitingCode = traces.code('waiting');
  const endedCode = traces.code('ended');
  const exitedCode = traces.code('exited');
  const open: number[] = [];
  for (let k = 0; k < traces.journeys; k++) {
    const raw = traces.raw(k);
    open.length = 0;
    for (let i = 0; i < raw.length; i += 4) {
      const t = raw[i]!;
      const node = raw[i + 1]! - 1;
      const outcome = raw[i + 2]!;
      if (node < 0 || outcome === endedCode || outcome === exitedCode) {
        for (const w of open) waitEnds[w]!.push(t);
        open.length = 0;
      } else if (outcome === waitingCode) {
        arrivals[node]!.push(t);
        waitStarts[node]!.push(t);
        if (!open.includes(node)) open.push(node);
      } else {
        const w = open.indexOf(node);
        if (w >= 0) {
          open.splice(w, 1);
          waitEnds[node]!.push(t);
        } else arrivals[node]!.push(t);
      }
    }
  }
  return { arrivals: packColumns(arrivals), waitStarts: packColumns(waitStarts), waitEnds: packColumns(waitEnds) };
}

/** Columns of `TimelineTable.outcomes`: journeys entered, ended and exited by each instant. */
const OUTCOME_COLUMNS = 3;

/**
 * Sorted times (seconds into the period) at which users travelled each edge, and at which
 * journeys entered, ended and exited. An edge counts a user who completed its source through its
 * handle and arrived at its target (in the same instant: edges take no time), so a user removed
 * by a global exit as they left a step is not counted as reaching the next one.
 */
function eventTimes(doc: Pick<FlowDocument, 'edges'>, result: PopulationResult): { edges: Int32Array[]; outcomes: Int32Array[] } {
  const { traces } = result;
  const nodeCode = new Map(traces.nodeIds.map((id, i) => [id, i + 1]));
  // Edges by (source node code, handle name): fan-out fires every edge of a handle.
  const bySource = new Map<string, { edge: number; target: number }[]>();
  doc.edges.forEach((e, i) => {
    const key = `${nodeCode.get(e.source) ?? -1}:${e.sourceHandle || 'next'}`;
    bySource.set(key, [...(bySource.get(key) ?? []), { edge: i, target: nodeCode.get(e.target) ?? -1 }]);
  });
  const byCode = new Map<number, { edge: number; target: number }[]>();
  const edgeLists = doc.edges.map(() => [] as number[]);
  const [enteredAt, endedAt, exitedAt] = [[] as number[], [] as number[], [] as number[]];
  const waitingCode = traces.code('waiting');
  const endedCode = traces.code('ended');
  const exitedCode = traces.code('exited');
  for (let k = 0; k < traces.journeys; k++) {
    const raw = traces.raw(k);
    if (raw.length) enteredAt.push(raw[0]!);
    for (let i = 0; i < raw.length; i += 4) {
      const outcome = raw[i + 2]!;
      if (outcome === endedCode) endedAt.push(raw[i]!);
      else if (outcome === exitedCode) exitedAt.push(raw[i]!);
      else if (outcome !== waitingCode && raw[i + 1]! > 0) {
        // Looked up by number: this runs for every step of every journey (a string key per step cost ~100 ms at 100k users).
        const key = raw[i + 1]! * 65_536 + outcome;
        let out = byCode.get(key);
        if (!out) byCode.set(key, (out = bySource.get(`${raw[i + 1]}:${traces.names[outcome]}`) ?? []));
        for (const { edge, target } of out) {
          if (arrivesAt(raw, i, target)) edgeLists[edge]!.push(raw[i]!);
        }
      }
    }
  }
  const sorted = (l: number[]) => Int32Array.from(l).sort();
  return { edges: edgeLists.map(sorted), outcomes: [enteredAt, endedAt, exitedAt].map(sorted) };
}

/** Whether, after step `i`, the journey reaches node code `target` in the same second. */
function arrivesAt(raw: Int32Array, i: number, target: number): boolean {
  for (let j = i + 4; j < raw.length && raw[j] === raw[i]; j += 4) if (raw[j + 1] === target) return true;
  return false;
}


/** How many users travelled each edge over the whole period (as of the timeline's last instant). */
export function edgeVolumes(timeline: TimelineTable): Record<string, number> {
  const out: Record<string, number> = {};
  (timeline.edgeIds ?? []).forEach((id, i) => (out[id] = edgeCountAt(timeline, timeline.buckets - 1, i) ?? 0));
  return out;
}

/** The plain-data summary of a run sent to the main thread (its typed arrays are transferred). */
export function toPopulationView(runId: string, doc: FlowDocument, spec: PopulationSpec, result: PopulationResult, elapsedMs: number): PopulationView {
  const timeline = timelineTable(doc, result, spec.days);
  return {
    runId,
    fingerprint: flowFingerprint(doc),
    spec,
    users: result.users,
    journeys: result.journeys,
    outcomes: result.outcomes,
    exits: result.exits,
    nodes: result.nodes,
    edgeVolumes: edgeVolumes(timeline),
    messagesByDay: result.messagesByDay,
    timeline,
    converted: result.converted,
    convertedBy: result.convertedBy,
    cancelled: result.cancelled,
    elapsedMs,
  };
}

type Outcome = DrillRow['outcome'];

/**
 * Answers drill-down questions on one run: who had reached a node by an instant, when, and
 * their journey's state at that instant (the slider's), so the list agrees with the badges.
 * Synthetic profiles are regenerated from (seed, index) on demand and kept.
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
  const waitingCode = traces.code('waiting');
  /** How the journey ends and when (seconds), or still running at the end of the period. */
  const finishOf = (raw: Int32Array): { outcome: Outcome; sec: number } => {
    for (let i = raw.length - 4; i >= 0; i -= 4) {
      if (raw[i + 2] === exitedCode) return { outcome: 'exited', sec: raw[i]! };
      if (raw[i + 2] === endedCode) return { outcome: 'ended', sec: raw[i]! };
    }
    return { outcome: 'running', sec: Infinity };
  };
  const reachedCache = new Map<string, { journey: number; sec: number; finish: Outcome; finishSec: number }[]>();
  const reached = (nodeId: string) => {
    let list = reachedCache.get(nodeId);
    if (list) return list;
    list = [];
    const code = traces.nodeIds.indexOf(nodeId) + 1;
    for (let k = 0; k < traces.journeys; k++) {
      const raw = traces.raw(k);
      for (let i = 0; i < raw.length; i += 4) {
        if (raw[i + 1] === code) {
          const f = finishOf(raw);
          list.push({ journey: k, sec: raw[i]!, finish: f.outcome, finishSec: f.sec });
          break;
        }
      }
    }
    reachedCache.set(nodeId, list);
    return list;
  };
  /** Whether journey `k` was waiting at node `code` at second `s`. */
  const waitingAt = (k: number, code: number, s: number): boolean => {
    const raw = traces.raw(k);
    let waiting = false;
    for (let i = 0; i < raw.length && raw[i]! <= s; i += 4) {
      if (raw[i + 1] === code) waiting = raw[i + 2] === waitingCode;
      else if (raw[i + 2] === endedCode || raw[i + 2] === exitedCode) waiting = false;
    }
    return waiting;
  };
  const matches = (i: number, search: string) => {
    const p = profileOf(i);
    const hay = [p.id, p.timezone, ...p.tags, ...Object.values(p.attributes).map(String)].join(' ').toLowerCase();
    return search.split(/\s+/).every((word) => hay.includes(word));
  };

  return function query(q: DrillQuery): DrillPage {
    const s = q.at === undefined ? Infinity : Math.floor((q.at - traces.start) / 1000);
    const outcomeAt = (r: { finish: Outcome; finishSec: number }): Outcome => (r.finishSec <= s ? r.finish : 'running');
    const all = reached(q.nodeId).filter((r) => r.sec <= s);
    const search = q.search.trim().toLowerCase();
    const filtered = all.filter((r) => (q.outcome === 'all' || outcomeAt(r) === q.outcome) && (!search || matches(traces.userOf(r.journey), search)));
    const code = traces.nodeIds.indexOf(q.nodeId) + 1;
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
        reachedAt: traces.start + r.sec * 1000,
        outcome: outcomeAt(r),
        here: outcomeAt(r) === 'running' && waitingAt(r.journey, code, s),
      };
    });
    return { reached: all.length, total: filtered.length, offset: q.offset, rows };
  };
}
