import type { FlowDocument } from '../../../src-shared/flow/document';
import { seededRandom } from '../../../src-shared/random/prng';
import type { BackendAdapter } from '../../../src-shared/sync/adapter';
import { createPublishQueue } from '../../../src-shared/sync/publish-queue';
import { createMemoryFlows, createMemorySyncStore } from '../../../src-shared/sync/store';
import { createChatwootAdapter } from '../chatwoot-adapter';
import { createChatwootClient } from '../chatwoot-client';
import { createDeliveryAdapter } from '../delivery-adapter';
import { createDeliveryClient } from '../delivery-client';
import { createNodeTransport } from '../http-transport';

/** Short enough to keep the suite fast, long enough for a loaded 2-core CI machine. */
export const TEST_TIMEOUT_MS = 400;

/**
 * A sync engine over the real HTTP adapters, an in-memory store and flows, and a clock the
 * test moves: `retry()` jumps to the next backoff time and runs what is due.
 */
export function createHarness(opts: { flows: FlowDocument[]; chatwoot?: { url: string; token: string; accountId?: number }; delivery?: { url: string; token: string } }) {
  let now = Date.parse('2030-01-01T00:00:00Z');
  const transport = createNodeTransport();
  const store = createMemorySyncStore();
  const flows = createMemoryFlows(opts.flows);
  const adapters: Record<string, BackendAdapter> = {};
  const chatwootClient = opts.chatwoot
    ? createChatwootClient({ connection: { type: 'chatwoot', baseUrl: opts.chatwoot.url, accountId: opts.chatwoot.accountId ?? 1 }, token: async () => opts.chatwoot!.token, transport, timeoutMs: TEST_TIMEOUT_MS })
    : undefined;
  if (chatwootClient) adapters.chatwoot = createChatwootAdapter(chatwootClient);
  const deliveryClient = opts.delivery
    ? createDeliveryClient({ connection: { type: 'delivery', baseUrl: opts.delivery.url }, token: async () => opts.delivery!.token, transport, timeoutMs: TEST_TIMEOUT_MS })
    : undefined;
  if (deliveryClient) adapters.delivery = createDeliveryAdapter(deliveryClient);
  const engine = createPublishQueue({ store, flows, adapter: (b) => adapters[b], clock: () => now, random: seededRandom(42), policy: { baseMs: 1000, maxMs: 60_000, maxAttempts: 6 } });
  return {
    engine,
    store,
    flows,
    chatwootClient,
    deliveryClient,
    async publish(flowId: string, backend: string) {
      await engine.publish(flowId, backend);
      return engine.runDue();
    },
    /** Moves the clock to the next retry and runs it. */
    async retry() {
      const wake = await engine.nextWakeAt();
      if (wake === null) throw new Error('nothing is waiting to be retried');
      now = Math.max(now, wake);
      return engine.runDue();
    },
    status: (flowId: string, backend: string) => engine.status(flowId, backend),
    record: (flowId: string, backend: string) => store.getRecord(flowId, backend),
  };
}
