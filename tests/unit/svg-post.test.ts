/**
 * The SVG post-processing steps (src/charts/svg-post.ts) on tiny hand-written markup, one test per
 * rule, so a failure names the rewrite that broke; the last block runs the pipelines on a real
 * Plot drawing to check the steps still recognise what Plot writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { drawPlot, renderPlot } from '../../src/charts/render.ts';
import {
  chartSvgOnly, dropFigureMaxWidth, dropPlotStylesheet, escapeAttributes, forPage, forRaster, inkAs, moveRule,
  placeAt, roundNumbers, serialize, svgAsImage, tabularNumsAsClass, unlabelMarkGroups,
} from '../../src/charts/svg-post.ts';

/** A linkedom element from markup, as Plot's nodes are. */
const node = (markup: string): Element => {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return document.body.firstElementChild as unknown as Element;
};

describe('serialize (DOM node → markup)', () => {
  it('attribute values are escaped like text: &, < and > become entities', () => {
    const el = node('<svg aria-label="x"><title>t</title></svg>');
    el.setAttribute('aria-label', 'Tom & Jerry <3 >');
    escapeAttributes(el);
    expect(el.outerHTML).toBe('<svg aria-label="Tom &amp; Jerry &lt;3 &gt;"><title>t</title></svg>');
  });
  it('an entity already in a value is escaped again, so it reads back as written', () => {
    const el = node('<svg></svg>');
    el.setAttribute('aria-label', 'A &amp; B');
    // (linkedom writes an empty SVG element self-closed)
    expect(serialize(el)).toBe('<svg aria-label="A &amp;amp; B" />');
  });
  it('escaping reaches nested elements, not only the root', () => {
    const el = node('<svg><g><text></text></g></svg>');
    el.querySelector('text')!.setAttribute('data-name', 'a<b');
    expect(serialize(el)).toBe('<svg><g><text data-name="a&lt;b" /></g></svg>');
  });
  it('numbers in attribute values are rounded to two decimals; text content is not', () => {
    expect(roundNumbers('<path d="M1.23456,2.5L-3.14159,10" /><text x="0.125">3.14159</text>')).toBe('<path d="M1.23,2.5L-3.14,10" /><text x="0.13">3.14159</text>');
  });
  it('serialize escapes, then rounds', () => {
    const el = node('<svg><path d="M1.23456,2"></path></svg>');
    el.setAttribute('aria-label', 'a & 1.23456');
    expect(serialize(el)).toBe('<svg aria-label="a &amp; 1.23"><path d="M1.23,2" /></svg>');
  });
});

describe('forPage steps (markup → markup for the site under its CSP)', () => {
  it("Plot's default stylesheet is dropped; any other <style> stays, for the CSP and the browser tests to catch", () => {
    expect(dropPlotStylesheet('<svg><style>:where(.plot-d6a7b5) { color: red; }</style><g></g></svg>')).toBe('<svg><g></g></svg>');
    expect(dropPlotStylesheet('<svg><style>.mine { color: red; }</style></svg>')).toBe('<svg><style>.mine { color: red; }</style></svg>');
  });
  it("the legend's <figure> loses Plot's inline max-width, nothing else", () => {
    expect(dropFigureMaxWidth('<figure style="max-width:initial" class="plot-d6a7b5-figure"><div></div></figure>')).toBe('<figure class="plot-d6a7b5-figure"><div></div></figure>');
    expect(dropFigureMaxWidth('<figure style="color:red" class="plot-d6a7b5-figure"></figure>')).toBe('<figure style="color:red" class="plot-d6a7b5-figure"></figure>');
  });
  it("mark groups lose their aria-label (screen readers would read 'rule', 'bar'); their other attributes stay", () => {
    expect(unlabelMarkGroups('<g aria-label="bar" fill="red"><rect></rect></g><g aria-label="rule"></g>')).toBe('<g fill="red"><rect></rect></g><g></g>');
  });
  it('a mark group without a label is left as it is', () => {
    expect(unlabelMarkGroups('<g fill="red" class="x"></g>')).toBe('<g fill="red" class="x"></g>');
  });
  it('font-variant="tabular-nums" becomes the class tabular-nums, appended to a class the group has', () => {
    expect(tabularNumsAsClass('<g font-variant="tabular-nums" fill="none"></g>')).toBe('<g fill="none" class="tabular-nums"></g>');
    expect(tabularNumsAsClass('<g class="race-marker" font-variant="tabular-nums"></g>')).toBe('<g class="race-marker tabular-nums"></g>');
    expect(tabularNumsAsClass('<g font-variant="small-caps"></g>')).toBe('<g font-variant="small-caps"></g>');
  });
  it('a labelled <svg> becomes role="img"; one with a role, or without a label (a swatch), is left alone', () => {
    expect(svgAsImage('<svg class="plot" aria-label="Chart" width="10"></svg>')).toBe('<svg role="img" class="plot" aria-label="Chart" width="10"></svg>');
    expect(svgAsImage('<svg role="presentation" aria-label="Chart"></svg>')).toBe('<svg role="presentation" aria-label="Chart"></svg>');
    expect(svgAsImage('<svg width="15" height="15"></svg>')).toBe('<svg width="15" height="15"></svg>');
  });
  it('forPage applies every page step to one drawing', () => {
    const plotLike = '<figure style="max-width:initial" class="plot-d6a7b5-figure"><svg width="15"></svg><svg class="plot-d6a7b5" aria-label="T"><style>:where(.plot-d6a7b5) {}</style><g aria-label="y-axis tick label" font-variant="tabular-nums"><text>1</text></g></svg></figure>';
    expect(forPage(plotLike)).toBe('<figure class="plot-d6a7b5-figure"><svg width="15"></svg><svg role="img" class="plot-d6a7b5" aria-label="T"><g class="tabular-nums"><text>1</text></g></svg></figure>');
  });
});

