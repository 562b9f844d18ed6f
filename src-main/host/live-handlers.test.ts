import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendSecretName } from '../../src-shared/sync/backend-config';
import { startRunner, type RunningRunner } from '../runner/runner';
import { apiClient, collectNameAndEmail, tempDir, TEST_TOKEN, until } from '../runner/testing/runner-fixtures';
import { createBackendStore } from './backend-store';
import { createLiveHandlers } from './live-handlers';
import { createSecretStore } from './secret-store';
import { startFakeChatwoot } from '../sync/testing/fake-chatwoot';

// One embedded runner (PGlite) whose Chatwoot refuses every send, so failures have a reason to show.
let runner: RunningRunner;
let live: ReturnType<typeof createLiveHandlers>;
let flowId: string;

beforeAll(async () => {
  runner = await startRunner({
    database: { kind: 'pglite', dataDir: await tempDir('live-host') },
    env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN },
    pollInterval: 200,
    deliver: async () => ({ ok: false, retry: false, reason: 'Chatwoot refused the request (422): Inbox is disabled.' }),
  });
  const dir = await tempDir('live-host-config');
  const backends = createBackendStore(join(dir, 'backends.json'));
  const secrets = createSecretStore({ file: join(dir, 'secrets.json') });
  await backends.save('runner', { type: 'delivery', baseUrl: runner.url });
  await backends.save('wrong-token', { type: 'delivery', baseUrl: runner.url });
  await backends.save('down', { type: 'delivery', baseUrl: 'http://127.0.0.1:1' });
  await backends.save('chat', { type: 'chatwoot', baseUrl: 'http://127.0.0.1:1', accountId: 1 });
  await secrets.set(backendSecretName('runner'), TEST_TOKEN);
  await secrets.set(backendSecretName('wrong-token'), 'not-the-token');
  await secrets.set(backendSecretName('down'), TEST_TOKEN);
  live = createLiveHandlers({ backends, secrets, timeoutMs: 5_000 });

  const doc = await collectNameAndEmail('Sales');
  flowId = doc.campaign.id;
  const api = apiClient(runner.url);
  await api.publish(doc);
  for (const contactId of ['c1', 'c2', 'c3']) {
    expect((await api.call('POST', '/v1/events', { id: `start-${contactId}`, contactId, name: 'conversation.created', properties: { channel: 'web_widget' } })).status).toBe(202);
  }
}, 240_000);
afterAll(() => runner?.stop(), 60_000);

