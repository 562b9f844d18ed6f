import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFlowJson } from '../../src-shared/flow';
import { seededRandom } from '../../src-shared/random/prng';
import { createPublishQueue } from '../../src-shared/sync/publish-queue';
import { createMemoryFlows, createMemorySyncStore } from '../../src-shared/sync/store';
import { liveChatFlow, oneOffFlow } from '../../src-shared/sync/testing/sync-builders';
import { createPushCommand } from '../cli/commands/push';
import { run } from '../cli/run';
import { createMemoryIo } from '../cli/testing/memory-io';
import { createChatwootAdapter } from './chatwoot-adapter';
import { createChatwootClient } from './chatwoot-client';
import { createNodeTransport } from './http-transport';
import { startFakeChatwoot, type FakeChatwoot } from './testing/fake-chatwoot';

/**
 * #14.1: Chatwoot's de-duplication is list-then-create, not atomic. Six writers at once (CLI
 * processes, or app tabs) must leave exactly one campaign per flow, every time.
 */
const RACES = 50;
const WRITERS = 6;
let chatwoot: FakeChatwoot;
let lockDir: string;

beforeAll(async () => {
  chatwoot = await startFakeChatwoot();
  lockDir = await mkdtemp(join(tmpdir(), 'cs-push-locks-'));
});
afterAll(async () => {
  await chatwoot.close();
  await rm(lockDir, { recursive: true, force: true });
});

const backendsFile = () => JSON.stringify({ acme: { type: 'chatwoot', baseUrl: chatwoot.url, accountId: 1, tokenEnv: 'CW_TOKEN' } });
const flowFor = (i: number) => (i % 2 ? liveChatFlow({ id: `race-chat-${i}` }) : oneOffFlow({ id: `race-sms-${i}` }));

async function pushAll(flowText: string, lock: string | null) {
  return Promise.all(
    Array.from({ length: WRITERS }, async () => {
      const io = createMemoryIo({ files: { 'race.json': flowText, 'backends.json': backendsFile() } });
      const command = createPushCommand({ env: { CW_TOKEN: 'admin-token' }, transport: createNodeTransport(), timeoutMs: 5000, lockDir: lock });
      return { code: await run(['push', 'race.json', '-b', 'acme', '-c', 'backends.json'], io, { commands: [command], version: '0' }), err: io.err() };
    }),
  );
}

describe(`${RACES} races of ${WRITERS} concurrent publishes of one flow`, () => {
  it('CLI x 6 with the lock file: 0 duplicates, every push succeeds, no lock left behind', async () => {
    let duplicates = 0;
    for (let i = 0; i < RACES; i++) {
      const flow = flowFor(i);
      const results = await pushAll(exportFlowJson(flow), lockDir);
      expect(results.map((r) => r.code), results.map((r) => r.err).join('\n')).toEqual(Array(WRITERS).fill(0));
      duplicates += chatwoot.campaignsOf(flow.campaign.id).length - 1;
    }
    expect(duplicates).toBe(0);
    expect(await readdir(lockDir)).toEqual([]);
  }, 240_000);

  it('CLI x 6 without the lock (writers on other machines): the re-read removes our own duplicates and says so', async () => {
    let duplicates = 0;
    let removed = 0;
    for (let i = 0; i < RACES; i++) {
      const flow = flowFor(1000 + i);
      const results = await pushAll(exportFlowJson(flow), null);
      expect(results.map((r) => r.code)).toEqual(Array(WRITERS).fill(0));
      removed += results.filter((r) => /the copy made here \(campaign \d+\) was removed/.test(r.err)).length;
      duplicates += chatwoot.campaignsOf(flow.campaign.id).length - 1;
    }
    expect(duplicates).toBe(0);
    // Without a lock the six really race: most rounds create copies, and each is removed by its creator.
    expect(removed).toBeGreaterThan(RACES);
  }, 240_000);

  it('app tabs x 6 (one shared outbox, one engine per tab, a cross-tab lock): 0 duplicates', async () => {
    let duplicates = 0;
    for (let i = 0; i < RACES; i++) {
      const flow = flowFor(2000 + i);
      const store = createMemorySyncStore();
      const flows = createMemoryFlows([flow]);
      const held = new Map<string, Promise<unknown>>();
      // What navigator.locks.request does across tabs, for one process.
      const exclusive = <T>(key: string, work: () => Promise<T>): Promise<T> => {
        const before = held.get(key) ?? Promise.resolve();
        const next = before.then(work, work);
        held.set(key, next.catch(() => undefined));
        return next;
      };
      const tabs = Array.from({ length: WRITERS }, (_, t) => {
        const client = createChatwootClient({ connection: { type: 'chatwoot', baseUrl: chatwoot.url, accountId: 1 }, token: async () => 'admin-token', transport: createNodeTransport(), timeoutMs: 5000 });
        const adapter = createChatwootAdapter(client);
        return createPublishQueue({ store, flows, adapter: () => adapter, clock: Date.now, random: seededRandom(t + 1), exclusive });
      });
      await Promise.all(tabs.map((engine) => engine.publish(flow.campaign.id, 'acme')));
      await Promise.all(tabs.map((engine) => engine.runDue()));
      duplicates += chatwoot.campaignsOf(flow.campaign.id).length - 1;
      expect(store.records()[0]).toMatchObject({ lastAttempt: { ok: true } });
    }
    expect(duplicates).toBe(0);
  }, 240_000);
});
