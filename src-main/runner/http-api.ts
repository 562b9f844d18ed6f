import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type pg from 'pg';
import { error, flowsApi, type Reply } from './flows-api';
import { inputsApi } from './inputs-api';
import { liveApi } from './live-api';
import { readApi } from './read-api';
import { S } from './schema';

/** The contract's request body limit (docs/delivery-api.yaml). */
export const BODY_LIMIT = 20 * 1024 * 1024;

export interface HttpApiOptions {
  pool: pg.Pool;
  checkToken: (authorization: string | undefined) => boolean;
  webhookSecret: string | undefined;
  /** Whether the runner accepts work (healthz answers 200 only then). */
  ready: () => boolean;
  now?: () => number;
  log?: (line: string) => void;
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new TooLarge());
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The runner's HTTP API: the delivery API (docs/delivery-api.yaml) behind a bearer token, the
 * Chatwoot webhook behind its signature, and /healthz. Every write runs in one transaction with
 * its Idempotency-Key record, so a retried write whose answer was lost gets the first answer.
 */
export function createHttpApi(o: HttpApiOptions): Server {
  const now = o.now ?? Date.now;

  async function tx(fn: (c: pg.PoolClient) => Promise<Reply>, idem?: { key: string; method: string; path: string }): Promise<Reply> {
    const c = await o.pool.connect();
    try {
      await c.query('begin');
      if (idem) {
        await c.query('select pg_advisory_xact_lock(hashtext($1))', [idem.key]);
        const seen = (await c.query<{ method: string; path: string; status: number; body: unknown }>(`select method, path, status, body from ${S}.idempotency where key = $1`, [idem.key])).rows[0];
        if (seen) {
          await c.query('rollback');
          if (seen.method !== idem.method || seen.path !== idem.path) return error(422, 'idempotency_key_reused', `Idempotency-Key "${idem.key}" was used for ${seen.method} ${seen.path}; use a new key for another request.`);
          return { status: seen.status, body: seen.body ?? undefined, headers: { 'idempotent-replayed': 'true' } };
        }
      }
      const reply = await fn(c);
      if (reply.status >= 400) {
        await c.query('rollback');
        return reply;
      }
      if (idem) await c.query(`insert into ${S}.idempotency (key, method, path, status, body) values ($1, $2, $3, $4, $5)`, [idem.key, idem.method, idem.path, reply.status, reply.body === undefined ? null : JSON.stringify(reply.body)]);
      await c.query('commit');
      return reply;
    } catch (e) {
      await c.query('rollback').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async function route(req: IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path === '/healthz') return o.ready() ? { status: 200, body: { ok: true } } : error(503, 'starting', 'The runner is not accepting work (starting or draining).');
    if (path === '/webhooks/chatwoot') {
      if (method !== 'POST') return error(405, 'method_not_allowed', 'POST the webhook.');
      return tx((c) => inputsApi.chatwoot(c, o.webhookSecret, req.headers, raw, now()));
    }
    if (!path.startsWith('/v1/')) return error(404, 'not_found', 'No such endpoint.');
    if (!o.checkToken(req.headers.authorization)) return error(401, 'unauthorized', 'Missing or invalid bearer token.');

    let body: unknown;
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (e) {
        return error(400, 'invalid_json', `The request body is not JSON: ${(e as Error).message}`);
      }
    }
    const header = (h: string) => {
      const v = req.headers[h];
      return Array.isArray(v) ? v[0] : v;
    };
    const key = header('idempotency-key');
    const idem = key && method !== 'GET' ? { key, method, path } : undefined;
    const at = new Date(now());

    if (path === '/v1/flows' && method === 'GET') return tx((c) => flowsApi.list(c));
    if (path === '/v1/events' && method === 'POST') return tx((c) => inputsApi.event(c, body, now()), idem);
    const contact = /^\/v1\/contacts\/([^/]+)$/.exec(path);
    if (contact && method === 'PUT') return tx((c) => inputsApi.contact(c, decodeURIComponent(contact[1]!), body, key, now()), idem);
    const journey = /^\/v1\/journeys\/([^/]+)$/.exec(path);
    if (journey && method === 'GET') return tx((c) => readApi.journey(c, decodeURIComponent(journey[1]!)));
    const m = /^\/v1\/flows\/([^/]+)(?:\/(publish|pause|stats|journeys|stop|test))?$/.exec(path);
    if (!m) return error(404, 'not_found', 'No such endpoint.');
    const id = decodeURIComponent(m[1]!);
    const action = m[2];
    if (!action && method === 'GET') return tx((c) => flowsApi.get(c, id));
    if (!action && method === 'PUT') return tx((c) => flowsApi.put(c, id, body, { ifMatch: header('if-match'), ifNoneMatch: header('if-none-match') }, at), idem);
    if (!action && method === 'DELETE') return tx((c) => flowsApi.remove(c, id, header('if-match')), idem);
    if (action === 'publish' && method === 'POST') return tx((c) => flowsApi.setStatus(c, id, 'published', header('if-match'), at), idem);
    if (action === 'pause' && method === 'POST') return tx((c) => flowsApi.setStatus(c, id, 'paused', header('if-match'), at), idem);
    if (action === 'stop' && method === 'POST') return tx((c) => liveApi.stop(c, id, header('if-match'), at), idem);
    if (action === 'test' && method === 'POST') return tx((c) => liveApi.test(c, id, body, now()), idem);
    if (action === 'stats' && method === 'GET') return tx((c) => readApi.stats(c, id, url.searchParams.get('revision')));
    if (action === 'journeys' && method === 'GET') return tx((c) => readApi.journeys(c, id, url.searchParams));
    return error(405, 'method_not_allowed', `${method} is not allowed on ${path}.`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      const raw = await readBody(req);
      reply = await route(req, new URL(req.url ?? '/', 'http://runner'), raw);
    } catch (e) {
      if (e instanceof TooLarge) reply = error(413, 'too_large', `The request body is larger than ${BODY_LIMIT / 1048576} MB.`);
      else {
        o.log?.(`request ${req.method} ${req.url} failed: ${(e as Error).stack ?? String(e)}`);
        reply = error(500, 'internal', 'The runner failed on this request; it is logged.');
      }
    }
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    if (res.destroyed) return;
    res.writeHead(reply.status, { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'content-length': Buffer.byteLength(text), ...reply.headers });
    res.end(text);
  }

  return createServer((req, res) => void handle(req, res));
}
