import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportFlowJson } from '../../src-shared/flow';
import { createEmptyFlow } from '../../src-shared/flow/create';
import { flowContentHash } from '../../src-shared/sync/content-hash';
import { ConflictBody, FlowListResponse, FlowStats, RemoteFlow } from '../../src-shared/sync/delivery/types';
import { startFakeDelivery, type FakeDelivery } from './testing/fake-delivery';

/** docs/delivery-api.yaml, the fake server and the client's zod schemas must say the same thing. */
const doc = parse(readFileSync(fileURLToPath(new URL('../../docs/delivery-api.yaml', import.meta.url)), 'utf8')) as { openapi: string; components: unknown };
const ajv = new Ajv2020({ allErrors: true, strict: false });
((addFormatsModule as unknown as { default?: (a: Ajv2020) => void }).default ?? (addFormatsModule as unknown as (a: Ajv2020) => void))(ajv);
ajv.addSchema({ $id: 'https://delivery.local/api.json', components: doc.components });
const schema = (name: string) => ajv.getSchema(`https://delivery.local/api.json#/components/schemas/${name}`)!;
const check = (name: string, value: unknown) => (schema(name)(value) ? [] : schema(name).errors);

let server: FakeDelivery;
beforeAll(async () => {
  server = await startFakeDelivery();
});
afterAll(() => server.close());

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url + path, { method, headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: res.status === 204 ? undefined : ((await res.json()) as unknown) };
};

describe('the delivery API contract', () => {
  it('is OpenAPI 3.1', () => expect(doc.openapi).toBe('3.1.0'));

  it('the fake server answers what the document and the zod schemas describe', async () => {
    const flow = createEmptyFlow({ name: 'Drip', id: 'drip', kind: 'workflow' });
    const put = { document: JSON.parse(exportFlowJson(flow)) as unknown, contentHash: flowContentHash(flow) };
    const created = await call('PUT', '/v1/flows/drip', put, { 'if-none-match': '*' });
    expect(created.status).toBe(201);
    expect(check('Flow', created.body)).toEqual([]);
    expect(RemoteFlow.safeParse(created.body).success).toBe(true);

    const list = await call('GET', '/v1/flows');
    expect(FlowListResponse.safeParse(list.body).success).toBe(true);
    expect(check('FlowSummary', (list.body as { flows: unknown[] }).flows[0])).toEqual([]);

    const stale = await call('PUT', '/v1/flows/drip', put, { 'if-match': '"r0"' });
    expect(stale.status).toBe(409);
    expect(check('Error', stale.body)).toEqual([]);
    expect(ConflictBody.safeParse(stale.body).success).toBe(true);

    const precondition = await call('PUT', '/v1/flows/drip', put);
    expect([precondition.status, check('Error', precondition.body)]).toEqual([428, []]);

    const stats = await call('GET', '/v1/flows/drip/stats');
    expect(check('FlowStats', stats.body)).toEqual([]);
    expect(FlowStats.safeParse(stats.body).success).toBe(true);
  });
});
