import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostChannels, webTransport, type HostErrorBody } from '../../src-shared/host/contract';
import { createHandlerRegistry } from '../host/handler-registry';
import { fakeHostHandlers } from '../host/testing/fake-handlers';
import { startWebHost, type WebHost } from './host-server';

let rendererDir: string;
let host: WebHost;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'cs-web-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'index-B5wlkEdG.js'), 'console.log(2)');
  const registry = createHandlerRegistry(fakeHostHandlers({ 'app.info': () => ({ edition: 'web', version: '9.9.9', platform: 'test' }) }));
  host = await startWebHost({ registry, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});

function api(channel: string, body: string, headers: Record<string, string> = { [webTransport.tokenHeader]: host.token }) {
  return fetch(new URL(`${webTransport.apiPrefix}${channel}`, host.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('web host', () => {
  it('listens on loopback on the port it reports', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves index.html with a strict CSP and the token injected', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain(`<meta name="${webTransport.tokenMetaName}" content="${host.token}">`);
  });

  it('serves bundle files and 404s the rest', async () => {
    expect((await fetch(new URL('app.js', host.url))).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(new URL('missing.js', host.url))).status).toBe(404);
  });

  it('lets the browser keep content-hashed build files, never the page (which carries the token) or unhashed files', async () => {
    const hashed = await fetch(new URL('assets/index-B5wlkEdG.js', host.url));
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(new URL('app.js', host.url))).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(host.url)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(new URL('index.html', host.url))).headers.get('cache-control')).toBe('no-store');
    // A hashed name that is not in the build: a 404, which nothing keeps.
    const missing = await fetch(new URL('assets/nothing-12345678.js', host.url));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a contract call with the token', async () => {
    const res = await api('app.info', '{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ edition: 'web', version: '9.9.9', platform: 'test' });
  });

  it('refuses calls without the token, or with a wrong one', async () => {
    expect((await api('app.info', '{}', {})).status).toBe(401);
    expect((await api('app.info', '{}', { [webTransport.tokenHeader]: 'guess' })).status).toBe(401);
  });

  it('requires the token on every channel, known or not, before reading the body', async () => {
    for (const channel of [...hostChannels, 'fs.delete']) {
      const res = await api(channel, '{"name":"backend.default","value":"x"}', {});
      expect(res.status, channel).toBe(401);
      expect(((await res.json()) as HostErrorBody).error.code).toBe('unauthorized');
    }
  });

  it('does not take the token from the URL or a cookie', async () => {
    const url = new URL(`${webTransport.apiPrefix}app.info?token=${host.token}`, host.url);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await api('app.info', '{}', { cookie: `${webTransport.tokenHeader}=${host.token}` })).status).toBe(401);
  });

  it('makes a fresh random token per launch', async () => {
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('404s unknown channels', async () => {
    const res = await api('fs.delete', '{}');
    expect(res.status).toBe(404);
    expect(((await res.json()) as HostErrorBody).error.code).toBe('unknown-channel');
  });

  it('400s bad payloads with a message', async () => {
    const res = await api('examples.read', '{"file": 3}');
    expect(res.status).toBe(400);
    expect(((await res.json()) as HostErrorBody).error.message).toMatch(/file/);
    expect((await api('examples.read', '{nope')).status).toBe(400);
  });

  it('only accepts POST on the API', async () => {
    expect((await fetch(new URL('/api/app.info', host.url))).status).toBe(405);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('moves to the next port when asked to and the first is taken', async () => {
    const registry = createHandlerRegistry(fakeHostHandlers());
    const second = await startWebHost({ registry, rendererDir, port: host.port, portAttempts: 5 });
    try {
      expect(second.port).toBeGreaterThan(host.port);
      expect(second.token).not.toBe(host.token);
    } finally {
      await second.close();
    }
  });
});
