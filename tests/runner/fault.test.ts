import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationCreated, postWebhook, startChatwootStandin, type ChatwootStandin } from '../../src-main/runner/chatwoot/testing/chatwoot-standin';
import { apiClient, TEST_TOKEN, until } from '../../src-main/runner/testing/runner-fixtures';
import { edge, flow, node } from '../../src-shared/testing/flow-builders';
import type { FlowDocument, FlowNode } from '../../src-shared/flow';
import { testPostgres, type TestPostgres } from './postgres';
import { freePort, spawnRunner, type RunnerProcess } from './runner-process';

/**
 * The size: 10,000 journeys with a kill every 5 s. On the 2-core machine without other
 * load it took 384 s until every journey ended (75 kills, 20,000 messages, each once; 38 s per
 * 1,000 journeys); CS_FAULT_JOURNEYS sets a smaller size for a quick run.
 */
const JOURNEYS = Number(process.env.CS_FAULT_JOURNEYS ?? 10000);
const KILL_EVERY_MS = 5000;
const SECRET = 'fault-secret';

const followUp = (id: string, body: string): FlowNode => ({ ...node(id, 'send', { channel: 'chat', body }), data: { channel: 'chat', subject: '', body, conversation: 'follow_up' } }) as FlowNode;

/** Two sends per journey around a one-minute timer: entries are backdated so the timer fires during the run. */
function faultFlow(): FlowDocument {
  return flow(
    [followUp('hello', 'Hello'), node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'minutes' } } }), followUp('bye', 'Bye'), node('done', 'end', {})],
    [edge('trigger', 'hello'), edge('hello', 'w'), edge('w', 'bye'), edge('bye', 'done')],
    { id: 'fault-flow', name: 'Fault flow', trigger: { type: 'event', event: 'conversation.created', properties: [] }, entryFrequency: { type: 'every_time' }, channelDefaults: { inboxId: 'Acme Website' } },
  );
}

let pgServer: TestPostgres | undefined;
let standin: ChatwootStandin | undefined;
const runners: (RunnerProcess | null)[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r?.kill9()));
  await standin?.close();
  await pgServer?.stop();
});

