/** What the built HTML says should be on the article, read from dist/ (not from the browser). */
import * as cheerio from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser.ts';

export function builtHtml(path: string, dist = DIST): string {
  return readFileSync(join(dist, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : ''), 'utf8');
}

export interface ArticleOutline {
  /** ids of every section[id^="step-"], in document order. */
  sections: string[];
  /** data-figure of every figure[data-figure], in document order. */
  figures: string[];
  /** Every scrolly with its steps' states, in document order. */
  scrollies: { id: string; states: string[] }[];
}

export function articleOutline(dist = DIST): ArticleOutline {
  const $ = cheerio.load(builtHtml('/', dist));
  return {
    sections: $('section[id^="step-"]').map((_, el) => $(el).attr('id')!).get(),
    figures: $('figure[data-figure]').map((_, el) => $(el).attr('data-figure')!).get(),
    scrollies: $('[data-scrolly]')
      .map((_, el) => ({ id: $(el).attr('data-scrolly')!, states: $(el).find('[data-step-state]').map((_, s) => $(s).attr('data-step-state')!).get() }))
      .get(),
  };
}
