import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFlowJson } from '../../src-shared/flow/index';
import { newSyncRecord } from '../../src-shared/sync/sync-record';
import type { DirectoryAnswer } from '../../src-shared/sync/contract';
import { liveChatFlow } from '../../src-shared/sync/testing/sync-builders';
import { startFakeChatwoot, type FakeChatwoot } from '../sync/testing/fake-chatwoot';
import { createBackendStore } from './backend-store';
import { createHandlerRegistry, type HandlerRegistry } from './handler-registry';
import { createHostHandlers } from './handlers';
import { createSecretStore } from './secret-store';

let dir: string;
let server: FakeChatwoot;
let registry: HandlerRegistry;
const file = () => join(dir, 'config', 'backends.json');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-sync-host-'));
  server = await startFakeChatwoot();
  const secrets = createSecretStore({ file: join(dir, 'config', 'secrets.json') });
  registry = createHandlerRegistry(createHostHandlers({ edition: 'web', version: '1', examplesDir: dir, secrets, backends: createBackendStore(file()) }));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const acme = () => ({ type: 'chatwoot' as const, baseUrl: `${server.url}/`, accountId: 1 });

describe('backends.* and sync.* on the host', () => {
  it('saves connections in an owner-only file, without their tokens, and lists them', async () => {
    expect(await registry.dispatch('backends.list', {})).toEqual([]);
    await registry.dispatch('backends.save', { name: 'acme', connection: acme() });
    await registry.dispatch('secrets.set', { name: 'backend.acme', value: 'admin-token' });
    await registry.dispatch('backends.save', { name: 'journeys', connection: { type: 'delivery', baseUrl: 'https://delivery.example.com' } });

    const listed = await registry.dispatch('backends.list', {});
    expect(listed).toEqual([
      { name: 'acme', connection: { type: 'chatwoot', baseUrl: server.url, accountId: 1 }, hasToken: true },
      { name: 'journeys', connection: { type: 'delivery', baseUrl: 'https://delivery.example.com' }, hasToken: false },
    ]);
    expect(JSON.stringify(listed)).not.toContain('admin-token');
    const text = await readFile(file(), 'utf8');
    expect(text).not.toContain('admin-token');
    expect(JSON.parse(text)).toMatchObject({ version: 1, backends: { acme: { type: 'chatwoot', accountId: 1 } } });
    if (process.platform !== 'win32') {
      expect((await stat(file())).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'config'))).mode & 0o777).toBe(0o700);
    }
  });

  it('tests a connection against the server with the stored token, step by step', async () => {
    await registry.dispatch('backends.save', { name: 'acme', connection: acme() });
    await registry.dispatch('secrets.set', { name: 'backend.acme', value: 'admin-token' });
    expect(await registry.dispatch('backends.test', { name: 'acme' })).toMatchObject({ ok: true, summary: expect.stringContaining('Acme') });

    // An edited connection is tested before it is saved: the wrong account is named as such.
    const wrong = await registry.dispatch('backends.test', { name: 'acme', connection: { ...acme(), accountId: 2 } });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'wrong-account' }, checks: [{ step: 'token', ok: true }, { step: 'account', ok: false }] });

    await registry.dispatch('secrets.set', { name: 'backend.acme', value: 'nope' });
    expect(await registry.dispatch('backends.test', { name: 'acme' })).toMatchObject({ ok: false, error: { kind: 'unauthorized' }, checks: [{ step: 'token', ok: false }] });
  });

  // #14.7: any local process holding the page token could make the host send the stored token anywhere.
  it('sends a stored token only to the address it was saved with; another address needs the token typed again', async () => {
    const thief = await startFakeChatwoot();
    try {
      await registry.dispatch('backends.save', { name: 'acme', connection: acme(), token: 'admin-token' });
      expect(await registry.dispatch('backends.test', { name: 'acme' })).toMatchObject({ ok: true });
      const elsewhere = { type: 'chatwoot' as const, baseUrl: thief.url, accountId: 1 };
      expect(await registry.dispatch('backends.test', { name: 'acme', connection: elsewhere })).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringMatching(/Type the token again/) } });
      await expect(registry.dispatch('backends.save', { name: 'acme', connection: elsewhere })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/Type the token again/) });
      expect(thief.requests).toEqual([]);
      // Typed again, the token is used for that address (test) or stored with it (save).
      expect(await registry.dispatch('backends.test', { name: 'acme', connection: elsewhere, token: 'typed-for-thief' })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
      expect(thief.requests.map((r) => r.headers.api_access_token)).toEqual(['typed-for-thief']);
      await registry.dispatch('backends.save', { name: 'acme', connection: elsewhere, token: 'admin-token' });
      expect(await registry.dispatch('backends.test', { name: 'acme' })).toMatchObject({ ok: true });
      expect(server.requests.filter((r) => r.headers.api_access_token).length).toBeGreaterThan(0);
    } finally {
      await thief.close();
    }
  });

  it('publishes through sync.push and lists the account directory', async () => {
    await registry.dispatch('backends.save', { name: 'acme', connection: acme() });
    await registry.dispatch('secrets.set', { name: 'backend.acme', value: 'admin-token' });
    const pushed = await registry.dispatch('sync.push', { backend: 'acme', flowText: exportFlowJson(liveChatFlow()), record: newSyncRecord('pricing-chat', 'acme') });
    expect(pushed).toMatchObject({ ok: true, action: 'created', remoteId: '1' });
    expect(server.campaignsOf('pricing-chat')).toHaveLength(1);
    expect(server.schemaViolations).toEqual([]);
    const dir = await registry.dispatch('sync.directory', { backend: 'acme' });
    expect(dir).toMatchObject({ ok: true, inboxes: expect.arrayContaining([expect.objectContaining({ id: 1, name: 'Website', kind: 'website' }), expect.objectContaining({ id: 5, name: 'API', kind: 'api' })]) });
    // …each with its working hours and timezone, which decide when a business-hours-only campaign shows (#14.11).
    const website = (dir as DirectoryAnswer).inboxes.find((i) => i.id === 1);
    expect(website?.hours).toMatchObject({ enabled: true, timezone: 'Europe/Berlin', days: expect.arrayContaining([{ day: 1, closedAllDay: false, openAllDay: false, open: 480, close: 1080 }]) });
    expect(website?.hours?.days).toHaveLength(7);
    // WhatsApp inboxes bring their approved templates, with the body text that holds {{1}}…
    expect(dir).toMatchObject({ inboxes: expect.arrayContaining([expect.objectContaining({ id: 4, name: 'WhatsApp', kind: 'whatsapp', provider: 'whatsapp_cloud', templates: [{ name: 'order_shipped', language: 'en', category: 'UTILITY', body: 'Hello {{1}}, your order has shipped.' }] })]) });
    expect(dir).toMatchObject({ agents: expect.arrayContaining([{ id: 12, name: 'Mia from Sales', email: 'mia@acme.example' }]), labels: expect.arrayContaining([{ id: 5, title: 'enterprise' }]) });
  });

  it('deletes a connection together with its token', async () => {
    await registry.dispatch('backends.save', { name: 'acme', connection: acme() });
    await registry.dispatch('secrets.set', { name: 'backend.acme', value: 'admin-token' });
    expect(await registry.dispatch('backends.delete', { name: 'acme' })).toEqual({ deleted: true });
    expect(await registry.dispatch('secrets.has', { name: 'backend.acme' })).toEqual({ stored: false });
    expect(await registry.dispatch('backends.list', {})).toEqual([]);
    expect(await registry.dispatch('backends.delete', { name: 'acme' })).toEqual({ deleted: false });
    expect(await registry.dispatch('sync.push', { backend: 'acme', flowText: '{}', record: newSyncRecord('x', 'acme') })).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it('reads a damaged or hand-edited file as no connections, and refuses bad input', async () => {
    await registry.dispatch('backends.save', { name: 'acme', connection: acme() });
    await writeFile(file(), '{"version": 1, "backends": {"acme": {"type": "chatwoot", "baseUrl": "ftp://x", "accountId": 1}}}');
    expect(await registry.dispatch('backends.list', {})).toEqual([]);
    await writeFile(file(), 'not json');
    expect(await registry.dispatch('backends.list', {})).toEqual([]);
    await expect(registry.dispatch('backends.save', { name: '../etc', connection: acme() })).rejects.toMatchObject({ code: 'bad-request' });
    // #14.6: "__proto__" was answered saved: true and then vanished from the file.
    await expect(registry.dispatch('backends.save', { name: '__proto__', connection: acme() })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/reserved/) });
    // #14.7: a token over plain http can be read on the way; only loopback may use it.
    await expect(registry.dispatch('backends.save', { name: 'plain', connection: { ...acme(), baseUrl: 'http://chat.example.com' } })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/https/) });
    await expect(registry.dispatch('backends.save', { name: 'acme', connection: { ...acme(), token: 'x' } })).rejects.toMatchObject({ code: 'bad-request' });
  });
});
