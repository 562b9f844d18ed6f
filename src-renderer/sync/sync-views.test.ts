import { describe, expect, it } from 'vitest';
import { newSyncRecord, syncError, type OutboxEntry } from '../../src-shared/sync/index';
import { badgeText, flowSyncViews, syncFieldProblems } from './sync-views';

const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({ id: 'acme\u0000f', flowId: 'f', backend: 'acme', state: 'pending', attempts: 0, createdAt: 0, nextAttemptAt: 0, lastError: null, requeued: false, overwrite: null, ...over });

describe('flowSyncViews', () => {
  it('needs no content hash for a flow with no record and nothing queued (use-flow-sync skips it)', () => {
    expect(flowSyncViews('', [], [])).toEqual(flowSyncViews('sha:0123456789abcdef', [], []));
    expect(flowSyncViews('', [], [])[0]?.view.status).toBe('local-only');
  });

  it('says "local only" for a flow never published anywhere', () => {
    const [only, ...rest] = flowSyncViews('h1', [], []);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ backend: null, view: { status: 'local-only' } });
    expect(badgeText(only!)).toBe('Not published');
  });

  it('lists every backend, the most urgent first', () => {
    const synced = { ...newSyncRecord('f', 'journeys'), remoteId: 'f', syncedHash: 'h1', lastAttempt: { ok: true as const, at: '2030-01-01T00:00:00Z' } };
    const conflicted = { ...newSyncRecord('f', 'acme'), remoteId: '1', syncedHash: 'h0', conflict: { detectedAt: '2030-01-01T00:00:00Z', localHash: 'h1', remote: { revision: null, hash: 'x', deleted: false, document: null, summary: '' } } };
    expect(flowSyncViews('h1', [synced, conflicted], []).map((v) => [v.backend, v.view.status])).toEqual([
      ['acme', 'conflict'],
      ['journeys', 'synced'],
    ]);
  });

  it('shows a publish on the wire, an offline retry and a sent one-off', () => {
    expect(badgeText(flowSyncViews('h1', [], [entry({ state: 'in-flight' })])[0]!)).toBe('Publishing…');
    const offline = flowSyncViews('h1', [], [entry({ attempts: 1, nextAttemptAt: 5000, lastError: syncError('refused', 'Nothing answers.') })])[0]!;
    expect(offline.view).toMatchObject({ status: 'offline', retryAt: 5000 });
    const sent = { ...newSyncRecord('f', 'acme'), remoteId: '1', syncedHash: 'h1', locked: { reason: 'This one-off campaign was sent.' } };
    expect(badgeText(flowSyncViews('h1', [sent], [])[0]!)).toBe('Sent · locked');
  });
});

describe('syncFieldProblems', () => {
  it('places the fields a backend refused at the last publish on their flow paths', () => {
    const error = syncError('validation', 'Chatwoot refused the campaign.', { status: 422, fields: [{ attribute: 'url', message: 'Url invalid', path: '$.campaign.trigger.urlPattern' }, { attribute: 'base', message: 'Something else' }] });
    const failed = { ...newSyncRecord('f', 'acme'), lastAttempt: { ok: false as const, at: '2030-01-01T00:00:00Z', error } };
    expect(syncFieldProblems([failed], []).map((p) => [p.path, p.message])).toEqual([
      ['$.campaign.trigger.urlPattern', 'acme refused it: Url invalid'],
      ['$.base', 'acme refused it: Something else'],
    ]);
    expect(syncFieldProblems([{ ...failed, lastAttempt: { ok: true, at: '2030-01-02T00:00:00Z' } }], [])).toEqual([]);
  });
});
