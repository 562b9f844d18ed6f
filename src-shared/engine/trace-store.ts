import type { StepBuffer } from './step-buffer';
import type { TraceStep } from './types';

/**
 * Traces of a whole population, packed four int32 per step (seconds since the period's start,
 * node index + 1 or 0 for the journey itself, outcome code, input code): about 16 bytes a
 * step, so 100,000 users of 20 steps fit in 32 MB. Explanations are not kept (previews have them).
 */
export class TraceStore {
  /** Empty until the first journey is added: a run that keeps no traces, or a chunk that sends none, allocates no buffer. */
  private buf: Int32Array = new Int32Array(0);
  private used = 0;
  private readonly codes = new Map<string, number>();
  readonly names: string[] = [];
  /** Per journey: first step, step count, user index. */
  private offsets: number[] = [];
  private counts: number[] = [];
  private users: number[] = [];

  constructor(
    readonly start: number,
    readonly nodeIds: readonly string[],
  ) {
    this.memoNames = new Array<string>((nodeIds.length + 1) * 2).fill('');
    this.memoCodes = new Int32Array((nodeIds.length + 1) * 2);
  }

  get journeys(): number {
    return this.offsets.length;
  }

  get bytes(): number {
    return this.buf.byteLength + this.offsets.length * 24;
  }

  code(name: string): number {
    // A flow has a handful of names: comparing them beats hashing (this runs for every step).
    const names = this.names;
    if (names.length <= 12) for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
    let c = this.codes.get(name);
    if (c === undefined) {
      c = this.names.length;
      this.names.push(name);
      this.codes.set(name, c);
    }
    return c;
  }

  /** Starts user `user`'s next journey of `steps` steps: room in the buffer, and where it lies. */
  private begin(user: number, steps: number): void {
    this.reserve(steps * 4);
    this.offsets.push(this.used);
    this.counts.push(steps);
    this.users.push(user);
  }

  add(user: number, trace: readonly TraceStep[], nodeIndex: ReadonlyMap<string, number>): void {
    this.begin(user, trace.length);
    const buf = this.buf;
    // Steps of one input share its name: look a name up only when it changes.
    let event = '';
    let eventCode = -1;
    for (let k = 0; k < trace.length; k++) {
      const s = trace[k]!;
      const o = this.used++ * 4;
      buf[o] = Math.floor((s.t - this.start) / 1000);
      buf[o + 1] = s.node === '' ? 0 : nodeIndex.get(s.node)! + 1;
      buf[o + 2] = this.code(s.outcome);
      // After the outcome: codes are given in the order names are first met.
      if (s.event !== event || eventCode < 0) eventCode = this.code((event = s.event));
      buf[o + 3] = eventCode;
    }
  }

  /**
   * {@link code} for a step of node `node` (-1: the journey): each node remembers its last two
   * names, so the names of a step buffer are coded without a search (a node has one or two
   * outcomes, and a buffer's names are the runtimes' own strings). Codes are given as `code`
   * gives them, in the order names are first met.
   */
  codeAt(node: number, name: string): number {
    const m = (node + 1) * 2;
    const names = this.memoNames;
    if (names[m] === name) return this.memoCodes[m]!;
    if (names[m + 1] === name) return this.memoCodes[m + 1]!;
    const c = this.code(name);
    names[m + 1] = names[m]!;
    this.memoCodes[m + 1] = this.memoCodes[m]!;
    names[m] = name;
    this.memoCodes[m] = c;
    return c;
  }

  /** Per node + 1, two names and their codes (filled ahead: no read out of bounds, which is slow). */
  private readonly memoNames: string[];
  private readonly memoCodes: Int32Array;

  /** {@link add} from a journey's step buffer (population runs): the same packing and codes. */
  addBuffer(user: number, steps: StepBuffer): void {
    const n = steps.length;
    this.begin(user, n);
    const buf = this.buf;
    const { times, nodes, outcomes, causes } = steps;
    let event = '';
    let eventCode = -1;
    for (let k = 0; k < n; k++) {
      const o = this.used++ * 4;
      const node = nodes[k]!;
      buf[o] = Math.floor((times[k]! - this.start) / 1000);
      buf[o + 1] = node + 1;
      buf[o + 2] = this.codeAt(node, outcomes[k]!);
      if (causes[k] !== event || eventCode < 0) eventCode = this.code((event = causes[k]!));
      buf[o + 3] = eventCode;
    }
  }

