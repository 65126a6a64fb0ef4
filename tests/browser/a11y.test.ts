/**
 * 3. axe-core finds no violation on any page, in the light and the dark colour scheme, with
 * every <details> (the data tables, the schemas) open so their contents are checked too.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { PAGES, liveSite } from './helpers/browser.ts';

const live = liveSite();

describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
  test.each(PAGES)('%s has no axe violations', async (path) => {
    const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${live.server.origin}${path}`);
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const results = await new AxeBuilder({ page }).analyze();
    await context.close();
    const report = results.violations.flatMap((v) =>
      v.nodes.map((n) => `[${v.impact}] ${v.id}: ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`),
    );
    expect(report, `${report.length} axe violation node(s) on ${path} (${colorScheme}):\n${report.join('\n')}`).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
  });
});
