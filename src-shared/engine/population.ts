import type { FlowDocument } from '../flow';
import { compileFlow, type CompiledFlow } from './graph';
import { UserRunner, type StepperFactory } from './runner';
import { FastJourney } from './fast-journey';
import { StepBufferPool } from './step-buffer';
import { DEFAULT_START, syntheticUsers, type PopulationSpec, type SyntheticUser } from './synth';
import { TraceStore } from './trace-store';
import type { JourneyData, JourneyInput } from './types';

export interface NodeStats {
  /** Journeys in which the node acted (arrived). */
  entered: number;
  /** Completions by handle (`next`, `match`, `timeout`…) and `end` for end nodes. */
  completed: Record<string, number>;
  /** Still waiting here at the end of the period. */
  waitingNow: number;
  /** Waiting here when a global exit removed the user / when an end node stopped the journey. */
  exitedByGlobalExit: number;
  exitedByEnd: number;
}

export interface PopulationResult {
  users: number;
  journeys: number;
  /** Journeys by final state: running (still waiting), ended (end node or nothing left), exited. */
  outcomes: { running: number; ended: number; exited: number };
  /** Exits by global exit id (`goal` when the conversion goal ended the journey). */
  exits: Record<string, number>;
  /** Journeys that met the conversion goal (0 when the flow has none). */
  converted: number;
  /** Per split step, per branch: converted journeys that took that branch. */
  convertedBy: Record<string, Record<string, number>>;
  nodes: Record<string, NodeStats>;
  /** Channel → messages per simulated day (index 0 = first day). */
  messagesByDay: Record<string, number[]>;
  traces: TraceStore;
  cancelled: boolean;
}

export interface PopulationOptions {
  /** Called every `progressEvery` users with (done, total). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Checked between users; an aborted run returns what it has, with `cancelled: true`. */
  signal?: { readonly aborted: boolean };
  /** Only users [from, to) (to split a run across workers; results merge by adding counts). */
  from?: number;
  to?: number;
  /** Default: the fast path. The XState machine (`machineSteppers`) gives the same result, slower. */
  stepper?: StepperFactory;
  /**
   * Whether to keep every journey's trace in `traces` (default true: previews show them). The
   * CLI prints statistics only: with false, each user's steps are packed, counted and dropped,
   * so memory stays flat whatever the population, and `traces` comes back empty.
   */
  keepTraces?: boolean;
}

/** What one piece of a run takes: its users, and progress and cancellation for them. */
export type SliceOptions = Pick<PopulationOptions, 'from' | 'to' | 'onProgress' | 'progressEvery' | 'signal'>;

/** A population run set up once, to run in pieces: threads and the preview's slices each run many. */
export interface PreparedPopulation {
  /** Users [from, to) of the run (default: all), counted into a result of their own; pieces merge with `mergePopulations`. */
  run(o?: SliceOptions): PopulationResult;
}

/**
 * Sets a population run up once for any number of pieces: the compiled flow, the synthetic
 * users, the stepper and the runner are the same objects for every piece. Set up anew for each
 * piece (as `runPopulation` with `from`/`to` does), every piece brought new closures, and V8
 * threw away the code it had compiled for the previous piece's ("wrong call target"): a 1M-user
 * CLI run in 40 chunks deoptimized 11 times instead of 4 and took 3.5% longer.
 */
