import { describe, expect, it } from 'vitest';
import type { InFlightForecast } from '../../src-shared/engine/in-flight-forecast';
import type { LiveStats } from '../../src-shared/host/live-contract';
import { edge, example } from '../../src-shared/testing/flow-builders';
import { chosenMoves, figure, forecastGroups, forecastRows, impactRows, moveOption } from './impact-model';

const live = example('collect-name-and-email');
const next = { ...live, nodes: live.nodes.filter((n) => n.id !== 'nudge'), edges: [...live.edges.filter((e) => e.target !== 'nudge'), edge('name-reply', 'done', 'timeout')] };
const stats = (revision: string, active: Record<string, number>): LiveStats => ({ flowId: 'f', revision, generatedAt: '', journeys: {}, nodes: Object.entries(active).map(([nodeId, n]) => ({ nodeId, active: n, entered: n, completed: {}, exited: 0, failed: 0 })) });
const label = (id: string) => id.toUpperCase();

describe('the publish-impact model', () => {
  it('says per revision and step who is in flight and whether they can move to the new version', () => {
    const rows = impactRows(live, next, [stats('r4', { 'name-reply': 3, 'ask-name': 0 }), stats('r2', { 'name-reply': 2, nudge: 1 })], label);
    expect(rows.map((r) => [r.revision, r.nodeId, r.inFlight, r.move.ok])).toEqual([
      ['r4', 'name-reply', 3, true],
      ['r2', 'name-reply', 2, true],
      ['r2', 'nudge', 1, false],
    ]);
    expect(rows[2]!.move).toMatchObject({ why: expect.stringContaining('not in the new version') });
    expect(forecastGroups(rows)).toEqual([
      { nodeId: 'name-reply', count: 5 },
      { nodeId: 'nudge', count: 1 },
    ]);
    // Without the live document nothing can be moved, and it says why.
    expect(impactRows(null, next, [stats('r4', { 'name-reply': 1 })], label)[0]!.move).toMatchObject({ ok: false, why: expect.stringContaining('could not be read') });
  });

  it('lines the two forecasts up per step, the new version’s order first, and marks what differs', () => {
    const f = (nodes: InFlightForecast['nodes']): InFlightForecast => ({ nodes, totals: { sent: 0, exited: 0, completed: 0, waiting: 0 }, simulated: 5, journeys: 5 });
    const stay = f({ nudge: { sent: 2, exited: 0, completed: 0, waiting: 0 }, 'ask-email': { sent: 3, exited: 0, completed: 0, waiting: 0 }, done: { sent: 0, exited: 0, completed: 5, waiting: 0 } });
    const moved = f({ 'ask-email': { sent: 3, exited: 0, completed: 0, waiting: 0 }, done: { sent: 0, exited: 0, completed: 5, waiting: 0 } });
    const rows = forecastRows(stay, moved, { live, next }, label);
    expect(rows.map((r) => [r.nodeId, r.differs])).toEqual([
      ['ask-email', false],
      ['done', false],
      ['nudge', true],
    ]);
    expect(rows[2]!.moved).toEqual({ sent: 0, exited: 0, completed: 0, waiting: 0 });
  });

  it('keeps a move choice for the publish over the revision it was made on only', () => {
    const option = moveOption('r4', ['name-reply', 'email-reply', 'name-reply']);
    expect(option).toEqual({ moveWaiting: { over: 'r4', nodes: ['email-reply', 'name-reply'] } });
    expect([...chosenMoves(option, 'r4')]).toEqual(['email-reply', 'name-reply']);
    expect(chosenMoves(option, 'r5').size).toBe(0);
    expect(chosenMoves(undefined, 'r4').size).toBe(0);
    expect([figure(2.6, true), figure(0.2, true), figure(3, false)]).toEqual(['≈ 3', '0', '3']);
  });
});
