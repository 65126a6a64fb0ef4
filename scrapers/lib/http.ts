/**
 * The one HTTP client every scraper fetches through (live mode only; replay never touches it).
 *
 * Why each piece exists:
 * - a user agent that names the project, so a site operator can tell who we are;
 * - a timeout per attempt, so a stalled server cannot hang a refresh;
 * - retries with exponential backoff on 429 and 5xx, honouring Retry-After, because the
 *   sources' CDNs rate-limit bursts and a transient 502 should not fail a whole refresh;
 * - a concurrency limit and a minimum interval per host, to stay polite;
 * - robots.txt is read once per host and obeyed;
 * - a body-size limit, so a misrouted download cannot fill memory or disk;
 * - conditional requests (If-None-Match / If-Modified-Since) when the caller knows the
 *   validators of its last fetch, so an unchanged file costs a 304.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import robotsParserModule from 'robots-parser';

interface RobotsRules { isAllowed(url: string, ua?: string): boolean | undefined }
/** What robots.txt says for one origin: its rules, none (no file), or that it could not be read. */
interface RobotsVerdict { rules?: RobotsRules; unreadable?: string }
// robots-parser is CommonJS with hand-written types that NodeNext resolution reads as a namespace.
const robotsParser = robotsParserModule as unknown as (url: string, robotsTxt: string) => RobotsRules;

/** The body-size limit of a download, unless a target sets its own; decompression is capped by it too. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export const USER_AGENT =
  'open-weight-race-report/0.1 (data journalism scraper; +https://github.com/open-weight-race/report)';

export interface HttpClientOptions {
  userAgent?: string;
  timeoutMs?: number;
  /** Total attempts including the first one. */
  maxAttempts?: number;
  backoffBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails instead. */
  maxRetryAfterMs?: number;
  concurrencyPerHost?: number;
  /** Minimum gap between two request starts to one host. */
  minIntervalMs?: number;
  maxBytes?: number;
  respectRobots?: boolean;
  /** Injected for tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface HttpRequest {
  url: string;
  /** Names the caller in errors ("epoch", "lmarena"). */
  source: string;
  headers?: Record<string, string>;
  /** Header names whose values must never be printed (API keys). */
  secretHeaders?: string[];
  /** Expected media types, e.g. ['text/csv', 'application/json']; an HTML answer to a CSV request is refused. */
  accept?: string[];
  maxBytes?: number;
  etag?: string;
  lastModified?: string;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: Uint8Array;
  notModified: boolean;
  attempts: number;
}

export class HttpError extends Error {
  readonly url: string;
  readonly source: string;
  readonly status?: number;
  readonly hint?: string;
  /** The bare reason, without the [source url] suffix and hint that `message` adds. */
  readonly reason: string;

  constructor(message: string, url: string, source: string, status?: number, hint?: string) {
    super(`${message} [source=${source} url=${url}${status ? ` status=${status}` : ''}]${hint ? ` — likely cause: ${hint}` : ''}`);
    this.name = 'HttpError';
    this.url = url;
    this.source = source;
    this.status = status;
    this.hint = hint;
    this.reason = message;
  }
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

export class HttpClient {
  private readonly opts: Required<Omit<HttpClientOptions, 'log'>> & { log: (l: string) => void };
  private readonly limits = new Map<string, LimitFunction>();
  private readonly lastStart = new Map<string, number>();
  private readonly robots = new Map<string, Promise<RobotsVerdict>>();

  constructor(options: HttpClientOptions = {}) {
    this.opts = {
      userAgent: options.userAgent ?? USER_AGENT,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxAttempts: options.maxAttempts ?? 4,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      concurrencyPerHost: options.concurrencyPerHost ?? 2,
      minIntervalMs: options.minIntervalMs ?? 1_000,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      respectRobots: options.respectRobots ?? true,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      log: options.log ?? (() => {}),
    };
  }

  async get(req: HttpRequest): Promise<HttpResponse> {
    try {
      const url = new URL(req.url);
      if (this.opts.respectRobots) {
        const verdict = await this.robotsFor(url, req.source);
        if (verdict.unreadable) {
          throw new HttpError(`robots.txt could not be read (${verdict.unreadable}), which means "stay away" (RFC 9309)`, req.url, req.source, undefined,
            'the site is failing or rate-limiting us; retry later');
        }
        if (verdict.rules?.isAllowed(url.href, this.opts.userAgent) === false) {
          throw new HttpError('robots.txt disallows this URL for our user agent', req.url, req.source, undefined,
            'the site asked crawlers to stay away from this path; use a documented API or a download link instead');
        }
      }
      return await this.limitFor(url.host)(() => this.withRetries(req));
    } catch (err) {
      // A hostile or careless server can echo our API key back (in a reason phrase, say): never let it out.
      throw redactError(err, secretValues(req));
    }
  }

