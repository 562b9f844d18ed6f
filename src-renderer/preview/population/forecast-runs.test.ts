import { describe, expect, it } from 'vitest';
import { runPopulation } from '../../../src-shared/engine/index';
import { audienceSpec, type AudienceModel } from '../../../src-shared/forecast/index';
import { example } from '../../../src-shared/testing/flow-builders';
import { toPopulationView } from './population-data';
import { populationInstant } from './population-instant';
import { combineRuns, edgeRangeAt, forecastSeeds, nodeRangeAt, outcomeRangeAt, typicalRun } from './forecast-runs';

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

  it('shows the most typical run, inside the p5-p95 range of every run', () => {
    const { kept, spread } = combineRuns(views, seeds);
    const view = views[kept]!;
    expect(spread).toMatchObject({ runs: 5, seeds, keptSeed: seeds[kept] });
    const last = view.timeline.buckets - 1;
    const [lo, hi] = nodeRangeAt(view, spread, 'tips', last)!;
    const tips = populationInstant(view, last).edges['e-activated-match-tips']!;
    const all = views.map((v) => populationInstant(v, last).edges['e-activated-match-tips']!).sort((a, b) => a - b);
    expect(lo).toBeGreaterThanOrEqual(all[0]!);
    expect(hi).toBeLessThanOrEqual(all[4]!);
    expect(hi).toBeGreaterThan(lo);
    expect(tips).toBeGreaterThanOrEqual(lo);
    expect(tips).toBeLessThanOrEqual(hi);
    expect(edgeRangeAt(view, spread, 'e-activated-match-tips', last)).toEqual([lo, hi]);
    const [elo, ehi] = outcomeRangeAt(view, spread, 0, last)!;
    expect(elo).toBeLessThanOrEqual(view.journeys);
    expect(ehi).toBeGreaterThanOrEqual(view.journeys);
  });

  it('picks the run nearest the medians of every figure', () => {
    const at = (v: (typeof views)[number], journeys: number) => ({ ...v, journeys, converted: 0, nodes: {}, edgeVolumes: {}, exits: {} });
    expect(typicalRun([at(views[0]!, 100), at(views[1]!, 130), at(views[2]!, 90), at(views[3]!, 101), at(views[4]!, 400)])).toBe(3);
  });
});
