import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A misbehaviour the next matching request meets. */
export type Fault =
  /** Answer with this status (and JSON body, or raw text) without touching state. */
  | { type: 'status'; status: number; body?: unknown; raw?: string }
  /** 200 with a body that is not JSON. */
  | { type: 'malformed' }
  /** Never answer and never process: the client times out. */
  | { type: 'hang' }
  /** Process the request (state changes!), then answer only after `ms`: a lost answer when the client gives up first. */
  | { type: 'delay'; ms: number }
  /** Process, send the headers, then dribble the body over `ms`. */
  | { type: 'slow-body'; ms: number }
  /** Cut the connection before processing. */
  | { type: 'reset' };

export interface FaultRule {
  method?: string;
  /** A path prefix, or a pattern. */
  path?: string | RegExp;
  /** How many matching requests meet the fault (default 1; Infinity for all). */
  times?: number;
  fault: Fault;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** The fault it met, if any. */
  fault?: Fault['type'];
}

export interface JsonReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (req: RecordedRequest) => JsonReply | Promise<JsonReply>;

/**
 * A real HTTP server on 127.0.0.1 (random port) around a route function, with a fault plan
 * and a request log. `refuse()` stops listening (connections are refused) and `accept()`
 * listens again on the same port, to simulate a backend going away and coming back.
 */
export async function startFakeHttp(route: Route) {
  const faults: (FaultRule & { left: number })[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const pending = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      pending.delete(t);
      fn();
    }, ms);
    pending.add(t);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const path = req.url ?? '/';
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body };
      requests.push(recorded);
      const rule = faults.find((f) => f.left > 0 && (!f.method || f.method === recorded.method) && (!f.path || (typeof f.path === 'string' ? path.startsWith(f.path) : f.path.test(path))));
      if (rule) {
        rule.left--;
        recorded.fault = rule.fault.type;
      }
      void respond(rule?.fault, recorded, res);
    });
  });

  async function respond(fault: Fault | undefined, recorded: RecordedRequest, res: http.ServerResponse) {
    if (fault?.type === 'reset') return res.socket?.destroy();
    if (fault?.type === 'hang') return;
    if (fault?.type === 'status') {
      const raw = fault.raw ?? (fault.body === undefined ? '' : JSON.stringify(fault.body));
      res.writeHead(fault.status, { 'content-type': fault.raw ? 'text/html' : 'application/json' }).end(raw);
      return;
    }
    if (fault?.type === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": 1, "title": "trunc');
      return;
    }
    const reply = await route(recorded);
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const headers = { 'content-type': 'application/json; charset=utf-8', ...reply.headers };
    if (fault?.type === 'delay') return later(fault.ms, () => !res.destroyed && res.writeHead(reply.status, headers).end(text));
    if (fault?.type === 'slow-body') {
      res.writeHead(reply.status, headers);
      const half = Math.floor(text.length / 2);
      res.write(text.slice(0, half));
      return later(fault.ms, () => !res.destroyed && res.end(text.slice(half)));
    }
    res.writeHead(reply.status, headers).end(text);
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    /** Adds a fault for the next matching request(s). */
    fault(rule: FaultRule) {
      faults.push({ ...rule, left: rule.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    /** Stops listening: new connections are refused until accept(). */
    refuse: stop,
    accept: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    async close() {
      for (const t of pending) clearTimeout(t);
      pending.clear();
      await stop();
    },
  };
}

export type FakeHttp = Awaited<ReturnType<typeof startFakeHttp>>;