  private limitFor(host: string): LimitFunction {
    let limit = this.limits.get(host);
    if (!limit) {
      limit = pLimit(this.opts.concurrencyPerHost);
      this.limits.set(host, limit);
    }
    return limit;
  }

  private async politeDelay(host: string): Promise<void> {
    const last = this.lastStart.get(host);
    const now = Date.now();
    if (last !== undefined && now - last < this.opts.minIntervalMs) {
      const wait = this.opts.minIntervalMs - (now - last);
      this.lastStart.set(host, now + wait);
      await this.opts.sleep(wait);
    } else {
      this.lastStart.set(host, now);
    }
  }

  private async withRetries(req: HttpRequest): Promise<HttpResponse> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.opts.maxAttempts; attempt++) {
      await this.politeDelay(new URL(req.url).host);
      let retryAfterMs: number | undefined;
      try {
        const res = await this.once(req, attempt);
        if (!RETRYABLE.has(res.status)) return res;
        retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        lastError = new HttpError(`HTTP ${res.status}`, req.url, req.source, res.status,
          res.status === 429 ? 'rate limited: lower the request rate or retry later' : 'the server is failing; retry later');
        if (retryAfterMs !== undefined && retryAfterMs > this.opts.maxRetryAfterMs) {
          throw new HttpError(`HTTP ${res.status} with Retry-After of ${Math.round(retryAfterMs / 1000)} s, longer than the ${Math.round(this.opts.maxRetryAfterMs / 1000)} s we wait`,
            req.url, req.source, res.status, 'the server asked us to come back much later');
        }
      } catch (err) {
        if (err instanceof HttpError && !err.message.startsWith('network')) throw err;
        lastError = err;
      }
      if (attempt < this.opts.maxAttempts) {
        const backoff = this.opts.backoffBaseMs * 2 ** (attempt - 1);
        const wait = Math.max(backoff, retryAfterMs ?? 0);
        const why = lastError instanceof HttpError ? `: ${redact(lastError.reason, secretValues(req))}` : '';
        this.opts.log(`  retry ${attempt}/${this.opts.maxAttempts - 1} for ${req.url} in ${wait} ms${why}`);
        await this.opts.sleep(wait);
      }
    }
    if (lastError instanceof HttpError) {
      throw new HttpError(`gave up after ${this.opts.maxAttempts} attempts, last: ${lastError.reason}`, req.url, req.source, lastError.status, lastError.hint);
    }
    throw lastError;
  }

  /** One attempt. Returns retryable statuses to the caller; throws HttpError for everything final. */
  private async once(req: HttpRequest, attempt: number): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      'user-agent': this.opts.userAgent,
      'accept-encoding': 'gzip, deflate, br',
      ...(req.accept ? { accept: req.accept.join(', ') } : {}),
      ...(req.etag ? { 'if-none-match': req.etag } : {}),
      ...(req.lastModified ? { 'if-modified-since': req.lastModified } : {}),
      ...req.headers,
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), this.opts.timeoutMs);
    try {
      let res: Response;
      try {
        res = await fetch(req.url, { headers, signal: controller.signal, redirect: 'follow' });
      } catch (err) {
        throw networkError(err, req, this.opts.timeoutMs);
      }
      if (RETRYABLE.has(res.status)) {
        await res.body?.cancel().catch(() => {});
        return { url: res.url || req.url, status: res.status, headers: res.headers, body: new Uint8Array(), notModified: false, attempts: attempt };
      }
      if (res.status === 304) {
        return { url: res.url || req.url, status: 304, headers: res.headers, body: new Uint8Array(), notModified: true, attempts: attempt };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => {});
        throw new HttpError(`HTTP ${res.status} ${res.statusText}`, req.url, req.source, res.status, statusHint(res.status));
      }
      checkContentType(res, req);
      const body = await readLimited(res, req, req.maxBytes ?? this.opts.maxBytes, this.opts.timeoutMs);
      return { url: res.url || req.url, status: res.status, headers: res.headers, body, notModified: false, attempts: attempt };
    } finally {
      clearTimeout(timer);
    }
  }

  private robotsFor(url: URL, source: string): Promise<RobotsVerdict> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      robots = this.fetchRobots(url.origin, source);
      this.robots.set(url.origin, robots);
    }
    return robots;
  }

  private async fetchRobots(origin: string, source: string): Promise<RobotsVerdict> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      // With the same retries as any request: one reset connection must not switch robots.txt off.
      const res = await this.limitFor(new URL(origin).host)(() => this.withRetries({ url: robotsUrl, source, maxBytes: 512 * 1024 }));
      return { rules: robotsParser(robotsUrl, new TextDecoder().decode(res.body)) };
    } catch (err) {
      // 5xx (or 429) after every retry: robots.txt is "unreachable", which means complete disallow.
      if (err instanceof HttpError && err.status && (err.status >= 500 || err.status === 429)) return { unreadable: `HTTP ${err.status}` };
      // Other 4xx on robots.txt means "no rules" by convention; a network failure will resurface on the real request.
      return {};
    }
  }
}

