import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';
import { appOrigin } from './security';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-protocol-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
});

afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('createAppProtocolHandler', () => {
  it('serves the bundle with the CSP header', async () => {
    const res = await createAppProtocolHandler(dir)(new Request(`${appOrigin}/`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('404s files outside the bundle and other hosts', async () => {
    const handler = createAppProtocolHandler(dir);
    expect((await handler(new Request(`${appOrigin}/%2e%2e/%2e%2e/etc/passwd`))).status).toBe(404);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });
});
