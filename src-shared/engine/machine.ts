import { and, enqueueActions, setup, type SnapshotFrom } from 'xstate';
import type { FlowDocument, FlowNode } from '../flow';
import { runtimeOf } from '../flow/nodes/runtimes';
import { arrival, checkGoal, complete, globalExit, messageDecision, timerOf } from './decisions';
import { compileFlow, firesInto } from './graph';
import { draft, finish, initialData, recordAction, recordTick, startWait, step } from './journey-changes';
import type { JourneyData, JourneyInput, Millis, UserAction } from './types';

/**
 * Compiles a flow into an XState v5 machine: the single source of the journey's semantics.
 *
 * Mapping (one parallel region per node, keyed by {@link regionKey} of its node id, so a
 * persisted snapshot names nodes, not positions: see journey-state.ts):
 * - `running` is a parallel state; each region is `idle` → (`waiting` →) `done`. `done` is
 *   never left, so a node acts at most once per journey (OR-join: later firings are ignored).
 * - A node completing through a handle raises `node.fired {from, handle}`; every idle region
 *   with an edge from that handle (guard `firedInto`) acts in the same microstep: fan-out.
 * - `completesOnArrival` picks `done` (filter, send in hours, assign, elapsed waits) or
 *   `waiting` (timers, replies, sends held for business hours). Waiting regions leave on
 *   `journey.timers` (guard `timerDue`) or `journey.message` (guard `messageMatches`).
 * - Only `running` itself handles external inputs (`clock.tick`, `user.*`): it records them,
 *   then raises `journey.step` (global-exit check) before `journey.timers`/`journey.message`,
 *   so an exit wins over anything the input would have caused. Every node step raises
 *   `journey.step` too. `journey.end` (end node) and `journey.settle` with nothing waiting
 *   (sent by the runner after each input) reach the final states `ended`; exits reach `exited`.
 * - Timers are data (`context.due`), not `after` delays: the virtual clock is an input, so
 *   snapshots are plain values and stepping never reads a real clock.
 */
export type JourneyEvent =
  | { type: 'journey.start' }
  | { type: 'clock.tick'; at: Millis }
  | { type: 'user.messaged' | 'user.event' | 'user.visited' | 'user.attribute' | 'user.tagged' | 'user.segment'; action: UserAction }
  | { type: 'journey.settle' }
  | { type: 'journey.step' }
  | { type: 'journey.timers' }
  | { type: 'journey.message' }
  | { type: 'journey.end'; node: string; why: string }
  | { type: 'node.fired'; from: string; handle: string };

type NodeParams = { node: string };
export const USER_EVENTS = ['user.messaged', 'user.event', 'user.visited', 'user.attribute', 'user.tagged', 'user.segment'] as const;

