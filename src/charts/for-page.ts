/**
 * Plot's markup adjusted for a page under this site's Content-Security-Policy, for the article's
 * figures (Figure.astro) and the race pages (race-render.ts) alike:
 * - Plot puts its default stylesheet (`:where(.plot-d6a7b5…)` rules, the same in every chart)
 *   in an inline <style> per chart and sets style="max-width:initial" on its <figure>. Those
 *   rules live in global.css instead, so the Content-Security-Policy needs no inline styles.
 *   Any other inline style is left alone: the CSP blocks it and the browser tests report it.
 * - Plot's axis labels carry font-variant="tabular-nums", which SVG does not allow: a class instead.
 * - Plot labels every mark's <g> with its mark type ("rule", "frame", "bar"), which screen
 *   readers announce as noise and axe flags (aria-label on an element without a role). The
 *   chart is one image, named by its title and described by its description, with the data
 *   table as the accessible view of the numbers: the <svg> gets role="img" and the <g>s lose
 *   their labels.
 */
/** SVG's font-variant attribute takes only normal or small-caps: Plot's font-variant="tabular-nums" on axis labels becomes a class (styled in global.css). */
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
