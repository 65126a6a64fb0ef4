/**
 * Adjustments to Plot's markup for a page under this site's Content-Security-Policy: the same
 * rules as Figure.astro's forPage (which could import this one; it is kept apart here so the
 * race pages do not edit a component others change often).
 * - Plot's default stylesheet (`:where(.plot-d6a7b5…)`, the same in every chart) lives in
 *   global.css, not in an inline <style> per chart, so the CSP needs no inline styles.
 * - font-variant="tabular-nums" is not a valid SVG attribute value: a class instead.
 * - Mark <g>s lose their aria-label (noise for screen readers, flagged by axe); the <svg>
 *   becomes one image, role="img", named by its aria-label.
 */
function tabularNums(attrs: string): string {
  if (!/\sfont-variant="tabular-nums"/.test(attrs)) return attrs;
  const rest = attrs.replace(/\s+font-variant="tabular-nums"/, '');
  return /\sclass="/.test(rest) ? rest.replace(/\sclass="([^"]*)"/, ' class="$1 tabular-nums"') : `${rest} class="tabular-nums"`;
}

export function forPage(markup: string): string {
  return markup
    .replace(/<style>(:where\(\.plot-d6a7b5[^<]*)<\/style>/g, '')
    .replace(/(<figure) style="max-width:initial"( class="plot-d6a7b5-figure")/g, '$1$2')
    .replace(/<g((?:\s+[\w:-]+="[^"]*")*)>/g, (_, attrs: string) => `<g${tabularNums(attrs.replace(/\s+aria-label="[^"]*"/, ''))}>`)
    .replace(/<svg((?:\s+[\w:-]+="[^"]*")*\s+aria-label="[^"]*"(?:\s+[\w:-]+="[^"]*")*)>/g, (tag, attrs: string) => (/\srole="/.test(attrs) ? tag : `<svg role="img"${attrs}>`));
}
