import { describe, expect, it } from 'vitest';
import { runPopulation } from '../../../src-shared/engine/index';
import { populationOverlay } from '../overlay-model';
import { createDrillDown, toPopulationView } from './population-data';
import { populationInstant } from './population-instant';
import { edgeCountAt, nodeCountsAt } from './timeline-counts';
import { onboarding } from '../test-fixtures';

const doc = onboarding();
const spec = { users: 3000, days: 14, seed: 7 };
const result = runPopulation(doc, spec);
const view = toPopulationView('t', doc, spec, result, 0);
const last = view.timeline.buckets - 1;

describe('a population at one slider instant', () => {
  it('at the end of the period equals the run’s totals', () => {
    const end = populationInstant(view, last);
    expect(end).toMatchObject({ final: true, timed: true, entered: view.journeys, ...view.outcomes });
    expect(end.edges).toEqual(view.edgeVolumes);
  });

  it('never shows an edge busier than the step it leads to, at any instant (day 3 showed 0 under an edge of 100 %)', () => {
    const incoming = new Map<string, number>();
    for (const e of doc.edges) incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
    let checked = 0;
    for (let b = 0; b <= last; b += Math.ceil(last / 40)) {
      const overlay = populationOverlay(doc, view, b);
      const instant = populationInstant(view, b);
      for (const e of doc.edges) {
        const target = overlay.nodes[e.target]!;
        if (target.kind !== 'population') throw new Error('not a population overlay');
        expect(overlay.edges[e.id]!.volume).toBe(instant.edges[e.id]);
        // A step reached by one edge only has had exactly as many arrivals as that edge fired.
        if (incoming.get(e.target) === 1) expect(instant.edges[e.id], `${e.id} at bucket ${b}`).toBe(target.entered);
        else expect(instant.edges[e.id]!).toBeLessThanOrEqual(target.entered);
        checked++;
      }
      expect(instant.entered).toBe(instant.ended + instant.exited + instant.running);
      expect(instant.running).toBeGreaterThanOrEqual(0);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('moves with the slider: on day 3 fewer journeys have ended than at the end', () => {
    const day3 = populationInstant(view, Math.floor((2 * 86_400_000) / view.timeline.step));
    const end = populationInstant(view, last);
    expect(day3.final).toBe(false);
    expect(day3.entered).toBeGreaterThan(0);
    expect(day3.ended).toBeLessThan(end.ended);
    expect(day3.running).toBeGreaterThan(end.running);
  });

  it('lists in the drill-down the users the badge counts, in their state at the slider’s instant', () => {
    const drill = createDrillDown(doc, spec, result);
    const day3 = Math.floor((2.5 * 86_400_000) / view.timeline.step);
    for (const b of [day3, last]) {
      const overlay = populationOverlay(doc, view, b);
      const at = view.timeline.start + b * view.timeline.step;
      for (const nodeId of ['welcome', 'day1', 'reply', 'day4']) {
        const o = overlay.nodes[nodeId]!;
        if (o.kind !== 'population') throw new Error('not a population overlay');
        const page = drill({ nodeId, outcome: 'all', search: '', offset: 0, limit: 1e6, at });
        expect(page.reached, `${nodeId} at bucket ${b}`).toBe(o.entered);
        expect(page.rows.filter((r) => r.here).length, `${nodeId} waiting at bucket ${b}`).toBe(o.waiting);
        // Nobody shows as finished before the instant they finished.
        const finished = drill({ nodeId, outcome: 'ended', search: '', offset: 0, limit: 1, at }).total + drill({ nodeId, outcome: 'exited', search: '', offset: 0, limit: 1, at }).total;
        expect(finished + drill({ nodeId, outcome: 'running', search: '', offset: 0, limit: 1, at }).total).toBe(page.reached);
      }
    }
    const mid = drill({ nodeId: 'welcome', outcome: 'ended', search: '', offset: 0, limit: 1, at: view.timeline.start + day3 * view.timeline.step });
    const end = drill({ nodeId: 'welcome', outcome: 'ended', search: '', offset: 0, limit: 1 });
    expect(mid.total).toBeLessThan(end.total);
  });

  it('falls back to labelled totals for a run saved before the timeline kept edges and outcomes', () => {
    const { edgeTimes: _e, edgeIds: _i, outcomes: _o, ...timeline } = view.timeline;
    const old = populationInstant({ ...view, timeline }, 0);
    expect(old).toMatchObject({ timed: false, entered: view.journeys, ended: view.outcomes.ended });
    expect(old.edges).toEqual(view.edgeVolumes);
  });

  it('reads a run saved with counts per instant (before the event columns) as it was saved', () => {
    const { arrivals: _a, waitStarts: _s, waitEnds: _w, edgeTimes: _e, ...rest } = view.timeline;
    const n = rest.nodeIds.length;
    const entered = new Int32Array(rest.buckets * n);
    const waiting = new Int32Array(rest.buckets * n);
    const edges = new Int32Array(rest.buckets * rest.edgeIds!.length);
    for (let b = 0; b < rest.buckets; b++) {
      rest.nodeIds.forEach((_, i) => ({ entered: entered[b * n + i]!, waiting: waiting[b * n + i]! } = nodeCountsAt(view.timeline, b, i)));
      rest.edgeIds!.forEach((_, e) => (edges[b * rest.edgeIds!.length + e] = edgeCountAt(view.timeline, b, e)!));
    }
    const saved = { ...view, timeline: { ...rest, entered, waiting, edges } };
    for (const b of [0, Math.floor(last / 3), last]) {
      expect(populationOverlay(doc, saved, b)).toEqual(populationOverlay(doc, view, b));
      expect(populationInstant(saved, b)).toEqual(populationInstant(view, b));
    }
  });
});
