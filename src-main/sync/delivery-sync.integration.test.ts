import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyFlow } from '../../src-shared/flow/create';
import type { FlowDocument } from '../../src-shared/flow/document';
import { startFakeDelivery, type FakeDelivery } from './testing/fake-delivery';
import { createHarness } from './testing/sync-harness';

let server: FakeDelivery;
beforeEach(async () => {
  server = await startFakeDelivery();
});
afterEach(() => server.close());

function workflow(name = 'Onboarding', status: FlowDocument['campaign']['status'] = 'active'): FlowDocument {
  const doc = createEmptyFlow({ name, id: 'onboarding', kind: 'workflow', now: new Date('2030-01-01T00:00:00Z') });
  // A flow with errors is never published (#13.1): name the entry event.
  const trigger = doc.campaign.trigger.type === 'event' ? { ...doc.campaign.trigger, event: 'user.signed_up' } : doc.campaign.trigger;
  return { ...doc, campaign: { ...doc.campaign, status, trigger } };
}
const harness = (token = 'delivery-token') => createHarness({ flows: [workflow()], delivery: { url: server.url, token } });

describe('delivery API sync over HTTP', () => {
  it('creates with If-None-Match, publishes, then updates with If-Match', async () => {
    const h = harness();
    const [first] = await h.publish('onboarding', 'delivery');
    expect(first?.result).toMatchObject({ ok: true, action: 'created', remoteId: 'onboarding' });
    expect(server.flows.get('onboarding')).toMatchObject({ status: 'published' });
    const revision = (await h.record('onboarding', 'delivery'))?.remoteRevision;
    await h.flows.save(workflow('Onboarding v2'));
    const [second] = await h.publish('onboarding', 'delivery');
    expect(second?.result).toMatchObject({ ok: true, action: 'updated' });
    const put = server.requests.filter((r) => r.method === 'PUT');
    expect(put.map((r) => [r.headers['if-none-match'], r.headers['if-match']])).toEqual([['*', undefined], [undefined, `"${revision}"`]]);
    expect(server.flows.size).toBe(1);
  });

  it('a PUT whose answer is lost is replayed by its Idempotency-Key on retry', async () => {
    const h = harness();
    server.fault({ method: 'PUT', fault: { type: 'delay', ms: 1500 } });
    const [lost] = await h.publish('onboarding', 'delivery');
    expect(lost?.result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    const [again] = await h.retry();
    expect(again?.result).toMatchObject({ ok: true, action: 'created' });
    const keys = server.requests.filter((r) => r.method === 'PUT').map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(server.flows.size).toBe(1);
    expect((await h.status('onboarding', 'delivery'))?.status).toBe('synced');
  });

  // #14.2: a lost answer followed by a local edit showed our own v2 as someone else's change.
  it('a lost answer, then a local edit: our own earlier write is not a conflict, and v3 is published', async () => {
    const h = harness();
    await h.publish('onboarding', 'delivery');
    await h.flows.save(workflow('Onboarding v2'));
    server.fault({ method: 'PUT', fault: { type: 'delay', ms: 1500 } });
    const [lost] = await h.publish('onboarding', 'delivery');
    expect(lost?.result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    await new Promise((r) => setTimeout(r, 1600)); // the delayed write lands meanwhile
    await h.flows.save(workflow('Onboarding v3'));
    const [again] = await h.retry();
    expect(again?.result).toMatchObject({ ok: true, action: 'updated' });
    expect((server.flows.get('onboarding')?.document.campaign as { name: string }).name).toBe('Onboarding v3');
    expect((await h.record('onboarding', 'delivery'))?.conflict).toBeNull();
  }, 30_000);

  it('409 carries the remote version; keep-copy keeps both and nothing is overwritten silently', async () => {
    const h = harness();
    await h.publish('onboarding', 'delivery');
    server.editRemotely('onboarding', (doc) => ((doc.campaign as { name: string }).name = 'Renamed on the server'));
    await h.flows.save(workflow('Renamed here'));
    const [r] = await h.publish('onboarding', 'delivery');
    expect(r?.result).toMatchObject({ ok: false, error: { kind: 'conflict', status: 409 }, conflict: { deleted: false, document: { campaign: { name: 'Renamed on the server' } } } });
    expect((server.flows.get('onboarding')?.document.campaign as { name: string }).name).toBe('Renamed on the server');
    await h.engine.resolveConflict('onboarding', 'delivery', 'keep-copy', { copyId: 'onboarding-mine' });
    expect((await h.flows.get('onboarding'))?.campaign.name).toBe('Renamed on the server');
    expect((await h.flows.get('onboarding-mine'))?.campaign.name).toBe('Renamed here (my version)');
    expect((await h.status('onboarding', 'delivery'))?.status).toBe('synced');
  });

  it('401, 422 and 5xx give clear messages; only 5xx is retried', async () => {
    const bad = harness('nope');
    const [r1] = await bad.publish('onboarding', 'delivery');
    expect(r1?.result).toMatchObject({ ok: false, error: { kind: 'unauthorized', retryable: false } });
    const h = harness();
    server.fault({ method: 'PUT', fault: { type: 'status', status: 422, body: { error: { code: 'invalid_flow', message: 'The document is not a valid flow.', fields: [{ path: '$.campaign.name', message: 'Too long' }] } } } });
    const [r2] = await h.publish('onboarding', 'delivery');
    expect(r2?.result).toMatchObject({ ok: false, error: { kind: 'validation', fields: [{ path: '$.campaign.name', message: 'Too long' }] } });
    server.fault({ method: 'PUT', fault: { type: 'status', status: 503 } });
    const [r3] = await h.publish('onboarding', 'delivery');
    expect(r3?.result).toMatchObject({ ok: false, error: { kind: 'server', retryable: true } });
    const [r4] = await h.retry();
    expect(r4?.result).toMatchObject({ ok: true });
  });

  it('per-node statistics of live journeys', async () => {
    const h = harness();
    await h.publish('onboarding', 'delivery');
    server.flows.get('onboarding')!.stats = [{ nodeId: 'trigger', active: 3, entered: 40, exited: 0, failed: 0 }];
    const stats = await h.deliveryClient!.stats('onboarding');
    expect(stats.ok && stats.value.nodes).toEqual([{ nodeId: 'trigger', active: 3, entered: 40, exited: 0, failed: 0 }]);
  });
});
