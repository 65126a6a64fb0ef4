/**
 * 2. With JavaScript: scrolling through the article activates every scrolly step in order and
 * the chart follows; the keyboard reaches every step and every CSV link, and focusing a step
 * activates it. No console error, no uncaught exception, no failed request.
 * 4. Every request of every page goes to the local server, and nowhere else.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, PAGES, launchBrowser, settle, watch, type PageLog } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { articleOutline } from './helpers/site.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const logs: { path: string; log: PageLog }[] = [];
const outline = articleOutline();

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  logs.push({ path, log: watch(page) });
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return page;
}

/** Computed styles of every classed element in a scrolly's graphic: the chart's visible state. */
function chartSignature(page: Page, scrolly: string): Promise<string> {
  return page.evaluate((id) => {
    const root = document.querySelector(`[data-scrolly="${id}"] .scrolly-graphic`)!;
    return [...root.querySelectorAll('svg [class]')]
      .map((el) => {
        const cs = getComputedStyle(el);
        return `${el.getAttribute('class')}:${cs.opacity}/${cs.strokeOpacity}/${cs.fillOpacity}/${cs.visibility}/${cs.display}`;
      })
      .join('\n');
  }, scrolly);
}

function scrollyState(page: Page, scrolly: string) {
  return page.locator(`[data-scrolly="${scrolly}"]`).evaluate((el: HTMLElement) => ({ active: el.dataset.activeStep, state: el.dataset.state, ready: el.dataset.scrollyReady }));
}

describe('scrolling', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/');
    await page.evaluate(() => {
      const w = window as unknown as { __sequence: string[] };
      w.__sequence = [];
      document.addEventListener('scrolly:step', (e) => w.__sequence.push(`${(e.target as HTMLElement).dataset.scrolly}#${(e as CustomEvent<{ index: number }>).detail.index}`));
    });
  });

  test('the scrolly script ran on every container', async () => {
    for (const { id } of outline.scrollies) expect((await scrollyState(page, id)).ready, id).toBe('true');
  });

  test('every scrolly step activates in order, and the chart follows', async () => {
    for (const { id, states } of outline.scrollies) {
      expect(states.length, `${id} has steps`).toBeGreaterThan(0);
      const signatures = new Set<string>();
      for (const [i, state] of states.entries()) {
        const step = page.locator(`[data-scrolly="${id}"] [data-step-state]`).nth(i);
        expect(await step.getAttribute('data-step-state')).toBe(state);
        // Scroll with the wheel until the step's middle reaches the middle of the viewport.
        const { top, height, vh } = await step.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, height: r.height, vh: innerHeight };
        });
        await page.mouse.move(900, 450);
        await page.mouse.wheel(0, top + height / 2 - vh / 2);
        await page.waitForFunction(
          ([sid, idx]) => document.querySelector<HTMLElement>(`[data-scrolly="${sid}"]`)?.dataset.activeStep === String(idx),
          [id, i] as const,
          { timeout: 5000 },
        ).catch(() => undefined);
        expect(await scrollyState(page, id), `${id}: step ${i} (${state}) after scrolling to it`).toMatchObject({ active: String(i), state });
        expect(await step.getAttribute('data-active'), `${id}: step ${i} marked active`).toBe('');
        await settle(page);
        signatures.add(await chartSignature(page, id));

        if (id === 'ranking') {
          const opacity = await page.locator('[data-scrolly="ranking"] .bars-closed').first().evaluate((el) => Number(getComputedStyle(el).opacity));
          if (state === 'all') expect(opacity, 'closed bars in state all').toBeGreaterThan(0.9);
          if (state === 'closed-fade' || state === 'open-only') expect(opacity, `closed bars in state ${state}`).toBeLessThan(0.5);
        }
        // The memory chart highlights the hardware line a step names (class hw-<state>).
        if (id === 'memory' && (await page.locator(`[data-scrolly="memory"] .hw-${state}`).count()) > 0) {
          const faded = await page.locator(`[data-scrolly="memory"] [class^="hw-"]:not(.hw-${state})`).evaluateAll((els) => els.map((e) => Number(getComputedStyle(e).opacity)));
          const lit = await page.locator(`[data-scrolly="memory"] .hw-${state}`).evaluateAll((els) => els.map((e) => Number(getComputedStyle(e).opacity)));
          expect(Math.min(...lit), `memory: .hw-${state} highlighted`).toBeGreaterThan(0.9);
          expect(Math.max(...faded), `memory: other hardware faded in ${state}`).toBeLessThan(0.5);
        }
      }
      // The chart's look changed with the steps (with one step, it left its initial state).
      if (states.length > 1) expect(signatures.size, `${id}: distinct chart states`).toBeGreaterThan(1);
    }
    // Reading down the page, each container's data-active-step went 0, 1, 2, … with no skip or step back.
    const sequence = await page.evaluate(() => (window as unknown as { __sequence: string[] }).__sequence);
    expect(sequence).toEqual(outline.scrollies.flatMap(({ id, states }) => states.map((_, i) => `${id}#${i}`)));
  });

  test('scrolling back up re-activates earlier steps', async () => {
    const { id } = outline.scrollies[0]!;
    const first = page.locator(`[data-scrolly="${id}"] [data-step-state]`).first();
    await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((sid) => document.querySelector<HTMLElement>(`[data-scrolly="${sid}"]`)?.dataset.activeStep === '0', id, { timeout: 5000 });
    expect((await scrollyState(page, id)).state).toBe(outline.scrollies[0]!.states[0]);
  });
});

