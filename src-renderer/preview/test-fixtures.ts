import { importFlowJson, type FlowDocument } from '../../src-shared/flow/index';
import onboardingText from '../../resources/examples/onboarding-drip.json?raw';

/** The onboarding example (14-day drip with a reply branch and two global exits). */
export function onboarding(): FlowDocument {
  const r = importFlowJson(onboardingText);
  if (!r.ok) throw new Error('onboarding-drip.json does not import');
  return r.document;
}