export function preparePopulation(doc: FlowDocument, spec: PopulationSpec, o: Pick<PopulationOptions, 'stepper' | 'keepTraces'> = {}): PreparedPopulation {
  const flow = compileFlow(doc);
  const start = spec.start ?? DEFAULT_START;
  const until = start + spec.days * 86_400_000;
  // The fast path's journeys record their steps in buffers when traces are kept (once a user's
  // journeys are packed, the next user's journeys reuse them), and only each node's outcome when
  // they are not. Other steppers fill `data.trace`.
  const keep = o.keepTraces ?? true;
  const buffers = new StepBufferPool();
  const stepper = o.stepper ?? (keep ? (input: JourneyInput) => new FastJourney(flow, input, undefined, buffers.take()) : (input: JourneyInput) => new FastJourney(flow, input, undefined, null, true));
  const user = syntheticUsers(flow.doc.campaign, spec);
  const runner = new UserRunner(doc);
  const nodeIds = flow.nodes.map((n) => n.id);
  const splitIds = flow.nodes.filter((n) => n.type === 'split').map((n) => n.id);
  return {
    run: (s = {}) => {
      const from = s.from ?? 0;
      const to = Math.min(s.to ?? spec.users, spec.users);
      const r = emptyPopulation(new TraceStore(start, nodeIds), splitIds);
      const tally = new Tally(r, flow, start, spec.days);
      runUsers({ o: s, r, tally, flow, keep, buffers, stepper, user, runner, start, until, from, to, every: s.progressEvery ?? 1000 });
      tally.finish();
      s.onProgress?.(r.users, to - from);
      return r;
    },
  };
}

/** A result with nothing counted yet: every node of `traces` at zero, and each split in `splits` with no conversions. */
export function emptyPopulation(traces: TraceStore, splits: readonly string[]): PopulationResult {
  return {
    users: 0,
    journeys: 0,
    outcomes: { running: 0, ended: 0, exited: 0 },
    exits: {},
    converted: 0,
    convertedBy: Object.fromEntries(splits.map((id) => [id, {}])),
    nodes: Object.fromEntries(traces.nodeIds.map((id) => [id, { entered: 0, completed: {}, waitingNow: 0, exitedByGlobalExit: 0, exitedByEnd: 0 }])),
    messagesByDay: {},
    traces,
    cancelled: false,
  };
}

/**
 * Simulates a seeded synthetic population over `spec.days` days: per-node statistics, messages
 * by channel and day, and every journey's trace (packed). Same doc + spec → same result.
 * A run in several pieces sets up once with {@link preparePopulation}.
 *
 * @example runPopulation(doc, { users: 10_000, days: 30, seed: 1 }).nodes['send-1'].completed.next
 */
export function runPopulation(doc: FlowDocument, spec: PopulationSpec, o: PopulationOptions = {}): PopulationResult {
  return preparePopulation(doc, spec, o).run(o);
}

/** What {@link runUsers} works with: the run's options, result, counts and per-user machinery. */
interface UserLoop {
  o: SliceOptions;
  r: PopulationResult;
  tally: Tally;
  flow: CompiledFlow;
  keep: boolean;
  buffers: StepBufferPool;
  stepper: StepperFactory;
  user: (index: number) => SyntheticUser;
  runner: UserRunner;
  start: number;
  until: number;
  from: number;
  to: number;
  every: number;
}

/**
 * Users [from, to) of a population run, counted into its result: the hot loop, in a function of
 * its own, with what it uses in its own locals. Inside `runPopulation`, V8 compiled the loop by
 * on-stack replacement together with the setup's variables that closures capture and the tail
 * after it. Apart, it does fewer instructions (measured under valgrind: the same-journey
 * population 29,449 → 28,257 per user, a one-thread CLI run of 400,000 onboarding users 13.4 →
 * 12.2 billion), and threads that run a population in chunks, one call each, no longer throw the
 * compiled loop away at the end of every chunk: the tail's first statement had no type feedback
 * (50 deoptimizations in a 40-chunk run of 1M users, 10 now).
 */
function runUsers(c: UserLoop): void {
  const { o, r, tally, flow, keep, buffers, stepper, user, runner, start, until, from, to, every } = c;
  for (let i = from; i < to; i++) {
    if (o.signal?.aborted) {
      r.cancelled = true;
      break;
    }
    const u = user(i);
    const run = runner.run({ profile: u.profile, actions: u.actions, from: start, until, explain: false, stepper, onSend: u.onSend, recordInputs: false, ownsProfile: true });
    r.users++;
    for (const j of run.journeys) {
      const fast = j instanceof FastJourney ? j : null;
      if (!keep) {
        // Counted straight from the steps or outcomes: nothing is packed only to be dropped.
        if (fast?.outcomes) tally.addOutcomes(fast.rawData, fast.touchedNodes, fast.outcomes);
        else tally.addSteps(j.data, flow.index);
        continue;
      }
      const steps = fast?.steps;
      if (steps) r.traces.addBuffer(i, steps);
      else r.traces.add(i, j.data.trace, flow.index);
      const k = r.traces.journeys - 1;
      tally.add(fast ? fast.rawData : j.data, r.traces.packed(), r.traces.startOf(k), r.traces.endOf(k));
    }
    buffers.reuse();
    if ((i - from + 1) % every === 0) o.onProgress?.(i - from + 1, to - from);
  }
}

