import { Logger, runMigrations } from 'graphile-worker';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFlowJson, type FlowDocument } from '../../../src-shared/flow';
import { flowContentHash } from '../../../src-shared/sync/content-hash';
import { openDatabase, type Database } from '../database';
import { migrate } from '../schema';

export const TEST_TOKEN = 'runner-test-token';

export const tempDir = (prefix: string) => mkdtemp(join(tmpdir(), `cs-${prefix}-`));

/** A fresh PGlite database with the runner's schema and graphile-worker's, for store-level tests. */
export async function migratedPglite(prefix: string): Promise<Database> {
  const db = await openDatabase({ kind: 'pglite', dataDir: await tempDir(prefix) }, 1);
  await migrate(db.pool);
  await runMigrations({ pgPool: db.pool, logger: new Logger(() => () => {}) });
  return db;
}

/**
 * The shipped "Collect name and email" example, with its hand-off aimed at a team when the
 * shipped file names an inbox (Chatwoot cannot assign to an inbox; the runner refuses that).
 */
export async function collectNameAndEmail(team = 'Support'): Promise<FlowDocument> {
  const text = await readFile(new URL('../../../resources/examples/collect-name-and-email.json', import.meta.url), 'utf8');
  const r = importFlowJson(text);
  if (!r.ok) throw new Error('the example flow does not import');
  const doc = r.document;
  // The example hands over to the "Support" team; tests point it at a team their stand-in has.
  return { ...doc, nodes: doc.nodes.map((n) => (n.type === 'assign' ? { ...n, data: { ...n.data, target: { type: 'team' as const, teamId: team } } } : n)) };
}

/** A small HTTP client of the runner's API for tests. */
export function apiClient(baseUrl: string, token = TEST_TOKEN) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    // Tests read answers field by field and compare them with expect(): typing each is noise.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as any };
  }
  return {
    call,
    /** Creates (or finds) and publishes a flow; returns its published revision. */
    async publish(doc: FlowDocument): Promise<string> {
      const put = await call('PUT', `/v1/flows/${doc.campaign.id}`, { document: doc, contentHash: flowContentHash(doc) }, { 'if-none-match': '*' });
      const rev = put.status === 201 ? put.body.revision : put.body.current.revision;
      const pub = await call('POST', `/v1/flows/${doc.campaign.id}/publish`, undefined, { 'if-match': `"${rev}"` });
      if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${JSON.stringify(pub.body)}`);
      return pub.body.revision as string;
    },
  };
}

/** Polls `fn` until it returns a truthy value or `ms` pass (then throws with `what`). */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 60_000, every = 200): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
