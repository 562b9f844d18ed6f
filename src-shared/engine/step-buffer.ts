import type { Millis } from './types';

/**
 * A journey's steps as parallel arrays, instead of one `TraceStep` object each in
 * `data.trace`: what population runs record. They never explain (no `why`), and they count or
 * pack every step straight away, by node index: an object per step, and looking its node and
 * names up again to code them, were the costliest part of a population run (about a quarter of
 * its instructions). One buffer serves one journey; `clear` readies it for another.
 */
export class StepBuffer {
  length = 0;
  /** When each step happened (`data.time` then). */
  readonly times: Millis[] = [];
  /** Node index of each step in the compiled flow; -1 for the journey itself (ended, exited, converted). */
  readonly nodes: number[] = [];
  /** Outcome: a handle, `waiting`, `end`, `ended`, `exited` or `converted`. */
  readonly outcomes: string[] = [];
  /** The input being handled (`data.cause`): `journey.start`, `clock.tick`, `user.messaged`… */
  readonly causes: string[] = [];

  push(t: Millis, node: number, outcome: string, cause: string): void {
    const n = this.length++;
    this.times[n] = t;
    this.nodes[n] = node;
    this.outcomes[n] = outcome;
    this.causes[n] = cause;
  }

  clear(): void {
    this.length = 0;
  }
}

/**
 * Step buffers for the journeys of one user at a time: `take` hands out a cleared buffer,
 * `reuse` makes them all available again once the user's journeys have been counted, so a
 * population run allocates a handful of buffers, not one per journey.
 */
export class StepBufferPool {
  private readonly buffers: StepBuffer[] = [];
  private used = 0;

  take(): StepBuffer {
    const b = (this.buffers[this.used++] ??= new StepBuffer());
    b.clear();
    return b;
  }

  reuse(): void {
    this.used = 0;
  }
}
