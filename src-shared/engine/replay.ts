import type { FlowDocument } from '../flow';
import type { PopulationResult } from './population';
import { previewJourney, type PreviewResult } from './preview';
import { DEFAULT_START, syntheticUser, type PopulationSpec } from './synth';

/**
 * One user of a population run replayed on the XState machine, with explanations and seekable
 * tapes: users are generated from (seed, index) alone, so nothing but the spec needs keeping.
 * The replay's steps equal that user's packed traces (tested), so a UI can open any journey of
 * a 100,000-user run and seek in it.
 *
 * @example replayUser(doc, spec, result.traces.userOf(k)).tapes[0].seekTime(t)
 */
export function replayUser(doc: FlowDocument, spec: PopulationSpec, userIndex: number): PreviewResult {
  const u = syntheticUser(doc.campaign, spec, userIndex);
  const from = spec.start ?? DEFAULT_START;
  return previewJourney(doc, { profile: u.profile, script: u.actions, from, until: from + spec.days * 86_400_000, onSend: u.onSend });
}

/** Indexes of the packed journeys of user `userIndex` in a population result. */
export function journeysOfUser(r: PopulationResult, userIndex: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < r.traces.journeys; k++) if (r.traces.userOf(k) === userIndex) out.push(k);
  return out;
}
