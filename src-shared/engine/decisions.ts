import type { FlowNode } from '../flow';
import { runtimeOf } from '../flow/nodes/runtimes';
import { addDuration } from './calendar';
import { conditionHolds, evaluateCondition } from './conditions';
import type { CompiledFlow } from './graph';
import { enteredAt, envOf, step } from './journey-changes';
import type { Arrival } from './node-runtime';
import type { EventRecord, JourneyData, Millis, UserProfile } from './types';

/**
 * The decisions of the journey, as pure functions of its data. What a node does is its kind's
 * runtime (src-shared/flow/nodes/<kind>-runtime.ts), looked up here: the XState machine's
 * guards and actions and the fast stepper both call these, so they cannot disagree.
 */
export type { Arrival } from './node-runtime';

/** What a node does the moment one of its inbound edges fires (its runtime's `arrive`). */
export function arrival(flow: CompiledFlow, d: JourneyData, node: FlowNode): Arrival {
  return runtimeOf(node).arrive(flow, d, node);
}

/** The handle a waiting node completes with when its timer is due, and why (its runtime's `timer`). */
export function timerOf(node: FlowNode): { handle: string; why: string } {
  return runtimeOf(node).timer;
}

/** Whether a user's message completes a waiting node (only kinds with a `message` runtime can). */
export function messageDecision(node: FlowNode, d: JourneyData, text: string): { matched: boolean; why: string } {
  const message = runtimeOf(node).message;
  return message ? message(node, d, text) : { matched: false, why: '' };
}

/** A node completes through `handle`: it stops waiting and its effects happen. */
export function complete(flow: CompiledFlow, d: JourneyData, node: string, handle: string, why: string): void {
  completeNode(flow, d, flow.nodes[flow.index.get(node)!]!, handle, why);
}

/**
 * {@link complete} for a node already looked up (the fast path knows nodes by index). `waited`:
 * whether `due` may hold a timer for the node, to remove; the fast path passes false, as it
 * writes `due` from its own arrays (a keyed delete on that object is slow).
 */
export function completeNode(flow: CompiledFlow, d: JourneyData, n: FlowNode, handle: string, why: string, waited = true): void {
  if (waited) delete d.due[n.id];
  const effects = runtimeOf(n).complete;
  step(d, n.id, handle, effects ? effects(flow, d, n, why) : why);
}

/** The first global exit that matches now, with why. `message` is the input being handled, if any. */
export function globalExit(flow: CompiledFlow, d: JourneyData): { id: string; why: string } | null {
  const goal = flow.doc.campaign.goal;
  if (goal?.exit && d.converted !== null) return { id: GOAL_EXIT, why: d.explain ? `converted${goal.name ? ` ("${goal.name}")` : ''}: the goal ends the journey` : '' };
  const exits = flow.doc.campaign.globalExits;
  if (exits.length === 0) return null;
  // One view of the journey for all exits: nothing changes while they are checked.
  const env = envOf(d, d.inputMessage);
  if (!d.explain) {
    for (const exit of exits) if (conditionHolds(exit.condition, env)) return { id: exit.id, why: '' };
    return null;
  }
  for (const exit of exits) {
    const r = evaluateCondition(exit.condition, env, d.explain);
    if (r.matched) return { id: exit.id, why: d.explain ? `global exit${exit.name ? ` "${exit.name}"` : ''}: ${r.why}` : '' };
  }
  return null;
}

/**
 * The conversion goal of a journey that has already ended (completed, or exited other than by
 * the goal): the contact's actions within the window after entry still convert it, with no
 * step (the journey has no more steps). This is what makes a holdout branch that ends at once
 * comparable with the branches that message: both count who converted within the window.
 * `profile` and `events` are the contact's own records now, not the ended journey's copies.
 */
export function checkGoalAfterEnd(flow: CompiledFlow, d: JourneyData, profile: UserProfile, events: readonly EventRecord[], at: Millis, message: string | null, entered = enteredAt(d)): void {
  const goal = flow.doc.campaign.goal;
  if (!goal || d.converted !== null || d.status === 'running') return;
  if (at > addDuration(entered, goal.within, flow.doc.campaign.timezone)) return;
  const env = { profile, events: events.filter((e) => e.at >= entered), conversations: d.conversations, message, now: at };
  if (evaluateCondition(goal.condition, env, false).matched) d.converted = at;
}

/** The exit reason of a journey that its conversion goal ended. */
export const GOAL_EXIT = 'goal';

/**
 * Checks the flow's conversion goal after a contact's action: met within the window after entry
 * (counting only events since entry), the journey is converted from then on. Returns the why of
 * the step that says so (the caller records it: `converted`, for the journey itself), or null.
 * Called by the machine and the fast path at the same point, so both record it alike.
 */
export function checkGoal(flow: CompiledFlow, d: JourneyData, entered = enteredAt(d)): string | null {
  const goal = flow.doc.campaign.goal;
  if (!goal || d.converted !== null || d.status !== 'running') return null;
  if (d.time > addDuration(entered, goal.within, flow.doc.campaign.timezone)) return null;
  const env = { ...envOf(d, d.inputMessage), events: d.events.filter((e) => e.at >= entered) };
  const r = evaluateCondition(goal.condition, env, d.explain);
  if (!r.matched) return null;
  d.converted = d.time;
  return d.explain ? `goal${goal.name ? ` "${goal.name}"` : ''} met: ${r.why}` : '';
}