describe('moveRule (the race pages: one drawing, the chosen-date rule moved per date)', () => {
  const svg = '<svg><g class="other"><line x1="1" x2="1"></line></g><g class="race-marker" stroke="currentColor"><line x1="10" x2="10" y1="0" y2="50"></line></g></svg>';
  it("only the race-marker line's x1 and x2 move; its y and every other line stay", () => {
    expect(moveRule(svg, 42.5)).toBe('<svg><g class="other"><line x1="1" x2="1"></line></g><g class="race-marker" stroke="currentColor"><line x1="42.5" x2="42.5" y1="0" y2="50"></line></g></svg>');
  });
  it('a drawing without a race marker is returned unchanged', () => {
    expect(moveRule('<svg><line x1="1" x2="1"></line></svg>', 5)).toBe('<svg><line x1="1" x2="1"></line></svg>');
  });
});

describe('forRaster steps (the social card, for resvg)', () => {
  it("a chart with a legend keeps only the chart's <svg>, not the figure or the legend's swatches", () => {
    expect(chartSvgOnly('<figure><div class="swatches"><svg width="15"></svg></div><svg class="plot-d6a7b5" width="10"><g></g></svg></figure>')).toBe('<svg class="plot-d6a7b5" width="10"><g></g></svg>');
  });
  it("the chart is placed at (x, y), its own x and y giving way", () => {
    expect(placeAt(50, 160)('<svg class="plot" x="3" y="4" width="10"><g x="1"></g></svg>')).toBe('<svg x="50" y="160"  class="plot" width="10"><g x="1"></g></svg>');
  });
  it('currentColor becomes the given ink, for fills and strokes (a rasteriser has no CSS)', () => {
    expect(inkAs('#111')('<g fill="currentColor" stroke="currentColor"><text fill="red"></text></g>')).toBe('<g fill="#111" stroke="#111"><text fill="red"></text></g>');
  });
  it('forRaster runs the three in order', () => {
    expect(forRaster('<figure><svg class="plot-x" x="1"><g stroke="currentColor"></g></svg></figure>', { x: 5, y: 6, ink: '#000' })).toBe('<svg x="5" y="6"  class="plot-x"><g stroke="#000"></g></svg>');
  });
});

describe("the pipelines on Plot's own markup", () => {
  const options: Plot.PlotOptions = {
    width: 300, color: { legend: true },
    marks: [Plot.barY([{ x: 'a & b', y: 1.23456, c: 'one' }, { x: 'c', y: 2, c: 'two' }], { x: 'x', y: 'y', fill: 'c' }), Plot.ruleY([0])],
  };
  it('after forPage no inline style, no font-variant attribute, no labelled <g>, and the chart is role="img"', () => {
    const page = forPage(renderPlot(options, { ariaLabel: 'Bars & rules', ariaDescription: 'two bars' }));
    expect(page).not.toMatch(/<style|\sstyle="max-width|font-variant=|<g[^>]*aria-label=/);
    expect(page).toMatch(/<svg role="img"[^>]*aria-label="Bars &amp; rules"/);
    expect(page).toMatch(/class="[^"]*tabular-nums/);
  });
  it('renderPlot is drawPlot then serialize', () => {
    expect(renderPlot(options, { ariaLabel: 'L' })).toBe(serialize(drawPlot(options, { ariaLabel: 'L' })));
  });
});

describe('one home for drawing and rewriting SVG', () => {
  const SRC = join(import.meta.dirname, '../../src');
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.(ts|astro)$/.test(f)).map((f) => join(SRC, f));
  const using = (pattern: RegExp) => files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f)).sort();
  it('only src/charts/render.ts calls Plot.plot or makes a server-side document', () => {
    expect(using(/Plot\.plot\(|parseHTML\(/)).toEqual(['charts/render.ts']);
  });
  it("only src/charts/svg-post.ts serialises Plot's DOM or rewrites <svg>/<g> tags in markup", () => {
    expect(using(/\.outerHTML\b|replace\(\/(\^)?<(svg|g)\b/)).toEqual(['charts/svg-post.ts']);
  });
});
