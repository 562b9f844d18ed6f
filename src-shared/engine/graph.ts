import type { ConditionGroup, FlowDocument, FlowNode } from '../flow';
import { runtimeOf } from '../flow/nodes/runtimes';
import type { NodeRuntime } from './node-runtime';

/**
 * A flow prepared for stepping: nodes by index (document order, which is also the order of the
 * machine's parallel regions and hence of simultaneous steps), edges by `source` + handle.
 */
export interface CompiledFlow {
  doc: FlowDocument;
  nodes: readonly FlowNode[];
  index: ReadonlyMap<string, number>;
  /** `${source}\u0000${handle}` → target node indexes, ascending. */
  out: ReadonlyMap<string, readonly number[]>;
  /** `${source}\u0000${handle}\u0000${target}` for each edge. */
  edges: ReadonlySet<string>;
  triggerIndex: number;
  /** Per node index: handle → target indexes (the fast path's view of `out`). */
  outByNode: readonly ReadonlyMap<string, readonly number[]>[];
  /**
   * `outByNode` as parallel lists per node index (handles, and the targets of each): a node has
   * one or two handles, and comparing them beats a Map lookup on the fast path's hottest line.
   */
  handlesByNode: readonly (readonly string[])[];
  targetsByNode: readonly (readonly (readonly number[])[])[];
  /**
   * Whether the global exits read neither the clock (event rules with a window) nor the
   * message being handled: their verdict then changes only with the contact's record or the
   * journey's conversations, so the fast path need not check them again on a timer.
   */
  exitsTimeless: boolean;
  /**
   * Whether a global exit reads the journey's conversations (a conversation rule). If none
   * does, within one input (time, record and message fixed) the exits' verdict cannot change,
   * so the fast path checks them once per input, not again after each send.
   */
  exitsReadConversations: boolean;
  /** Per node index: its kind's runtime, looked up once (the fast path's per-step lookup). */
  runtimes: readonly NodeRuntime<FlowNode['type']>[];
  /** Per node index: whether it reads the path a journey took as it completes (`data.via`; see `NodeRuntime.readsPath`). */
  readsPath: readonly boolean[];
  /**
   * Whether anything can remove a contact at any moment: a global exit, or a conversion goal
   * that ends the journey. Without, the check after each step finds nothing, and the fast path
   * skips it.
   */
  mayExit: boolean;
  /** Per node index: the reason a journey ended there (`end:<id>`; see `JourneyData.reason`), made once. */
  endReasons: readonly string[];
}

const cache = new WeakMap<FlowDocument, CompiledFlow>();

/** Indexes a flow document once (cached per document object). */
export function compileFlow(doc: FlowDocument): CompiledFlow {
  const hit = cache.get(doc);
  if (hit) return hit;
  const index = new Map(doc.nodes.map((n, i) => [n.id, i] as const));
  const out = new Map<string, number[]>();
  const edges = new Set<string>();
  for (const e of doc.edges) {
    const t = index.get(e.target);
    if (t === undefined || !index.has(e.source)) continue;
    const key = `${e.source}\u0000${e.sourceHandle}`;
    const list = out.get(key) ?? [];
    if (!list.includes(t)) list.push(t);
    out.set(key, list);
    edges.add(`${key}\u0000${e.target}`);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  const triggerIndex = doc.nodes.findIndex((n) => runtimeOf(n).starts);
  const outByNode = doc.nodes.map(() => new Map<string, number[]>());
  for (const [key, list] of out) {
    const [source, handle] = key.split('\u0000') as [string, string];
    outByNode[index.get(source)!]!.set(handle, list);
  }
  const handlesByNode = outByNode.map((m) => [...m.keys()].map(interned));
  const targetsByNode = outByNode.map((m) => [...m.values()]);
  const exitsTimeless = doc.campaign.globalExits.every((x) => timeless(x.condition));
  const exitsReadConversations = doc.campaign.globalExits.some((x) => readsConversations(x.condition));
  const runtimes = doc.nodes.map(runtimeOf);
  const readsPath = doc.nodes.map((n, i) => runtimes[i]!.readsPath?.(n as never) === true);
  const compiled: CompiledFlow = { doc, nodes: doc.nodes, index, out, edges, triggerIndex, outByNode, handlesByNode, targetsByNode, exitsTimeless, exitsReadConversations, runtimes, readsPath, mayExit: doc.campaign.globalExits.length > 0 || doc.campaign.goal?.exit === true, endReasons: doc.nodes.map((n) => `end:${n.id}`) };
  cache.set(doc, compiled);
  return compiled;
}

/**
 * The same text as a property key's string, which engines keep as one shared copy: the fast path
 * compares handles with `===` on every step, and two shared copies compare by identity, while a
 * handle cut out of a key by `split` would be compared character by character.
 */
function interned(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}

function timeless(group: ConditionGroup): boolean {
  return group.rules.every((r) => (r.type === 'group' ? timeless(r) : r.type !== 'message' && !(r.type === 'event' && r.within)));
}

function readsConversations(group: ConditionGroup): boolean {
  return group.rules.some((r) => (r.type === 'group' ? readsConversations(r) : r.type === 'conversation'));
}

/** Whether an edge leaves `source` through `handle` into `target`. */
export function firesInto(flow: CompiledFlow, source: string, handle: string, target: string): boolean {
  return flow.edges.has(`${source}\u0000${handle}\u0000${target}`);
}

/** Targets of the edges leaving `source` through `handle`. */
export function targetsOf(flow: CompiledFlow, source: string, handle: string): readonly number[] {
  return flow.out.get(`${source}\u0000${handle}`) ?? [];
}
