import { checkGoal, globalExit } from './decisions';
import type { CompiledFlow } from './graph';
import { close, enteredAt, initialData, recordAction, recordTick, step } from './journey-changes';
import type { StepBuffer } from './step-buffer';
import type { JourneyData, JourneyInput, Millis, UserAction } from './types';

/** How many acted nodes a journey lists before it switches to a Set. */
const SET_AFTER = 24;

/** Internal events (the machine's raised events), queued as parallel arrays: no object per event. */
const STEP = 0;
const TIMERS = 1;
const MESSAGE = 2;
const END = 3;
const FIRED = 4;

/** `checkedAt` when the exits' last verdict holds whatever the conversations (none reads them). */
const ANY_CONVERSATIONS = -2;

/**
 * A journey's state besides its data: what fast-journey-state.ts reads to persist a journey in
 * the machine's snapshot format and writes to restore one. Node indexes of the flow.
 */
export interface FastJourneyState {
  /** The nodes that have acted (waiting or done), in any order. */
  touched: readonly number[];
  /** The waiting nodes, ascending, and each one's timer at the same position (null = none). */
  waiting: readonly number[];
  waitDue: readonly (Millis | null)[];
  /** The waiting nodes in the key order of `data.due`. */
  waitOrder: readonly number[];
}

/**
 * The fast path: the compiled machine's run-to-completion semantics (see machine.ts) replayed
 * over plain arrays, mutating one draft in place (`due` aside, see `data`). It calls the same
 * decision and step functions in the same order as the machine's actions, so traces are
 * identical; the equivalence is tested on random flows (fast-journey.test.ts).
 */
export class FastJourney {
  private readonly d: JourneyData;
  /**
   * The nodes that have acted (waiting or done); every other node is idle. A short list, not an
   * array per node of the flow: a journey touches a handful of nodes, and allocating and filling
   * one slot per node made every journey of a 5,000-node flow cost ~5,000 writes. Past
   * `SET_AFTER` nodes a Set is kept beside it, so long journeys do not scan. In the order the
   * nodes acted, with the node each one came from (`touchedFrom`, -1 for none: the trigger, or a
   * restored journey's nodes, whose `via` its data already has).
   */
  private readonly touched: number[] = [];
  private readonly touchedFrom: number[] = [];
  private touchedSet: Set<number> | null = null;
  /**
   * The queue of internal events (kind, node index, handle for FIRED or why for END), `size`
   * long. Shared by all journeys: a queue is only used inside one `drain()`, which runs to
   * completion and leaves it empty, so one set of arrays serves every journey of a population.
   */
  private static readonly kinds: number[] = [];
  private static readonly nodes: number[] = [];
  private static readonly texts: string[] = [];
  private static size = 0;
  /** Indexes of waiting nodes, ascending: `data.due` as an array. */
  private readonly waiting: number[] = [];
  /** The timer of each node of `waiting` (same position) as `arrival` gave it (null = none). */
  private readonly waitDue: (Millis | null)[] = [];
  /**
   * `data.due` is written when `data` is read, not on every wait (keyed writes and deletes on
   * that object were the fast path's costliest lines): the waiting nodes in the order they
   * started waiting (the object's key order), each one's timer as given, and whether it changed.
   */
  private readonly waitOrder: number[] = [];
  private dueStale = false;
  /**
   * How many of `touched` are written into `data.via`: the rest are written, in arrival order,
   * when `data` is read or a node that reads the path is about to complete
   * (`CompiledFlow.readsPath`), not at each arrival (keyed writes that grow an object were the
   * fast path's costliest line).
   */
  private viaWritten = 0;
  /**
   * Conversation count at the last global-exit check that found none (`ANY_CONVERSATIONS` when
   * the exits do not read conversations); -1 = none yet. Reset by every input that can change
   * what exits read, see `tick`.
   */
  private checkedAt = -1;
  /** Whether `data` reads the contact's live records, which the runner brings up to date (`JourneyInput.liveRecords`). */
  private readonly live: boolean;
  /** When the journey started (its trigger step), for the conversion goal's window. */
  readonly entered: Millis;

  /**
   * Statistics-only population runs: the outcome of each node of `touched` (same position), its
   * handle or `end`, '' while it waits. A node acts at most once in a journey, so this is all its
   * counts need; no step is recorded anywhere (`data.trace` stays empty).
   */
  readonly outcomes: string[] | null;

