/**
 * The Open Graph / social card: a 1200×630 PNG drawn at build time from the open-weight
 * ranking chart (resvg rasterises the SVG Plot renders), so the card shows today's data.
 */
import { Resvg } from '@resvg/resvg-js';
import { renderPlot } from '../charts/render.ts';
import { forRaster } from '../charts/svg-post.ts';
import { figure } from './figures.ts';

const WIDTH = 1200;
const HEIGHT = 630;
/** The card's text colour, also the chart's ink (its currentColor). */
const INK = '#1c1c1c';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function socialCardSvg(): string {
  const f = figure('ranking-open');
  const chart = forRaster(renderPlot({ ...f.plot(1100), height: 440 }, { ariaLabel: f.title }), { x: 50, y: 160, ink: INK });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="100%" height="100%" fill="#fdfcf9"/>
  <text x="50" y="80" font-family="DejaVu Sans, Arial, sans-serif" font-size="46" font-weight="700" fill="${INK}">Is China winning the open-weight AI race?</text>
  <text x="50" y="130" font-family="DejaVu Sans, Arial, sans-serif" font-size="26" fill="#5a5a5a">${escapeXml(f.takeaway)}</text>
  ${chart}
</svg>`;
}

export function socialCardPng(): Uint8Array {
  const resvg = new Resvg(socialCardSvg(), { fitTo: { mode: 'width', value: WIDTH }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}
