/**
 * A tiny static file server for a built site (dist/), on 127.0.0.1 and a free port, shared by
 * the browser tests and the benchmark (Lighthouse).
 * Directories serve their index.html (a directory URL without its trailing slash is
 * redirected to it, as static hosts do); anything else that is not a file is a 404.
 * Optionally applies the HTTP headers of dist/_headers (Netlify/Cloudflare Pages format),
 * so tests can check the production CSP header as well as the <meta> one, and optionally gzips
 * text responses with long-lived caching of hashed assets, as a production host would (for Lighthouse).
 * Not sirv: the tests need the dist/_headers rules applied per path and the exact redirect and
 * 404 behaviour of a static host; sirv has neither _headers nor a switch for the redirect, so it
 * would need this much code around it and one more dependency.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** `/*`-style rules of a _headers file: path pattern → [name, value][]. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else {
      const rule = rules.at(-1);
      const colon = line.indexOf(':');
      if (!rule || colon < 0) throw new Error(`_headers: cannot read line "${line}"`);
      rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export async function serveStatic(root: string, { applyHeadersFile = false, gzip = false } = {}): Promise<StaticServer> {
  const gzCache = new Map<string, Buffer>();
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) throw new Error(`${base}/index.html is missing: run \`npm run build\` first`);
  const headerRules = applyHeadersFile && existsSync(join(base, '_headers')) ? parseHeadersFile(readFileSync(join(base, '_headers'), 'utf8')) : [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(404).end();
      return;
    }
    let stat = existsSync(file) ? statSync(file) : null;
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
      stat = existsSync(file) ? statSync(file) : null;
    }
    if (!stat?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`404 ${pathname}`);
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = {
      'content-type': type,
      'content-length': stat.size,
      'cache-control': gzip && file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store',
    };
    for (const rule of headerRules) if (rule.pattern.test(url.pathname)) for (const [k, v] of rule.headers) headers[k.toLowerCase()] = v;
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let gz = gzCache.get(file);
      if (!gz) gzCache.set(file, (gz = gzipSync(readFileSync(file), { level: 9 })));
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': gz.length });
      res.end(req.method === 'HEAD' ? undefined : gz);
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
