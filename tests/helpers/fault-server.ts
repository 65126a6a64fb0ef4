/**
 * A local HTTP server that misbehaves on purpose, for the HTTP client's failure tests.
 * It only ever listens on 127.0.0.1, on a port the OS picks; tests start and stop it.
 * Each path gets a handler; every request is logged (path, headers) and counted per path.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

/** `hit` is 1 for the first request to this path, 2 for the second…; streaming handlers report into `streams`. */
export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number, streams: StreamStats[]) => void;

export interface StreamStats { path: string; sent: number; finished: boolean; closedEarly: boolean }

export interface FaultServer {
  readonly base: string;
  url(path: string): string;
  route(path: string, handler: Handler): void;
  /** Requests the server saw for this path (query ignored). */
  hits(path: string): number;
  readonly requests: { path: string; headers: IncomingHttpHeaders }[];
  /** What the streaming handlers (`huge`) managed to send before the client hung up. */
  readonly streams: StreamStats[];
  /** Forgets routes, counts and logs (connections stay open: dropping them would race the client's pool). */
  reset(): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  const streams: StreamStats[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    handler(req, res, hit, streams);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    url: (path) => `${base}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    hits: (path) => counts.get(path) ?? 0,
    requests,
    streams,
    reset() {
      routes.clear();
      counts.clear();
      requests.length = 0;
      streams.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- handlers -------------------------------------------------------------------------

/** A plain answer with an exact Content-Length. */
export const body = (status: number, content: string | Uint8Array, headers: Record<string, string> = {}): Handler => (_req, res) => {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  res.writeHead(status, { 'content-length': String(bytes.byteLength), ...headers }).end(bytes);
};

export const csv = (content: string | Uint8Array, headers: Record<string, string> = {}): Handler =>
  body(200, content, { 'content-type': 'text/csv; charset=utf-8', ...headers });

export const status = (code: number, headers: Record<string, string> = {}): Handler =>
  body(code, `status ${code}`, { 'content-type': 'text/plain', ...headers });

/** The n-th request gets the n-th handler; the last one repeats forever. */
export const sequence = (...handlers: Handler[]): Handler => (req, res, hit, streams) =>
  handlers[Math.min(hit, handlers.length) - 1]!(req, res, hit, streams);

/** Connection reset: the socket is destroyed before any byte of the answer. */
export const reset = (): Handler => (req) => void req.socket.destroy();

/** Accepts the request and never answers (the client must time out). */
export const hang = (): Handler => () => {};

/** Sends headers and part of the body, then stalls forever. */
export const stallBody = (partial: string, declaredLength = partial.length * 10): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(declaredLength) });
  res.write(partial);
};

/** Declares `declaredLength` bytes, sends `partial`, then drops the connection. */
export const truncated = (partial: string, contentType: string, declaredLength = partial.length * 2): Handler => (req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': String(declaredLength) });
  res.write(partial, () => req.socket.destroy());
};

/**
 * A close-delimited body (no Content-Length, no chunking), cut short: the HTTP layer cannot
 * tell it from a complete answer, so only the parser can. Written raw on the socket.
 */
export const closeDelimited = (partial: string, contentType: string): Handler => (req) => {
  const socket = req.socket;
  socket.write(`HTTP/1.1 200 OK\r\ncontent-type: ${contentType}\r\nconnection: close\r\n\r\n${partial}`, () => socket.end());
};

export const redirectLoop = (to: string): Handler => (_req, res) => {
  res.writeHead(302, { location: to, 'content-length': '0' }).end();
};

/**
 * `total` bytes of CSV-looking text, streamed in 64 KiB chunks with backpressure, stopping as
 * soon as the client goes away: the server never holds more than one chunk in memory.
 */
export const huge = (total: number, opts: { contentLength: boolean }): Handler => (req, res, _hit, streams) => {
  const header = 'name,score\n';
  const stats: StreamStats = { path: req.url ?? '', sent: header.length, finished: false, closedEarly: false };
  streams.push(stats);
  const chunk = Buffer.alloc(64 * 1024, 'm,1\n');
  res.writeHead(200, { 'content-type': 'text/csv', ...(opts.contentLength ? { 'content-length': String(total) } : {}) });
  res.write(header);
  res.on('close', () => {
    if (!stats.finished) stats.closedEarly = true;
  });
  const pump = () => {
    while (!res.destroyed && stats.sent < total) {
      const n = Math.min(chunk.length, total - stats.sent);
      stats.sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) {
      stats.finished = true;
      res.end();
    }
  };
  pump();
};

/** A body sent with Content-Encoding: gzip, compressed on the fly from `parts` (each part may repeat). */
export const gzip = (parts: { text: string | Uint8Array; times?: number }[], contentType = 'text/csv'): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-encoding': 'gzip' });
  const z = createGzip();
  z.pipe(res);
  res.on('close', () => z.destroy());
  let i = 0;
  let left = parts[0]?.times ?? 1;
  const pump = () => {
    while (i < parts.length) {
      if (left === 0) {
        i++;
        left = parts[i]?.times ?? 1;
        continue;
      }
      left--;
      if (!z.write(parts[i]!.text)) {
        z.once('drain', pump);
        return;
      }
    }
    z.end();
  };
  pump();
};

/** Serves `content` with an ETag, and 304 when the client already has it. */
export const withEtag = (content: string, etag: string): Handler => (req, res, hit, streams) => {
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  csv(content, { etag })(req, res, hit, streams);
};
