/** Reading a chart's words back from its serialized SVG (no DOM needed). */

/** The text of every <text> of an SVG, its lines (tspans) joined by spaces, tooltips left out. */
export function drawnTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!.replace(/<title>[\s\S]*?<\/title>/g, '').replace(/<\/tspan>\s*<tspan\b[^>]*>/g, ' ').replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim());
}