export function createJourneyMachine(doc: FlowDocument) {
  const flow = compileFlow(doc);
  const nodeOf = (id: string): FlowNode => flow.nodes[flow.index.get(id)!]!;
  return setup({
    types: { context: {} as JourneyData, events: {} as JourneyEvent, input: {} as JourneyInput },
    guards: {
      firedInto: ({ event }, p: NodeParams) => event.type === 'node.fired' && firesInto(flow, event.from, event.handle, p.node),
      completesOnArrival: ({ context }, p: NodeParams) => arrival(flow, context, nodeOf(p.node)).kind !== 'wait',
      timerDue: ({ context }, p: NodeParams) => {
        const due = context.due[p.node];
        return due !== null && due !== undefined && due <= context.time;
      },
      messageMatches: ({ context }, p: NodeParams) => context.inputMessage !== null && messageDecision(nodeOf(p.node), context, context.inputMessage).matched,
      exitMatches: ({ context }) => globalExit(flow, context) !== null,
      nothingWaiting: ({ context }) => Object.keys(context.due).length === 0,
    },
    actions: {
      recordInput: enqueueActions(({ context, event, enqueue }) => {
        const d = draft(context);
        if (event.type === 'clock.tick') recordTick(d, event.at);
        else if ('action' in event) {
          recordAction(d, event.action);
          const converted = checkGoal(flow, d);
          if (converted !== null) step(d, '', 'converted', converted);
        }
        enqueue.assign(() => d);
        enqueue.raise({ type: 'journey.step' });
        if (event.type === 'clock.tick') enqueue.raise({ type: 'journey.timers' });
        if (event.type === 'user.messaged') enqueue.raise({ type: 'journey.message' });
      }),
      start: enqueueActions(({ context, enqueue }, p: NodeParams) => {
        const d = draft(context);
        step(d, p.node, 'next', d.explain ? 'entered: trigger fired, audience and entry frequency allow it' : '');
        enqueue.assign(() => d);
        enqueue.raise({ type: 'journey.step' });
        enqueue.raise({ type: 'node.fired', from: p.node, handle: 'next' });
      }),
      arrive: enqueueActions(({ context, event, enqueue }, p: NodeParams) => {
        const d = draft(context);
        if (event.type === 'node.fired') d.via[p.node] = event.from;
        const a = arrival(flow, d, nodeOf(p.node));
        if (a.kind === 'wait') startWait(d, p.node, a.due, a.why);
        else if (a.kind === 'complete') complete(flow, d, p.node, a.handle, a.why);
        else step(d, p.node, 'end', a.why);
        enqueue.assign(() => d);
        if (a.kind === 'wait') return;
        enqueue.raise({ type: 'journey.step' });
        if (a.kind === 'complete') enqueue.raise({ type: 'node.fired', from: p.node, handle: a.handle });
        else enqueue.raise({ type: 'journey.end', node: p.node, why: a.why });
      }),
      timerFired: enqueueActions(({ context, enqueue }, p: NodeParams) => {
        const d = draft(context);
        const { handle, why } = timerOf(nodeOf(p.node));
        complete(flow, d, p.node, handle, d.explain ? why : '');
        enqueue.assign(() => d);
        enqueue.raise({ type: 'journey.step' });
        enqueue.raise({ type: 'node.fired', from: p.node, handle });
      }),
      messageReceived: enqueueActions(({ context, enqueue }, p: NodeParams) => {
        const d = draft(context);
        complete(flow, d, p.node, 'received', messageDecision(nodeOf(p.node), d, d.inputMessage ?? '').why);
        enqueue.assign(() => d);
        enqueue.raise({ type: 'journey.step' });
        enqueue.raise({ type: 'node.fired', from: p.node, handle: 'received' });
      }),
      exit: enqueueActions(({ context, enqueue }) => {
        const d = draft(context);
        const x = globalExit(flow, d)!;
        finish(d, 'exited', x.id, '', x.why);
        enqueue.assign(() => d);
      }),
      end: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'journey.end') return;
        const d = draft(context);
        finish(d, 'ended', `end:${event.node}`, event.node, event.why);
        enqueue.assign(() => d);
      }),
      settle: enqueueActions(({ context, enqueue }) => {
        const d = draft(context);
        finish(d, 'ended', 'completed', '', d.explain ? 'no branch is active or waiting' : '');
        enqueue.assign(() => d);
      }),
    },
  }).createMachine({
    id: 'journey',
    context: ({ input }) => initialData(input),
    initial: 'running',
    states: {
      running: {
        type: 'parallel',
        // Regions are built in a loop, which TypeScript cannot check against setup(); the names are.
        states: Object.fromEntries(flow.nodes.map((n) => [regionKey(n.id), region(n)])) as never,
        on: {
          'clock.tick': { actions: 'recordInput' },
          ...Object.fromEntries(USER_EVENTS.map((e) => [e, { actions: 'recordInput' as const }])),
          'journey.step': { guard: 'exitMatches', target: 'exited', actions: 'exit' },
          'journey.end': { target: 'ended', actions: 'end' },
          'journey.settle': { guard: 'nothingWaiting', target: 'ended', actions: 'settle' },
        },
      },
      ended: { type: 'final' },
      exited: { type: 'final' },
    },
  });
}

export type JourneyMachine = ReturnType<typeof createJourneyMachine>;
export type JourneySnapshot = SnapshotFrom<JourneyMachine>;

/**
 * The region key of a node: its id with the characters XState reads in state paths escaped
 * ("." separates path parts, "#" starts an id reference; "%" so the escape stays reversible).
 *
 * @example regionKey('ask.name') // 'n:ask%2Ename'
 */
export const regionKey = (nodeId: string): string => `n:${nodeId.replace(/[%.#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`;

/** The node id of a region key ({@link regionKey} reversed), or null for a key that is not one. */
export function nodeOfRegion(key: string): string | null {
  return key.startsWith('n:') ? decodeURIComponent(key.slice(2)) : null;
}

/**
 * The region of one node: idle → (waiting →) done, shaped by its kind's runtime (whether it
 * starts the journey, can wait, listens for messages). Typed loosely: setup() checks names.
 */
function region(n: FlowNode) {
  const p = { node: n.id };
  const runtime = runtimeOf(n);
  if (runtime.starts) {
    return { initial: 'idle', states: { idle: { on: { 'journey.start': { target: 'done', actions: { type: 'start', params: p } } } }, done: {} } } as const;
  }
  const fired = { type: 'firedInto', params: p } as const;
  const onFired = [{ guard: and([fired, { type: 'completesOnArrival', params: p }]), target: 'done', actions: { type: 'arrive', params: p } }] as const;
  if (!runtime.canWait) return { initial: 'idle', states: { idle: { on: { 'node.fired': [...onFired] } }, done: {} } } as const;
  return {
    initial: 'idle',
    states: {
      idle: { on: { 'node.fired': [...onFired, { guard: fired, target: 'waiting', actions: { type: 'arrive', params: p } }] } },
      waiting: {
        on: {
          'journey.timers': { guard: { type: 'timerDue', params: p }, target: 'done', actions: { type: 'timerFired', params: p } },
          ...(runtime.message ? { 'journey.message': { guard: { type: 'messageMatches', params: p }, target: 'done', actions: { type: 'messageReceived', params: p } } } : {}),
        },
      },
      done: {},
    },
  } as const;
}