describe('keyboard', () => {
  test('Tab reaches every step and every CSV download link; focusing a step activates it', async () => {
    const page = await open('/');
    await page.evaluate(() => {
      (window as unknown as { __stepEvents: unknown[] }).__stepEvents = [];
      document.addEventListener('scrolly:step', (e) => (window as unknown as { __stepEvents: unknown[] }).__stepEvents.push((e as CustomEvent).detail));
    });
    const wantSteps = outline.scrollies.flatMap(({ id, states }) => states.map((_, i) => `${id}#${i}`));
    const wantDownloads = await page.locator('a.figure-download').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
    expect(wantDownloads.length).toBe(outline.figures.length);
    const focusable = await page.evaluate(() => document.querySelectorAll('a[href], summary, [tabindex="0"], button, input').length);

    const seenSteps: string[] = [];
    const seenDownloads: string[] = [];
    const notActivated: string[] = [];
    // At a human pace: let pending IntersectionObserver callbacks run before and after each
    // press (two animation frames), then check the focused step is the active one.
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (let press = 0; press < focusable + 20; press++) {
      await frames();
      await page.evaluate(() => (window as unknown as { __stepEvents: unknown[] }).__stepEvents.splice(0));
      await page.keyboard.press('Tab');
      await frames();
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const events = (window as unknown as { __stepEvents: { index: number }[] }).__stepEvents.splice(0);
        if (!el || el === document.body) return { kind: 'body' as const };
        if (el.matches('[data-step-state]')) {
          const container = el.closest<HTMLElement>('[data-scrolly]')!;
          const index = [...container.querySelectorAll('[data-step-state]')].indexOf(el);
          return {
            kind: 'step' as const,
            key: `${container.dataset.scrolly}#${index}`,
            activated: container.dataset.activeStep === String(index),
            state: container.dataset.state === el.dataset.stepState,
            detail: `active=${container.dataset.activeStep} state=${container.dataset.state} events=${JSON.stringify(events)} y=${scrollY}`,
          };
        }
        if (el.matches('a.figure-download')) return { kind: 'download' as const, key: el.getAttribute('href')! };
        return { kind: 'other' as const };
      });
      if (at.kind === 'body' && press > 0) break;
      if (at.kind === 'step') {
        seenSteps.push(at.key);
        if (!at.activated || !at.state) notActivated.push(`${at.key}: ${at.detail}`);
      }
      if (at.kind === 'download') seenDownloads.push(at.key);
    }
    expect(seenSteps, 'steps reached with Tab, in order').toEqual(wantSteps);
    expect(seenDownloads, 'a.figure-download reached with Tab, in order').toEqual(wantDownloads);
    expect(notActivated, 'steps that did not activate on focus').toEqual([]);
  });
});

describe('every page', () => {
  test.each(PAGES)('%s loads with JavaScript', async (path) => {
    const page = await open(path);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForLoadState('networkidle');
  });

  test('no console error, no uncaught exception, no failed request on any page', () => {
    expect(logs.length).toBeGreaterThan(0);
    const problems = logs.flatMap(({ path, log }) => [
      ...log.consoleErrors.map((e) => `${path} console.error: ${e}`),
      ...log.pageErrors.map((e) => `${path} pageerror: ${e}`),
      ...log.failedRequests.map((e) => `${path} request: ${e}`),
    ]);
    expect(problems).toEqual([]);
  });

  test('every request went to the local server only', () => {
    for (const path of PAGES) expect(logs.some((l) => l.path === path), `${path} was loaded`).toBe(true);
    const elsewhere = logs.flatMap(({ path, log }) => log.requests.filter((u) => new URL(u).host !== server.host).map((u) => `${path} → ${u}`));
    expect(elsewhere).toEqual([]);
    expect(logs.flatMap((l) => l.log.requests).length).toBeGreaterThan(PAGES.length - 1);
  });
});
