import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFlowJson } from '../../src-shared/flow/io';
import { generateFlow } from '../../src-shared/flow/generator';
import { maxFlowFileBytes, maxHostRequestBytes, webTransport } from '../../src-shared/host/contract';
import { newSyncRecord } from '../../src-shared/sync/sync-record';
import { createBackendStore } from '../host/backend-store';
import { createHandlerRegistry } from '../host/handler-registry';
import { createHostHandlers } from '../host/handlers';
import { createSecretStore } from '../host/secret-store';
import { startFakeDelivery, type FakeDelivery } from '../sync/testing/fake-delivery';
import { startWebHost, type WebHost } from './host-server';

let dir: string;
let host: WebHost;
let delivery: FakeDelivery;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-host-publish-'));
  delivery = await startFakeDelivery();
  const secrets = createSecretStore({ file: join(dir, 'secrets.json') });
  const registry = createHandlerRegistry(createHostHandlers({ edition: 'web', version: '1', examplesDir: dir, secrets, backends: createBackendStore(join(dir, 'backends.json')) }));
  host = await startWebHost({ registry, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  await host.close();
  await delivery.close();
  await rm(dir, { recursive: true, force: true });
});

const call = (channel: string, args: unknown) =>
  fetch(new URL(`${webTransport.apiPrefix}${channel}`, host.url), { method: 'POST', headers: { 'content-type': 'application/json', [webTransport.tokenHeader]: host.token }, body: typeof args === 'string' ? args : JSON.stringify(args) });

// #14.3: the host capped bodies at 1 MB while the contract allowed 20 MB.
describe('one size limit for the web host and the contract', () => {
  it('publishes a valid 5,000-step flow (over 2 MB) through the web host', async () => {
    await call('backends.save', { name: 'journeys', connection: { type: 'delivery', baseUrl: delivery.url } });
    await call('secrets.set', { name: 'backend.journeys', value: delivery.token });
    const doc = generateFlow({ nodes: 5_000, seed: 42 });
    const flowText = exportFlowJson(doc);
    expect(flowText.length).toBeGreaterThan(2_000_000);
    const res = await call('sync.push', { backend: 'journeys', flowText, record: newSyncRecord(doc.campaign.id, 'journeys') });
    const body = (await res.json()) as { ok: boolean; error?: { message: string } };
    expect([res.status, body.error?.message]).toEqual([200, undefined]);
    expect(body.ok).toBe(true);
  }, 60_000);

  it('the request limit follows from the flow limit: a maximal flow fits, more is refused saying the limit', () => {
    // The worst JSON escaping of a flow text doubles it; the host must take that plus the record.
    expect(maxHostRequestBytes).toBeGreaterThanOrEqual(JSON.stringify('"'.repeat(1000)).length / 1000 * maxFlowFileBytes);
  });

  it('refuses a body over the limit with a message that says the limit', async () => {
    // node:http, not fetch: the host answers before the body is sent, which fetch reports as a failure.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(new URL(`${webTransport.apiPrefix}sync.push`, host.url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': maxHostRequestBytes + 1, [webTransport.tokenHeader]: host.token } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', (e) => (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e));
      req.write('{"pad":"');
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/limit is 41 MB \(a flow of at most 20 MB\)/);
  });
});
