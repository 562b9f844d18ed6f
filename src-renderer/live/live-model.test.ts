import { describe, expect, it } from 'vitest';
import type { LiveJourney, LiveStats } from '../../src-shared/host/live-contract';
import { journeyFrame } from '../preview/journey/journey-frame';
import { conversionLines, inFlightRows, liveJourneyView, liveOverlay, nextPollDelay, sameFigures } from './live-model';
import { flow, node } from '../../src-shared/testing/flow-builders';

const doc = {
  nodes: [
    { id: 'a', type: 'trigger' },
    { id: 'b', type: 'inbound-message' },
    { id: 'c', type: 'send' },
    { id: 'd', type: 'end' },
  ],
  edges: [
    { id: 'ab', source: 'a', sourceHandle: 'next', target: 'b' },
    { id: 'bc', source: 'b', sourceHandle: 'received', target: 'c' },
    { id: 'bd', source: 'b', sourceHandle: 'timeout', target: 'd' },
    { id: 'cd', source: 'c', sourceHandle: 'next', target: 'd' },
  ],
} as never;

const stats: LiveStats = {
  flowId: 'f',
  revision: 'r2',
  generatedAt: '2026-11-30T10:00:00.000Z',
  journeys: { running: 4, ended: 2 },
  nodes: [
    { nodeId: 'a', active: 0, entered: 6, completed: { next: 6 }, exited: 0, failed: 0 },
    { nodeId: 'b', active: 4, entered: 6, completed: { received: 2 }, exited: 0, failed: 0 },
    { nodeId: 'c', active: 0, entered: 2, completed: { next: 1 }, exited: 0, failed: 1 },
    { nodeId: 'd', active: 0, entered: 1, completed: {}, exited: 1, failed: 0 },
  ],
};

describe('liveOverlay', () => {
  it('draws the runner’s figures as population badges and edge volumes by handle', () => {
    const o = liveOverlay(doc, stats);
    expect(o.nodes['b']).toEqual({ kind: 'population', entered: 6, waiting: 4, total: 6, live: { exited: 0, failed: 0 } });
    expect(o.nodes['c']).toMatchObject({ live: { failed: 1 } });
    expect(o.edges['ab']).toMatchObject({ volume: 6, share: 1, taken: true });
    expect(o.edges['bc']).toMatchObject({ volume: 2 });
    expect(o.edges['bd']).toMatchObject({ volume: 0, taken: false });
  });
  it('shows zero on a node the revision does not have', () => {
    expect(liveOverlay(doc, { ...stats, nodes: [] }).nodes['a']).toMatchObject({ entered: 0, waiting: 0 });
  });
});

describe('polling', () => {
  it('stays quick while figures move, backs off while still or failing, within bounds', () => {
    expect(nextPollDelay(15_000, 'changed')).toBe(2_000);
    expect(nextPollDelay(2_000, 'unchanged')).toBe(3_000);
    expect(nextPollDelay(14_000, 'unchanged')).toBe(15_000);
    expect(nextPollDelay(2_000, 'failed')).toBe(4_000);
    expect(nextPollDelay(20_000, 'failed')).toBe(30_000);
  });
  it('compares figures, not the time they were generated', () => {
    expect(sameFigures(stats, { ...stats, generatedAt: 'later' })).toBe(true);
    expect(sameFigures(stats, { ...stats, journeys: { running: 3, ended: 3 } })).toBe(false);
    expect(sameFigures(null, stats)).toBe(false);
  });
});

describe('liveJourneyView', () => {
  const journey: LiveJourney = {
    id: '7',
    flowId: 'f',
    revision: 'r2',
    contactId: 'c7',
    status: 'failed',
    waitingAt: [],
    lastNode: 'c',
    error: 'Its saved state does not match r2.',
    test: false,
    trace: [
      { t: 1000, node: 'a', event: 'journey.start', outcome: 'next', why: 'Entered.' },
      { t: 1000, node: 'b', event: 'journey.start', outcome: 'waiting', why: 'Waits for a reply.' },
      { t: 5000, node: 'b', event: 'user.messaged', outcome: 'received', why: 'Replied.' },
      { t: 5000, node: 'c', event: 'user.messaged', outcome: 'next', why: 'Sent.' },
    ],
    messages: [],
    sends: [{ nodeId: 'c', kind: 'message', status: 'failed', reason: 'Chatwoot refused (422): Inbox is disabled.' }],
  };
  it('is the preview’s view: the canvas follows the path by handle, a refused send and a failure say why', () => {
    const view = liveJourneyView(doc, journey);
    expect(view.steps.map((s) => s.outcome)).toEqual(['next', 'waiting', 'received', 'next', 'failed']);
    expect(view.steps[3]!.why).toBe('Sent. Failed: Chatwoot refused (422): Inbox is disabled.');
    expect(view.steps[4]).toMatchObject({ node: 'c', why: 'Its saved state does not match r2.' });
    const frame = journeyFrame(doc, view, 3);
    expect(frame.current).toBe('c');
    expect(frame.takenEdges).toEqual(['ab', 'bc']);
    expect(journeyFrame(doc, view, 1).waiting).toEqual(['b']);
  });
  it('names the End node a completed journey reached, as a preview does', () => {
    const ended = liveJourneyView(doc, { ...journey, status: 'ended', error: null, sends: [], trace: [...journey.trace, { t: 5000, node: 'd', event: 'user.messaged', outcome: 'end', why: '' }, { t: 5000, node: 'd', event: 'user.messaged', outcome: 'ended', why: '' }] });
    expect(ended.journeys[0]).toMatchObject({ status: 'ended', reason: 'end:d' });
  });
});

describe('inFlightRows', () => {
  it('lists steps holding journeys in the edited flow’s order, a removed step last and marked', () => {
    const rows = inFlightRows({ nodes: [{ id: 'c' }, { id: 'b' }] } as never, { ...stats, nodes: [...stats.nodes, { nodeId: 'gone', active: 2, entered: 2, completed: {}, exited: 0, failed: 0 }, { nodeId: 'c', active: 1, entered: 2, completed: {}, exited: 0, failed: 0 }] }, (id) => id.toUpperCase());
    expect(rows).toEqual([
      { nodeId: 'c', label: 'C', inFlight: 1, inNewVersion: true },
      { nodeId: 'b', label: 'B', inFlight: 4, inNewVersion: true },
      { nodeId: 'gone', label: 'gone', inFlight: 2, inNewVersion: false },
    ]);
  });
});

describe('live conversions', () => {
  it('lists each split branch with its converted journeys, labelled as on the canvas', () => {
    const doc = flow([node('ab', 'split', { label: 'Offer test', branches: [{ id: 'a', label: 'Discount', percent: 50 }, { id: 'control', label: 'Control', percent: 50 }] })]);
    expect(conversionLines(doc, { converted: 5, convertedBy: { ab: { a: 3, control: 2 } } })).toEqual([
      { key: 'ab/a', label: 'Offer test · Discount', converted: 3 },
      { key: 'ab/control', label: 'Offer test · Control', converted: 2 },
    ]);
    expect(conversionLines(doc, { converted: 0, convertedBy: {} })).toEqual([]);
  });
});
