import type { FlowDocument } from '../../../src-shared/flow/index';
import { deriveAudience, type AudienceModel } from '../../../src-shared/forecast/index';

const kept = new WeakMap<FlowDocument, { size: number; model: AudienceModel }>();

/**
 * The audience derived from a flow (`deriveAudience`), kept for the last size asked of each
 * document: the audience panel shows it and the run the panel starts draws it, so the click
 * that starts a run does not derive it again.
 */
export function derivedAudience(doc: FlowDocument, size: number): AudienceModel {
  const last = kept.get(doc);
  if (last?.size === size) return last.model;
  const model = deriveAudience(doc, size);
  kept.set(doc, { size, model });
  return model;
}
