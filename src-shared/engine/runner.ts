import type { FlowDocument } from '../flow';
import { entryDecision, scheduledAt, triggerFires } from './entry';
import { checkGoalAfterEnd } from './decisions';
import { applyToProfile, copyProfile } from './journey-changes';
import { compileFlow, type CompiledFlow } from './graph';
import type { EventRecord, JourneyData, JourneyInput, Millis, SentMessage, UserAction, UserProfile } from './types';

/** One journey being stepped: by the XState machine or by the fast path (same semantics). */
export interface Stepper {
  readonly data: JourneyData;
  readonly running: boolean;
  start(): void;
  tick(at: Millis): void;
  act(action: UserAction): void;
  /** The earliest timer among waiting nodes, or null (nothing to wake up for). */
  nextDue(): Millis | null;
  /** `data.messages`, when the stepper can give it more cheaply than `data` (read after every input). */
  readonly messages?: readonly SentMessage[];
  /** When the journey started, when the stepper knows it without reading `data.trace`. */
  readonly entered?: Millis;
}

/**
 * One input of one journey (index into `journeys`), in the order the runner applied them. `converted` is the conversion
 * goal met after the journey ended (no step of the machine: see `checkGoalAfterEnd`), recorded
 * so that a rewind to that point shows it.
 */
export type JourneyInputRecord = { journey: number } & ({ kind: 'entry'; at: Millis } | { kind: 'tick'; at: Millis } | { kind: 'action'; action: UserAction } | { kind: 'converted'; at: Millis });

/**
 * Creates a journey's stepper. Without recorded inputs the runner hands over its live records
 * (`input.liveRecords`), brought up to date with each action before the journeys get it: the
 * journey reads them as they are (the fast path) or copies them (the machine, which applies each
 * action to its own copy).
 */
export type StepperFactory = (input: JourneyInput) => Stepper;

export interface UserRunOptions {
  profile: UserProfile;
  /** What the user does, any order (sorted here, stably). */
  actions: readonly UserAction[];
  /** Simulated period: [from, until]. */
  from: Millis;
  until: Millis;
  explain: boolean;
  stepper: StepperFactory;
  /** Called with each message a journey sends; may return what the user does in response. */
  onSend?: (message: SentMessage) => UserAction[] | undefined;
  /**
   * Whether to fill `UserRun.inputs` (default true). Replays re-create journeys from their
   * inputs, so those then get snapshots of the user's records; population runs, which never
   * replay, skip both.
   */
  recordInputs?: boolean;
  /**
   * Whether the run may change `profile` in place as the user acts (default false: it copies it).
   * Population runs pass true: each synthetic user's profile is made for that run alone.
   */
  ownsProfile?: boolean;
}

export interface UserRun {
  journeys: Stepper[];
  /** Entry attempts the audience or entry frequency refused, with why. */
  refused: { at: Millis; why: string }[];
  /** External inputs processed, in order (ticks included), for replay and rewind. */
  inputs: JourneyInputRecord[];
}

/**
 * Runs one user through a campaign: entries (trigger, audience, entry frequency), then every
 * journey stepped through timers and the user's actions in time order. At one instant, due
 * timers go first (journeys in entry order), then the user's action, delivered to running
 * journeys before it may start a new one.
 */
export function runUser(doc: FlowDocument, o: UserRunOptions): UserRun {
  return new UserRunner(doc).run(o);
}

/**
 * {@link runUser} for many users of one flow (population runs): what depends on the flow alone
 * is worked out once, and one user's run state lives in a `RunState` made for that run, not in
 * closures made per user.
 */
export class UserRunner {
  private readonly flow: CompiledFlow;
  private readonly scheduledAt: Millis | null;
  private readonly goal: boolean;

  constructor(doc: FlowDocument) {
    this.flow = compileFlow(doc);
    this.scheduledAt = scheduledAt(this.flow.doc.campaign);
    this.goal = Boolean(this.flow.doc.campaign.goal);
  }

