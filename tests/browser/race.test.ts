/**
 * The race-over-time pages in headless Chromium: the date control by keyboard, the URL round
 * trip (address, reload, back/forward), the no-JavaScript path, axe, labels neither clipped nor
 * overlapping at 390/768/1440 px, and no request to another host.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIST, liveSite, settle, watch } from './helpers/browser.ts';
import { boardDates, RACE_BOARDS } from '../../src/lib/race-views.ts';

const BOARD = 'lmarena-text-history';
const START = '2024-06-26';
const AFTER = '2024-06-29';
const path = (d: string, board = BOARD) => `/race/${board}/${d}/`;
const live = liveSite();

const shownDate = (page: Page) => page.locator('#race-date').getAttribute('data-date');
const markerX = (page: Page) =>
  page.evaluate(() => {
    const box = [...document.querySelectorAll<HTMLElement>('.race-overview [data-marker-x]')].find((el) => el.offsetParent !== null)!;
    return { line: box.querySelector('.race-marker line')!.getAttribute('x1'), map: JSON.parse(box.dataset.markerX!) as Record<string, number> };
  });

async function open(path: string, { width = 1280, javaScriptEnabled = true } = {}) {
  const context = await live.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce', javaScriptEnabled });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(`${live.server.origin}${path}`);
  if (javaScriptEnabled && path !== '/race/') await page.waitForSelector('[data-race-ready]', { state: 'attached' });
  return { context, page, log };
}

describe('the date control, by keyboard', () => {
  test('arrow keys on the slider load other dates in place, move the chosen-date rule, and update the URL', async () => {
    const { context, page, log } = await open(path(START));
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const slider = page.getByRole('slider', { name: 'Capture date' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, AFTER);
    expect(new URL(page.url()).pathname).toBe(path(AFTER));
    expect(await page.locator('#race-date h2').textContent()).toContain('29 June 2024');
    expect(await page.locator('[data-race-label]').textContent()).toBe('29 June 2024');
    expect(await slider.getAttribute('aria-valuetext')).toBe('29 June 2024');
    const m = await markerX(page);
    expect(Number(m.line)).toBe(m.map[AFTER]);
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('#race-date')?.getAttribute('data-date') === '2025-02-27');
    expect(await page.locator('a[data-race-step="1"]').getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('#race-date')?.getAttribute('data-date') === '2023-05-08');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.locator('[data-race-status]').textContent()).toContain('8 May 2023');
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await context.close();
  });

  test('Tab reaches Previous and Next, and Enter on them swaps the date without leaving the page', async () => {
    const { context, page } = await open(path(START));
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    // Tab from the board menu until the Next link has focus.
    await page.locator('.race-boards a').first().focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-race-step') === '1')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-race-step'))).toBe('1');
    await page.keyboard.press('Enter');
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, AFTER);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-race-step'))).toBe('-1');
    await page.keyboard.press('Enter');
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, START);
    expect(new URL(page.url()).pathname).toBe(path(START));
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await context.close();
  });
});

describe('the URL round trip', () => {
  test('the address names the state: reload, back and forward all show the date in the URL', async () => {
    const { context, page } = await open(path(START));
    await page.locator('a[data-race-step="1"]').click();
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, AFTER);
    await page.locator('a[data-race-step="1"]').click();
    await page.waitForFunction(() => document.querySelector('#race-date')?.getAttribute('data-date') === '2024-07-06');
    expect(new URL(page.url()).pathname).toBe(path('2024-07-06'));
    await page.reload();
    expect(await shownDate(page)).toBe('2024-07-06');
    await page.goBack();
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, AFTER);
    expect(new URL(page.url()).pathname).toBe(path(AFTER));
    expect(await page.locator('#race-slider-input').inputValue()).toBe(String((await markerDates(page)).indexOf(AFTER)));
    await page.goBack();
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, START);
    await page.goForward();
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, AFTER);
    await context.close();
  });

  test('a link to another board and date opens that state directly', async () => {
    const { context, page } = await open(path('2026-06-10', 'aa-intelligence'));
    expect(await shownDate(page)).toBe('2026-06-10');
    expect(await page.locator('.race-boards a[aria-current="page"]').textContent()).toContain('Artificial Analysis');
    await context.close();
  });
});

const markerDates = (page: Page) => page.locator('[data-race-dates] a[data-date]').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.date!));

describe('without JavaScript', () => {
  test('every date is reachable: Next and the list of dates are plain links to static pages with their charts', async () => {
    const { context, page } = await open(path(START), { javaScriptEnabled: false });
    expect(await page.locator('[data-race-slider]').isVisible()).toBe(false);
    expect(await page.locator('#race-date svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    await page.locator('a[data-race-step="1"]').click();
    await page.waitForURL(`**${path(AFTER)}`);
    expect(await shownDate(page)).toBe(AFTER);
    await page.locator('.race-all-dates summary').click();
    await page.locator('[data-race-dates] a[data-date="2023-05-08"]').click();
    await page.waitForURL(`**${path('2023-05-08')}`);
    expect(await shownDate(page)).toBe('2023-05-08');
    expect(await page.locator('a[data-race-step="-1"]').getAttribute('aria-disabled')).toBe('true');
    await context.close();
  });
});

describe('accessibility', () => {
  test.each(['light', 'dark'] as const)('no axe violations on a date page and after a swap (%s)', async (colorScheme) => {
    const { context, page } = await open(path(START));
    await page.emulateMedia({ colorScheme });
    const check = async (when: string) => {
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const results = await new AxeBuilder({ page }).analyze();
      const report = results.violations.flatMap((v) => v.nodes.map((n) => `[${v.impact}] ${v.id}: ${v.help} at ${n.target.join(' ')}`));
      expect(report, `${when} (${colorScheme}):\n${report.join('\n')}`).toEqual([]);
    };
    await check('on load');
    await page.locator('a[data-race-step="1"]').click();
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, AFTER);
    await check('after moving to the next date');
    await context.close();
  });

  test('the board index has no axe violations', async () => {
    // axe runs as page script: JavaScript stays on (the index has no script of its own).
    const { context, page } = await open('/race/');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});

describe.each([390, 768, 1440])('labels at %ipx', (width) => {
  test.each([path(START), path('2026-07-10', 'aa-intelligence'), path('2025-12-17', 'lmarena-text-style-control'), path('2026-04-29', 'epoch-eci'), path('2025-08-04', 'lmarena-text-raw-fboulnois')])('%s: no chart label clipped or overlapping another, nothing past the edge', async (p) => {
    const { context, page } = await open(p, { width });
    await settle(page);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const visible = [...document.querySelectorAll<SVGSVGElement>('.race svg[role="img"]')].filter((s) => s.getBoundingClientRect().width > 0);
      if (!visible.length) out.push('no visible chart');
      for (const svg of visible) {
        const box = svg.getBoundingClientRect();
        const name = svg.getAttribute('aria-label')?.slice(0, 60);
        const texts = [...svg.querySelectorAll('text')].map((t) => ({ t: (t.textContent ?? '').replace(t.querySelector('title')?.textContent ?? '', ''), r: t.getBoundingClientRect() })).filter((x) => x.r.width > 0 && x.t.trim());
        for (const { t, r } of texts) {
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(`${name}: "${t}" is clipped by its chart (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`);
          if (r.right > document.documentElement.clientWidth + 1) out.push(`${name}: "${t}" is past the right edge of the page`);
        }
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i]!.r;
            const b = texts[j]!.r;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            // Glyph boxes include line spacing: a sliver of 1px is not an overlap a reader sees.
            if (w > 1 && h > 1) out.push(`${name}: "${texts[i]!.t}" overlaps "${texts[j]!.t}"`);
          }
        }
      }
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
      return out;
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('requests', () => {
  test('a date page and a swap load nothing from another host', async () => {
    const { context, page, log } = await open(path(START));
    await page.locator('a[data-race-step="1"]').click();
    await page.waitForFunction((d) => document.querySelector('#race-date')?.getAttribute('data-date') === d, AFTER);
    const foreign = log.requests.filter((u) => !u.startsWith(live.server.origin) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(log.requests.some((u) => u.includes(`/race/fragments/${BOARD}/${AFTER}/`))).toBe(true);
    expect(log.failedRequests).toEqual([]);
    // Under the site's Content-Security-Policy (Base.astro): a blocked script or style would log an error.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    expect(log.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('valid HTML', () => {
  // The first and last date of every board, and the index (the fragments are not documents).
  const VNU = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  test('the Nu Html Checker finds no error in the race pages', async () => {
    const pages = ['/race/', ...RACE_BOARDS.flatMap((b) => [...new Set([boardDates(b)[0]!, boardDates(b).at(-1)!])].map((d) => path(d, b.id)))];
    const files = pages.map((p) => join(DIST, p, 'index.html'));
    const stderr = await new Promise<string>((ok, fail) =>
      execFile('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, err) =>
        error && typeof error.code !== 'number' ? fail(new Error(`could not run java (${error.message}): install a Java runtime`)) : ok(err)),
    );
    const messages = (JSON.parse(stderr || '{"messages":[]}') as { messages: { type: string; url?: string; lastLine?: number; message: string }[] }).messages;
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map((m) => `${m.url?.replace(/^file:/, '')}:${m.lastLine} ${m.message}`);
    expect(errors).toEqual([]);
  }, 180_000);
});
