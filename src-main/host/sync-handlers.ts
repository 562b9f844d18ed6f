import { backendSecretName, sameAddress } from '../../src-shared/sync/backend-config';
import { syncHostContract } from '../../src-shared/sync/contract';
import { createNodeTransport, type HttpTransport } from '../sync/http-transport';
import { createSyncService } from '../sync/sync-service';
import { secretTokenSource } from '../sync/token-source';
import type { BackendStore } from './backend-store';
import { HostError, type HostHandlers } from './handler-registry';
import type { SecretStore } from './secret-store';

export type SyncChannel = keyof typeof syncHostContract;

export interface SyncHandlerOptions {
  backends: BackendStore;
  /** Tokens are read from here under `backendSecretName(name)`; the page sets them with `secrets.set`. */
  secrets: SecretStore;
  /** Replaced in tests; the real one is node:http(s). */
  transport?: HttpTransport;
  timeoutMs?: number;
}

/**
 * The host's side of the sync channels: saved connections (`backends.*`) and the calls that
 * reach a backend (`backends.test`, `sync.*`, see src-main/sync/sync-service.ts). A stored token
 * never leaves this process: `backends.list` says only whether one is stored, and deleting a
 * connection deletes its token too.
 */
export function createSyncHandlers(options: SyncHandlerOptions): Pick<HostHandlers, SyncChannel> {
  const { backends, secrets } = options;
  const service = createSyncService({
    connection: (name) => backends.get(name),
    tokens: secretTokenSource(secrets, backendSecretName),
    transport: options.transport ?? createNodeTransport(),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    'backends.list': async () => Promise.all((await backends.list()).map(async ({ name, connection }) => ({ name, connection, hasToken: await secrets.has(backendSecretName(name)) }))),
    'backends.save': async ({ name, connection, token }) => {
      const secret = backendSecretName(name);
      // A stored token is only ever sent to the address it was saved with (#14.7): a new address needs it typed again.
      if (!token && (await secrets.has(secret)) && !sameAddress(await backends.get(name), connection)) {
        throw new HostError('bad-request', 'Type the token again: a stored token is only sent to the address it was saved with.');
      }
      await backends.save(name, connection);
      if (token) await secrets.set(secret, token);
      return { saved: true };
    },
    'backends.delete': async ({ name }) => {
      const deleted = await backends.delete(name);
      const hadToken = await secrets.delete(backendSecretName(name));
      return { deleted: deleted || hadToken };
    },
    'backends.test': (args) => service['backends.test'](args),
    'sync.directory': (args) => service['sync.directory'](args),
    'sync.push': (args) => service['sync.push'](args),
    'sync.unpublish': (args) => service['sync.unpublish'](args),
    'sync.contacts': (args) => service['sync.contacts'](args),
    // The service answers the schema's input shape (defaults not yet applied); parse to its output.
    'sync.stats': async (args) => syncHostContract['sync.stats'].result.parse(await service['sync.stats'](args)),
  };
}
