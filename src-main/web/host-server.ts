import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maxFlowFileBytes, maxHostRequestBytes, webTransport, type HostErrorBody } from '../../src-shared/host/contract';
import { HostError, type HandlerRegistry } from '../host/handler-registry';
import { securityHeaders } from '../host/security-headers';
import { contentTypeFor, resolveStaticFile } from '../host/static-files';

export interface WebHostOptions {
  registry: HandlerRegistry;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** 0 picks a free ephemeral port. */
  port?: number;
  /** How many following ports to try when `port` is taken (start script: 5417, 5418, …). */
  portAttempts?: number;
  /** Fixed token for tests; normally a fresh random one per launch. */
  token?: string;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const loopback = '127.0.0.1';
const errorStatus: Record<HostError['code'], number> = { 'unknown-channel': 404, 'bad-request': 400, 'not-found': 404, internal: 500 };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } } satisfies HostErrorBody);
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const tooLarge = () => new HostError('bad-request', `Request body too large: the limit is ${maxHostRequestBytes / 1024 / 1024} MB (a flow of at most ${maxFlowFileBytes / 1024 / 1024} MB).`);

async function readBody(req: IncomingMessage): Promise<string> {
  // Said before reading a byte when the client announces the size.
  if (Number(req.headers['content-length'] ?? 0) > maxHostRequestBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxHostRequestBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleApi(req: IncomingMessage, res: ServerResponse, registry: HandlerRegistry, token: string, channel: string) {
  if (req.method !== 'POST') return sendError(res, 405, 'method-not-allowed', 'Use POST.');
  if (!sameToken(req.headers[webTransport.tokenHeader], token)) return sendError(res, 401, 'unauthorized', 'Missing or wrong host token.');
  try {
    const text = await readBody(req);
    let payload: unknown;
    try {
      payload = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new HostError('bad-request', 'Request body is not valid JSON.');
    }
    sendJson(res, 200, await registry.dispatch(channel, payload));
  } catch (error) {
    if (error instanceof HostError) return sendError(res, errorStatus[error.code], error.code, error.message);
    console.error(`[web-host] ${channel} failed:`, error);
    sendError(res, 500, 'internal', 'The host failed to answer.');
  }
}

/**
 * Vite's content-hashed build output (`/assets/name-Hash1234.js`): a file's name changes with its
 * content, so the browser may keep it for good and reuse it on every later open without asking
 * again, which also lets Chromium keep the scripts' compiled code. Everything else (the page,
 * which carries the token, and unhashed files) is asked for again every time.
 */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2?|svg|png|wasm)$/;

/** The `Cache-Control` of a static file by its path (the editor bench's bare React Flow server sends the same). */
export function cacheControlFor(pathname: string): string {
  if (pathname.endsWith('.html') || pathname === '/') return 'no-store';
  return HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function handleStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, token: string, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method-not-allowed', 'Use GET.');
  const file = await resolveStaticFile(rendererDir, pathname);
  if (!file) return sendError(res, 404, 'not-found', 'Not found.');
  let body: Buffer | string = await readFile(file);
  const isHtml = file.endsWith('.html');
  if (isHtml) {
    // The token reaches the page, and only the page, through the HTML this host serves.
    const meta = `<meta name="${webTransport.tokenMetaName}" content="${token}">`;
    body = body.toString('utf8').replace('</head>', `    ${meta}\n  </head>`);
  }
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': contentTypeFor(file),
    'Cache-Control': isHtml ? 'no-store' : cacheControlFor(pathname),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, port: number, attempts: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const tryPort = (candidate: number, left: number) => {
      const onError = (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' && left > 1 && candidate !== 0) tryPort(candidate + 1, left - 1);
        else reject(error);
      };
      server.once('error', onError);
      server.listen(candidate, loopback, () => {
        server.off('error', onError);
        resolvePort((server.address() as AddressInfo).port);
      });
    };
    tryPort(port, attempts);
  });
}

/**
 * Serves the web edition: the built renderer plus the host contract at `POST /api/<channel>`.
 * It binds to 127.0.0.1 only, requires the per-launch token on every API call and checks the
 * Host header, so neither other machines nor other web pages (DNS rebinding) can drive it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendError(res, 421, 'wrong-host', 'Unexpected Host header.');
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const work = pathname.startsWith(webTransport.apiPrefix)
      ? handleApi(req, res, options.registry, token, pathname.slice(webTransport.apiPrefix.length))
      : handleStatic(req, res, options.rendererDir, token, pathname);
    work.catch((error: unknown) => {
      console.error('[web-host] request failed:', error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'The host failed to answer.');
      else res.destroy();
    });
  });
  const port = await listen(server, options.port ?? 0, options.portAttempts ?? 1);
  allowedHosts = new Set([`${loopback}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${loopback}:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
