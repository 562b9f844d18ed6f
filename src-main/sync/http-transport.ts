import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { syncError, type SyncError } from '../../src-shared/sync/sync-error';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, connect to last byte: a server that answers too slowly is a timeout. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Sends one request; rejects only with a {@link TransportError}. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** The request never got a complete answer; `error` says why in the user's words. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(readonly error: SyncError) {
    super(error.message);
  }
}

export interface NodeTransportOptions {
  /** Replaces DNS (tests inject failures with it). */
  lookup?: LookupFunction;
  /** Answers larger than this are cut off as malformed (default 32 MB). */
  maxBytes?: number;
  /** Extra trusted certificate authorities (PEM), e.g. a company's own. */
  ca?: string | string[];
}

/** The transport over node:http / node:https. Keep-alive is off so a test server closes promptly. */
export function createNodeTransport(opts: NodeTransportOptions = {}): HttpTransport {
  const maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
  return (req) =>
    new Promise<HttpResponse>((resolve, reject) => {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        reject(new TransportError(syncError('config', `"${req.url}" is not a valid URL.`)));
        return;
      }
      const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
      if (!client) {
        reject(new TransportError(syncError('config', `The URL must start with http:// or https://, not ${url.protocol}//.`)));
        return;
      }
      const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
      const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
      if (body) headers['content-length'] = String(body.length);
      let settled = false;
      const done = (fn: () => void) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          fn();
        }
      };
      const request = client.request(url, { method: req.method, headers, agent: false, ...(opts.lookup ? { lookup: opts.lookup } : {}), ...(opts.ca ? { ca: opts.ca } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy();
            done(() => reject(new TransportError(syncError('malformed', `${url.host} sent an answer larger than ${Math.round(maxBytes / 1048576)} MB; it was cut off.`))));
          } else chunks.push(chunk);
        });
        res.on('end', () => done(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', (e) => done(() => reject(new TransportError(classifyNetworkError(e, url.host)))));
        res.on('aborted', () => done(() => reject(new TransportError(syncError('network', `${url.host} closed the connection in the middle of its answer.`)))));
      });
      const timer = setTimeout(() => {
        done(() => reject(new TransportError(syncError('timeout', `${url.host} did not answer within ${formatMs(req.timeoutMs)}.`, { detail: 'timeout' }))));
        request.destroy();
      }, req.timeoutMs);
      request.on('error', (e) => done(() => reject(new TransportError(classifyNetworkError(e, url.host)))));
      request.end(body);
    });
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE)|EPROTO$|HOSTNAME_MISMATCH)/;

/**
 * A socket-level failure as a SyncError that says what went wrong and where to look.
 *
 * @example classifyNetworkError(Object.assign(new Error(), { code: 'ENOTFOUND' }), 'chat.example.com').kind // 'dns'
 */
export function classifyNetworkError(e: unknown, host: string): SyncError {
  const err = e as NodeJS.ErrnoException & { reason?: string };
  const code = err?.code ?? '';
  const detail = [code, err?.message].filter(Boolean).join(': ');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return syncError('dns', `The server name "${host.replace(/:\d+$/, '')}" could not be found. Check the URL for a typo, or your network.`, { detail });
  }
  if (code === 'ECONNREFUSED') return syncError('refused', `Nothing answers at ${host}: the connection was refused. Is the server running, and is the port right?`, { detail });
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return syncError('timeout', `${host} did not answer in time.`, { detail });
  if (TLS_CODES.test(code) || /SSL|TLS|certificate/i.test(err?.message ?? '')) {
    const why = /self[- ]signed/i.test(detail) ? 'its certificate is self-signed' : /expired/i.test(detail) ? 'its certificate has expired' : /altname|hostname/i.test(detail) ? 'its certificate is for another name' : /wrong version number|packet length/i.test(detail) ? 'it does not speak HTTPS on that port (try http://, or another port)' : 'the secure (TLS) connection could not be set up';
    return syncError('tls', `Could not connect securely to ${host}: ${why}.`, { detail, retryable: false });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN' || code === 'ECONNABORTED') {
    return syncError('network', `The connection to ${host} failed (${code}). Check your network.`, { detail });
  }
  return syncError('network', `Could not reach ${host}: ${err?.message ?? String(e)}`, { detail });
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
