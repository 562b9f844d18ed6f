import { dirname } from 'node:path';
import * as z from 'zod';
import { lazySchema } from '../../src-shared/schema/lazy-schema';
import { BackendConnection, BackendName } from '../../src-shared/sync/backend-config';
import { restrictToOwner } from './atomic-write';
import { createJsonStateFile } from './json-state-file';

/** The saved connections file: where each backend is, never its token (that is a secret). */
const backendsFileSchema = lazySchema(() => z.object({
  version: z.literal(1),
  backends: z.record(BackendName, BackendConnection),
}));
type BackendsState = z.infer<typeof backendsFileSchema>;

/** The host's saved backend connections, by name. */
export interface BackendStore {
  list(): Promise<{ name: string; connection: BackendConnection }[]>;
  get(name: string): Promise<BackendConnection | undefined>;
  save(name: string, connection: BackendConnection): Promise<void>;
  delete(name: string): Promise<boolean>;
}

/**
 * Saved connections in a small JSON file in the user's config folder (`backends.json`),
 * validated on every read (a hand-edited file that does not parse reads as empty rather than
 * crashing the app) and written atomically, owner-only (0600 in a 0700 folder): it says which
 * servers the user works with. Writes run one at a time so two quick saves cannot lose each other.
 */
export function createBackendStore(file: string): BackendStore {
  const state = createJsonStateFile(file, backendsFileSchema, (): BackendsState => ({ version: 1, backends: {} }), { mode: 0o600, dirMode: 0o700 });
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const load = async () => {
    const loaded = await state.load();
    // A null-prototype copy, so a backend named like an Object property is just a name.
    return { version: 1 as const, backends: Object.assign(Object.create(null) as BackendsState['backends'], loaded.backends) };
  };
  const write = async (value: BackendsState) => {
    await state.save(value);
    await restrictToOwner(dirname(file), true);
  };
  return {
    list: () => serial(async () => Object.entries((await load()).backends).map(([name, connection]) => ({ name, connection })).sort((a, b) => a.name.localeCompare(b.name))),
    get: (name) => serial(async () => (await load()).backends[name]),
    save: (name, connection) =>
      serial(async () => {
        const current = await load();
        current.backends[BackendName.parse(name)] = BackendConnection.parse(connection);
        await write(current);
      }),
    delete: (name) =>
      serial(async () => {
        const current = await load();
        if (!(name in current.backends)) return false;
        delete current.backends[name];
        await write(current);
        return true;
      }),
  };
}
