import type { FlowDocument, FlowNode } from '../flow';
import { runtimeOf } from '../flow/nodes/runtimes';
import { incompatibility, type PersistedJourney } from './journey-state';
import { nodeOfRegion, regionKey } from './machine';

/** Node kinds a waiting journey can be moved at: what they wait for is the same thing in both versions. */
const MOVABLE_KINDS: ReadonlySet<FlowNode['type']> = new Set(['wait', 'inbound-message']);

/** Whether journeys waiting at a node of `from` can be moved to the same node id in `to`, and why not. */
export type MoveCheck = { ok: true } | { ok: false; why: string };

/**
 * Whether journeys waiting at `nodeId` in `from` can be moved to the node with the same id in
 * `to`: it must still exist there and be the same kind of wait (a timer or a reply), so the
 * moved journey waits for the same thing it was waiting for.
 *
 * @example moveCheck(r1, r2, 'name-reply') // { ok: false, why: 'This step is not in the new version…' }
 */
export function moveCheck(from: Pick<FlowDocument, 'nodes'>, to: Pick<FlowDocument, 'nodes'>, nodeId: string): MoveCheck {
  const a = from.nodes.find((n) => n.id === nodeId);
  const b = to.nodes.find((n) => n.id === nodeId);
  if (!b) return { ok: false, why: 'This step is not in the new version: nobody can be moved to it.' };
  if (!a) return { ok: false, why: 'This step is not in the live version.' };
  if (!MOVABLE_KINDS.has(a.type)) return { ok: false, why: 'Only contacts waiting at a Wait or a reply step can be moved.' };
  if (a.type !== b.type) return { ok: false, why: `This step is a ${b.type} step in the new version, not a ${a.type} step.` };
  return { ok: true };
}

export type MoveResult = { ok: true; state: PersistedJourney } | { ok: false; error: string };

/**
 * A persisted journey of `from` rewritten to run on `to` (revision `toRevision`) at the same
 * steps: regions of steps both versions have keep their state, steps only `to` has start idle
 * (a start step as done: the journey has started), steps it no longer has are dropped. Timers
 * keep their due time. Refused unless every step the journey waits at passes {@link moveCheck}.
 * The result is checked to restore with `to`.
 */
export function moveJourney(saved: PersistedJourney, from: FlowDocument, to: FlowDocument, toRevision: string): MoveResult {
  const before = incompatibility(from, saved.revision, saved);
  if (before) return { ok: false, error: before };
  const snapshot = saved.snapshot as unknown as { value: unknown; context: { due: Record<string, number | null> } };
  const regions = typeof snapshot.value === 'object' && snapshot.value ? (snapshot.value as { running?: Record<string, string> }).running : undefined;
  if (!regions) return { ok: false, error: 'The journey is not running: there is nothing to move.' };
  const waitingAt = Object.entries(regions)
    .filter(([, s]) => s === 'waiting')
    .map(([k]) => nodeOfRegion(k) ?? k);
  if (waitingAt.length === 0) return { ok: false, error: 'The journey waits nowhere: there is nothing to move.' };
  for (const node of waitingAt) {
    const check = moveCheck(from, to, node);
    if (!check.ok) return { ok: false, error: `Step "${node}": ${check.why}` };
  }
  const running: Record<string, string> = {};
  for (const n of to.nodes) {
    const key = regionKey(n.id);
    running[key] = regions[key] ?? (runtimeOf(n).starts ? 'done' : 'idle');
  }
  const ids = new Set(to.nodes.map((n) => n.id));
  const due = Object.fromEntries(Object.entries(snapshot.context.due).filter(([id]) => ids.has(id)));
  const state: PersistedJourney = {
    ...saved,
    revision: toRevision,
    snapshot: { ...saved.snapshot, value: { running }, context: { ...snapshot.context, due } } as unknown as PersistedJourney['snapshot'],
  };
  const after = incompatibility(to, toRevision, state);
  return after ? { ok: false, error: after } : { ok: true, state };
}
