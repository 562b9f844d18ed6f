import { describe, expect, it } from 'vitest';
import type { FlowStats } from '../../src-shared/sync/index';
import { syncError } from '../../src-shared/sync/index';
import { liveChatFlow } from '../../src-shared/sync/testing/sync-builders';
import { liveStatsEmpty, liveStatsErrorText, liveStatsRows } from './live-stats-model';

const doc = liveChatFlow();
const [trigger, send] = doc.nodes;
const stats = (nodes: FlowStats['nodes']): FlowStats => ({ flowId: doc.campaign.id, revision: 'r1', generatedAt: '2030-01-01T00:00:00Z', nodes });

describe('live statistics', () => {
  it('lists the steps in the flow’s order, named as on the canvas, with entered / waiting / completed', () => {
    const rows = liveStatsRows(
      { ...doc, nodes: doc.nodes.map((n) => (n.id === send!.id ? { ...n, data: { ...n.data, label: 'Offer help' } } : n)) as typeof doc.nodes },
      stats([
        { nodeId: send!.id, active: 2, entered: 30, exited: 25, failed: 1 },
        { nodeId: trigger!.id, active: 0, entered: 40, exited: 3, failed: 0 },
        { nodeId: 'removed-step', active: 1, entered: 4, exited: 0, failed: 0 },
      ]),
    );
    expect(rows.map((r) => [r.step, r.entered, r.waiting, r.completed, r.failed, r.notHere])).toEqual([
      [expect.any(String), 40, 0, 3, 0, false],
      ['Offer help', 30, 2, 25, 1, false],
      ['removed-step', 4, 1, 0, 0, true],
    ]);
    expect(rows[0]!.step).not.toBe(trigger!.id);
  });

  it('is empty before any journey entered', () => {
    expect(liveStatsEmpty(stats([]))).toBe(true);
    expect(liveStatsEmpty(stats([{ nodeId: trigger!.id, active: 0, entered: 0, exited: 0, failed: 0 }]))).toBe(true);
    expect(liveStatsEmpty(stats([{ nodeId: trigger!.id, active: 0, entered: 1, exited: 0, failed: 0 }]))).toBe(false);
  });

  it('says why statistics are missing', () => {
    expect(liveStatsErrorText(syncError('unsupported', 'Chatwoot does not report per-step statistics.'))).toBe('Chatwoot does not report per-step statistics.');
    expect(liveStatsErrorText(syncError('unauthorized', 'x', { status: 401 }))).toBe('Could not load live statistics: token refused (401)');
    expect(liveStatsErrorText(syncError('server', 'x', { status: 503 }))).toBe('Could not load live statistics: server error (503)');
    expect(liveStatsErrorText(syncError('not-found', 'x', { status: 404 }))).toMatch(/no statistics for this flow \(404\)/);
  });
});
