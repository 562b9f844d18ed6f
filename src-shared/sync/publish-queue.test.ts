import { example } from '../testing/flow-builders';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/prng';
import type { BackendAdapter, PushRequest, PushResult } from './adapter';
import { flowContentHash, syncContentHash } from './content-hash';
import { createPublishQueue } from './publish-queue';
import { createMemoryFlows, createMemorySyncStore } from './store';
import { syncError } from './sync-error';
import { withTwoErrors, liveChatFlow } from './testing/sync-builders';
import type { SyncOptions } from './sync-record';

function scripted(results: PushResult[]): BackendAdapter & { calls: PushRequest[] } {
  const calls: PushRequest[] = [];
  return {
    calls,
    async push(req) {
      calls.push(req);
      const next = results.shift();
      if (!next) throw new Error('no scripted result left');
      return next;
    },
  };
}

const okResult = (remoteId = '1'): PushResult => ({ ok: true, remoteId, remoteRevision: 'r1', remoteHash: 'x1', action: 'created', warnings: [] });

function setup(results: PushResult[]) {
  let now = 1_000;
  const store = createMemorySyncStore();
  const flows = createMemoryFlows([liveChatFlow()]);
  const adapter = scripted(results);
  const engine = createPublishQueue({ store, flows, adapter: (b) => (b === 'cw' ? adapter : undefined), clock: () => now, random: seededRandom(1), policy: { baseMs: 100, maxMs: 1000, maxAttempts: 5 } });
  return { store, flows, adapter, engine, advance: (ms: number) => (now += ms), now: () => now };
}