  /**
   * @param steps where the journey records its steps instead of `data.trace`, which then stays
   *   empty (population runs that keep traces: no `why` is kept, see StepBuffer).
   * @param countOnly record no step, only `outcomes` (statistics-only population runs).
   */
  constructor(
    /** (Read by fast-journey-state.ts, which names each node's region.) */
    readonly flow: CompiledFlow,
    input: JourneyInput,
    adopted?: JourneyData,
    readonly steps: StepBuffer | null = null,
    countOnly = false,
  ) {
    this.outcomes = countOnly ? [] : null;
    this.live = !adopted && input.liveRecords === true;
    this.d = adopted ?? initialData(input, this.live);
    this.entered = adopted ? enteredAt(adopted) : input.time;
  }

  /**
   * A journey in a saved state, checked by the caller (fast-journey-state.ts); `data` is taken
   * over, not copied, with `data.due` as `state` describes it.
   */
  static restore(flow: CompiledFlow, data: JourneyData, state: FastJourneyState): FastJourney {
    const j = new FastJourney(flow, data, data);
    j.touched.push(...state.touched);
    for (let k = 0; k < j.touched.length; k++) j.touchedFrom.push(-1);
    j.viaWritten = j.touched.length;
    if (j.touched.length > SET_AFTER) j.touchedSet = new Set(j.touched);
    j.waiting.push(...state.waiting);
    j.waitDue.push(...state.waitDue);
    j.waitOrder.push(...state.waitOrder);
    return j;
  }

  /** The nodes that have acted, in the order they did (`outcomes` gives each one's outcome). */
  get touchedNodes(): readonly number[] {
    return this.touched;
  }

  /** The state besides `data` (see `FastJourneyState`); read it before the next input. */
  get state(): FastJourneyState {
    return { touched: this.touched, waiting: this.waiting, waitDue: this.waitDue, waitOrder: this.waitOrder };
  }

  /** The journey's data; `due` and `via` are brought up to date on each read, so read it again after an input. */
  get data(): JourneyData {
    if (this.dueStale) this.syncDue();
    if (this.viaWritten < this.touched.length) this.syncVia();
    return this.d;
  }

  /**
   * `data` as it is, without bringing `due` and `via` up to date: for readers of its status,
   * reason, conversion and messages only (a population run's statistics).
   */
  get rawData(): JourneyData {
    return this.d;
  }

  private syncVia(): void {
    const { nodes } = this.flow;
    const via = this.d.via;
    const { touched, touchedFrom } = this;
    for (let k = this.viaWritten; k < touched.length; k++) if (touchedFrom[k]! >= 0) via[nodes[touched[k]!]!.id] = nodes[touchedFrom[k]!]!.id;
    this.viaWritten = touched.length;
  }

  /** `data.messages` without bringing `due` up to date: the runner reads it after every input. */
  get messages(): JourneyData['messages'] {
    return this.d.messages;
  }

  /** Writes `due` as the machine keeps it: a key per waiting node; none once the journey is over (`finish`). */
  private syncDue(): void {
    this.dueStale = false;
    if (this.d.status !== 'running') return;
    const due: Record<string, Millis | null> = {};
    for (const i of this.waitOrder) due[this.flow.nodes[i]!.id] = this.waitDue[this.waiting.indexOf(i)]!;
    this.d.due = due;
  }

  /** The earliest timer of a waiting node, or null. */
  nextDue(): Millis | null {
    if (this.d.status !== 'running') return null;
    let best = Infinity;
    const w = this.waitDue;
    for (let k = 0; k < w.length; k++) {
      const t = w[k] ?? NaN;
      if (t < best) best = t;
    }
    return best === Infinity ? null : best;
  }

  get running(): boolean {
    return this.d.status === 'running';
  }

  start(): void {
    if (!this.running) return;
    const t = this.flow.triggerIndex;
    if (t >= 0 && this.idle(t)) {
      this.touch(t, -1);
      FastJourney.size = 0; // (empty unless an earlier drain threw)
      this.record(t, 'next', this.d.explain ? 'entered: trigger fired, audience and entry frequency allow it' : '');
      this.exitCheck();
      this.push(FIRED, t, 'next');
      this.drain();
    }
    this.settle();
  }

