/**
 * Bytes a page costs a reader: the built HTML plus every resource it links (stylesheets,
 * scripts and their static imports, images, icons, fonts, following url() in CSS), each
 * counted once, raw and gzipped (node:zlib level 9, a stand-in for what a static host sends).
 * Inline <script> bodies are part of the HTML bytes; they are also reported on their own,
 * because "JS shipped" counts them.
 */
import * as cheerio from 'cheerio';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
export const KINDS: readonly Kind[] = ['html', 'css', 'js', 'font', 'image', 'other'];

export interface Sizes { raw: number; gzip: number }
export interface Resource extends Sizes { url: string; kind: Kind }

export interface PageBytes {
  page: string;
  byKind: Record<Kind, Sizes>;
  total: Sizes;
  resources: Resource[];
  missing: string[];
  inlineJs: Sizes;
  /** external JS + inline scripts */
  jsShipped: Sizes;
  figures: number;
  figuresWithSvg: number;
  svgElements: number;
  /**
   * Gzip bytes of JS a reader needs to see the content: 0 when every figure[data-figure] carries
   * its chart as SVG in the raw HTML (text is in the HTML by construction of a static build);
   * otherwise all the JS shipped, since the charts must then be drawn in the browser.
   */
  jsNeededForContent: number;
  /** og:image / twitter:image URLs that are not in the build (not fetched by the page, but broken) */
  missingSocialImages: string[];
}

const gz = (b: Buffer | string): number => gzipSync(b, { level: 9 }).length;
const sizes = (b: Buffer): Sizes => ({ raw: b.length, gzip: gz(b) });

