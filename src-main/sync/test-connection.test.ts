import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatwootClient } from './chatwoot-client';
import { createDeliveryClient } from './delivery-client';
import { classifyNetworkError, createNodeTransport, type NodeTransportOptions } from './http-transport';
import { testChatwootConnection, testDeliveryConnection } from './test-connection';
import { startFakeChatwoot, type FakeChatwoot } from './testing/fake-chatwoot';
import { startFakeDelivery } from './testing/fake-delivery';

let server: FakeChatwoot;
beforeEach(async () => {
  server = await startFakeChatwoot();
  server.users.push({ id: 2, name: 'Sam', email: 'sam@acme.example', token: 'agent-token', accounts: [{ id: 1, role: 'agent' }] });
});
afterEach(() => server.close());

const client = (opts: { url?: string; token?: string; accountId?: number; transport?: NodeTransportOptions } = {}) =>
  createChatwootClient({ connection: { type: 'chatwoot', baseUrl: opts.url ?? server.url, accountId: opts.accountId ?? 1 }, token: async () => opts.token ?? 'admin-token', transport: createNodeTransport(opts.transport), timeoutMs: 400 });

describe('Test connection (Chatwoot)', () => {
  it('passes every step with an administrator token', async () => {
    const r = await testChatwootConnection(client());
    expect(r).toMatchObject({ ok: true, summary: expect.stringMatching(/Connected to "Acme" on 127\.0\.0\.1:\d+ as Ada Admin/) });
    expect(r.checks.map((c) => c.step)).toEqual(['token', 'account', 'campaigns']);
  });

  it.each([
    ['a refused token', { token: 'nope' }, 'unauthorized', /refused the API token/],
    ['an agent, not an administrator', { token: 'agent-token' }, 'not-admin', /Sam is an agent in "Acme"; only administrators/],
    ['an account the user is not in', { accountId: 7 }, 'wrong-account', /not a member of account 7; their accounts: 1 \(Acme\)/],
  ] as const)('names %s', async (_what, opts, kind, message) => {
    const r = await testChatwootConnection(client(opts));
    expect(r).toMatchObject({ ok: false, error: { kind, message: expect.stringMatching(message) } });
  });

  it('says when API access is disabled (403)', async () => {
    server.account().apiAccess = false;
    expect(await testChatwootConnection(client())).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringMatching(/API access may be disabled/) }, checks: [{ ok: true }, { ok: true }, { ok: false, step: 'campaigns' }] });
  });

  it('says when the server name does not resolve (DNS)', async () => {
    const lookup = ((_host: string, _opts: unknown, cb: (e: Error) => void) => cb(Object.assign(new Error('getaddrinfo ENOTFOUND chat.example.invalid'), { code: 'ENOTFOUND' }))) as unknown as NodeTransportOptions['lookup'];
    const r = await testChatwootConnection(client({ url: 'http://chat.example.invalid', transport: { lookup } }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'dns', message: expect.stringMatching(/"chat\.example\.invalid" could not be found/) } });
  });

  it('says when TLS fails (https to a plain-HTTP port)', async () => {
    const r = await testChatwootConnection(client({ url: server.url.replace('http:', 'https:') }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'tls', retryable: false, message: expect.stringMatching(/Could not connect securely/) } });
  });

  it('says when nothing listens (refused) and when the answer is not JSON', async () => {
    await server.refuse();
    expect(await testChatwootConnection(client())).toMatchObject({ ok: false, error: { kind: 'refused' } });
    await server.accept();
    server.fault({ path: '/api/v1/profile', fault: { type: 'status', status: 200, raw: '<!doctype html><title>Login</title>' } });
    expect(await testChatwootConnection(client())).toMatchObject({ ok: false, error: { kind: 'malformed', message: expect.stringMatching(/an HTML page\. Is the URL that of the API server\?/) } });
  });

  it('says when the server is too slow', async () => {
    server.fault({ path: '/api/v1/profile', fault: { type: 'hang' } });
    expect(await testChatwootConnection(client())).toMatchObject({ ok: false, error: { kind: 'timeout', retryable: true } });
  });
});

describe('Test connection (delivery API)', () => {
  it('accepts a good token and refuses a bad one', async () => {
    const d = await startFakeDelivery();
    try {
      const make = (token: string) => createDeliveryClient({ connection: { type: 'delivery', baseUrl: d.url }, token: async () => token, transport: createNodeTransport(), timeoutMs: 400 });
      expect(await testDeliveryConnection(make('delivery-token'))).toMatchObject({ ok: true, summary: expect.stringMatching(/0 flows/) });
      expect(await testDeliveryConnection(make('bad'))).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    } finally {
      await d.close();
    }
  });
});

describe('classifyNetworkError', () => {
  const err = (code: string, message = code) => Object.assign(new Error(message), { code });
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ETIMEDOUT', 'timeout'],
    ['ECONNRESET', 'network'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
  ])('%s → %s', (code, kind) => {
    expect(classifyNetworkError(err(code), 'chat.example.com:443').kind).toBe(kind);
  });

  it('explains certificate problems in words', () => {
    expect(classifyNetworkError(err('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'x').message).toMatch(/self-signed/);
    expect(classifyNetworkError(err('CERT_HAS_EXPIRED', 'certificate has expired'), 'x').message).toMatch(/expired/);
  });
});
