import type { NodeKind, NodeOfKind } from '../flow';
import type { CompiledFlow } from './graph';
import type { JourneyData, Millis } from './types';

/** What a node does the moment one of its inbound edges fires. */
export type Arrival =
  | { kind: 'complete'; handle: string; why: string }
  | { kind: 'wait'; due: Millis | null; why: string }
  | { kind: 'end'; why: string };

/**
 * The behaviour of one node kind in a journey, beside its definition
 * (`src-shared/flow/nodes/<kind>-runtime.ts`). The XState machine, the fast path and the
 * backend mappings look it up in `nodeRuntimes` instead of switching on the kind, so a new kind
 * is one folder of work (docs/adding-a-node-kind.md). Every function is a pure function of the
 * journey data (effects mutate the draft they are given): the machine and the fast path call
 * the same ones in the same order, which is why their traces are identical.
 */
export interface NodeRuntime<K extends NodeKind> {
  /** The entry trigger: completes through `next` when the journey starts (its region listens for `journey.start`). */
  readonly starts: boolean;
  /** Whether a user can be held here: the machine gives its region a `waiting` state. */
  readonly canWait: boolean;
  /** What happens when an inbound edge fires: complete through a handle, wait, or end the journey. */
  arrive(flow: CompiledFlow, d: JourneyData, node: NodeOfKind<K>): Arrival;
  /** The handle a waiting node completes through when its timer is due, and the why (when explaining). */
  readonly timer: { handle: string; why: string };
  /** Whether a user's message completes this waiting node (only kinds that wait for replies have it). */
  message?(node: NodeOfKind<K>, d: JourneyData, text: string): { matched: boolean; why: string };
  /** The node's effects as it completes (send a message, assign a conversation); returns the step's why. */
  complete?(flow: CompiledFlow, d: JourneyData, node: NodeOfKind<K>, why: string): string;
  /**
   * Whether this node's `complete` reads the path the journey took (`data.via`, through
   * `closestConversation`; `arrive` and `message` never may). The fast path writes `via` late:
   * before such a node completes, or when the journey's data is read.
   */
  readsPath?(node: NodeOfKind<K>): boolean;
  /** Chatwoot: how a refusal names this kind when a Chatwoot campaign has no such step; null when it can hold it. */
  readonly chatwootStep: string | null;
}

/** Helps each runtime file declare its runtime with the node type inferred. */
export function defineRuntime<K extends NodeKind>(_kind: K, runtime: NodeRuntime<K>): NodeRuntime<K> {
  return runtime;
}

/** The timer of kinds whose timer simply continues. */
export const TIMER_NEXT = { handle: 'next', why: 'timer due' } as const;
