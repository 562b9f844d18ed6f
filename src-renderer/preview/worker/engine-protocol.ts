import type { NodeStats, PopulationResult, PopulationSpec, UserAction, UserProfile } from '../../../src-shared/engine/index';
import type { InFlightForecast, InFlightGroup } from '../../../src-shared/engine/in-flight-forecast';
import type { FlowDocument } from '../../../src-shared/flow/index';
import type { AudienceModel } from '../../../src-shared/forecast/index';
import type { ForecastSpread, TimelineBounds } from '../population/forecast-runs';

/** A single-user preview to run: who the user is and what they do, when. */
export interface ScenarioOptions {
  profile: UserProfile;
  script: UserAction[];
  from?: number;
  until?: number;
}

/** One trace step as the UI shows it: which journey and which of its inputs it belongs to. */
export interface ViewStep {
  t: number;
  node: string;
  event: string;
  outcome: string;
  why: string;
  journey: number;
  input: number;
}

/** The user and journey as they were right after one input (a `JourneyTape` seek). */
export interface UserStateFrame {
  time: number;
  status: 'running' | 'ended' | 'exited';
  reason: string | null;
  attributes: Record<string, string | number | boolean>;
  tags: string[];
  events: { name: string; at: number }[];
  messages: number;
  conversations: { id: string; channel: string; assignee: string | null; open: boolean }[];
  /** Nodes waiting (timer or message) after that input. */
  waiting: string[];
  /** For each node that acted: the node whose edge led there. */
  via: Record<string, string>;
}

/** A preview in plain data: everything the timeline, canvas and user panel need, no seeking left to do. */
export interface PreviewView {
  steps: ViewStep[];
  journeys: { id: string; status: 'running' | 'ended' | 'exited'; reason: string | null; enteredAt: number }[];
  refused: { at: number; why: string }[];
  /** Every message sent, in time order; per journey in the order its send steps ran. */
  messages: { at: number; nodeId: string; channel: string; body: string; journey: number; conversationId: string }[];
  /** Per journey, per input: the state after it. */
  states: UserStateFrame[][];
  profile: UserProfile;
  script: UserAction[];
}

export interface ForkView {
  original: PreviewView;
  fork: PreviewView;
  divergesAt: number | null;
  step: number;
  change: UserAction;
}

/** Sorted times (seconds into the period) in columns: column c is `times[offsets[c]]` up to `times[offsets[c + 1]]`. */
export interface TimeColumns {
  times: Int32Array;
  offsets: Int32Array;
}

/**
 * What the slider needs: when users reached, started and stopped waiting at each node, and
 * travelled each edge, so a count at an instant is one binary search (timeline-counts.ts) and
 * the table grows with the run, not with instants × steps (5,000 steps × 8,641 instants made
 * 345 MB). Runs saved before kept counts per instant instead, row-major (bucket × column).
 */
export interface TimelineTable {
  start: number;
  step: number;
  buckets: number;
  nodeIds: string[];
  /** Per node column. */
  arrivals?: TimeColumns;
  waitStarts?: TimeColumns;
  waitEnds?: TimeColumns;
  /** Runs saved before the event columns: counts per instant (bucket × node). */
  entered?: Int32Array;
  waiting?: Int32Array;
  /** Runs saved before edges were timed have none. */
  edgeIds?: string[];
  /** Per edge column (the order of `edgeIds`). */
  edgeTimes?: TimeColumns;
  /** Runs saved before the event columns: how often each edge had fired by each instant (bucket × edge). */
  edges?: Int32Array;
  /** Journeys entered, ended and exited by each instant (bucket × 3). Runs saved before have none. */
  outcomes?: Int32Array;
}

export interface PopulationView {
  runId: string;
  /** The flow it ran on (`flowFingerprint`), worked out in the worker; not kept when saved. */
  fingerprint?: string;
  spec: PopulationSpec;
  users: number;
  journeys: number;
  outcomes: { running: number; ended: number; exited: number };
  exits: Record<string, number>;
  nodes: Record<string, NodeStats>;
  /** Edge id → how many times it fired over the period. */
  edgeVolumes: Record<string, number>;
  messagesByDay: Record<string, number[]>;
  timeline: TimelineTable;
  /** Journeys that met the flow's conversion goal over the period, and per split step per branch. Runs saved before have none. */
  converted?: number;
  convertedBy?: Record<string, Record<string, number>>;
  cancelled: boolean;
  elapsedMs: number;
}

/**
 * One worker's share of a population run (`runPopulation(doc, spec, { from, to })`) as plain data
 * whose arrays move between threads: the slice workers send theirs to the main worker to merge.
 */
export type PopulationPart = Omit<PopulationResult, 'traces'> & {
  traces: { start: number; nodeIds: readonly string[]; names: string[]; buf: Int32Array; offsets: Int32Array; counts: Int32Array; users: Int32Array };
};

export type DrillOutcome = 'all' | 'running' | 'ended' | 'exited';

