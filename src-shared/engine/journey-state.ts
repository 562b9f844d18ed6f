import type { FlowDocument } from '../flow';
import { FastJourney } from './fast-journey';
import { fastJourneyOf, fastSnapshot, type PersistedSnapshot } from './fast-journey-state';
import { compileFlow, type CompiledFlow } from './graph';
import { createJourneyMachine, nodeOfRegion, regionKey, type JourneyMachine } from './machine';
import { MachineStepper } from './steppers';
import type { JourneyInput } from './types';

/**
 * A journey's state as a value to store: the XState persisted snapshot (regions keyed by node
 * id, see `regionKey`) plus the flow and revision it belongs to, so a store restores it only
 * with the flow version it was made with.
 */
export interface PersistedJourney {
  format: 1;
  flowId: string;
  /** The revision of the flow the journey entered with; it runs to its end on that version. */
  revision: string;
  snapshot: PersistedSnapshot;
}

export type RestoreResult<S = MachineStepper> = { ok: true; stepper: S } | { ok: false; error: string };

/**
 * The persisted form of a journey being stepped by `stepper`: the machine's snapshot, which a
 * fast journey gives too (fast-journey-state.ts), so either restores what the other saved.
 */
export function persistJourney(stepper: MachineStepper | FastJourney, flowId: string, revision: string): PersistedJourney {
  const snapshot = stepper instanceof FastJourney ? fastSnapshot(stepper) : stepper.actor.getPersistedSnapshot();
  return { format: 1, flowId, revision, snapshot };
}

/**
 * Restores a persisted journey with `doc` at `revision`. A journey saved with another revision,
 * or whose regions do not name exactly the flow's nodes (a node removed or inserted since), is
 * refused with a sentence saying why: restoring it anyway would crash on an unknown region or
 * silently start a new node's region from scratch.
 *
 * @example
 * const r = restoreJourney(doc, 'r3', saved, machine);
 * if (!r.ok) markFailed(journeyId, r.error); else r.stepper.tick(now);
 */
export function restoreJourney(doc: FlowDocument, revision: string, saved: unknown, machine: JourneyMachine = createJourneyMachine(doc)): RestoreResult {
  return restoreWith(doc, revision, saved, (snapshot, context) => new MachineStepper(machine, context, snapshot));
}

/**
 * {@link restoreJourney} into the fast path (the runner steps journeys this way), with the same
 * refusals, and one more for a state the machine cannot have written (a node waiting without a
 * timer entry, a region state its kind does not have, data of the wrong shape). The saved
 * context is taken over, not copied: pass a value parsed for this call.
 */
export function restoreFastJourney(doc: FlowDocument, revision: string, saved: unknown, flow: CompiledFlow = compileFlow(doc)): RestoreResult<FastJourney> {
  return restoreWith(doc, revision, saved, (snapshot) => fastJourneyOf(flow, snapshot));
}

/** Checks `saved` against the flow, then builds a stepper from it; whatever the build throws becomes the refusal's reason. */
function restoreWith<S>(doc: FlowDocument, revision: string, saved: unknown, build: (snapshot: PersistedSnapshot, context: JourneyInput) => S): RestoreResult<S> {
  const problem = incompatibility(doc, revision, saved);
  if (problem) return { ok: false, error: problem };
  const p = saved as PersistedJourney;
  const context = (p.snapshot as unknown as { context: JourneyInput }).context;
  try {
    return { ok: true, stepper: build(p.snapshot, context) };
  } catch (e) {
    return { ok: false, error: `The saved state of journey "${context.journeyId}" cannot be restored: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Why `saved` cannot run with `doc` at `revision`, or null when it can. */
export function incompatibility(doc: FlowDocument, revision: string, saved: unknown): string | null {
  if (!saved || typeof saved !== 'object' || (saved as { format?: unknown }).format !== 1) return 'The saved journey state is not in a known format (format 1 expected).';
  const p = saved as PersistedJourney;
  if (p.flowId !== doc.campaign.id) return `The saved journey belongs to flow "${p.flowId}", not "${doc.campaign.id}".`;
  if (p.revision !== revision) return `The saved journey runs revision ${p.revision} of flow "${p.flowId}", not revision ${revision}.`;
  const snap = p.snapshot as { value?: unknown; context?: unknown } | undefined;
  if (!snap || typeof snap.context !== 'object' || snap.context === null) return 'The saved journey state has no context.';
  const value = snap.value;
  if (typeof value === 'string') return value === 'ended' || value === 'exited' ? null : `The saved journey is in an unknown state "${value}".`;
  const regions = value && typeof value === 'object' ? (value as { running?: unknown }).running : undefined;
  if (!regions || typeof regions !== 'object') return 'The saved journey state has no node regions.';
  const saved_ = Object.keys(regions);
  const wanted = new Set(doc.nodes.map((n) => regionKey(n.id)));
  const unknown = saved_.filter((k) => !wanted.has(k)).map((k) => nodeOfRegion(k) ?? k);
  const missing = doc.nodes.filter((n) => !(regionKey(n.id) in regions)).map((n) => n.id);
  if (unknown.length || missing.length) {
    const parts = [unknown.length ? `it has nodes the flow no longer has (${unknown.join(', ')})` : '', missing.length ? `the flow has nodes it does not know (${missing.join(', ')})` : ''].filter(Boolean);
    return `The saved journey does not match revision ${revision} of flow "${doc.campaign.id}": ${parts.join('; ')}.`;
  }
  return null;
}