describe('fault test: 3 runner processes on one PostgreSQL, one killed with -9 every 5 s', async () => {
  const server = await testPostgres();
  it.skipIf('skip' in server)(`every send reaches Chatwoot exactly once and the statistics equal the journeys table (${JOURNEYS} journeys)`, { timeout: Math.max(600_000, 200 * JOURNEYS) }, async () => {
    pgServer = server as TestPostgres;
    const url = await pgServer.createDatabase();
    standin = await startChatwootStandin({ recordRequests: false, clock: Math.floor(Date.now() / 1000) });
    const env = { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN, CHATWOOT_BASE_URL: standin.url, CHATWOOT_ACCOUNT_ID: String(standin.accountId), CHATWOOT_API_TOKEN: standin.token, CHATWOOT_WEBHOOK_SECRET: SECRET };
    const ports = await Promise.all([0, 1, 2].map(() => freePort()));
    const start = (i: number) => spawnRunner(['--database-url', url, '--workers', '2'], env, ports[i]!);
    runners.push(...(await Promise.all([0, 1, 2].map(start))));
    const api = apiClient(runners[0]!.url);
    await api.publish(faultFlow());
    const t0 = performance.now();

    // The killer: every 5 s one live process dies with SIGKILL; it is started again in the
    // background (starting takes longer than 5 s here, so at times two are down).
    let killing = true;
    let kills = 0;
    const restarts: Promise<void>[] = [];
    const killer = (async () => {
      for (let n = 0; killing; n++) {
        await new Promise((r) => setTimeout(r, KILL_EVERY_MS));
        const live = [0, 1, 2].filter((i) => runners[i]);
        if (!killing || live.length < 2) continue;
        const i = live[n % live.length]!;
        const r = runners[i]!;
        runners[i] = null;
        await r.kill9();
        kills++;
        restarts.push(start(i).then((p) => void (runners[i] = p), () => {}));
      }
    })();

    // Chatwoot delivers each conversation_created, retrying (as Chatwoot does) while a process is down.
    const convs: number[] = [];
    const post = async (k: number) => {
      const contactId = 10_000 + k;
      const c = standin!.addConversation({ contactId });
      convs.push(c.id);
      const created = Math.floor(Date.now() / 1000) - 45;
      const payload = conversationCreated({ id: c.id, contact: { id: contactId, name: `v${k}` }, inboxId: 1, channel: 'Channel::WebWidget', status: 'open', labels: [], createdAt: created, lastActivityAt: created });
      const deliveryId = `d-${k}`;
      for (let attempt = 0; ; attempt++) {
        const live = runners.filter((r): r is RunnerProcess => r !== null);
        const target = live[(k + attempt) % Math.max(1, live.length)];
        const status = target ? await postWebhook(`${target.url}/webhooks/chatwoot`, SECRET, payload, { deliveryId }).then((r) => r.status, () => 0) : 0;
        if (status === 200) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    for (let k = 0; k < JOURNEYS; k += 20) await Promise.all(Array.from({ length: Math.min(20, JOURNEYS - k) }, (_, i) => post(k + i)));
    const posted = performance.now();

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await until(
        `${JOURNEYS} journeys to end and ${2 * JOURNEYS} messages`,
        async () => {
          const ended = (await db.query<{ n: number }>(`select count(*)::int n from campaign_studio.journeys where status = 'ended'`)).rows[0]!.n;
          return ended === JOURNEYS && standin!.created().length >= 2 * JOURNEYS;
        },
        Math.max(480_000, 100 * JOURNEYS),
        1000,
      );
      const done = performance.now();
      killing = false;
      await killer;
      await Promise.all(restarts);
      // A process killed after Chatwoot took a message but before its outbox row was marked
      // sent leaves that job locked; another process releases it once the dead worker's
      // heartbeat is stale, and the retry finds the message instead of sending it again.
      await until('every outbox row to be sent', async () => (await db.query(`select 1 from campaign_studio.outbox where status <> 'sent'`)).rowCount === 0, 180_000, 1000);

      const keys = standin.created().map((m) => String(m.contentAttributes.campaign_studio_key));
      expect(keys).toHaveLength(2 * JOURNEYS);
      expect(new Set(keys).size).toBe(2 * JOURNEYS);
      const perConv = new Map<number, number>();
      for (const m of standin.created()) perConv.set(m.conversationId, (perConv.get(m.conversationId) ?? 0) + 1);
      expect(convs.every((c) => perConv.get(c) === 2)).toBe(true);

      const table = (await db.query<{ status: string; n: number }>(`select status, count(*)::int n from campaign_studio.journeys group by status`)).rows;
      const live = runners.find((r): r is RunnerProcess => r !== null)!;
      const stats = (await apiClient(live.url).call('GET', '/v1/flows/fault-flow/stats')).body;
      expect(stats.journeys).toEqual(Object.fromEntries(table.map((r) => [r.status, r.n])));
      expect(stats.journeys).toEqual({ ended: JOURNEYS });
      const at = (id: string) => stats.nodes.find((n: { nodeId: string }) => n.nodeId === id);
      expect(at('hello')).toMatchObject({ entered: JOURNEYS, completed: { next: JOURNEYS }, failed: 0, active: 0 });
      expect(at('w')).toMatchObject({ entered: JOURNEYS, completed: { next: JOURNEYS }, active: 0 });
      expect(at('done')).toMatchObject({ entered: JOURNEYS, exited: JOURNEYS });
      const outbox = (await db.query<{ status: string; n: number }>(`select status, count(*)::int n from campaign_studio.outbox group by status`)).rows;
      expect(outbox).toEqual([{ status: 'sent', n: 2 * JOURNEYS }]);
      expect(kills).toBeGreaterThan(0);
      const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
      console.log(
        `fault test: ${JOURNEYS} journeys, ${kills} kill -9, ${keys.length} messages, each once; webhooks posted in ${s(posted - t0)}, ` +
          `every journey ended in ${s(done - t0)} (${((done - t0) / JOURNEYS).toFixed(0)} s per 1,000 journeys)`,
      );
    } finally {
      killing = false;
      await db.end();
    }
  });
  if ('skip' in server) console.warn(`fault test skipped: ${server.skip}`);
});
