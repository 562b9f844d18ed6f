import { describe, expect, it } from 'vitest';
import { syncContentHash } from './content-hash';
import { enqueue, failAttempt, startAttempt } from './outbox';
import { syncStatus } from './status';
import { syncError } from './sync-error';
import { newSyncRecord, type SyncRecord } from './sync-record';

const synced: SyncRecord = { ...newSyncRecord('f', 'cw'), remoteId: '7', syncedHash: 'h1', remoteHash: 'r1', lastAttempt: { ok: true, at: '2030-01-01T00:00:00Z' } };
const policy = { baseMs: 1000, maxMs: 10_000, maxAttempts: 3 };

describe('syncStatus', () => {
  it('local-only, synced, modified', () => {
    expect(syncStatus('h1', undefined).status).toBe('local-only');
    expect(syncStatus('h1', synced)).toMatchObject({ status: 'synced', label: 'Published', pending: false });
    expect(syncStatus('h2', synced)).toMatchObject({ status: 'modified', label: 'Changed' });
  });

  it('offline for network failures, error for the rest, with the retry time', () => {
    const entry = failAttempt(startAttempt(enqueue(undefined, 'f', 'cw', 0)), syncError('timeout', 'No answer.'), 100, policy, () => 0);
    const view = syncStatus('h2', synced, entry);
    expect(view).toMatchObject({ status: 'offline', pending: true, retryAt: entry.nextAttemptAt });
    expect(view.message).toMatch(/No answer\. Retrying automatically\./);
    const bad = failAttempt(startAttempt(enqueue(undefined, 'f', 'cw', 0)), syncError('unauthorized', 'Bad token.'), 100, policy, () => 0);
    expect(syncStatus('h2', synced, bad)).toMatchObject({ status: 'error', message: 'Bad token.' });
  });

  it('an old failure stops mattering once the flow is in sync again', () => {
    const failedBefore: SyncRecord = { ...synced, lastAttempt: { ok: false, at: 'x', error: syncError('server', 'Boom.') } };
    expect(syncStatus('h1', failedBefore).status).toBe('synced');
    expect(syncStatus('h2', failedBefore).status).toBe('error');
  });

  it('conflict wins, and says when the remote was deleted', () => {
    const conflicted: SyncRecord = { ...synced, conflict: { detectedAt: 'x', localHash: 'h2', remote: { revision: null, hash: null, deleted: true, document: null, summary: '' } } };
    expect(syncStatus('h2', conflicted)).toMatchObject({ status: 'conflict' });
    expect(syncStatus('h2', conflicted).message).toMatch(/deleted/);
  });

  it('a sent one-off says it is locked', () => {
    const locked: SyncRecord = { ...synced, locked: { reason: 'This one-off campaign was sent.' } };
    expect(syncStatus('h2', locked)).toMatchObject({ status: 'modified', locked: true, message: 'This one-off campaign was sent.' });
  });

  it('compares the sync options too: another WhatsApp template is a change, the same one is not', () => {
    const template = { name: 'order_shipped', language: 'en', params: { '1': '{{ contact.name }}' } };
    const sent: SyncRecord = { ...synced, syncedHash: syncContentHash('h1', { whatsappTemplate: template }), options: { whatsappTemplate: template } };
    expect(syncStatus('h1', sent).status).toBe('synced');
    // The same choice written again (keys in another order) is no change.
    expect(syncStatus('h1', { ...sent, options: { whatsappTemplate: { params: { '1': '{{ contact.name }}' }, language: 'en', name: 'order_shipped' } } }).status).toBe('synced');
    expect(syncStatus('h1', { ...sent, options: { whatsappTemplate: { ...template, name: 'order_delayed' } } }).status).toBe('modified');
    expect(syncStatus('h1', { ...sent, options: { whatsappTemplate: { ...template, params: { '1': 'friend' } } } }).status).toBe('modified');
    expect(syncStatus('h2', sent).status).toBe('modified');
  });

  it('a record without options compares the flow hash alone (records from before options count)', () => {
    expect(syncContentHash('h1', {})).toBe('h1');
    expect(syncContentHash('h1', undefined)).toBe('h1');
    expect(syncContentHash('h1', { whatsappTemplate: undefined })).toBe('h1');
    expect(syncStatus('h1', { ...synced, options: {} }).status).toBe('synced');
  });
});