  tick(at: Millis): void {
    if (!this.running) return;
    recordTick(this.d, at);
    // A tick changes only the time (and clears the input's message): exits that read neither
    // give the verdict of their last check, as long as no conversation opened since (checkedAt).
    if (!this.flow.exitsTimeless) this.checkedAt = -1;
    FastJourney.size = 0;
    this.exitCheck();
    this.push(TIMERS, -1, '');
    this.drain();
    this.settle();
  }

  act(action: UserAction): void {
    if (!this.running) return;
    recordAction(this.d, action, !this.live);
    const converted = checkGoal(this.flow, this.d, this.entered);
    if (converted !== null) this.record(-1, 'converted', converted);
    this.checkedAt = -1;
    FastJourney.size = 0;
    this.exitCheck();
    if (action.type === 'message') this.push(MESSAGE, -1, '');
    this.drain();
    this.settle();
  }

  /** Queues the global-exit check that follows every step (the machine's `journey.step`), in flows where anything can exit. */
  private exitCheck(): void {
    if (this.flow.mayExit) this.push(STEP, -1, '');
  }

  private push(kind: number, node: number, text: string): void {
    const n = FastJourney.size++;
    FastJourney.kinds[n] = kind;
    FastJourney.nodes[n] = node;
    FastJourney.texts[n] = text;
  }

  private settle(): void {
    if (this.running && this.waiting.length === 0) this.finish('ended', 'completed', -1, this.d.explain ? 'no branch is active or waiting' : '');
  }

  /** A step of node `i` (-1: the journey itself), in `data.trace`, in `steps` or as the node's outcome. */
  private record(i: number, outcome: string, why: string): void {
    const out = this.outcomes;
    if (out) {
      // What counts: a node's handle or `end`; `waiting` is the '' it starts with, and `ended`
      // (an end node stopping the journey) and the journey's own steps count nothing.
      if (i >= 0 && outcome !== 'waiting' && outcome !== 'ended') {
        const touched = this.touched;
        let k = touched.length - 1; // (the node that just arrived, unless one that waited)
        while (k >= 0 && touched[k] !== i) k--;
        if (k >= 0) out[k] = outcome;
      }
      return;
    }
    const s = this.steps;
    if (s) s.push(this.d.time, i, outcome, this.d.cause);
    else step(this.d, i < 0 ? '' : this.flow.nodes[i]!.id, outcome, why);
  }

  /** journey-changes' `finish`, with the step recorded by `record`. */
  private finish(status: 'ended' | 'exited', reason: string, i: number, why: string): void {
    close(this.d, status, reason);
    this.record(i, status, why);
  }

  private drain(): void {
    const { flow, d } = this;
    const { kinds, nodes, texts } = FastJourney;
    for (let q = 0; q < FastJourney.size && d.status === 'running'; q++) {
      switch (kinds[q]) {
        case STEP: {
          // Within one input only conversations change between steps (time, profile and
          // message are fixed), so an exit check is repeated only when they have.
          if (this.checkedAt === d.conversations.length || this.checkedAt === ANY_CONVERSATIONS) break;
          const x = globalExit(flow, d);
          if (x) this.finish('exited', x.id, -1, x.why);
          this.checkedAt = x ? -1 : flow.exitsReadConversations ? d.conversations.length : ANY_CONVERSATIONS;
          break;
        }
        case END:
          this.finish('ended', flow.endReasons[nodes[q]!]!, nodes[q]!, texts[q]!);
          break;
        case TIMERS:
          this.timers();
          break;
        case MESSAGE:
          this.message();
          break;
        case FIRED: {
          const from = nodes[q]!;
          const handles = flow.handlesByNode[from]!;
          const handle = texts[q]!;
          let h = 0; // (a loop over one or two handles beats indexOf's call)
          while (h < handles.length && handles[h] !== handle) h++;
          if (h === handles.length) break;
          const targets = flow.targetsByNode[from]![h]!;
          // All regions take the event in the same microstep: arriving at one target changes
          // only that target's status, so checking each one as we go selects the same set.
          for (let k = 0; k < targets.length; k++) if (this.idle(targets[k]!)) this.arrive(targets[k]!, from);
          break;
        }
      }
    }
    FastJourney.size = 0;
  }

  /**
   * The due nodes `timers()` selected: shared, as the queue is (a tick's selection is used up
   * before anything can select again), so a tick allocates no list.
   */
  private static readonly due: number[] = [];

