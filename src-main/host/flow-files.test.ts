import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSecretStore } from './secret-store';
import { createPendingOpens, readFlowFile, type FlowFileDialogs } from './flow-files';
import { createBackendStore } from './backend-store';
import { createHandlerRegistry } from './handler-registry';
import { createHostHandlers } from './handlers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-flow-files-'));
  await writeFile(join(dir, 'drip.json'), '{"schemaVersion":1}');
  await writeFile(join(dir, 'latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readFlowFile', () => {
  it('reads UTF-8 text and gives the page the name, not the path', async () => {
    expect(await readFlowFile(join(dir, 'drip.json'))).toEqual({ name: 'drip.json', text: '{"schemaVersion":1}' });
  });

  it('turns failures into messages', async () => {
    expect(await readFlowFile(join(dir, 'missing.json'))).toEqual({ name: 'missing.json', error: 'The file does not exist.' });
    expect(await readFlowFile(join(dir, 'latin1.json'))).toEqual({ name: 'latin1.json', error: 'The file is not UTF-8 text.' });
    expect(await readFlowFile(dir)).toMatchObject({ error: 'This is not a file.' });
  });
});

describe('createPendingOpens', () => {
  it('hands each file over once and says when there are new ones', () => {
    const added = vi.fn();
    const pending = createPendingOpens(added);
    pending.add({ name: 'a.json', text: '{}' });
    expect(added).toHaveBeenCalledOnce();
    expect(pending.take()).toEqual([{ name: 'a.json', text: '{}' }]);
    expect(pending.take()).toEqual([]);
  });
});

describe('file.* handlers', () => {
  const secrets = createSecretStore({ file: join(tmpdir(), 'cs-unused-secrets.json') });
  const base = { edition: 'electron' as const, version: '1', examplesDir: dir, secrets, backends: createBackendStore(join(tmpdir(), 'cs-unused-backends.json')) };

  it('answer supported:false without native dialogs (web edition)', async () => {
    const registry = createHandlerRegistry(createHostHandlers({ ...base, edition: 'web' }));
    expect(await registry.dispatch('file.openFlow', {})).toEqual({ supported: false });
    expect(await registry.dispatch('file.saveFlow', { suggestedName: 'a.json', text: '{}' })).toEqual({ supported: false });
    expect(await registry.dispatch('file.takePending', {})).toEqual({ files: [] });
  });

  it('open and save through the dialogs, and remember the files used', async () => {
    const used = vi.fn();
    const dialogs: FlowFileDialogs = { chooseFileToOpen: async () => join(dir, 'drip.json'), chooseFileToSave: async (name) => join(dir, `saved-${name}`) };
    const registry = createHandlerRegistry(createHostHandlers({ ...base, dialogs, onFileUsed: used }));
    expect(await registry.dispatch('file.openFlow', {})).toEqual({ supported: true, canceled: false, file: { name: 'drip.json', text: '{"schemaVersion":1}' } });
    expect(await registry.dispatch('file.saveFlow', { suggestedName: 'out.json', text: '{"a":1}' })).toEqual({ supported: true, canceled: false, name: 'saved-out.json' });
    expect(await readFile(join(dir, 'saved-out.json'), 'utf8')).toBe('{"a":1}');
    expect(used.mock.calls).toEqual([[join(dir, 'drip.json')], [join(dir, 'saved-out.json')]]);
  });

  it('report a cancelled dialog', async () => {
    const dialogs: FlowFileDialogs = { chooseFileToOpen: async () => undefined, chooseFileToSave: async () => undefined };
    const registry = createHandlerRegistry(createHostHandlers({ ...base, dialogs }));
    expect(await registry.dispatch('file.openFlow', {})).toEqual({ supported: true, canceled: true });
    expect(await registry.dispatch('file.saveFlow', { suggestedName: 'a.json', text: '' })).toEqual({ supported: true, canceled: true });
  });

  it('never let the page name a path to save to', async () => {
    const chooseFileToSave = vi.fn(async () => undefined);
    const registry = createHandlerRegistry(createHostHandlers({ ...base, dialogs: { chooseFileToOpen: async () => undefined, chooseFileToSave } }));
    for (const suggestedName of ['../../.bashrc', '/etc/passwd', 'C:\\\\x.json']) {
      await expect(registry.dispatch('file.saveFlow', { suggestedName, text: '' })).rejects.toMatchObject({ code: 'bad-request' });
    }
    await expect(registry.dispatch('file.saveFlow', { suggestedName: 'a.json', text: '', path: '/tmp/x' })).rejects.toMatchObject({ code: 'bad-request' });
    expect(chooseFileToSave).not.toHaveBeenCalled();
  });
});

describe('secrets.* handlers', () => {
  it('store, test and delete a token, and never send it back', async () => {
    const secrets = createSecretStore({ file: join(dir, 'secrets', 'secrets.json') });
    const registry = createHandlerRegistry(createHostHandlers({ edition: 'web', version: '1', examplesDir: dir, secrets, backends: createBackendStore(join(dir, 'backends.json')) }));
    const replies = [
      await registry.dispatch('secrets.set', { name: 'backend.default', value: 'tok-XYZ' }),
      await registry.dispatch('secrets.has', { name: 'backend.default' }),
      await registry.dispatch('secrets.delete', { name: 'backend.default' }),
      await registry.dispatch('secrets.has', { name: 'backend.default' }),
    ];
    expect(replies).toEqual([{ stored: true, protection: 'owner-only-file' }, { stored: true }, { deleted: true }, { stored: false }]);
    expect(JSON.stringify(replies)).not.toContain('tok-XYZ');
    await expect(registry.dispatch('secrets.get', { name: 'backend.default' })).rejects.toMatchObject({ code: 'unknown-channel' });
  });
});
