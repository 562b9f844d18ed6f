import { createNodeTransport } from '../http-transport';
import { createSyncService } from '../sync-service';
import { staticTokenSource } from '../token-source';
import type { FakeChatwoot } from './fake-chatwoot';

/**
 * A sync service against a fake Chatwoot: the connection "acme" is its account 1, "runner" a
 * delivery API on the same server; any other name is not configured.
 */
export function fakeSyncService(server: FakeChatwoot) {
  return createSyncService({
    connection: async (name) => (name === 'acme' ? { type: 'chatwoot', baseUrl: server.url, accountId: 1 } : name === 'runner' ? { type: 'delivery', baseUrl: server.url } : undefined),
    tokens: staticTokenSource({ acme: 'admin-token', runner: 'x' }),
    transport: createNodeTransport(),
    timeoutMs: 1000,
  });
}
