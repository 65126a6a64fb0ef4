/**
 * "Scrapers that survive a hostile web": every failure rule of the HTTP client, proven by
 * breaking things on purpose against a local server on 127.0.0.1.
 *
 * Each fault runs a whole live scrape of two sources: "bad" points at the faulty path, "good"
 * at a healthy one. A fault must end with an error naming source and URL, leave the files
 * "bad" already had byte-identical, and not stop "good" from writing. Waits are recorded by
 * an injected sleep (nothing really sleeps); attempts are counted by the server.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ParseError } from '../../lib/errors.ts';
import { HttpClient, type HttpClientOptions, USER_AGENT } from '../../scrapers/lib/http.ts';
import { runSources, type SummaryRow } from '../../scrapers/lib/run.ts';
import { defineFormat, type SourceDef } from '../../scrapers/lib/source.ts';
import { LiveTransport } from '../../scrapers/lib/transport.ts';
import { fakeSource } from '../helpers/fake-source.ts';
import {
  closeDelimited, csv, type FaultServer, gzip, hang, type Handler, huge, redirectLoop, reset, sequence, stallBody,
  startFaultServer, status, truncated, withEtag,
} from '../helpers/fault-server.ts';
import { z } from 'zod';

const MB = 1024 * 1024;
const OLD_CSV = 'name,score\nold,5\n';
const NEW_CSV = 'name,score\nnew,7\n';
const GOOD_CSV = 'name,score\ng,1\n';
const TODAY = new Date('2025-02-01T12:00:00Z');

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.route('/good/y.csv', csv(GOOD_CSV));
});

/** Every file under dir, as bytes, keyed by relative path. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(p.slice(dir.length + 1), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

/** An output folder holding a version "bad" and "good" wrote on an earlier day. */
function seededOutDir(badUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'faults-'));
  const seed = (source: string, dataset: string, url: string, content: string) => {
    mkdirSync(join(dir, source, dataset), { recursive: true });
    writeFileSync(join(dir, source, dataset, '2025-01-01.csv'), content);
    writeFileSync(join(dir, source, dataset, '2025-01-01.meta.json'), `${JSON.stringify({
      source, dataset, as_of: '2025-01-01', live_url: url, mode: 'live', fetched_at: '2025-01-01T00:00:00Z',
      sha256: createHash('sha256').update(`earlier ${content}`).digest('hex'),
    }, null, 2)}\n`);
  };
  seed('bad', 'x', badUrl, OLD_CSV);
  seed('good', 'y', server.url('/good/y.csv'), GOOD_CSV.replace('g,1', 'g,0'));
  return dir;
}

interface Scenario {
  /** The faulty path "bad" fetches. */
  path: string;
  handler?: Handler;
  client?: HttpClientOptions;
  /** Replaces "bad" (e.g. a JSON source); must fetch `path`. */
  bad?: (url: string) => SourceDef;
}

async function scrape(s: Scenario) {
  if (s.handler) server.route(s.path, s.handler);
  const url = server.url(s.path);
  const dir = seededOutDir(url);
  const before = snapshot(dir);
  const mtimes = new Map([...before.keys()].map((p) => [p, statSync(join(dir, p)).mtimeMs]));
  const waits: number[] = [];
  const logs: string[] = [];
  const http = new HttpClient({
    timeoutMs: 300, maxAttempts: 3, backoffBaseMs: 100, minIntervalMs: 0,
    sleep: async (ms) => void waits.push(ms), log: (l) => logs.push(l), ...s.client,
  });
  const summary = await runSources([s.bad ? s.bad(url) : fakeSource('bad', ['x'], () => url), fakeSource('good', ['y'], () => server.url('/good/y.csv'))], {
    transport: new LiveTransport(http, () => TODAY), outDir: dir, allDates: false, log: (l) => logs.push(l),
  });
  const row = (source: string) => summary.find((r) => r.source === source) as SummaryRow;
  return { url, dir, before, mtimes, after: snapshot(dir), summary, bad: row('bad'), good: row('good'), waits, logs, attempts: server.hits(s.path) };
}

