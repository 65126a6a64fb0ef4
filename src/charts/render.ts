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
  return roundNumbers(node.outerHTML);
}

/** 12.345678 → 12.35 inside attribute values (coordinates, path data). */
export function roundNumbers(markup: string): string {
  return markup.replace(/(="[^"]*")/g, (attr) => attr.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)));
}