/** The values of the request's secret headers, and each long token in them ("Bearer sk-…" → "sk-…"). */
function secretValues(req: HttpRequest): string[] {
  const names = new Set((req.secretHeaders ?? []).map((n) => n.toLowerCase()));
  const values = new Set<string>();
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (!names.has(name.toLowerCase())) continue;
    const v = value.trim();
    if (v.length >= 4) values.add(v);
    for (const token of v.split(/\s+/)) if (token.length >= 8) values.add(token);
  }
  // Longest first, so a whole value is masked before one of its tokens.
  return [...values].sort((a, b) => b.length - a.length);
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => t.split(s).join('***'), text);
}

function redactError(err: unknown, secrets: string[]): unknown {
  if (secrets.length === 0 || !(err instanceof Error)) return err;
  if (err instanceof HttpError) {
    const clean = new HttpError(redact(err.reason, secrets), redact(err.url, secrets), err.source, err.status, err.hint && redact(err.hint, secrets));
    clean.stack = redact(err.stack ?? '', secrets);
    return clean;
  }
  const clean = new Error(redact(err.message, secrets));
  clean.name = err.name;
  clean.stack = redact(err.stack ?? '', secrets);
  return clean;
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return 'missing or invalid API key, or the site blocks automated clients';
  if (status === 404 || status === 410) return 'the file moved: check the live URL named in the scraper module';
  return 'unexpected answer from the server';
}

function networkError(err: unknown, req: HttpRequest, timeoutMs: number): HttpError {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const text = `${(err as Error)?.message ?? err}${cause?.message ? `: ${cause.message}` : ''}`;
  if ((err as Error)?.name === 'AbortError' || /timeout/i.test(text)) {
    return new HttpError(`network: no answer within ${timeoutMs} ms`, req.url, req.source, undefined, 'the server is slow or unreachable');
  }
  if (/redirect/i.test(text)) {
    return new HttpError(`redirect loop or too many redirects (${text})`, req.url, req.source, undefined, 'the URL moved in a circle; check it in a browser');
  }
  return new HttpError(`network: ${text}${cause?.code ? ` (${cause.code})` : ''}`, req.url, req.source, undefined,
    'connection refused or reset, DNS failure, or no internet on this machine');
}

function checkContentType(res: Response, req: HttpRequest): void {
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!req.accept || !type) return;
  const wantsHtml = req.accept.some((a) => a.includes('html'));
  if (type === 'text/html' && !wantsHtml) {
    throw new HttpError(`got an HTML page where ${req.accept.join(' or ')} was expected`, req.url, req.source, res.status,
      'an error, login or consent page was served instead of the data file');
  }
}

async function readLimited(res: Response, req: HttpRequest, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new HttpError(`body of ${declared} bytes exceeds the ${maxBytes}-byte limit`, req.url, req.source, res.status,
      'the URL now serves a different, larger file; raise maxBytes for this target only if that is expected');
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new HttpError(`body exceeds the ${maxBytes}-byte limit`, req.url, req.source, res.status,
          'the URL now serves a different, larger file');
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(`network: body cut off after ${total} bytes (${(err as Error).message})`, req.url, req.source, res.status,
      `connection reset or timeout (${timeoutMs} ms) while downloading`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
