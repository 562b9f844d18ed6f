import { example } from '../../src-shared/testing/flow-builders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFlowJson } from '../../src-shared/flow';
import { syncHostContract } from '../../src-shared/sync/contract';
import { newSyncRecord } from '../../src-shared/sync/sync-record';
import { withTwoErrors, liveChatFlow, oneOffFlow } from '../../src-shared/sync/testing/sync-builders';
import { startFakeChatwoot, type FakeChatwoot } from './testing/fake-chatwoot';
import { fakeSyncService } from './testing/fake-sync-service';

let server: FakeChatwoot;
beforeEach(async () => {
  server = await startFakeChatwoot();
});
afterEach(() => server.close());

const service = () => fakeSyncService(server);

describe('sync service (the main side of the sync channels)', () => {
  it('answers every channel in the shape the contract declares', async () => {
    const s = service();
    const test = await s['backends.test']({ name: 'acme' });
    expect(syncHostContract['backends.test'].result.parse(test)).toMatchObject({ ok: true });
    const dir = await s['sync.directory']({ backend: 'acme' });
    expect(syncHostContract['sync.directory'].result.parse(dir)).toMatchObject({ ok: true, labels: [{ id: 5, title: 'enterprise' }, {}, {}] });
    const pushed = await s['sync.push']({ backend: 'acme', flowText: exportFlowJson(liveChatFlow()), record: newSyncRecord('pricing-chat', 'acme') });
    expect(syncHostContract['sync.push'].result.parse(pushed)).toMatchObject({ ok: true, action: 'created' });
    const stats = await s['sync.stats']({ backend: 'acme', remoteId: '1' });
    expect(syncHostContract['sync.stats'].result.parse(stats)).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it('refuses a flow with errors before any request, listing them by step label (#13.1)', async () => {
    const pushed = await service()['sync.push']({ backend: 'acme', flowText: exportFlowJson(withTwoErrors(example('lead-qualification'))), record: newSyncRecord('lead-qualification', 'acme') });
    expect(pushed).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/2 errors/) } });
    expect(!pushed.ok && pushed.error.fields?.map((f) => f.label)).toEqual(expect.arrayContaining(['"Qualifying question" (Send message) · body']));
    expect(server.requests).toEqual([]);
  });

  // #14.12: a disabled one-off still sends in Chatwoot; stopping it means deleting it there.
  it('sync.unpublish deletes a scheduled one-off in Chatwoot, and refuses one being sent or sent', async () => {
    const s = service();
    const pushed = await s['sync.push']({ backend: 'acme', flowText: exportFlowJson(oneOffFlow()), record: newSyncRecord('maintenance-sms', 'acme') });
    expect(pushed).toMatchObject({ ok: true, remoteId: '1' });
    expect(await s['sync.unpublish']({ backend: 'acme', remoteId: '1' })).toEqual({ ok: true });
    expect(server.campaignsOf('maintenance-sms')).toHaveLength(0);
    await s['sync.push']({ backend: 'acme', flowText: exportFlowJson(oneOffFlow()), record: newSyncRecord('maintenance-sms', 'acme') });
    server.markSent(2);
    expect(await s['sync.unpublish']({ backend: 'acme', remoteId: '2' })).toMatchObject({ ok: false, error: { kind: 'locked', message: 'Campaign 2 was already sent; it cannot be stopped.' } });
    expect(server.campaignsOf('maintenance-sms')).toHaveLength(1);
  });

  it('an unknown backend is a configuration error, not an exception', async () => {
    expect(await service()['sync.push']({ backend: 'nope', flowText: '{}', record: newSyncRecord('x', 'nope') })).toMatchObject({ ok: false, error: { kind: 'config' } });
  });
});