  run(o: UserRunOptions): UserRun {
    const flow = this.flow;
    const c = flow.doc.campaign;
    // A loop, not filter(): no closure to make for every user.
    const queue: UserAction[] = [];
    for (let k = 0; k < o.actions.length; k++) {
      const a = o.actions[k]!;
      if (a.at >= o.from && a.at <= o.until) queue.push(a);
    }
    sortByTime(queue);
    const record = o.recordInputs ?? true;
    const run: UserRun = { journeys: [], refused: [], inputs: [] };
    const profile = o.ownsProfile ? o.profile : copyProfile(o.profile);
    const u = new RunState(o, run, profile, queue, record);
    const events = u.events;
    let scheduled = this.scheduledAt;
    if (scheduled !== null && (scheduled < o.from || scheduled > o.until)) scheduled = null;
    const goal = this.goal;

    // Plain loops below, not forEach: this runs for every input of every user of a population.
    const journeys = run.journeys;
    for (;;) {
      let due: Millis | null = null;
      for (let k = 0; k < journeys.length; k++) {
        const t = journeys[k]!.nextDue();
        if (t !== null && (due === null || t < due)) due = t;
      }
      if (scheduled !== null && (due === null || scheduled < due)) due = scheduled;
      const action = u.qi < queue.length ? queue[u.qi]! : null;
      if (due !== null && due <= o.until && (action === null || due <= action.at)) {
        if (due === scheduled) {
          scheduled = null;
          this.enter(u, due);
          continue;
        }
        for (let k = 0; k < journeys.length; k++) {
          const j = journeys[k]!;
          if (j.nextDue() !== due) continue;
          j.tick(due);
          if (record) run.inputs.push({ kind: 'tick', at: due, journey: k });
          this.after(u, j, k);
        }
        continue;
      }
      if (!action) break;
      u.qi++;
      applyToProfile(profile, events, action);
      for (let k = 0; k < journeys.length; k++) {
        const j = journeys[k]!;
        if (!j.running) {
          if (goal && j.data.converted === null) {
            checkGoalAfterEnd(flow, j.data, profile, events, action.at, action.type === 'message' ? action.text : null, j.entered);
            if (record && j.data.converted !== null) run.inputs.push({ kind: 'converted', at: action.at, journey: k });
          }
          continue;
        }
        j.act(action);
        if (record) run.inputs.push({ kind: 'action', action, journey: k });
        this.after(u, j, k);
      }
      if (triggerFires(c.trigger, action)) this.enter(u, action.at);
    }
    return run;
  }

  private enter(u: RunState, at: Millis): void {
    const { o, profile, events, entries, record, run } = u;
    const d = entryDecision(this.flow.doc.campaign, profile, events, at, entries, o.explain);
    if (!d.enters) {
      run.refused.push({ at, why: d.why });
      return;
    }
    entries.push(at);
    // Copies when the input is kept for replays: the user's record keeps changing after this
    // journey starts. Otherwise the stepper gets the live records (see StepperFactory).
    const snapshot = record ? copyProfile(profile) : profile;
    const j = o.stepper({ journeyId: `${profile.id}:j${entries.length}`, flowId: this.flow.doc.campaign.id, time: at, profile: snapshot, events: record ? [...events] : events, explain: o.explain, liveRecords: !record });
    run.journeys.push(j);
    j.start();
    if (record) run.inputs.push({ kind: 'entry', at, journey: run.journeys.length - 1 });
    u.seen.push(0);
    this.after(u, j, run.journeys.length - 1);
  }

  /** Hands the journey's new messages to `onSend`, queueing what the user does in reply. */
  private after(u: RunState, j: Stepper, k: number): void {
    const onSend = u.o.onSend;
    if (!onSend) return;
    const sent = j.messages ?? j.data.messages;
    const seen = u.seen;
    if (sent.length === seen[k]) return;
    for (let i = seen[k]!; i < sent.length; i++) {
      const reply = onSend(sent[i]!);
      if (reply) for (const a of reply) insert(u.queue, u.qi, a);
    }
    seen[k] = sent.length;
  }
}

/**
 * One user's run under way: a new object for each user, where fields of the long-lived runner
 * made every write of the user's lists a write-barrier slow path (an old object pointing to new
 * ones).
 */
class RunState {
  /** The next action of `queue`. */
  qi = 0;
  readonly events: EventRecord[] = [];
  readonly entries: Millis[] = [];
  /** Per journey: how many of its messages `onSend` has seen. */
  readonly seen: number[] = [];

  constructor(
    readonly o: UserRunOptions,
    readonly run: UserRun,
    readonly profile: UserProfile,
    readonly queue: UserAction[],
    readonly record: boolean,
  ) {}
}

const byTime = (a: UserAction, b: UserAction): number => a.at - b.at;

/**
 * Stable sort by time. Synthetic users' actions come nearly sorted, where an insertion sort is
 * linear and much cheaper than `Array.prototype.sort` with a comparator; both are stable, so
 * the order is the same. Long lists (scripts) still go to the built-in sort.
 */
function sortByTime(list: UserAction[]): UserAction[] {
  if (list.length > 64) return list.sort(byTime);
  for (let i = 1; i < list.length; i++) {
    const a = list[i]!;
    let k = i;
    for (; k > 0 && list[k - 1]!.at > a.at; k--) list[k] = list[k - 1]!;
    list[k] = a;
  }
  return list;
}

function insert(queue: UserAction[], from: number, a: UserAction): void {
  let i = queue.length;
  while (i > from && queue[i - 1]!.at > a.at) i--;
  if (i === queue.length) queue.push(a);
  else queue.splice(i, 0, a);
}
