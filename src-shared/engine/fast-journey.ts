import { arrival, globalExit, messageDecision, timerHandle } from './decisions';
import type { CompiledFlow } from './graph';
import { complete, finish, initialData, recordAction, recordTick, startWait, step } from './steps';
import type { JourneyData, JourneyInput, Millis, UserAction } from './types';

const IDLE = 0;
const WAITING = 1;
const DONE = 2;

type Internal = { type: 'step' } | { type: 'timers' } | { type: 'message' } | { type: 'end'; node: string; why: string } | { type: 'fired'; from: string; handle: string };

/**
 * The fast path: the compiled machine's run-to-completion semantics (see machine.ts) replayed
 * over plain arrays, mutating one draft in place. It calls the same decision and step
 * functions in the same order as the machine's actions, so traces are identical; the
 * equivalence is tested on random flows (fast-journey.test.ts).
 */
export class FastJourney {
  readonly data: JourneyData;
  private readonly status: Uint8Array;
  private queue: Internal[] = [];
  /** Indexes of waiting nodes, ascending, and their timers (NaN = none): `data.due` as arrays. */
  private waiting: number[] = [];
  private readonly dueAt: Float64Array;
  /** Conversation count at the last global-exit check of this input that found none; -1 = none yet. */
  private checkedAt = -1;

  constructor(
    private readonly flow: CompiledFlow,
    input: JourneyInput,
  ) {
    this.data = initialData(input);
    this.status = new Uint8Array(flow.nodes.length);
    this.dueAt = new Float64Array(flow.nodes.length);
  }

  /** The earliest timer of a waiting node, or null. */
  nextDue(): Millis | null {
    if (!this.running) return null;
    let best = Infinity;
    for (const i of this.waiting) if (this.dueAt[i]! < best) best = this.dueAt[i]!;
    return best === Infinity ? null : best;
  }

  get running(): boolean {
    return this.data.status === 'running';
  }

  start(): void {
    if (!this.running) return;
    const t = this.flow.triggerIndex;
    if (t >= 0 && this.status[t] === IDLE) {
      this.status[t] = DONE;
      const id = this.flow.nodes[t]!.id;
      step(this.data, id, 'next', this.data.explain ? 'entered: trigger fired, audience and entry frequency allow it' : '');
      this.queue.push({ type: 'step' }, { type: 'fired', from: id, handle: 'next' });
      this.drain();
    }
    this.settle();
  }

  tick(at: Millis): void {
    if (!this.running) return;
    recordTick(this.data, at);
    this.queue.push({ type: 'step' }, { type: 'timers' });
    this.drain();
    this.settle();
  }

  act(action: UserAction): void {
    if (!this.running) return;
    recordAction(this.data, action);
    this.queue.push({ type: 'step' });
    if (action.type === 'message') this.queue.push({ type: 'message' });
    this.drain();
    this.settle();
  }

  private settle(): void {
    if (this.running && this.waiting.length === 0) {
      finish(this.data, 'ended', 'completed', '', this.data.explain ? 'no branch is active or waiting' : '');
    }
  }

  private drain(): void {
    const { flow, data: d, status } = this;
    this.checkedAt = -1;
    for (let q = 0; q < this.queue.length && this.running; q++) {
      const ev = this.queue[q]!;
      switch (ev.type) {
        case 'step': {
          // Within one input only conversations change between steps (time, profile and
          // message are fixed), so an exit check is repeated only when they have.
          if (this.checkedAt === d.conversations.length) break;
          const x = globalExit(flow, d);
          if (x) finish(d, 'exited', x.id, '', x.why);
          this.checkedAt = x ? -1 : d.conversations.length;
          break;
        }
        case 'end':
          finish(d, 'ended', `end:${ev.node}`, ev.node, ev.why);
          break;
        case 'timers': {
          const due = this.waiting.filter((i) => this.dueAt[i]! <= d.time);
          for (const i of due) {
            const node = flow.nodes[i]!;
            this.stopWaiting(i);
            const handle = timerHandle(node);
            complete(flow, d, node.id, handle, d.explain ? (handle === 'timeout' ? 'no matching reply before the timeout' : 'timer due') : '');
            this.queue.push({ type: 'step' }, { type: 'fired', from: node.id, handle });
          }
          break;
        }
        case 'message': {
          const text = d.inputMessage;
          if (text === null) break;
          const hit = this.waiting.filter((i) => flow.nodes[i]!.type === 'inbound-message' && messageDecision(flow.nodes[i]!, d, text).matched);
          for (const i of hit) {
            const node = flow.nodes[i]!;
            this.stopWaiting(i);
            complete(flow, d, node.id, 'received', messageDecision(node, d, text).why);
            this.queue.push({ type: 'step' }, { type: 'fired', from: node.id, handle: 'received' });
          }
          break;
        }
        case 'fired': {
          const targets = flow.outByNode[flow.index.get(ev.from)!]!.get(ev.handle);
          if (!targets) break;
          // Select first, then act: all regions take the event in the same microstep.
          const idle = targets.filter((i) => status[i] === IDLE);
          for (const i of idle) this.arrive(i, ev.from);
          break;
        }
      }
    }
    this.queue.length = 0;
  }

  private stopWaiting(i: number): void {
    this.status[i] = DONE;
    this.waiting.splice(this.waiting.indexOf(i), 1);
  }

  private arrive(i: number, from: string): void {
    const { flow, data: d } = this;
    const node = flow.nodes[i]!;
    d.via[node.id] = from;
    const a = arrival(flow, d, node);
    if (a.kind === 'wait') {
      this.status[i] = WAITING;
      this.dueAt[i] = a.due ?? NaN;
      let k = this.waiting.length;
      while (k > 0 && this.waiting[k - 1]! > i) k--;
      this.waiting.splice(k, 0, i);
      startWait(d, node.id, a.due, a.why);
      return;
    }
    this.status[i] = DONE;
    if (a.kind === 'complete') {
      complete(flow, d, node.id, a.handle, a.why);
      this.queue.push({ type: 'step' }, { type: 'fired', from: node.id, handle: a.handle });
    } else {
      step(d, node.id, 'end', a.why);
      this.queue.push({ type: 'step' }, { type: 'end', node: node.id, why: a.why });
    }
  }
}