const WAITING = 1;
const ENDED = 2;

/**
 * Adds journeys to a result's statistics, reading their packed steps (node index and outcome
 * code, already worked out by the trace store) rather than looking strings up again: this runs
 * for every step of every journey. Completions are counted by outcome code and written into
 * the result's records by `finish()`, keys in the order they were first met, as they always were.
 */
class Tally {
  private readonly stats: NodeStats[];
  private readonly ids: string[];
  /** Per node index: 1 while the journey being tallied waits there. */
  private readonly waiting: Uint8Array;
  private readonly waitingList: number[] = [];
  /** Per outcome code: WAITING, ENDED or 0 (a handle). */
  private readonly kindOf: number[] = [];
  /** Per node index: completions by outcome code, and the codes in the order first met. */
  private readonly completed: number[][];
  private readonly order: number[][];

  constructor(
    private readonly r: PopulationResult,
    flow: CompiledFlow,
    private readonly start: number,
    private readonly days: number,
  ) {
    this.stats = flow.nodes.map((n) => r.nodes[n.id]!);
    this.ids = flow.nodes.map((n) => n.id);
    this.waiting = new Uint8Array(flow.nodes.length);
    this.completed = flow.nodes.map(() => []);
    this.order = flow.nodes.map(() => []);
  }

  /** `raw[from, to)`: the journey's steps as packed by TraceStore (seconds, node + 1, outcome, input). */
  add(d: JourneyData, raw: Int32Array, from: number, to: number): void {
    this.count(d);
    if (d.converted !== null) {
      // Rare next to steps: the branches a converted journey took.
      const names = this.r.traces.names;
      for (let o = from; o < to; o += 4) if (raw[o + 1]! > 0) this.convertedThrough(raw[o + 1]! - 1, names[raw[o + 2]!]!);
    }
    for (let o = from; o < to; o += 4) this.step(raw[o + 1]! - 1, raw[o + 2]!);
    this.end(d);
  }

  /** {@link add} from the journey's own steps, coded as TraceStore codes them (runs that keep no traces). */
  addSteps(d: JourneyData, nodeIndex: ReadonlyMap<string, number>): void {
    this.count(d);
    if (d.converted !== null) for (const s of d.trace) if (s.node !== '') this.convertedThrough(nodeIndex.get(s.node)!, s.outcome);
    const trace = d.trace;
    const traces = this.r.traces;
    let event = '';
    for (let k = 0; k < trace.length; k++) {
      const s = trace[k]!;
      this.step(s.node === '' ? -1 : nodeIndex.get(s.node)!, traces.code(s.outcome));
      // As `TraceStore.add` codes each step's input name after its outcome, so names get the
      // same codes either way (in the order first met).
      if (s.event !== event) traces.code((event = s.event));
    }
    this.end(d);
  }

  /**
   * {@link addSteps} from the outcome of each node a journey touched (statistics-only runs on
   * the fast path, see `FastJourney.outcomes`): each node acted once, so it entered once, and it
   * completed through its outcome, or still waited ('') when the journey ended or stopped.
   */
  addOutcomes(d: JourneyData, touched: readonly number[], outcomes: readonly string[]): void {
    this.count(d);
    if (d.converted !== null) for (let k = 0; k < touched.length; k++) if (outcomes[k] !== '') this.convertedThrough(touched[k]!, outcomes[k]!);
    const traces = this.r.traces;
    for (let k = 0; k < touched.length; k++) {
      const i = touched[k]!;
      const n = this.stats[i]!;
      n.entered++;
      const outcome = outcomes[k]!;
      if (outcome !== '') this.countCompletion(i, traces.codeAt(i, outcome));
      else if (d.status === 'running') n.waitingNow++;
      else if (d.status === 'exited') n.exitedByGlobalExit++;
      else n.exitedByEnd++;
    }
    this.countMessages(d);
  }

