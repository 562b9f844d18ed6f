import type { FlowDocument } from '../flow';
import { createJourneyMachine, type JourneyMachine } from './machine';
import type { JourneyInputRecord } from './runner';
import { MachineStepper } from './steppers';
import type { JourneyData, JourneyInput, Millis } from './types';

type Persisted = ReturnType<MachineStepper['actor']['getPersistedSnapshot']>;

/** Where a seek landed: after input `input` of the journey, with the journey's data then. */
export interface SeekResult {
  input: number;
  data: JourneyData;
  /** The machine's state value (which nodes are idle, waiting, done). */
  value: unknown;
}

/**
 * One journey's inputs with XState snapshots checkpointed every `every` inputs: seeking restores
 * the nearest checkpoint at or before the target (`createActor(machine, { snapshot })`) and
 * replays forward. Back and forth in any order; the result never depends on the path taken.
 *
 * @example const tape = new JourneyTape(doc, input, run.inputs.filter((i) => i.journey === 0)); tape.seekTime(t).data
 */
export class JourneyTape {
  private readonly machine: JourneyMachine;
  private readonly checkpoints: Persisted[] = [];
  /** Trace length and time after each input. */
  readonly traceLength: number[] = [];
  readonly times: Millis[] = [];
  /** The goal met after the journey ended: from which input on, and when. */
  private converted: { input: number; at: Millis } | null = null;

  constructor(
    doc: FlowDocument | JourneyMachine,
    readonly input: JourneyInput,
    readonly inputs: readonly JourneyInputRecord[],
    private readonly every = 8,
  ) {
    this.machine = 'nodes' in doc ? createJourneyMachine(doc) : doc;
    const s = new MachineStepper(this.machine, input);
    inputs.forEach((rec, i) => {
      apply(s, rec);
      if (rec.kind === 'converted') this.converted = { input: i, at: rec.at };
      this.traceLength.push(s.data.trace.length);
      this.times.push(rec.kind === 'converted' ? rec.at : s.data.time);
      if (i % every === 0) this.checkpoints.push(s.actor.getPersistedSnapshot() as Persisted);
    });
  }

  /** The journey right after input `i` (0 = its entry). */
  seekInput(i: number): SeekResult {
    const target = Math.max(0, Math.min(i, this.inputs.length - 1));
    const cp = Math.floor(target / this.every);
    const s = new MachineStepper(this.machine, this.input, this.checkpoints[cp]!);
    for (let k = cp * this.every + 1; k <= target; k++) apply(s, this.inputs[k]!);
    const snap = s.actor.getSnapshot();
    s.actor.stop();
    // Overlaid, not written into the machine's context: checkpoints share that object.
    const data = this.converted && target >= this.converted.input ? { ...snap.context, converted: this.converted.at } : snap.context;
    return { input: target, data, value: snap.value };
  }

  /** The journey as it was when trace step `k` (0-based) had just been written. */
  seekStep(k: number): SeekResult {
    const i = this.traceLength.findIndex((n) => n > k);
    return this.seekInput(i < 0 ? this.inputs.length - 1 : i);
  }

  /** The journey as it was at instant `t` (after every input at or before `t`). */
  seekTime(t: Millis): SeekResult {
    let lo = 0;
    let hi = this.times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.times[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.seekInput(lo);
  }
}

/** Replays one input; a conversion after the end is no machine input (see `seekInput`). */
function apply(s: MachineStepper, rec: JourneyInputRecord): void {
  if (rec.kind === 'entry') s.start();
  else if (rec.kind === 'tick') s.tick(rec.at);
  else if (rec.kind === 'action') s.act(rec.action);
}