type Result = Awaited<ReturnType<typeof scrape>>;

/** The failure rules every fault must obey. */
function expectCleanFailure(r: Result, reason: RegExp) {
  expect(r.bad.status).toBe('failed');
  expect(r.bad.error).toMatch(reason);
  expect(r.bad.error).toContain('source=bad');
  expect(r.bad.error).toContain(`url=${r.url}`);
  // The files "bad" had are byte-identical and untouched; nothing new was written for it.
  expect([...r.after.keys()].filter((p) => p.startsWith('bad/'))).toEqual([...r.before.keys()].filter((p) => p.startsWith('bad/')));
  for (const [p, bytes] of r.before) {
    expect(r.after.get(p)?.equals(bytes), p).toBe(true);
    expect(statSync(join(r.dir, p)).mtimeMs).toBe(r.mtimes.get(p));
  }
  expectGoodWritten(r);
}

function expectGoodWritten(r: Result) {
  expect(r.good).toMatchObject({ status: 'written', asOf: '2025-02-01', rows: 1 });
  expect(r.after.get('good/y/2025-02-01.csv')?.toString()).toBe(GOOD_CSV);
  expect([...r.after.keys()].filter((p) => p.includes('.tmp-'))).toEqual([]);
}

// Every test is bounded: a client that hangs fails the test by timeout instead of stalling the suite.
describe('HTTP faults against a local server', { timeout: 10_000 }, () => {
  describe('rate limiting (429)', () => {
    it('without Retry-After: exponential backoff, then gives up after maxAttempts', async () => {
      const r = await scrape({ path: '/429.csv', handler: status(429) });
      expectCleanFailure(r, /gave up after 3 attempts, last: HTTP 429 .*rate limited/);
      expect(r.attempts).toBe(3);
      expect(r.waits).toEqual([100, 200]);
    });

    it('Retry-After in seconds is honoured (waits the longer of it and the backoff)', async () => {
      const r = await scrape({ path: '/429s.csv', handler: status(429, { 'retry-after': '2' }) });
      expectCleanFailure(r, /gave up after 3 attempts, last: HTTP 429/);
      expect(r.attempts).toBe(3);
      expect(r.waits).toEqual([2000, 2000]);
    });

    it('Retry-After as an HTTP date is honoured, and the retry succeeds', async () => {
      const r = await scrape({
        path: '/429d.csv',
        handler: sequence((req, res, hit, st) => status(429, { 'retry-after': new Date(Date.now() + 5000).toUTCString() })(req, res, hit, st), csv(NEW_CSV)),
      });
      expect(r.bad).toMatchObject({ status: 'written', asOf: '2025-02-01' });
      expect(r.after.get('bad/x/2025-02-01.csv')?.toString()).toBe(NEW_CSV);
      expect(r.attempts).toBe(2);
      expect(r.waits).toHaveLength(1);
      // HTTP dates have whole seconds: between 4 and 5 s from "now".
      expect(r.waits[0]).toBeGreaterThan(3000);
      expect(r.waits[0]).toBeLessThanOrEqual(5000);
      expectGoodWritten(r);
    });

    it('a Retry-After longer than maxRetryAfterMs fails at once (seconds form)', async () => {
      const r = await scrape({ path: '/429long.csv', handler: status(429, { 'retry-after': '3600' }), client: { maxRetryAfterMs: 60_000 } });
      expectCleanFailure(r, /HTTP 429 with Retry-After of 3600 s, longer than the 60 s we wait/);
      expect(r.attempts).toBe(1);
      expect(r.waits).toEqual([]);
    });

    it('a Retry-After longer than maxRetryAfterMs fails at once (HTTP-date form)', async () => {
      const r = await scrape({
        path: '/503long.csv',
        handler: (req, res, hit, st) => status(503, { 'retry-after': new Date(Date.now() + 86_400_000).toUTCString() })(req, res, hit, st),
        client: { maxRetryAfterMs: 60_000 },
      });
      expectCleanFailure(r, /HTTP 503 with Retry-After of 86\d\d\d s/);
      expect(r.attempts).toBe(1);
      expect(r.waits).toEqual([]);
    });
  });

  describe('server errors (5xx)', () => {
    it('500, 502, 503 then success: retried, and the new version is written', async () => {
      const r = await scrape({ path: '/flaky.csv', handler: sequence(status(500), status(502), status(503), csv(NEW_CSV)), client: { maxAttempts: 4 } });
      expect(r.bad).toMatchObject({ status: 'written', asOf: '2025-02-01', rows: 1 });
      expect(r.after.get('bad/x/2025-02-01.csv')?.toString()).toBe(NEW_CSV);
      expect(r.after.get('bad/x/2025-01-01.csv')?.toString()).toBe(OLD_CSV);
      expect(r.attempts).toBe(4);
      expect(r.waits).toEqual([100, 200, 400]);
      expect(r.logs.filter((l) => l.includes('retry'))).toHaveLength(3);
      expectGoodWritten(r);
    });

    it('500 forever: gives up after exactly maxAttempts requests', async () => {
      const r = await scrape({ path: '/down.csv', handler: status(500), client: { maxAttempts: 4 } });
      expectCleanFailure(r, /gave up after 4 attempts, last: HTTP 500 .*status=500.*the server is failing/);
      expect(r.attempts).toBe(4);
      expect(r.waits).toEqual([100, 200, 400]);
    });
  });

  describe('broken connections', () => {
    it('connection reset before any answer: retried, then a network error', async () => {
      const r = await scrape({ path: '/reset.csv', handler: reset() });
      expectCleanFailure(r, /gave up after 3 attempts, last: network: .*(other side closed|ECONNRESET|socket)/i);
      expect(r.attempts).toBe(3);
      expect(r.waits).toEqual([100, 200]);
    });

    it('one reset, then success', async () => {
      const r = await scrape({ path: '/reset-once.csv', handler: sequence(reset(), csv(NEW_CSV)) });
      expect(r.bad).toMatchObject({ status: 'written' });
      expect(r.attempts).toBe(2);
      expect(r.waits).toEqual([100]);
    });

    it('headers never sent: times out (timeoutMs), retried, then fails', async () => {
      const r = await scrape({ path: '/hang.csv', handler: hang(), client: { maxAttempts: 2 } });
      expectCleanFailure(r, /gave up after 2 attempts, last: network: no answer within 300 ms/);
      expect(r.attempts).toBe(2);
      expect(r.waits).toEqual([100]);
    });

    it('body stalls mid-way: the same timeout cuts the download off', async () => {
      const r = await scrape({ path: '/stall.csv', handler: stallBody('name,score\nm1,1\nm2,'), client: { maxAttempts: 2 } });
      expectCleanFailure(r, /gave up after 2 attempts, last: network: body cut off after 19 bytes \(timeout\)/);
      expect(r.attempts).toBe(2);
    });

    it('body truncated mid-CSV (Content-Length larger than sent, then the socket drops)', async () => {
      const r = await scrape({ path: '/trunc.csv', handler: truncated('name,score\nm1,1\n"m2', 'text/csv') });
      expectCleanFailure(r, /gave up after 3 attempts, last: network: body cut off after 19 bytes/);
      expect(r.attempts).toBe(3);
    });

    it('body truncated mid-JSON (Content-Length larger than sent, then the socket drops)', async () => {
      const r = await scrape({ path: '/trunc.json', handler: truncated('{"models":[{"name":"m1","score":1},{"na', 'application/json'), bad: jsonSource });
      expectCleanFailure(r, /gave up after 3 attempts, last: network: body cut off after 39 bytes/);
      expect(r.attempts).toBe(3);
    });

    it('close-delimited body cut mid-CSV: invisible to HTTP, caught by the CSV parser', async () => {
      const r = await scrape({ path: '/cut.csv', handler: closeDelimited('name,score\nm1,1\n"m2', 'text/csv') });
      expectCleanFailure(r, /malformed CSV.*truncated download/);
      expect(r.attempts).toBe(1);
    });

    it('close-delimited body cut mid-JSON: caught by the JSON parser', async () => {
      const r = await scrape({ path: '/cut.json', handler: closeDelimited('{"models":[{"name":"m1","score":1},{"na', 'application/json'), bad: jsonSource });
      expectCleanFailure(r, /invalid JSON/);
      expect(r.attempts).toBe(1);
    });
  });

  describe('wrong answers', () => {
    it('an HTML error page where CSV was expected is refused, not parsed, not retried', async () => {
      const r = await scrape({ path: '/html.csv', handler: csv('<!doctype html><title>Oops</title>', { 'content-type': 'text/html; charset=utf-8' }) });
      expectCleanFailure(r, /got an HTML page where text\/csv was expected.*error, login or consent page/);
      expect(r.attempts).toBe(1);
    });

    it('a redirect loop fails with a clear message and is not retried', async () => {
      const r = await scrape({ path: '/loop.csv', handler: redirectLoop('/loop.csv') });
      expectCleanFailure(r, /redirect loop or too many redirects/);
      expect(r.attempts).toBe(21); // the first request and fetch's 20 redirects
      expect(r.waits).toEqual([]);
    });

    for (const contentLength of [true, false]) {
      it(`a 50 MB body over a 1 MB limit is cut off (${contentLength ? 'with' : 'without'} Content-Length), and the server stops streaming`, async () => {
        const r = await scrape({ path: '/huge.csv', handler: huge(50 * MB, { contentLength }), client: { maxBytes: MB } });
        expectCleanFailure(r, contentLength ? /body of 52428800 bytes exceeds the 1048576-byte limit/ : /body exceeds the 1048576-byte limit/);
        expect(r.attempts).toBe(1);
        await until(() => server.streams[0]?.closedEarly === true);
        expect(server.streams[0]).toMatchObject({ finished: false, closedEarly: true });
        // Socket buffers let some megabytes through; far from the 50 MB on offer.
        expect(server.streams[0]!.sent).toBeLessThan(16 * MB);
      });
    }

    it('a gzip bomb (8 MB once decoded, a few KB on the wire) hits the same limit', async () => {
      const r = await scrape({ path: '/bomb.csv', handler: gzip([{ text: 'name,score\n' }, { text: Buffer.alloc(64 * 1024, 'm,1\n'), times: 128 }]), client: { maxBytes: MB } });
      expectCleanFailure(r, /body exceeds the 1048576-byte limit/);
    });

    it('Latin-1 bytes in a CSV fail the source as not valid UTF-8', async () => {
      const r = await scrape({ path: '/latin1.csv', handler: csv(Buffer.from('name,score\nCaf\u00e9 model,3\n', 'latin1'), { 'content-type': 'text/csv; charset=iso-8859-1' }) });
      expectCleanFailure(r, /bytes are not valid UTF-8.*another encoding/);
      expect(r.attempts).toBe(1);
    });
  });

  describe('things that must work', () => {
    it('a gzip-encoded body is decoded transparently and parsed', async () => {
      const r = await scrape({ path: '/gz.csv', handler: gzip([{ text: 'name,score\n' }, { text: 'Café,9\n' }]) });
      expect(r.bad).toMatchObject({ status: 'written', rows: 1 });
      expect(r.after.get('bad/x/2025-02-01.csv')?.toString()).toBe('name,score\nCafé,9\n');
      expect(server.requests.find((q) => q.path === '/gz.csv')!.headers['accept-encoding']).toMatch(/gzip/);
      expectGoodWritten(r);
    });

    it('304 Not Modified: the second live run sends the saved ETag back and leaves the files alone', async () => {
      server.route('/etag.csv', withEtag(NEW_CSV, '"v1"'));
      const dir = mkdtempSync(join(tmpdir(), 'etag-'));
      const source = fakeSource('bad', ['x'], () => server.url('/etag.csv'));
      const client = () => new HttpClient({ minIntervalMs: 0, timeoutMs: 300, sleep: async () => {} });
      const first = await runSources([source], { transport: new LiveTransport(client(), () => TODAY), outDir: dir, allDates: false });
      expect(first[0]).toMatchObject({ status: 'written', asOf: '2025-02-01' });
      expect(JSON.parse(readFileSync(join(dir, 'bad/x/2025-02-01.meta.json'), 'utf8')).etag).toBe('"v1"');
      const before = snapshot(dir);
      const mtime = statSync(join(dir, 'bad/x/2025-02-01.csv')).mtimeMs;

      const second = await runSources([source], { transport: new LiveTransport(client(), () => new Date('2025-03-01T12:00:00Z')), outDir: dir, allDates: false });
      expect(second[0]).toMatchObject({ source: 'bad', status: 'not-modified' });
      const requests = server.requests.filter((q) => q.path === '/etag.csv');
      expect(requests.map((q) => q.headers['if-none-match'])).toEqual([undefined, '"v1"']);
      expect(snapshot(dir)).toEqual(before);
      expect(statSync(join(dir, 'bad/x/2025-02-01.csv')).mtimeMs).toBe(mtime);
    });
  });

  describe('manners and secrets', () => {
    it('robots.txt disallowing the path: a clear error, no request to it, and our user agent names the project', async () => {
      server.route('/robots.txt', csv('User-agent: open-weight-race-report\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n', { 'content-type': 'text/plain' }));
      const r = await scrape({ path: '/private/x.csv', handler: csv(NEW_CSV) });

      expectCleanFailure(r, /robots.txt disallows this URL for our user agent/);
      expect(r.attempts).toBe(0);
      expect(server.hits('/robots.txt')).toBe(1);
      const agents = new Set(server.requests.map((q) => q.headers['user-agent']));
      expect([...agents]).toEqual([USER_AGENT]);
      expect(USER_AGENT).toMatch(/^open-weight-race-report\/.*\+https:\/\/github\.com\/open-weight-race\/report/);
    });

    it('robots.txt behind one connection reset is still fetched (retried) and still obeyed', async () => {
      server.route('/robots.txt', sequence(reset(), csv('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' })));
      const r = await scrape({ path: '/private/y.csv', handler: csv(NEW_CSV) });
      expectCleanFailure(r, /robots.txt disallows this URL/);
      expect(server.hits('/robots.txt')).toBe(2);
      expect(r.attempts).toBe(0);
    });

    it('robots.txt failing with 503 after every retry means "stay away", said plainly', async () => {
      server.route('/robots.txt', status(503));
      const r = await scrape({ path: '/x.csv', handler: csv(NEW_CSV), client: { maxAttempts: 2 } });
      expect(r.bad.status).toBe('failed');
      expect(r.bad.error).toMatch(/robots.txt could not be read \(HTTP 503\).*RFC 9309.*source=bad url=http:\/\/127\.0\.0\.1:\d+\/x\.csv/);
      // One origin, one robots.txt: "good" shares it, so it fails the same way, and no data path is asked for.
      expect(r.good.status).toBe('failed');
      expect(server.hits('/robots.txt')).toBe(2);
      expect(r.attempts + server.hits('/good/y.csv')).toBe(0);
      for (const [p, bytes] of r.before) expect(r.after.get(p)?.equals(bytes)).toBe(true);
    });

    it('an API key from Target.headers is sent, but appears in no sidecar, log or error message, even when the server echoes it', async () => {
      const KEY = 'sk-live-0123456789abcdef';
      const keyed = (id: string, url: string): SourceDef => {
        const s = fakeSource(id, ['x'], () => url);
        return { ...s, targets: () => s.targets().map((t) => ({ ...t, headers: () => ({ authorization: `Bearer ${KEY}`, 'x-api-key': KEY }) })) };
      };
      server.route('/keyed/ok.csv', csv(NEW_CSV));
      // A hostile answer: the key is put in the reason phrase, which ends up in our error message.
      server.route('/keyed/echo.csv', (req, res) => {
        res.writeHead(401, `Invalid key ${req.headers['x-api-key']}`, { 'content-length': '0' }).end();
      });
      server.route('/keyed/down.csv', (req, res) => {
        res.writeHead(503, `Down for ${req.headers.authorization}`, { 'content-length': '0' }).end();
      });
      const dir = mkdtempSync(join(tmpdir(), 'keys-'));
      const logs: string[] = [];
      const http = new HttpClient({ minIntervalMs: 0, timeoutMs: 300, maxAttempts: 2, backoffBaseMs: 10, sleep: async () => {}, log: (l) => logs.push(l) });
      const summary = await runSources(
        [keyed('ok', server.url('/keyed/ok.csv')), keyed('echo', server.url('/keyed/echo.csv')), keyed('down', server.url('/keyed/down.csv'))],
        { transport: new LiveTransport(http, () => TODAY), outDir: dir, allDates: false, log: (l) => logs.push(l) },
      );
      expect(summary.map((s) => [s.source, s.status])).toEqual([['ok', 'written'], ['echo', 'failed'], ['down', 'failed']]);
      for (const path of ['/keyed/ok.csv', '/keyed/echo.csv']) {
        const q = server.requests.find((x) => x.path === path)!;
        expect(q.headers['x-api-key']).toBe(KEY);
        expect(q.headers.authorization).toBe(`Bearer ${KEY}`);
      }
      const echo = summary.find((s) => s.source === 'echo')!;
      expect(echo.error).toMatch(/HTTP 401 Invalid key \*\*\* \[source=echo url=http:\/\/127\.0\.0\.1:\d+\/keyed\/echo\.csv status=401\].*missing or invalid API key/);
      const down = summary.find((s) => s.source === 'down')!;
      expect(down.error).toMatch(/gave up after 2 attempts, last: HTTP 503 \[source=down/);
      const everything = [...summary.map((s) => s.error ?? ''), ...logs, ...[...snapshot(dir).values()].map((b) => b.toString())].join('\n');
      expect(everything).not.toContain(KEY);
      expect(everything).not.toContain('0123456789abcdef');
    });

    it('the client alone redacts secrets from the thrown error, its stack included', async () => {
      server.route('/echo', (req, res) => void res.writeHead(403, `no ${req.headers['x-api-key']}`, { 'content-length': '0' }).end());
      const http = new HttpClient({ minIntervalMs: 0, timeoutMs: 300, sleep: async () => {} });
      const err = await http.get({ url: server.url('/echo'), source: 's', headers: { 'x-api-key': 'k-secret-value' }, secretHeaders: ['X-Api-Key'] }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/HTTP 403 no \*\*\*/);
      expect(`${(err as Error).message}${(err as Error).stack}`).not.toContain('k-secret-value');
    });
  });
});

/** A one-table JSON source ({"models":[{name, score}]}) for the mid-JSON truncation cases. */
function jsonSource(url: string): SourceDef {
  const row = z.object({ name: z.string(), score: z.number() });
  return {
    id: 'bad', name: 'Fake JSON', homepage: 'https://example.test', licence: 'CC0-1.0', citation: 'Fake',
    targets: () => [{ dataset: 'x', format: 'fake-json', url, accept: ['application/json'] }],
    formats: {
      'fake-json': defineFormat({
        format: 'fake-json',
        columns: ['name', 'score'],
        row,
        parse: (capture) => {
          let doc: { models: unknown[] };
          try {
            doc = JSON.parse(new TextDecoder().decode(capture.bytes));
          } catch (err) {
            throw new ParseError(`invalid JSON: ${(err as Error).message}`, { hint: 'the file was cut off or is not JSON' });
          }
          return [{ asOf: capture.asOf, rows: doc.models as z.infer<typeof row>[] }];
        },
      }),
    },
  };
}

async function until(check: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}
