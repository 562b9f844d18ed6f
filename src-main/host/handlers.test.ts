import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyFlow, exportFlowJson } from '../../src-shared/flow/index';
import { createBackendStore } from './backend-store';
import { createHandlerRegistry } from './handler-registry';
import { createHostHandlers } from './handlers';
import { createSecretStore } from './secret-store';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-examples-'));
  await writeFile(join(dir, 'welcome.json'), exportFlowJson(createEmptyFlow({ name: 'Welcome', kind: 'workflow' })));
  await writeFile(join(dir, 'broken.json'), '{ not json');
  await writeFile(join(dir, 'notes.txt'), 'not an example');
  await writeFile(join(tmpdir(), 'cs-secret.json'), '{"secret":true}');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const secrets = createSecretStore({ file: join(tmpdir(), 'cs-unused-secrets.json') });
const backends = createBackendStore(join(tmpdir(), 'cs-unused-backends.json'));
const handlers = () => createHostHandlers({ edition: 'web', version: '1.2.3', platform: 'linux', examplesDir: dir, secrets, backends });

describe('host handlers', () => {
  it('reports the edition, version and platform', async () => {
    expect(await handlers()['app.info']({})).toEqual({ edition: 'web', version: '1.2.3', platform: 'linux' });
  });

  it('lists only examples that import cleanly', async () => {
    expect(await handlers()['examples.list']({})).toEqual([{ file: 'welcome.json', name: 'Welcome', kind: 'workflow', description: '' }]);
  });

  it('lists nothing when the folder is missing', async () => {
    const missing = createHostHandlers({ edition: 'web', version: '1', examplesDir: join(dir, 'nope'), secrets, backends });
    expect(await missing['examples.list']({})).toEqual([]);
  });

  it('reads a listed example', async () => {
    const { file, text } = await handlers()['examples.read']({ file: 'welcome.json' });
    expect(file).toBe('welcome.json');
    expect(JSON.parse(text).campaign.name).toBe('Welcome');
  });

  it('refuses names outside the listing, including path traversal', async () => {
    const registry = createHandlerRegistry(handlers());
    for (const file of ['../cs-secret.json', '..%2Fcs-secret.json', '/etc/passwd', 'notes.txt', 'missing.json', 'welcome.json/']) {
      await expect(registry.dispatch('examples.read', { file })).rejects.toMatchObject({ code: 'not-found' });
    }
  });
});