export interface DrillQuery {
  nodeId: string;
  outcome: DrillOutcome;
  search: string;
  offset: number;
  limit: number;
  /** The slider's instant (ms): only users who had reached the node by then, in their state then. Omitted: the end of the period. */
  at?: number;
}

export interface DrillRow {
  userIndex: number;
  userId: string;
  name: string;
  details: string;
  timezone: string;
  reachedAt: number;
  /** The journey's state at the query's instant. */
  outcome: 'running' | 'ended' | 'exited';
  /** Still waiting at this node at that instant. */
  here: boolean;
}

export interface DrillPage {
  /** Users who reached the node, and how many of them pass the filter. */
  reached: number;
  total: number;
  /** Where `rows` start in the filtered list. */
  offset: number;
  rows: DrillRow[];
}

/**
 * The engine worker's contract: `domain.verb` channels with their arguments and results.
 * `population.run` also reports progress on the way.
 */
export interface EngineContract {
  'preview.run': { args: { doc: FlowDocument; options: ScenarioOptions }; result: PreviewView };
  'preview.fork': { args: { doc: FlowDocument; options: ScenarioOptions; step: number; change: UserAction }; result: ForkView };
  'population.run': { args: { runId: string; doc: FlowDocument; spec: PopulationSpec }; result: PopulationView };
  /** Users [from, to) of a run, for a slice worker; progress counts that slice's users. */
  'population.slice': { args: { doc: FlowDocument; spec: PopulationSpec; from: number; to: number }; result: PopulationPart };
  /**
   * The flow and settings of a run whose slices are about to start, sent to the worker that will
   * merge them: the merge, when the slices are done, then carries only their parts (copying a
   * 5,000-step flow into a message takes the main thread tens of milliseconds).
   */
  'population.prepare': { args: { runId: string; doc: FlowDocument; spec: PopulationSpec }; result: null };
  /** The slices' parts (in user order) of a prepared run merged into one, held here for drill-down and replay. */
  'population.merge': { args: { runId: string; parts: PopulationPart[]; elapsedMs: number }; result: PopulationView };
  'population.cancel': { args: { runId: string }; result: { cancelled: boolean } };
  'population.users': { args: { runId: string; query: DrillQuery }; result: DrillPage };
  'population.replay': { args: { runId: string; userIndex: number }; result: PreviewView };
  'population.release': { args: { runId: string }; result: null };
  /**
   * The most typical of several merged runs this worker holds and the p5-p95 ranges over them
   * (`combineRuns`), worked out here: on 5,000 steps it took the main thread ~50 ms. The ranges
   * come without the runs' timelines, which the caller has.
   */
  'population.combine': { args: { runIds: string[]; seeds: number[] }; result: { kept: number; spread: SpreadWithoutTables } };
  /**
   * Saves a merged run this worker holds, with the flow it ran on, to the database (the
   * simulation repository): the structured clone of a 5,000-step run for IndexedDB took the
   * main thread ~150 ms. A forecast's other runs must still be held (save before releasing
   * them). The saved record's id; null where the worker has no database (tests).
   */
  'population.save': { args: { runId: string; record: RunToSave }; result: number | null };
  /**
   * Journeys in flight on the live version simulated forward (#15): `stay`, all of them on `live`;
   * `moved`, those at steps they can move to (`moveCheck`) on `next`, the others on `live`.
   */
  'forecast.inFlight': { args: { live: FlowDocument; next: FlowDocument; groups: InFlightGroup[]; days: number }; result: { stay: InFlightForecast; moved: InFlightForecast; movable: string[]; elapsedMs: number } };
}

/** A forecast's ranges without the runs' timelines (they are the views' own). */
export type SpreadWithoutTables = Omit<ForecastSpread, 'timeline'> & { timeline: { outcomes: TimelineBounds['outcomes'] } };

/**
 * A saved run's own fields; the worker adds the flow, the settings and the view it holds. A
 * forecast names the runs its timelines come from instead of carrying them.
 */
export interface RunToSave {
  flowId: string;
  name: string;
  fingerprint: string;
  forecast?: Omit<SpreadWithoutTables, 'timeline'> & { timeline: SpreadWithoutTables['timeline'] & { runIds: string[] } };
  audience?: AudienceModel;
}

export type EngineChannel = keyof EngineContract;
export type EngineArgs<C extends EngineChannel> = EngineContract[C]['args'];
export type EngineResult<C extends EngineChannel> = EngineContract[C]['result'];

/** Main thread → worker. */
export type EngineCall = { [C in EngineChannel]: { id: number; channel: C; args: EngineArgs<C> } }[EngineChannel];

/** Worker → main thread. */
export type EngineMessage =
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; message: string }
  | { id: number; kind: 'progress'; done: number; total: number };

export const ENGINE_CHANNELS: readonly EngineChannel[] = ['preview.run', 'preview.fork', 'population.run', 'population.slice', 'population.prepare', 'population.merge', 'population.cancel', 'population.users', 'population.replay', 'population.release', 'population.combine', 'population.save', 'forecast.inFlight'];

/** A run the worker no longer holds (released, or re-opened from the database): run it again first. */
export const UNKNOWN_RUN = 'unknown-run';