describe('the host’s live channels against a real runner', () => {
  it('reads per-node figures of the live revision, with refused sends counted at their node', async () => {
    const stats = await until('three journeys waiting for a name', async () => {
      const r = await live['live.stats']({ backend: 'runner', flowId });
      return r.ok && r.stats.nodes.find((n) => n.nodeId === 'ask-name')?.failed === 3 ? r.stats : null;
    });
    const node = (id: string) => stats.nodes.find((n) => n.nodeId === id)!;
    expect(node('trigger')).toMatchObject({ entered: 3, completed: { next: 3 } });
    expect(node('name-reply')).toMatchObject({ active: 3, entered: 3 });
    expect(stats.journeys).toEqual({ running: 3 });
    const flow = await live['live.flow']({ backend: 'runner', flowId });
    expect(flow.ok && flow.flow.status).toBe('published');
    expect(flow.ok && flow.flow.revision).toBe(stats.revision);
  });

  it('pages the journeys at a node and returns one with its trace and the send’s refusal', async () => {
    const first = await live['live.journeys']({ backend: 'runner', flowId, node: 'name-reply', state: 'running', limit: 2 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.journeys.map((j) => j.contactId)).toEqual(['c1', 'c2']);
    expect(first.nextCursor).not.toBeNull();
    const second = await live['live.journeys']({ backend: 'runner', flowId, node: 'name-reply', state: 'running', limit: 2, cursor: first.nextCursor! });
    expect(second.ok && second.journeys.map((j) => j.contactId)).toEqual(['c3']);
    expect(second.ok && second.nextCursor).toBeNull();
    // What a node's "entered" counts: every journey with a step there, wherever it is now.
    const reached = await live['live.journeys']({ backend: 'runner', flowId, reached: 'trigger' });
    expect(reached.ok && reached.journeys.map((j) => j.contactId)).toEqual(['c1', 'c2', 'c3']);
    const atTrigger = await live['live.journeys']({ backend: 'runner', flowId, node: 'trigger' });
    expect(atTrigger.ok && atTrigger.journeys).toEqual([]);
    const none = await live['live.journeys']({ backend: 'runner', flowId, node: 'done', state: 'ended' });
    expect(none.ok && none.journeys).toEqual([]);

    const one = await live['live.journey']({ backend: 'runner', journeyId: first.journeys[0]!.id });
    if (!one.ok) throw new Error(one.error.message);
    expect(one.journey.trace.map((s) => `${s.node}:${s.outcome}`)).toEqual(['trigger:next', 'ask-name:next', 'name-reply:waiting']);
    expect(one.journey.sends).toEqual([expect.objectContaining({ nodeId: 'ask-name', status: 'failed', reason: 'Chatwoot refused the request (422): Inbox is disabled.' })]);
  });

  it('pauses and resumes; a stale revision is a conflict, not a silent overwrite', async () => {
    const flow = await live['live.flow']({ backend: 'runner', flowId });
    if (!flow.ok) throw new Error(flow.error.message);
    const paused = await live['live.control']({ backend: 'runner', flowId, action: 'pause', revision: flow.flow.revision });
    if (!paused.ok) throw new Error(paused.error.message);
    expect(paused.flow.status).toBe('paused');
    const stale = await live['live.control']({ backend: 'runner', flowId, action: 'resume', revision: flow.flow.revision });
    expect(!stale.ok && stale.error.kind).toBe('conflict');
    const resumed = await live['live.control']({ backend: 'runner', flowId, action: 'resume', revision: paused.flow.revision });
    expect(resumed.ok && resumed.flow.status).toBe('published');
  });

  it('sends a test: a real journey for a test contact, listed as a test and left out of the figures', async () => {
    const sent = await live['live.test']({ backend: 'runner', flowId, contactId: 'qa-1' });
    expect(sent).toEqual({ ok: true, contactId: 'qa-1' });
    const journey = await until('the test journey', async () => {
      const r = await live['live.journeys']({ backend: 'runner', flowId, node: 'name-reply', state: 'running' });
      return r.ok ? r.journeys.find((j) => j.contactId === 'qa-1') : null;
    });
    expect(journey.test).toBe(true);
    const stats = await live['live.stats']({ backend: 'runner', flowId, revision: journey.revision });
    expect(stats.ok && stats.stats.journeys).toEqual({});
    expect(stats.ok && stats.stats.nodes.find((n) => n.nodeId === 'trigger')?.entered).toBe(0);
  });

  it('stops a flow: no new entries, and every journey in it ends with the reason', async () => {
    const flow = await live['live.flow']({ backend: 'runner', flowId });
    if (!flow.ok) throw new Error(flow.error.message);
    const stopped = await live['live.control']({ backend: 'runner', flowId, action: 'stop', revision: flow.flow.revision });
    if (!stopped.ok) throw new Error(stopped.error.message);
    expect(stopped.flow.status).toBe('paused');
    expect(stopped.stoppedJourneys).toBe(4);
    const left = await live['live.journeys']({ backend: 'runner', flowId, state: 'running' });
    expect(left.ok && left.journeys).toEqual([]);
    const exited = await live['live.journeys']({ backend: 'runner', flowId, state: 'exited' });
    expect(exited.ok && exited.journeys.map((j) => j.error)).toEqual(Array(4).fill('The flow was stopped.'));
    const test = await live['live.test']({ backend: 'runner', flowId });
    expect(!test.ok && test.error.kind).toBe('conflict');
  });

  it('says what is wrong: no such backend, a Chatwoot backend, a refused token, a runner that is down, an unknown flow', async () => {
    const kind = async (backend: string, id = flowId) => {
      const r = await live['live.stats']({ backend, flowId: id });
      return r.ok ? 'ok' : r.error.kind;
    };
    expect(await kind('nowhere')).toBe('config');
    expect(await kind('chat')).toBe('unsupported');
    expect(await kind('wrong-token')).toBe('unauthorized');
    expect(await kind('down')).toBe('refused');
    expect(await kind('runner', 'no-such-flow')).toBe('not-found');
  });

  it('reads a published campaign’s status back: the runner’s for a flow, Chatwoot’s campaign_status for a campaign', async () => {
    const flow = await live['live.status']({ backend: 'runner', remoteId: flowId });
    expect(flow).toMatchObject({ ok: true, remote: { kind: 'runner', status: expect.stringMatching(/^(published|paused)$/), revision: expect.stringMatching(/^r\d+$/) } });
    const withDoc = await live['live.flow']({ backend: 'runner', flowId, withDocument: true });
    expect(withDoc.ok && (withDoc.document as { campaign: { id: string } }).campaign.id).toBe(flowId);
    expect('document' in (await live['live.flow']({ backend: 'runner', flowId }))).toBe(false);

    const chatwoot = await startFakeChatwoot();
    try {
      const dir = await tempDir('live-status');
      const backends = createBackendStore(join(dir, 'backends.json'));
      const secrets = createSecretStore({ file: join(dir, 'secrets.json') });
      await backends.save('acme', { type: 'chatwoot', baseUrl: chatwoot.url, accountId: 1 });
      await secrets.set(backendSecretName('acme'), 'admin-token');
      const handlers = createLiveHandlers({ backends, secrets, timeoutMs: 5_000 });
      const created = await fetch(`${chatwoot.url}/api/v1/accounts/1/campaigns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', api_access_token: 'admin-token' },
        body: JSON.stringify({ title: 'Notice', message: 'Read-only on Sunday.', inbox_id: 2, scheduled_at: 1_900_000_000, audience: [{ type: 'Label', id: 5 }] }),
      });
      const id = ((await created.json()) as { id: number }).id;
      expect(await handlers['live.status']({ backend: 'acme', remoteId: String(id) })).toEqual({ ok: true, remote: { kind: 'chatwoot', status: 'active', enabled: true, scheduledAt: expect.any(Number) } });
      chatwoot.markSent(id);
      expect(await handlers['live.status']({ backend: 'acme', remoteId: String(id) })).toMatchObject({ ok: true, remote: { status: 'completed' } });
      // Chatwoot answers 500 for a campaign id it does not have (the fake does the same).
      expect(await handlers['live.status']({ backend: 'acme', remoteId: '999' })).toMatchObject({ ok: false, error: { kind: 'server' } });
      expect(await handlers['live.status']({ backend: 'acme', remoteId: 'abc' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    } finally {
      await chatwoot.close();
    }
    expect(await live['live.status']({ backend: 'down', remoteId: flowId })).toMatchObject({ ok: false, error: { kind: expect.stringMatching(/refused|network/) } });
  });
});
