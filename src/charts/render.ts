/**
 * Plot options → SVG at build time, with a server-side DOM (linkedom), so charts need no
 * JavaScript in the browser. This module only draws; every rewrite of the markup (escaping,
 * rounding, page and raster adjustments) is in svg-post.ts, in order.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { serialize } from './svg-post.ts';

export interface ChartName { ariaLabel: string; ariaDescription?: string }

/** Plot's result: a DOM element, with the scale() Plot attaches (the race pages read x positions from it). */
export type PlotNode = Element & { scale: (name: string) => { apply: (v: unknown) => number } };

/** A fresh server-side document: Plot only creates detached elements in it, so one can serve many charts. */
export const serverDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** Plot options → Plot's DOM node, named for screen readers, drawn in `document` (a fresh one by default). */
export function drawPlot(options: Plot.PlotOptions, { ariaLabel, ariaDescription }: ChartName, document: Document = serverDocument()): PlotNode {
  // Plot types its result as a browser element; here it is linkedom's, with the same scale() Plot attaches.
  return Plot.plot({ ...options, document, ariaLabel, ariaDescription } as Plot.PlotOptions) as unknown as PlotNode;
}

/** Plot options → the serialized markup (svg-post.ts serialize: attributes escaped, numbers rounded). */
export function renderPlot(options: Plot.PlotOptions, name: ChartName): string {
  return serialize(drawPlot(options, name));
}
