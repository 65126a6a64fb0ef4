/**
 * Every rewrite of the SVG markup Plot draws, in one place and in the order it runs. render.ts
 * only turns Plot options into a DOM node; from there:
 *
 *   serialize(node)      the markup every consumer starts from (chart snapshots, the social card,
 *                        the page): attributes escaped, numbers rounded.
 *   forPage(markup)      the article's figures and the race pages: fit for this site's
 *                        Content-Security-Policy and for screen readers.
 *   moveRule(svg, x)     the race pages: one over-time drawing, its chosen-date rule moved per date.
 *   forRaster(markup, …) the social card: a bare <svg> resvg can place and paint without CSS.
 *
 * Each step is a small function with the reason it exists; the pipelines are the lists below.
 * Steps that match on markup assume Plot's own output (attributes in double quotes), not any SVG.
 */

// ── serialize: DOM node → markup ────────────────────────────────────────────────────────────

/**
 * linkedom serialises attribute values of an HTML document with only `"` escaped, so a model
 * named "A &amp; B" would reach the page as "A & B" and `<` would pass raw. Escape `&`, `<` and
 * `>` in every attribute value, as text is escaped, just before serialising (the DOM is thrown
 * away after). linkedom then escapes `"` itself. This is the one step that works on the DOM:
 * on the markup, an `&quot;` linkedom wrote could not be told from one in the value.
 */
export function escapeAttributes(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (/[&<>]/.test(attr.value)) attr.value = attr.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }
  }
}

/**
 * 12.345678 → 12.35 inside attribute values (coordinates, path data): floating-point noise in
 * the last digits differs across platforms, so unrounded markup would not be byte-stable and
 * snapshot diffs would be unreadable. Text content (labels, titles) is left as written.
 */
export function roundNumbers(markup: string): string {
  return markup.replace(/(="[^"]*")/g, (attr) => attr.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)));
}

/** Plot's node → the markup every consumer starts from. Escapes in the DOM (see escapeAttributes), then rounds. */
export function serialize(node: Element): string {
  escapeAttributes(node);
  return roundNumbers(node.outerHTML);
}

// ── forPage: markup → markup for this site's pages ──────────────────────────────────────────

/**
 * Plot puts its default stylesheet (`:where(.plot-d6a7b5…)` rules, the same in every chart) in an
 * inline <style> per chart. Those rules live in global.css instead, so the Content-Security-Policy
 * needs no inline styles. Any other <style> is left alone: the CSP blocks it and the browser
 * tests report it.
 */
export const dropPlotStylesheet = (markup: string): string => markup.replace(/<style>(:where\(\.plot-d6a7b5[^<]*)<\/style>/g, '');

/** Plot sets style="max-width:initial" on the <figure> it wraps a chart with a legend in: inline style again (global.css sizes it). */
export const dropFigureMaxWidth = (markup: string): string => markup.replace(/(<figure) style="max-width:initial"( class="plot-d6a7b5-figure")/g, '$1$2');

/**
 * Plot labels every mark's <g> with its mark type ("rule", "frame", "bar"), which screen readers
 * announce as noise and axe flags (aria-label on an element without a role). The chart is one
 * image (see svgAsImage), named by its title, with the data table as the accessible view of the
 * numbers: the <g>s lose their labels.
 */
export const unlabelMarkGroups = (markup: string): string => markup.replace(/<g((?:\s+[\w:-]+="[^"]*")*)>/g, (_, attrs: string) => `<g${attrs.replace(/\s+aria-label="[^"]*"/, '')}>`);

/**
 * SVG's font-variant attribute takes only normal or small-caps: Plot's font-variant="tabular-nums"
 * on axis-label groups becomes a class (styled in global.css), added to any class the group has.
 */
export const tabularNumsAsClass = (markup: string): string =>
  markup.replace(/<g((?:\s+[\w:-]+="[^"]*")*)>/g, (_, attrs: string) => {
    if (!/\sfont-variant="tabular-nums"/.test(attrs)) return `<g${attrs}>`;
    const rest = attrs.replace(/\s+font-variant="tabular-nums"/, '');
    return `<g${/\sclass="/.test(rest) ? rest.replace(/\sclass="([^"]*)"/, ' class="$1 tabular-nums"') : `${rest} class="tabular-nums"`}>`;
  });

/**
 * An <svg> named by an aria-label gets role="img" (unless it has a role): the chart is announced
 * as one image with its title and description, not walked element by element. An <svg> without
 * a label (a legend swatch) is decoration and is left alone.
 */
export const svgAsImage = (markup: string): string =>
  markup.replace(/<svg((?:\s+[\w:-]+="[^"]*")*\s+aria-label="[^"]*"(?:\s+[\w:-]+="[^"]*")*)>/g, (tag, attrs: string) => (/\srole="/.test(attrs) ? tag : `<svg role="img"${attrs}>`));

/** The page pipeline, in order (each step is independent of the others' order, but this order is the one the built site was checked with). */
const PAGE_STEPS = [dropPlotStylesheet, dropFigureMaxWidth, unlabelMarkGroups, tabularNumsAsClass, svgAsImage] as const;

/** Serialized Plot markup → the markup the article's figures and the race pages embed. */
export function forPage(markup: string): string {
  return PAGE_STEPS.reduce((m, step) => step(m), markup);
}

// ── moveRule: the race pages' chosen-date rule ──────────────────────────────────────────────

/**
 * A race board's over-time chart is drawn once, with its chosen-date rule (the ruleX with class
 * race-marker) at the first date; each date's page moves that rule's line to `x`, the position
 * Plot's own x scale gave for the date, instead of drawing the chart again per date.
 */
export function moveRule(svg: string, x: number): string {
  return svg.replace(/(<g[^>]*class="race-marker"[^>]*>\s*<line)([^>]*)>/, (_, open: string, attrs: string) => `${open}${attrs.replace(/\sx1="[^"]*"/, ` x1="${x}"`).replace(/\sx2="[^"]*"/, ` x2="${x}"`)}>`);
}

// ── forRaster: the social card ──────────────────────────────────────────────────────────────

/** Plot wraps a chart with a legend in <figure> (with HTML swatches resvg cannot draw): keep only the chart's <svg>. */
export const chartSvgOnly = (markup: string): string => markup.replace(/^[\s\S]*?(<svg[^>]*class="plot-[\s\S]*<\/svg>)[\s\S]*$/, '$1');

/** Nest the chart in a larger SVG at (x, y): its own x and y attributes, if any, give way. */
export const placeAt = (x: number, y: number) => (markup: string): string =>
  markup.replace(/^<svg([^>]*)>/, (_m, attrs: string) => `<svg x="${x}" y="${y}" ${attrs.replace(/\s(x|y)="[^"]*"/g, '')}>`);

/** currentColor comes from CSS on the page; a rasteriser has no page, so ink gets the card's text colour. */
export const inkAs = (colour: string) => (markup: string): string =>
  markup.replace(/fill="currentColor"/g, `fill="${colour}"`).replace(/stroke="currentColor"/g, `stroke="${colour}"`);

/** Serialized Plot markup → a bare <svg> placed at (x, y) with its ink resolved, for resvg. */
export function forRaster(markup: string, { x, y, ink }: { x: number; y: number; ink: string }): string {
  return [chartSvgOnly, placeAt(x, y), inkAs(ink)].reduce((m, step) => step(m), markup);
}