function kindOf(url: string, hint?: Kind): Kind {
  const ext = extname(url.split(/[?#]/)[0]!).toLowerCase();
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (['.woff', '.woff2', '.ttf', '.otf', '.eot'].includes(ext)) return 'font';
  if (['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.ico'].includes(ext)) return 'image';
  return hint ?? 'other';
}

/** Resolves a URL found in `fromPath` (a site path like /methodology/index.html) to a site path, or null if off-site. */
function resolveSitePath(ref: string, fromPath: string, site?: string): string | null {
  const r = ref.trim();
  if (!r || r.startsWith('data:') || r.startsWith('#') || r.startsWith('mailto:') || r.startsWith('javascript:')) return null;
  if (/^[a-z]+:\/\//i.test(r) || r.startsWith('//')) {
    if (site && r.startsWith(site)) return new URL(r).pathname;
    return null;
  }
  const path = r.split(/[?#]/)[0]!;
  return path.startsWith('/') ? posix.normalize(path) : posix.normalize(posix.join(posix.dirname(fromPath), path));
}

function fileFor(distDir: string, sitePath: string): string | null {
  let f = join(distDir, decodeURIComponent(sitePath));
  if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
  return existsSync(f) && statSync(f).isFile() ? f : null;
}

export function pageBytes(distDir: string, page: string, site?: string): PageBytes {
  const htmlPath = page.endsWith('/') ? `${page}index.html` : page;
  const htmlFile = fileFor(distDir, htmlPath);
  if (!htmlFile) throw new Error(`${page}: no ${htmlPath} in ${distDir}`);
  const html = readFileSync(htmlFile);
  const $ = cheerio.load(html.toString('utf8'));

  const seen = new Map<string, Resource>();
  const missing = new Set<string>();
  const queue: { path: string; kind?: Kind }[] = [];
  const add = (ref: string | undefined, from: string, hint?: Kind) => {
    if (!ref) return;
    const p = resolveSitePath(ref, from, site);
    if (p && !seen.has(p) && !queue.some((q) => q.path === p)) queue.push({ path: p, kind: hint });
  };

  $('link[rel~="stylesheet"]').each((_, e) => add($(e).attr('href'), htmlPath, 'css'));
  $('link[rel~="icon"], link[rel="apple-touch-icon"]').each((_, e) => add($(e).attr('href'), htmlPath, 'image'));
  $('link[rel="preload"], link[rel="modulepreload"]').each((_, e) => {
    const as = $(e).attr('as');
    add($(e).attr('href'), htmlPath, as === 'font' ? 'font' : as === 'style' ? 'css' : as === 'image' ? 'image' : 'js');
  });
  $('script[src]').each((_, e) => add($(e).attr('src'), htmlPath, 'js'));
  $('img[src], input[type="image"][src], video[poster]').each((_, e) => add($(e).attr('src') ?? $(e).attr('poster'), htmlPath, 'image'));
  $('img[srcset], source[srcset]').each((_, e) => {
    for (const part of ($(e).attr('srcset') ?? '').split(',')) add(part.trim().split(/\s+/)[0], htmlPath, 'image');
  });
  $('image[href], image[xlink\\:href], use[href]').each((_, e) => {
    const h = $(e).attr('href') ?? $(e).attr('xlink:href');
    if (h && !h.startsWith('#')) add(h.split('#')[0], htmlPath, 'image');
  });
  // url() inside inline styles and <style> blocks
  const cssUrls = (css: string, from: string) => {
    for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) add(m[2], from);
    for (const m of css.matchAll(/@import\s+(?:url\()?\s*['"]([^'"]+)['"]/g)) add(m[1], from, 'css');
  };
  $('style').each((_, e) => cssUrls($(e).html() ?? '', htmlPath));
  $('[style]').each((_, e) => cssUrls($(e).attr('style') ?? '', htmlPath));

  while (queue.length) {
    const { path, kind: hint } = queue.shift()!;
    const file = fileFor(distDir, path);
    if (!file) { missing.add(path); continue; }
    const body = readFileSync(file);
    const kind = kindOf(path, hint);
    seen.set(path, { url: path, kind, ...sizes(body) });
    if (kind === 'css') cssUrls(body.toString('utf8'), path);
    if (kind === 'js') {
      const src = body.toString('utf8');
      for (const m of src.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+\bfrom\s*)?["']([^"']+)["']/g)) add(m[1], path, 'js');
      for (const m of src.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(m[1], path, 'js');
    }
  }

  const inlineScripts = $('script:not([src])')
    .filter((_, e) => !/json|template|importmap/.test($(e).attr('type') ?? ''))
    .map((_, e) => $(e).html() ?? '').get().join('\n');
  const inlineJs: Sizes = inlineScripts ? { raw: Buffer.byteLength(inlineScripts), gzip: gz(inlineScripts) } : { raw: 0, gzip: 0 };

  const byKind = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0 }])) as Record<Kind, Sizes>;
  const htmlSizes = sizes(html);
  byKind.html = { ...htmlSizes };
  for (const r of seen.values()) { byKind[r.kind].raw += r.raw; byKind[r.kind].gzip += r.gzip; }
  const total = KINDS.reduce((t, k) => ({ raw: t.raw + byKind[k].raw, gzip: t.gzip + byKind[k].gzip }), { raw: 0, gzip: 0 });

  const figures = $('figure[data-figure]');
  const figuresWithSvg = figures.filter((_, e) => $(e).find('svg').length > 0).length;
  const missingSocialImages: string[] = [];
  $('meta[property="og:image"], meta[name="twitter:image"]').each((_, e) => {
    const p = resolveSitePath($(e).attr('content') ?? '', htmlPath, site);
    if (p && !fileFor(distDir, p)) missingSocialImages.push(p);
  });

  return {
    page,
    byKind,
    total,
    resources: [...seen.values()],
    missing: [...missing],
    inlineJs,
    jsShipped: { raw: byKind.js.raw + inlineJs.raw, gzip: byKind.js.gzip + inlineJs.gzip },
    figures: figures.length,
    figuresWithSvg,
    svgElements: $('svg').length,
    jsNeededForContent: figuresWithSvg === figures.length ? 0 : byKind.js.gzip + inlineJs.gzip,
    missingSocialImages,
  };
}

/** The site's own origin from astro.config (absolute URLs to it count as local). */
export function siteOrigin(configFile: string): string | undefined {
  if (!existsSync(configFile)) return undefined;
  const m = /\bsite:\s*['"]([^'"]+)['"]/.exec(readFileSync(configFile, 'utf8'));
  return m ? new URL(m[1]!).origin : undefined;
}
