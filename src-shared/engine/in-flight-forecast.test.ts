import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { edge, example } from '../testing/flow-builders';
import { forecastInFlight, startingAt } from './in-flight-forecast';

const r1 = example('collect-name-and-email');
/** r2: no nudge; a name that times out ends the journey. */
const r2: FlowDocument = { ...r1, nodes: r1.nodes.filter((n) => n.id !== 'nudge'), edges: [...r1.edges.filter((e) => e.target !== 'nudge'), edge('name-reply', 'done', 'timeout')] };

describe('forecast of the journeys in flight', () => {
  it('starts a contact at the step it waits at, without the steps before', () => {
    const doc = startingAt(r1, 'name-reply');
    expect(doc.edges.filter((e) => e.source === 'trigger').map((e) => e.target)).toEqual(['name-reply']);
    expect(doc.campaign.audience).toBeNull();
  });

  it('simulates the waiting contacts forward on each version, per step, the same every time', () => {
    const groups = [{ nodeId: 'name-reply', count: 200 }];
    const a = forecastInFlight(r1, groups);
    const b = forecastInFlight(r2, groups);
    expect(forecastInFlight(r1, groups)).toEqual(a);
    // Nobody is asked for their name again: those steps ran before.
    expect(a.nodes['ask-name']?.sent ?? 0).toBe(0);
    // Some reply (the preview's reply chance), the others time out after ten minutes.
    expect(a.nodes['ask-email']!.sent).toBeGreaterThan(0);
    expect(a.nodes['nudge']!.sent).toBe(200 - a.nodes['ask-email']!.sent);
    // r2 has no nudge: those contacts finish at the end instead.
    expect(b.nodes['nudge']).toBeUndefined();
    expect(b.nodes['ask-email']!.sent).toBe(a.nodes['ask-email']!.sent);
    expect(b.totals.completed + b.totals.exited + b.totals.waiting).toBe(200);
    expect(a.journeys).toBe(200);
  });

  it('samples a large step and scales, and leaves out a step the version does not have', () => {
    const f = forecastInFlight(r2, [
      { nodeId: 'email-reply', count: 10_000 },
      { nodeId: 'nudge', count: 5 },
    ], { sampleLimit: 500 });
    expect(f.simulated).toBe(500);
    expect(f.journeys).toBe(10_000);
    expect(f.totals.completed + f.totals.exited + f.totals.waiting).toBeCloseTo(10_000, 6);
  });
});