  /** The journey's own counts: journeys, outcomes, exits, conversions. */
  private count(d: JourneyData): void {
    const r = this.r;
    r.journeys++;
    // Named, not keyed by the status: a keyed increment is a generic lookup, for every journey.
    if (d.status === 'ended') r.outcomes.ended++;
    else if (d.status === 'running') r.outcomes.running++;
    else r.outcomes.exited++;
    if (d.status === 'exited' && d.reason) r.exits[d.reason] = (r.exits[d.reason] ?? 0) + 1;
    if (d.converted !== null) r.converted++;
  }

  /** A converted journey's step at node `i` through `outcome`: counted for split steps (per branch). */
  private convertedThrough(i: number, outcome: string): void {
    const by = this.r.convertedBy[this.ids[i]!];
    if (by) by[outcome] = (by[outcome] ?? 0) + 1;
  }

  /** One step: node index `i` (-1: the journey itself), outcome code `c`. */
  private step(i: number, c: number): void {
    if (i < 0) return;
    const { waiting, waitingList, kindOf } = this;
    while (kindOf.length <= c) {
      const name = this.r.traces.names[kindOf.length];
      kindOf.push(name === 'waiting' ? WAITING : name === 'ended' ? ENDED : 0);
    }
    const kind = kindOf[c]!;
    if (kind === ENDED) return;
    const n = this.stats[i]!;
    if (kind === WAITING) {
      n.entered++;
      if (!waiting[i]) waitingList.push(i);
      waiting[i] = 1;
      return;
    }
    if (waiting[i]) waiting[i] = 0;
    else n.entered++;
    this.countCompletion(i, c);
  }

  /** Node `i` completed through outcome code `c`. */
  private countCompletion(i: number, c: number): void {
    const counts = this.completed[i]!;
    if (!(counts[c]! >= 0)) {
      // First time here: -1 marks the codes in between as not met yet (no holes).
      for (let k = counts.length; k < c; k++) counts[k] = -1;
      counts[c] = 0;
      this.order[i]!.push(c);
    }
    counts[c] = counts[c]! + 1;
  }

  private end(d: JourneyData): void {
    const { waiting, waitingList } = this;
    while (waitingList.length > 0) {
      const i = waitingList.pop()!;
      if (!waiting[i]) continue;
      waiting[i] = 0;
      const n = this.stats[i]!;
      if (d.status === 'running') n.waitingNow++;
      else if (d.status === 'exited') n.exitedByGlobalExit++;
      else n.exitedByEnd++;
    }
    this.countMessages(d);
  }

  /** Messages by channel and day. */
  private countMessages(d: JourneyData): void {
    const messages = d.messages;
    for (let k = 0; k < messages.length; k++) {
      const m = messages[k]!;
      const list = m.channel === this.channel ? this.byDay! : this.dayCounts(m.channel);
      const day = Math.floor((m.at - this.start) / 86_400_000);
      if (day >= 0 && day < this.days) list[day]!++;
    }
  }

  /** The last channel a message was counted for, and its counts by day. */
  private channel = '';
  private byDay: number[] | null = null;

  private dayCounts(channel: string): number[] {
    this.channel = channel;
    return (this.byDay = this.r.messagesByDay[channel] ??= new Array<number>(this.days).fill(0));
  }

  /** Writes the completion counts into the result. */
  finish(): void {
    const names = this.r.traces.names;
    for (let i = 0; i < this.stats.length; i++) {
      const completed = this.stats[i]!.completed;
      for (const c of this.order[i]!) completed[names[c]!] = (completed[names[c]!] ?? 0) + this.completed[i]![c]!;
    }
  }
}
