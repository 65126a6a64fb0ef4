/**
 * 9. Content-Security-Policy: every page carries one in a <meta> (and dist/_headers sends the
 * same one as an HTTP header) that allows no other origin and no inline script or style
 * without a hash; the pages load under it with no violation and the scrolly still works.
 */
import * as cheerio from 'cheerio';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, PAGES, launchBrowser, watch } from './helpers/browser.ts';
import { parseHeadersFile, serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { articleOutline, builtHtml } from './helpers/site.ts';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const metaPolicy = (path: string) => cheerio.load(builtHtml(path))('meta[http-equiv="Content-Security-Policy" i]').attr('content') ?? '';

describe('the policy in the built HTML', () => {
  test.each(PAGES)('%s has a strict CSP <meta> before any script or stylesheet', (path) => {
    const html = builtHtml(path);
    const $ = cheerio.load(html);
    const metas = $('meta[http-equiv="Content-Security-Policy" i]');
    expect(metas.length, 'one CSP <meta>').toBe(1);
    const at = html.search(/<meta http-equiv="Content-Security-Policy"/i);
    const firstResource = html.search(/<(script|link[^>]+rel="?stylesheet|style)\b/i);
    expect(firstResource === -1 || at < firstResource, 'the CSP <meta> comes before the first script or stylesheet').toBe(true);

    const policy = directives(metas.attr('content')!);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const s of sources) {
        const allowed = s === "'self'" || s === "'none'" || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s) || (name === 'img-src' && s === 'data:') || (name === 'style-src' && s === "'unsafe-inline'");
        expect(allowed, `${name} allows ${s}`).toBe(true);
      }
    }
    // Scripts: files from 'self', or inline with their hash listed.
    const scriptSrc = policy.get('script-src') ?? policy.get('default-src')!;
    $('script:not([src])').each((_, el) => {
      const hash = sha256($(el).text());
      expect(scriptSrc, `inline <script> ${$(el).text().slice(0, 80)}… needs ${hash}`).toContain(hash);
    });
    // Styles: unless the policy gives up and allows inline styles, there must be none.
    const styleSrc = policy.get('style-src') ?? policy.get('default-src')!;
    if (!styleSrc.includes("'unsafe-inline'")) {
      const inline = [
        ...$('style').map((_, el) => `<style>${$(el).text().slice(0, 60)}…`).get(),
        ...$('[style]').map((_, el) => `<${(el as { tagName: string }).tagName} style="${$(el).attr('style')}">`).get(),
      ].filter((s) => !styleSrc.includes(sha256(s)));
      expect(inline, 'inline styles the CSP would block (move them to global.css; Plot\'s own are removed in Figure.astro)').toEqual([]);
    }
  });

  test('dist/_headers sends the same policy as an HTTP header for every path', () => {
    const file = join(DIST, '_headers');
    expect(existsSync(file), 'public/_headers is copied to dist/').toBe(true);
    const rules = parseHeadersFile(readFileSync(file, 'utf8'));
    const all = rules.find((r) => r.pattern.test('/') && r.pattern.test('/data/figures/x.csv'));
    const header = all?.headers.find(([k]) => k.toLowerCase() === 'content-security-policy')?.[1];
    expect(header).toBe(metaPolicy('/'));
    for (const path of PAGES) expect(metaPolicy(path), path).toBe(header);
  });
});

describe('in the browser, with the meta and the header policy', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await serveStatic(DIST, { applyHeadersFile: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(PAGES)('%s loads with no CSP violation', async (path) => {
    const page = await context.newPage();
    const log = watch(page);
    const res = await page.goto(`${server.origin}${path}`);
    expect(res?.headers()['content-security-policy'], 'the server applied dist/_headers').toBe(metaPolicy(path));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations).toEqual([]);
    expect([...log.consoleErrors, ...log.pageErrors, ...log.failedRequests]).toEqual([]);
    await page.close();
  });

  test('the scrolly works under the policy', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const { scrollies } = articleOutline();
    for (const { id, states } of scrollies) {
      for (const [i, state] of states.entries()) {
        await page.locator(`[data-scrolly="${id}"] [data-step-state]`).nth(i).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.waitForFunction(([sid, idx]) => document.querySelector<HTMLElement>(`[data-scrolly="${sid}"]`)?.dataset.activeStep === String(idx), [id, i] as const, { timeout: 5000 });
        expect(await page.locator(`[data-scrolly="${id}"]`).getAttribute('data-state')).toBe(state);
      }
    }
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await page.close();
  });
});