  /** Due timers complete in node order; the set is selected before any of them acts. */
  private timers(): void {
    const { flow, d, waiting, waitDue } = this;
    const due = FastJourney.due;
    let n = 0;
    for (let k = 0; k < waiting.length; k++) if ((waitDue[k] ?? NaN) <= d.time) due[n++] = waiting[k]!;
    for (let q = 0; q < n; q++) {
      const i = due[q]!;
      this.stopWaiting(i);
      const { handle, why } = flow.runtimes[i]!.timer; // timerOf
      this.complete(i, handle, d.explain ? why : '');
      this.exitCheck();
      this.push(FIRED, i, handle);
    }
  }

  /** Waiting nodes that listen for messages and that this one satisfies complete, selected before any acts. */
  private message(): void {
    const { flow, d, waiting } = this;
    const text = d.inputMessage;
    if (text === null) return;
    let hit: number[] | null = null;
    let why: string[] | null = null;
    for (let k = 0; k < waiting.length; k++) {
      const node = flow.nodes[waiting[k]!]!;
      const decide = flow.runtimes[waiting[k]!]!.message; // messageDecision
      if (!decide) continue;
      const r = decide(node, d, text);
      if (!r.matched) continue;
      (hit ??= []).push(waiting[k]!);
      (why ??= []).push(r.why);
    }
    if (!hit) return;
    for (let k = 0; k < hit.length; k++) {
      const i = hit[k]!;
      this.stopWaiting(i);
      this.complete(i, 'received', why![k]!);
      this.exitCheck();
      this.push(FIRED, i, 'received');
    }
  }

  /**
   * `completeNode(flow, d, node, handle, why, false)`, with the runtime already looked up by
   * index: the machine's action, step for step.
   */
  private complete(i: number, handle: string, why: string): void {
    if (this.flow.readsPath[i] && this.viaWritten < this.touched.length) this.syncVia();
    const effects = this.flow.runtimes[i]!.complete;
    this.record(i, handle, effects ? effects(this.flow, this.d, this.flow.nodes[i]!, why) : why);
  }

  private stopWaiting(i: number): void {
    const w = this.waiting;
    const due = this.waitDue;
    let k = 0;
    while (k < w.length && w[k] !== i) k++;
    if (k < w.length) {
      // A shift, not splice (short lists, hot).
      for (; k < w.length - 1; k++) {
        w[k] = w[k + 1]!;
        due[k] = due[k + 1]!;
      }
      w.pop();
      due.pop();
    }
    remove(this.waitOrder, i);
    this.dueStale = true;
  }

  /** Whether node `i` has not acted in this journey. */
  private idle(i: number): boolean {
    if (this.touchedSet) return !this.touchedSet.has(i);
    // A loop, not includes(): a builtin call costs more than scanning a few numbers.
    const t = this.touched;
    for (let k = 0; k < t.length; k++) if (t[k] === i) return false;
    return true;
  }

  private touch(i: number, from: number): void {
    this.touchedFrom.push(from);
    this.outcomes?.push('');
    if (this.touched.push(i) > SET_AFTER) (this.touchedSet ??= new Set(this.touched)).add(i);
  }

  private arrive(i: number, from: number): void {
    const { flow, d } = this;
    const node = flow.nodes[i]!;
    const a = flow.runtimes[i]!.arrive(flow, d, node); // arrival
    this.touch(i, from);
    if (a.kind === 'wait') {
      // Insert in order (a shift, not splice: the list is short and this is hot).
      const w = this.waiting;
      const due = this.waitDue;
      let k = w.length;
      for (; k > 0 && w[k - 1]! > i; k--) {
        w[k] = w[k - 1]!;
        due[k] = due[k - 1]!;
      }
      w[k] = i;
      due[k] = a.due;
      this.waitOrder.push(i);
      this.dueStale = true;
      this.record(i, 'waiting', a.why); // startWait, with `due` left to syncDue
      return;
    }
    if (a.kind === 'complete') {
      this.complete(i, a.handle, a.why);
      this.exitCheck();
      this.push(FIRED, i, a.handle);
    } else {
      this.record(i, 'end', a.why);
      this.exitCheck();
      this.push(END, i, a.why);
    }
  }
}

/** Removes one item from a short list in place. */
function remove(list: number[], item: number): void {
  let k = 0;
  while (k < list.length && list[k] !== item) k++;
  if (k === list.length) return;
  for (; k < list.length - 1; k++) list[k] = list[k + 1]!;
  list.pop(); // (cheaper than setting length)
}

