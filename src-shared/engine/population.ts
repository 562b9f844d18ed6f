import type { FlowDocument } from '../flow';
import { compileFlow } from './graph';
import { runUser, type StepperFactory } from './runner';
import { fastSteppers } from './steppers';
import { DEFAULT_START, syntheticUser, type PopulationSpec } from './synth';
import { TraceStore } from './trace-store';
import type { JourneyData } from './types';

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
  /** Exits by global exit id. */
  exits: Record<string, number>;
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
}

/**
 * Simulates a seeded synthetic population over `spec.days` days: per-node statistics, messages
 * by channel and day, and every journey's trace (packed). Same doc + spec → same result.
 *
 * @example runPopulation(doc, { users: 10_000, days: 30, seed: 1 }).nodes['send-1'].completed.next
 */
export function runPopulation(doc: FlowDocument, spec: PopulationSpec, o: PopulationOptions = {}): PopulationResult {
  const flow = compileFlow(doc);
  const start = spec.start ?? DEFAULT_START;
  const until = start + spec.days * 86_400_000;
  const stepper = o.stepper ?? fastSteppers(doc);
  const from = o.from ?? 0;
  const to = Math.min(o.to ?? spec.users, spec.users);
  const every = o.progressEvery ?? 1000;
  const r: PopulationResult = {
    users: 0,
    journeys: 0,
    outcomes: { running: 0, ended: 0, exited: 0 },
    exits: {},
    nodes: Object.fromEntries(flow.nodes.map((n) => [n.id, { entered: 0, completed: {}, waitingNow: 0, exitedByGlobalExit: 0, exitedByEnd: 0 }])),
    messagesByDay: {},
    traces: new TraceStore(start, flow.nodes.map((n) => n.id)),
    cancelled: false,
  };
  for (let i = from; i < to; i++) {
    if (o.signal?.aborted) {
      r.cancelled = true;
      break;
    }
    const u = syntheticUser(flow.doc.campaign, spec, i);
    const run = runUser(doc, { profile: u.profile, actions: u.actions, from: start, until, explain: false, stepper, onSend: u.onSend });
    r.users++;
    for (const j of run.journeys) {
      tally(r, j.data, start, spec.days);
      r.traces.add(i, j.data.trace, flow.index);
    }
    if ((i - from + 1) % every === 0) o.onProgress?.(i - from + 1, to - from);
  }
  o.onProgress?.(r.users, to - from);
  return r;
}

function tally(r: PopulationResult, d: JourneyData, start: number, days: number): void {
  r.journeys++;
  r.outcomes[d.status]++;
  if (d.status === 'exited' && d.reason) r.exits[d.reason] = (r.exits[d.reason] ?? 0) + 1;
  const waiting = new Set<string>();
  for (const s of d.trace) {
    if (s.node === '' || s.outcome === 'ended') continue;
    const n = r.nodes[s.node]!;
    if (s.outcome === 'waiting') {
      n.entered++;
      waiting.add(s.node);
      continue;
    }
    if (!waiting.delete(s.node)) n.entered++;
    n.completed[s.outcome] = (n.completed[s.outcome] ?? 0) + 1;
  }
  for (const id of waiting) {
    const n = r.nodes[id]!;
    if (d.status === 'running') n.waitingNow++;
    else if (d.status === 'exited') n.exitedByGlobalExit++;
    else n.exitedByEnd++;
  }
  for (const m of d.messages) {
    const list = (r.messagesByDay[m.channel] ??= new Array<number>(days).fill(0));
    const day = Math.floor((m.at - start) / 86_400_000);
    if (day >= 0 && day < days) list[day]!++;
  }
}
