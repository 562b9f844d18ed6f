import { describe, expect, it } from 'vitest';
import { runPopulation } from '../../../src-shared/engine/index';
import { audienceSpec, type AudienceModel } from '../../../src-shared/forecast/index';
import { example } from '../../../src-shared/testing/flow-builders';
import { toPopulationView } from './population-data';
import { populationInstant } from './population-instant';
import { combineRuns, edgeRangeAt, forecastSeeds, nodeRangeAt, outcomeRangeAt } from './forecast-runs';

const doc = example('onboarding-drip');
const model: AudienceModel = { size: 600, attributes: { plan: { trial: 1 } }, events: { 'project.created': { perDay: 0.05 } } };
const seeds = forecastSeeds(1, 5);
const views = seeds.map((seed) => {
  const { spec } = audienceSpec(model, doc, { days: 14, seed });
  return toPopulationView(`run-${seed}`, doc, spec, runPopulation(doc, spec), 0);
});

describe('forecast over several runs', () => {
  it('seeds run on from the chosen one, 1 to 20 of them', () => {
    expect(forecastSeeds(7, 3)).toEqual([7, 8, 9]);
    expect(forecastSeeds(1, 0)).toEqual([1]);
    expect(forecastSeeds(1, 99)).toHaveLength(20);
  });

  it('shows the median of every count, inside its p5-p95 range, with the first run’s id', () => {
    const { view, spread } = combineRuns(views, seeds);
    expect(view.runId).toBe('run-1');
    expect(spread.runs).toBe(5);
    const matches = views.map((v) => v.nodes['activated']!.completed['match'] ?? 0).sort((a, b) => a - b);
    expect(view.nodes['activated']!.completed['match']).toBe(matches[2]);
    const last = view.timeline.buckets - 1;
    const [lo, hi] = nodeRangeAt(view, spread, 'tips', last)!;
    const tips = populationInstant(view, last).edges['e-activated-match-tips']!;
    expect(lo).toBeLessThanOrEqual(tips);
    expect(hi).toBeGreaterThanOrEqual(tips);
    expect(hi).toBeGreaterThan(lo);
    expect(edgeRangeAt(view, spread, 'e-activated-match-tips', last)).toEqual([lo, hi]);
  });

  it('keeps the slider’s invariants: an edge equals the step it leads to, outcomes add up', () => {
    const { view, spread } = combineRuns(views, seeds);
    const b = Math.floor(view.timeline.buckets / 3);
    const now = populationInstant(view, b);
    const welcome = view.timeline.nodeIds.indexOf('welcome');
    expect(now.edges['e-trigger-welcome']).toBe(view.timeline.entered[b * view.timeline.nodeIds.length + welcome]);
    expect(now.ended + now.exited + now.running).toBe(now.entered);
    const [lo, hi] = outcomeRangeAt(view, spread, 0, b)!;
    expect(lo).toBeLessThanOrEqual(now.entered);
    expect(hi).toBeGreaterThanOrEqual(now.entered);
  });
});