describe('sync engine', () => {
  it('never hands a flow with errors to a backend: the attempt is blocked with each error on its step (#13.1)', async () => {
    const t = setup([okResult()]);
    await t.flows.create(withTwoErrors(example('lead-qualification')));
    await t.engine.publish('lead-qualification', 'cw');
    const [report] = await t.engine.runDue();
    expect(t.adapter.calls).toEqual([]);
    expect(report?.result).toMatchObject({ ok: false, error: { kind: 'validation', retryable: false } });
    expect(t.store.outbox()[0]).toMatchObject({ state: 'blocked' });
    const record = await t.store.getRecord('lead-qualification', 'cw');
    const error = record?.lastAttempt?.ok === false ? record.lastAttempt.error : undefined;
    expect(error?.fields?.map((f) => f.label)).toEqual(expect.arrayContaining(['"Qualifying question" (Send message) · body', '"Answered yes?" (Wait for reply) · timeout amount']));
  });

  it('publishes, records the hash it sent, and shows synced', async () => {
    const t = setup([okResult()]);
    await t.engine.publish('pricing-chat', 'cw');
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('local-only');
    await t.engine.runDue();
    expect(await t.store.getRecord('pricing-chat', 'cw')).toMatchObject({ remoteId: '1', syncedHash: flowContentHash(liveChatFlow()) });
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');
    expect(t.store.outbox()).toEqual([]);
  });

  it('retries offline failures with backoff, then succeeds; status says offline meanwhile', async () => {
    const t = setup([{ ok: false, error: syncError('refused', 'Nothing answers.') }, okResult()]);
    await t.engine.publish('pricing-chat', 'cw');
    await t.engine.runDue();
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('offline');
    expect(await t.engine.runDue()).toEqual([]);
    const wake = await t.engine.nextWakeAt();
    expect(wake).toBeGreaterThan(t.now());
    t.advance(wake! - t.now());
    await t.engine.runDue();
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');
  });

  it('an edit made while a push is in flight is not marked synced, and is published next', async () => {
    const t = setup([]);
    let calls = 0;
    const adapter: BackendAdapter = {
      async push() {
        if (calls++ === 0) {
          await t.flows.save(liveChatFlow({ message: 'Edited during the push' }));
          await engine.publish('pricing-chat', 'cw');
        }
        return okResult();
      },
    };
    const engine = createPublishQueue({ store: t.store, flows: t.flows, adapter: () => adapter, clock: t.now, random: seededRandom(2) });
    await engine.publish('pricing-chat', 'cw');
    const first = await engine.runDue();
    expect(first.length).toBe(2);
    expect((await t.store.getRecord('pricing-chat', 'cw'))?.syncedHash).toBe(flowContentHash(liveChatFlow({ message: 'Edited during the push' })));
  });

  it('records a conflict, blocks further pushes, and keep-copy keeps both versions', async () => {
    const remoteDoc = liveChatFlow({ message: 'Their version' });
    const t = setup([okResult(), { ok: false, error: syncError('conflict', 'Changed there.'), conflict: { revision: 'r2', hash: 'x2', deleted: false, document: remoteDoc as never, summary: 'changed' } }, okResult()]);
    await t.engine.publish('pricing-chat', 'cw');
    await t.engine.runDue();
    await t.flows.save(liveChatFlow({ message: 'My version' }));
    await t.engine.publish('pricing-chat', 'cw');
    await t.engine.runDue();
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('conflict');
    expect(t.store.outbox()[0]?.state).toBe('blocked');

    expect(await t.engine.resolveConflict('pricing-chat', 'cw', 'keep-copy', { copyId: 'pricing-chat-copy' })).toEqual({ ok: true });
    const all = t.flows.all();
    expect(all.find((f) => f.campaign.id === 'pricing-chat')?.nodes[1]).toMatchObject({ data: { body: 'Their version' } });
    expect(all.find((f) => f.campaign.id === 'pricing-chat-copy')).toMatchObject({ campaign: { name: 'Pricing help (my version)' }, nodes: [{}, { data: { body: 'My version' } }, {}] });
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');
    expect(t.store.outbox()).toEqual([]);
  });

  it('keep-local publishes over the version the user saw', async () => {
    const t = setup([okResult(), { ok: false, error: syncError('conflict', 'Changed there.'), conflict: { revision: 'r2', hash: 'x2', deleted: false, document: null, summary: '' } }, okResult()]);
    await t.engine.publish('pricing-chat', 'cw');
    await t.engine.runDue();
    await t.engine.publish('pricing-chat', 'cw');
    await t.engine.runDue();
    expect(await t.engine.resolveConflict('pricing-chat', 'cw', 'take-remote', { copyId: 'c' })).toMatchObject({ ok: false, reason: expect.stringMatching(/did not describe/) });
    await t.engine.resolveConflict('pricing-chat', 'cw', 'keep-local', { copyId: 'c' });
    await t.engine.runDue();
    expect(t.adapter.calls[2]?.overwrite).toEqual({ revision: 'r2', hash: 'x2' });
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');
  });

  it('resumes an attempt cut short by a restart', async () => {
    const t = setup([okResult()]);
    await t.engine.publish('pricing-chat', 'cw');
    const [entry] = t.store.outbox();
    await t.store.putOutbox({ ...entry!, state: 'in-flight', attempts: 1 });
    expect(await t.engine.runDue()).toEqual([]);
    await t.engine.resume();
    await t.engine.runDue();
    expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');
  });

  it('a locked one-off stays locked and says why', async () => {
    const t = setup([{ ok: false, error: syncError('locked', 'It was sent.'), locked: 'It was sent.' }]);
    await t.engine.publish('pricing-chat', 'cw');
    await t.engine.runDue();
    expect(await t.store.getRecord('pricing-chat', 'cw')).toMatchObject({ locked: { reason: 'It was sent.' } });
    await t.engine.publish('pricing-chat', 'cw');
    const [again] = await t.engine.runDue();
    expect(again?.result).toMatchObject({ ok: false, error: { kind: 'locked', message: 'It was sent.' } });
    expect(t.adapter.calls.length).toBe(1);
  });

  it('an unknown backend is a clear configuration error', async () => {
    const t = setup([]);
    await t.engine.publish('pricing-chat', 'nope');
    const [r] = await t.engine.runDue();
    expect(r?.result).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringMatching(/No backend named "nope"/) } });
  });

  describe('sync options (the WhatsApp template)', () => {
    const shipped: SyncOptions = { whatsappTemplate: { name: 'order_shipped', language: 'en', params: { '1': 'friend' } } };
    const delayed: SyncOptions = { whatsappTemplate: { name: 'order_delayed', language: 'en' } };
    /** What the template form does: merge options into the record, creating it if needed. */
    const chooseTemplate = (store: ReturnType<typeof setup>['store'], options: SyncOptions) =>
      store.updateRecord('pricing-chat', 'cw', (r) => ({ ...(r ?? { flowId: 'pricing-chat', backend: 'cw', remoteId: null, remoteRevision: null, syncedHash: null, remoteHash: null, lastAttempt: null, conflict: null, locked: null, options: {} }), options: { ...r?.options, ...options } }));

    it('records the hash of the flow with the options it sent; another template is "Changed", a plain save is not', async () => {
      const t = setup([okResult(), okResult()]);
      await chooseTemplate(t.store, shipped);
      await t.engine.publish('pricing-chat', 'cw');
      await t.engine.runDue();
      expect(t.adapter.calls[0]?.record.options).toEqual(shipped);
      expect((await t.store.getRecord('pricing-chat', 'cw'))?.syncedHash).toBe(syncContentHash(flowContentHash(liveChatFlow()), shipped));
      expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');

      // A save that changes nothing but the time it was saved.
      const doc = liveChatFlow();
      await t.flows.save({ ...doc, meta: { ...doc.meta, updatedAt: '2031-05-05T00:00:00.000Z' } });
      expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');

      await chooseTemplate(t.store, delayed);
      expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('modified');
      await t.engine.publish('pricing-chat', 'cw');
      await t.engine.runDue();
      expect(t.adapter.calls[1]?.record.options).toEqual(delayed);
      expect((await t.engine.status('pricing-chat', 'cw'))?.status).toBe('synced');
    });

    it('keeps a template chosen while a push of the same flow is on the wire, and shows the flow "Changed"', async () => {
      const t = setup([]);
      await chooseTemplate(t.store, shipped);
      const adapter: BackendAdapter = {
        async push() {
          await chooseTemplate(t.store, delayed);
          return okResult();
        },
      };
      const engine = createPublishQueue({ store: t.store, flows: t.flows, adapter: () => adapter, clock: t.now, random: seededRandom(3) });
      await engine.publish('pricing-chat', 'cw');
      await engine.runDue();
      const record = await t.store.getRecord('pricing-chat', 'cw');
      expect(record).toMatchObject({ remoteId: '1', options: delayed, syncedHash: syncContentHash(flowContentHash(liveChatFlow()), shipped) });
      expect((await engine.status('pricing-chat', 'cw'))?.status).toBe('modified');
    });

    it('keeps a template chosen during a push that fails, too', async () => {
      const t = setup([]);
      const adapter: BackendAdapter = {
        async push() {
          await chooseTemplate(t.store, delayed);
          return { ok: false, error: syncError('refused', 'Nothing answers.') };
        },
      };
      const engine = createPublishQueue({ store: t.store, flows: t.flows, adapter: () => adapter, clock: t.now, random: seededRandom(4) });
      await engine.publish('pricing-chat', 'cw');
      await engine.runDue();
      expect(await t.store.getRecord('pricing-chat', 'cw')).toMatchObject({ options: delayed, lastAttempt: { ok: false } });
    });
  });
});
