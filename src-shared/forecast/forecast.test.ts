import { describe, expect, it } from 'vitest';
import { runPopulation, type PopulationResult } from '../engine';
import type { FlowDocument } from '../flow';
import { example } from '../testing/flow-builders';
import { audienceSpec, checkAudience, deriveAudience, parseAudienceJson, summarizeRuns, type AudienceModel } from './index';

const ISSUE_EXAMPLE = `{"size": 20000, "attributes": {"plan": {"pro": 0.2, "trial": 0.8}}, "events":
  {"user.signed_up": {"perDay": 3}}, "replies": {"probability": 0.6, "texts": [{"text":
  "ana@example.com", "weight": 0.6}, {"text": "later", "weight": 0.4}]}}`;

function forecast(doc: FlowDocument, model: AudienceModel, days = 30, seed = 1): PopulationResult {
  const { spec, problems } = audienceSpec(model, doc, { days, seed });
  expect(problems).toEqual([]);
  return runPopulation(doc, spec);
}

/** The onboarding example with its "Activated?" filter testing the plan instead. */
function onboardingByPlan(): FlowDocument {
  const doc = example('onboarding-drip');
  const filter = doc.nodes.find((n) => n.id === 'activated')!;
  if (filter.type !== 'filter') throw new Error('expected a filter');
  filter.data.condition = { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }] };
  return doc;
}

describe('audience model file', () => {
  it('reads the minimal form of the issue, everything but size optional', () => {
    const r = parseAudienceJson(ISSUE_EXAMPLE);
    expect(r.ok).toBe(true);
    expect(parseAudienceJson('{"size": 5}').ok).toBe(true);
  });

  it('locates every mistake by JSON path, with a sentence saying what is wrong', () => {
    const bad = checkAudience({ attributes: { score: { min: 10, max: 2 }, plan: { pro: 0 } }, timezones: { 'Mars/Olympus': 1 }, size: 10 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.path).sort()).toEqual(['$.attributes.plan', '$.attributes.score.min', '$.timezones["Mars/Olympus"]']);
    expect(bad.problems.find((p) => p.path === '$.attributes.score.min')?.message).toMatch(/min \(10\) is above max \(2\)/);
    const missing = checkAudience({ events: { 'a.b': { perDay: -1 } } });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.size', '$.events["a.b"].perDay']));
    const syntax = parseAudienceJson('{"size": 10,\n "tags": {"vip": 0.2,}}');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.problems[0]!.message).toMatch(/line 2, column \d+/);
  });

  it('refuses a reply behaviour for a step that is not a send step of the flow, naming the real ones', () => {
    const doc = example('collect-name-and-email');
    const r = audienceSpec({ size: 10, repliesByStep: { 'email-reply': { probability: 1 } } }, doc, { days: 1, seed: 1 });
    expect(r.problems[0]!.path).toBe('$.repliesByStep["email-reply"]');
    expect(r.problems[0]!.message).toContain('"Ask for email" (ask-email)');
  });
});

describe('forecasts of an audience', () => {
  it('a filter on plan = pro matches about the 20% of the audience on the pro plan', () => {
    const doc = onboardingByPlan();
    const model: AudienceModel = { size: 5_000, attributes: { plan: { pro: 0.2, trial: 0.8 } } };
    const r = forecast(doc, model);
    const n = r.nodes['activated']!;
    const share = (n.completed.match ?? 0) / n.entered;
    expect(n.entered).toBeGreaterThan(4_000);
    // Binomial: sd of the share is about 0.006 at this size; 4 sd either side.
    expect(share).toBeGreaterThan(0.175);
    expect(share).toBeLessThan(0.225);
    // The synthetic default population has no pro plan at all: the old forecast of 0.
    expect(runPopulation(doc, { users: 2_000, days: 30, seed: 1 }).nodes['activated']!.completed.match ?? 0).toBe(0);
  });

  it('replies that contain an email reach "Hand to support"', () => {
    const doc = example('collect-name-and-email');
    const model: AudienceModel = { size: 3_000, replies: { probability: 0.9, delayMinutes: 2, texts: [{ text: 'ana@example.com', weight: 0.6 }, { text: 'later', weight: 0.4 }] } };
    const withEmails = forecast(doc, model, 3);
    expect(withEmails.nodes['to-support']!.entered).toBeGreaterThan(500);
    const noEmails = forecast(doc, { ...model, replies: { ...model.replies, texts: [{ text: 'later', weight: 1 }] } }, 3);
    expect(noEmails.nodes['to-support']!.entered).toBe(0);
  });

  it('entry frequency matters: "every time" at 3 sign-ups a day gives about 3x the journeys of "once"', () => {
    const once = example('onboarding-drip');
    const every: FlowDocument = { ...once, campaign: { ...once.campaign, entryFrequency: { type: 'every_time' } } };
    const model: AudienceModel = { size: 3_000, events: { 'user.signed_up': { perDay: 3 } } };
    const a = forecast(once, model, 1);
    const b = forecast(every, model, 1);
    // Poisson(3) sign-ups in a day: 3 journeys per user "every time", 1 - e^-3 = 0.95 "once".
    expect(b.journeys / a.journeys).toBeGreaterThan(2.8);
    expect(b.journeys / a.journeys).toBeLessThan(3.5);
  });

  it('a flow forecasts every branch with no setup: the derived audience reaches them', () => {
    const doc = onboardingByPlan();
    const derived = deriveAudience(doc, 3_000);
    expect(checkAudience(derived).ok).toBe(true);
    expect(derived.attributes?.plan).toBeDefined();
    const r = forecast(doc, derived);
    expect(r.nodes['activated']!.completed.match).toBeGreaterThan(0);
    expect(r.nodes['activated']!.completed.else).toBeGreaterThan(0);
    const chat = example('collect-name-and-email');
    const c = forecast(chat, deriveAudience(chat, 3_000), 3);
    expect(c.nodes['to-support']!.entered).toBeGreaterThan(0);
    expect(c.nodes['nudge']!.entered).toBeGreaterThan(0);
  });

  it('the same seed gives the same forecast; several seeds give a median inside its range', () => {
    const doc = onboardingByPlan();
    const model: AudienceModel = { size: 1_000, attributes: { plan: { pro: 0.2, trial: 0.8 } } };
    expect(forecast(doc, model, 30, 7).nodes).toEqual(forecast(doc, model, 30, 7).nodes);
    const seeds = [1, 2, 3, 4, 5];
    const s = summarizeRuns(seeds.map((seed) => forecast(doc, model, 30, seed)), seeds);
    const match = s.nodes['activated']!.completed.match!;
    expect(s.runs).toBe(5);
    expect(match.p5).toBeLessThanOrEqual(match.median);
    expect(match.median).toBeLessThanOrEqual(match.p95);
    expect(match.p95 - match.p5).toBeGreaterThan(0);
    expect(match.median).toBeGreaterThan(150);
    expect(match.median).toBeLessThan(250);
  });
});
