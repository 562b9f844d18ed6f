import { FastJourney } from './fast-journey';
import type { CompiledFlow } from './graph';
import { regionKey } from './machine';
import type { MachineStepper } from './steppers';
import type { JourneyData, Millis } from './types';

/**
 * The fast path's journeys in the machine's persisted format: the runner steps journeys with
 * `FastJourney` but stores exactly what `actor.getPersistedSnapshot()` gives for the same
 * journey, so states stored by either restore into either (the property test in
 * fast-journey-state.test.ts steps both side by side and swaps them after every input).
 *
 * The machine's snapshot of a running journey: `value.running` has a region per node (keyed by
 * `regionKey`) that is `idle`, `waiting` or `done`, and `context.due` a key per waiting node
 * (its timer). An ended journey's value is its final state, `ended` or `exited`.
 */

export type PersistedSnapshot = ReturnType<MachineStepper['actor']['getPersistedSnapshot']>;

type RegionState = 'idle' | 'waiting' | 'done';

const keysOf = new WeakMap<CompiledFlow, readonly string[]>();

/** The region key of each node of `flow` by index, escaped once per flow, not on every save. */
function regionKeys(flow: CompiledFlow): readonly string[] {
  let keys = keysOf.get(flow);
  if (!keys) keysOf.set(flow, (keys = flow.nodes.map((n) => regionKey(n.id))));
  return keys;
}

/**
 * What the machine's `getPersistedSnapshot()` gives for the journey `j` is in (same keys, same
 * order). Its `context` is the journey's own data, not a copy: serialise it before the next input.
 */
export function fastSnapshot(j: FastJourney): PersistedSnapshot {
  const { data, flow } = j;
  const done = data.status !== 'running';
  let value: string | { running: Record<string, RegionState> } = data.status;
  if (!done) {
    const { touched, waiting } = j.state;
    const states: RegionState[] = new Array<RegionState>(flow.nodes.length).fill('idle');
    for (const i of touched) states[i] = 'done';
    for (const i of waiting) states[i] = 'waiting';
    const keys = regionKeys(flow);
    const running: Record<string, RegionState> = {};
    for (let i = 0; i < keys.length; i++) running[keys[i]!] = states[i]!;
    value = { running };
  }
  return { status: done ? 'done' : 'active', output: undefined, error: undefined, value, historyValue: {}, context: data, children: {} } as unknown as PersistedSnapshot;
}

/**
 * The fast journey a persisted snapshot describes, for a snapshot whose regions name exactly the
 * nodes of `flow` (`incompatibility` checked that). Throws an Error saying what is wrong with a
 * state the machine cannot have written (the caller turns it into a refusal). The snapshot's
 * context is taken over, not copied: pass a value nobody else reads.
 */
export function fastJourneyOf(flow: CompiledFlow, snapshot: unknown): FastJourney {
  const s = snapshot as { status?: unknown; value: unknown; context: JourneyData };
  const d = s.context;
  const problem = dataProblem(d);
  if (problem) throw new Error(`its data ${problem}`);
  if (typeof s.value === 'string') {
    if (s.status !== 'done' || d.status !== s.value) throw new Error(`it is in the final state "${s.value}" with status "${String(s.status)}" and data status "${d.status}"`);
    return FastJourney.restore(flow, d, { touched: [], waiting: [], waitDue: [], waitOrder: [] });
  }
  if (s.status !== 'active' || d.status !== 'running') throw new Error(`its nodes are running but its status is "${String(s.status)}" and its data status "${d.status}"`);
  const regions = (s.value as { running: Record<string, unknown> }).running;
  const keys = regionKeys(flow);
  const touched: number[] = [];
  const waiting: number[] = [];
  const waitDue: (Millis | null)[] = [];
  for (let i = 0; i < keys.length; i++) {
    const state = regions[keys[i]!];
    if (state === 'idle') continue;
    const id = flow.nodes[i]!.id;
    if (state === 'waiting' && flow.runtimes[i]!.canWait) {
      const t = d.due[id];
      if (!Object.hasOwn(d.due, id) || !(t === null || Number.isFinite(t))) throw new Error(`node "${id}" is waiting without a timer in "due" (${shown(t)})`);
      waiting.push(i);
      waitDue.push(t ?? null);
    } else if (state !== 'done') throw new Error(`node "${id}" is in the state ${shown(state)}, which a ${flow.nodes[i]!.type} step does not have`);
    touched.push(i);
  }
  const waitOrder: number[] = [];
  for (const id of Object.keys(d.due)) {
    const i = flow.index.get(id);
    if (i === undefined || !waiting.includes(i)) throw new Error(`"due" has a timer for node "${id}", which is not waiting`);
    waitOrder.push(i);
  }
  return FastJourney.restore(flow, d, { touched, waiting, waitDue, waitOrder });
}

const OBJECT = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

const isProfile = (v: unknown): boolean => {
  const p = v as JourneyData['profile'];
  return OBJECT(p) && OBJECT(p.attributes) && Array.isArray(p.tags) && Array.isArray(p.segments);
};

/** The shape stepping relies on, field by field (checked on every restore: built once). */
const SHAPE: readonly [keyof JourneyData, (v: unknown) => boolean, string][] = [
  ['journeyId', (v) => typeof v === 'string', 'a string'],
  ['time', Number.isFinite, 'a number'],
  ['status', (v) => v === 'running' || v === 'ended' || v === 'exited', 'running, ended or exited'],
  ['profile', isProfile, 'a profile'],
  ['events', Array.isArray, 'a list'],
  ['conversations', Array.isArray, 'a list'],
  ['trace', Array.isArray, 'a list'],
  ['messages', Array.isArray, 'a list'],
  ['via', OBJECT, 'an object'],
  ['due', OBJECT, 'an object'],
  ['explain', (v) => typeof v === 'boolean', 'true or false'],
];

/** Which part of a journey's data does not have the shape stepping relies on, or null. */
function dataProblem(d: JourneyData): string | null {
  for (const [key, ok, what] of SHAPE) if (!ok(d[key])) return `field "${key}" is ${shown(d[key])}, not ${what}`;
  return null;
}

/** A saved value in an error message, cut short. */
function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? 'missing';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
