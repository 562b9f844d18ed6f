import type { AttributeSpec, Choice, PopulationSpec, ReplySpec } from '../engine';
import { jsonPath, type FlowDocument, type Problem, type Scalar } from '../flow';
import type { AttributeDistribution, AudienceModel, ReplyBehaviour } from './audience-model';
import { flowMentions } from './derive-audience';

export interface ForecastRun {
  days: number;
  seed: number;
  start?: number;
}

/**
 * The population spec that draws `model`'s audience for one run of `doc`. Problems name what
 * in the model does not fit the flow (a reply behaviour for a step that is not a send step).
 * Values of a short `{"pro": 0.2}` distribution are text; where the flow compares that
 * attribute only with numbers (or only with true/false), they are read as such.
 *
 * @example audienceSpec(parseAudienceJson(text).model, doc, { days: 30, seed: 1 }).spec
 */
export function audienceSpec(model: AudienceModel, doc: FlowDocument, run: ForecastRun): { spec: PopulationSpec; problems: Problem[] } {
  const problems: Problem[] = [];
  const mentions = flowMentions(doc);
  const spec: PopulationSpec = {
    users: model.size,
    days: run.days,
    seed: run.seed,
    ...(run.start !== undefined ? { start: run.start } : {}),
    // The model says how often contacts do what exits look for; nothing is added by chance.
    exitChance: 0,
  };
  if (model.attributes) {
    spec.attributes = Object.fromEntries(Object.entries(model.attributes).map(([name, d]) => [name, attributeSpec(d, mentions.attributes.get(name)?.values ?? [])]));
  }
  if (model.timezones) spec.timezones = weighted(Object.entries(model.timezones));
  if (model.tags) spec.tags = { ...model.tags };
  if (model.segments) spec.segments = { ...model.segments };
  if (model.events) spec.eventRates = Object.fromEntries(Object.entries(model.events).map(([name, e]) => [name, e.perDay]));
  if (model.replies) Object.assign(spec, baseReplies(model.replies));
  if (model.repliesByStep) {
    const sends = new Map(doc.nodes.filter((n) => n.type === 'send').map((n) => [n.id, n]));
    spec.repliesByNode = {};
    for (const [step, r] of Object.entries(model.repliesByStep)) {
      if (!sends.has(step)) {
        const known = [...sends.values()].map((n) => `"${n.data.label || n.id}" (${n.id})`).join(', ');
        problems.push({ severity: 'error', code: 'audience.unknown-step', message: `repliesByStep names "${step}", which is not a send step of "${doc.campaign.name}"${known ? `; its send steps are ${known}` : ''}.`, path: jsonPath(['repliesByStep', step]) });
        continue;
      }
      spec.repliesByNode[step] = replySpec(r);
    }
  }
  return { spec, problems };
}

function attributeSpec(d: AttributeDistribution, flowValues: Scalar[]): AttributeSpec {
  if ('values' in d && Array.isArray(d.values)) return { values: d.values.map((v) => v.value), weights: d.values.map((v) => v.weight), ...(d.missing !== undefined ? { missing: d.missing } : {}) };
  if ('min' in d && 'max' in d && typeof d.min === 'number' && typeof d.max === 'number') return { min: d.min, max: d.max, ...(d.integer ? { integer: true } : {}), ...(d.missing !== undefined ? { missing: d.missing as number } : {}) };
  const entries = Object.entries(d as Record<string, number>);
  const kinds = new Set(flowValues.map((v) => typeof v));
  const read = (key: string): Scalar => {
    if (kinds.size === 1 && kinds.has('number') && key.trim() !== '' && Number.isFinite(Number(key))) return Number(key);
    if (kinds.size === 1 && kinds.has('boolean') && (key === 'true' || key === 'false')) return key === 'true';
    return key;
  };
  return { values: entries.map(([k]) => read(k)), weights: entries.map(([, w]) => w) };
}

function weighted<T>(entries: [T, number][]): Choice<T> {
  return { values: entries.map(([v]) => v), weights: entries.map(([, w]) => w) };
}

function replySpec(r: ReplyBehaviour): ReplySpec {
  return {
    ...(r.probability !== undefined ? { probability: r.probability } : {}),
    ...(r.delayMinutes !== undefined ? { delayMinutes: r.delayMinutes } : {}),
    ...(r.texts ? { texts: weighted(r.texts.map((t) => [t.text, t.weight])) } : {}),
  };
}

function baseReplies(r: ReplyBehaviour): Pick<PopulationSpec, 'replyProbability' | 'replyDelayMinutes' | 'replies'> {
  const s = replySpec(r);
  return {
    ...(s.probability !== undefined ? { replyProbability: s.probability } : {}),
    ...(s.delayMinutes !== undefined ? { replyDelayMinutes: s.delayMinutes } : {}),
    ...(s.texts ? { replies: s.texts } : {}),
  };
}
