/**
 * Renders Plot options to SVG markup at build time with a server-side DOM (linkedom), so
 * charts need no JavaScript in the browser. Numbers in the markup are rounded to keep
 * output stable across platforms and snapshot tests readable.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export function renderPlot(options: Plot.PlotOptions, { ariaLabel, ariaDescription }: { ariaLabel: string; ariaDescription?: string }): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document, ariaLabel, ariaDescription } as Plot.PlotOptions) as unknown as Element;
  escapeAttributes(node);
  return roundNumbers(node.outerHTML);
}

/**
 * linkedom serialises attribute values of an HTML document with only `"` escaped, so a model
 * named "A &amp; B" would reach the page as "A & B" and `<` would pass raw. Escape `&`, `<` and
 * `>` in every attribute value, as text is escaped, just before serialising (the DOM is thrown
 * away after). linkedom then escapes `"` itself.
 */
export function escapeAttributes(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (/[&<>]/.test(attr.value)) attr.value = attr.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }
  }
}

/** 12.345678 → 12.35 inside attribute values (coordinates, path data). */
export function roundNumbers(markup: string): string {
  return markup.replace(/(="[^"]*")/g, (attr) => attr.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)));
}
