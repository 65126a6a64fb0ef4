/** Issue 13 row 13: attribute values in the rendered SVG are escaped like text. */
import * as Plot from '@observablehq/plot';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderPlot } from '../../src/charts/render.ts';

const NAMES = ['A &amp; B', 'Tom & Jerry', 'x < y > z', 'say "hi"', '&lt;script&gt;', '&#x26;'];

describe('row 13: names in attributes reach the page as written', () => {
  it.each(NAMES)('%j in aria-label, aria-description and a mark\'s title', (name) => {
    const svg = renderPlot({ marks: [Plot.dot([{ x: 1, y: 1, name }], { x: 'x', y: 'y', title: 'name', ariaLabel: 'name' })] }, { ariaLabel: name, ariaDescription: `best: ${name}` });
    const $ = load(svg, null, false);
    // What a browser reads back from the markup is the original string, not a decoded one.
    expect($('svg').first().attr('aria-label')).toBe(name);
    expect($('svg').first().attr('aria-description')).toBe(`best: ${name}`);
    expect($('title').first().text()).toBe(name);
    expect(svg).not.toMatch(/="[^"]*[<>][^"]*"/);
  });
});