  /** Forgets every journey (names keep their codes): a population run that keeps no traces. */
  clear(): void {
    this.used = 0;
    this.offsets.length = 0;
    this.counts.length = 0;
    this.users.length = 0;
  }

  /** Appends another store's journeys (same flow and start), e.g. from another worker. */
  append(other: TraceStore): void {
    const map = other.names.map((n) => this.code(n));
    if (map.every((c, i) => c === i)) return this.appendSameCodes(other);
    for (let k = 0; k < other.journeys; k++) {
      const r = other.raw(k);
      this.reserve(r.length);
      this.offsets.push(this.used);
      this.counts.push(r.length / 4);
      this.users.push(other.userOf(k));
      for (let i = 0; i < r.length; i += 4) {
        const o = this.used++ * 4;
        this.buf[o] = r[i]!;
        this.buf[o + 1] = r[i + 1]!;
        this.buf[o + 2] = map[r[i + 2]!]!;
        this.buf[o + 3] = map[r[i + 3]!]!;
      }
    }
  }

  /**
   * Room for `ints` more int32s after those in use. The buffer at least doubles, so adding
   * journeys one by one stays linear; the first one gets 256 KB (a journey's steps are 16 bytes).
   */
  private reserve(ints: number): void {
    const need = this.used * 4 + ints;
    if (need <= this.buf.length) return;
    const next = new Int32Array(Math.max(this.buf.length * 2, need, 1 << 16));
    next.set(this.buf.subarray(0, this.used * 4));
    this.buf = next;
  }

  /** `append` when both stores code names alike (slices of one run do): one block copy. */
  private appendSameCodes(other: TraceStore): void {
    const n = other.used * 4;
    this.reserve(n);
    this.buf.set(other.buf.subarray(0, n), this.used * 4);
    for (let k = 0; k < other.journeys; k++) {
      this.offsets.push(this.used + other.offsets[k]!);
      this.counts.push(other.counts[k]!);
      this.users.push(other.users[k]!);
    }
    this.used += other.used;
  }

  /** Plain data for sending between workers (`structuredClone`-able); see `fromTransfer`. */
  toTransfer(): { start: number; nodeIds: readonly string[]; names: string[]; buf: Int32Array; offsets: number[]; counts: number[]; users: number[] } {
    return { start: this.start, nodeIds: this.nodeIds, names: this.names, buf: this.buf.slice(0, this.used * 4), offsets: this.offsets, counts: this.counts, users: this.users };
  }

  static fromTransfer(t: ReturnType<TraceStore['toTransfer']>): TraceStore {
    const s = new TraceStore(t.start, t.nodeIds);
    t.names.forEach((n) => s.code(n));
    s.buf = t.buf;
    s.used = t.buf.length / 4;
    s.offsets = t.offsets;
    s.counts = t.counts;
    s.users = t.users;
    return s;
  }

  userOf(journey: number): number {
    return this.users[journey]!;
  }

  /**
   * The packed buffer itself and where journey `k` lies in it (int32 offsets [from, to)): `raw`
   * without a view object per call, for loops over every journey. Valid until the next `add`.
   */
  packed(): Int32Array {
    return this.buf;
  }

  startOf(k: number): number {
    return this.offsets[k]! * 4;
  }

  endOf(k: number): number {
    return (this.offsets[k]! + this.counts[k]!) * 4;
  }

  /** Raw steps of journey `k`: [seconds, node + 1, outcome code, input code] each. */
  raw(k: number): Int32Array {
    const o = this.offsets[k]! * 4;
    return this.buf.subarray(o, o + this.counts[k]! * 4);
  }

  /** Journey `k` decoded (without explanations). */
  journey(k: number): TraceStep[] {
    const r = this.raw(k);
    const out: TraceStep[] = [];
    for (let i = 0; i < r.length; i += 4) {
      out.push({ t: this.start + r[i]! * 1000, node: r[i + 1] ? this.nodeIds[r[i + 1]! - 1]! : '', outcome: this.names[r[i + 2]!]!, event: this.names[r[i + 3]!]!, why: '' });
    }
    return out;
  }
}
