/**
 * Shared layout rules for every chart, so labels fit the width the page gives them:
 *  - the widths a chart is drawn at (the page shows the one that matches its column, at scale 1);
 *  - the smallest text size, and text-width estimates to size margins from the labels themselves;
 *  - wrapping and truncation of labels to a width;
 *  - a one-dimensional dodge that moves colliding labels apart.
 *
 * Widths are estimated, not measured (no DOM at build time): per-character advances of DejaVu
 * Sans, the widest common system-ui fallback (Debian's), so on narrower fonts labels only gain room.
 */

/**
 * The widths every chart is drawn at. Figure.astro renders one SVG per width and CSS container
 * queries (global.css, `.chart-at-*`) show the widest that fits the figure's column, so a chart
 * is never shrunk and its text keeps its size. Keep in step with global.css. Phones of 320 to 430px
 * all get the 320 drawing (their columns are 284 to 394px); the widest column a chart gets is the
 * article's 38rem (684px), so 625 is the widest drawing. Each drawing adds to the page's bytes,
 * and the bytes to its parse time (Lighthouse's Total Blocking Time): add widths sparingly.
 */
export const CHART_WIDTHS = [320, 500, 625] as const;

/** The smallest chart text, in px as rendered (the root font size of every chart, set in global.css). */
export const FONT = 12;
/** The vertical room one line of FONT-sized text needs so that neighbouring lines do not touch. */
export const LINE = Math.ceil(FONT * 1.35);

/** Phones: charts drawn this narrow get compact layouts (short labels, fewer rows). */
export const isNarrow = (width: number) => width < 560;

// Advance widths in em (DejaVu Sans Book), by character; anything else counts as a wide glyph.
const ADVANCE: Record<string, number> = {};
const set = (chars: string, em: number) => {
  for (const c of chars) ADVANCE[c] = em;
};
set('abdeghnopqu', 0.635);
set('cksvxyz', 0.6);
set('ilj|', 0.28);
set('ft', 0.4);
set('r', 0.42);
set('m', 0.975);
set('w', 0.82);
set('ABCDEGHKNOQRUVXZ', 0.78);
set('FLPSTY', 0.64);
set('IJ', 0.3);
set('MW', 0.99);
set('0123456789$#', 0.636);
set(' .,:;!\'’·', 0.32);
set('-()[]/', 0.4);
set('%', 0.95);
set('×◆?✕', 0.84);

/** Estimated rendered width in px of one line of text. Bold adds about 8%. */
export function textWidth(text: string, size = FONT, { bold = false } = {}): number {
  let em = 0;
  for (const c of text) em += ADVANCE[c] ?? 0.8;
  return em * size * (bold ? 1.08 : 1);
}

/** The widest of several lines (labels with "\n" count line by line). */
export function maxTextWidth(texts: Iterable<string>, size = FONT, options: { bold?: boolean } = {}): number {
  let max = 0;
  for (const t of texts) for (const line of t.split('\n')) max = Math.max(max, textWidth(line, size, options));
  return max;
}

/** A left margin that holds the longest label plus the tick gap, capped so the plot keeps `minPlot` px. */
export function labelMargin(labels: Iterable<string>, width: number, { size = FONT, pad = 10, minPlot = 120 } = {}): number {
  return Math.ceil(Math.min(maxTextWidth(labels, size) + pad, width - minPlot));
}

/** Cuts a label to fit `max` px, ending in "…". */
export function truncate(text: string, max: number, size = FONT): string {
  if (textWidth(text, size) <= max) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`, size) > max) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

/**
 * Breaks a label into lines of at most `max` px at spaces, at most `lines` lines; the last line
 * is truncated if the words do not fit. Lines are joined with "\n", which Plot's text marks
 * (axes included) draw as separate lines.
 */
export function wrap(text: string, max: number, { size = FONT, lines = 2 } = {}): string {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const [i, word] of words.entries()) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size) <= max || !line) {
      line = next;
      continue;
    }
    out.push(line);
    if (out.length === lines - 1) {
      line = words.slice(i).join(' ');
      break;
    }
    line = word;
  }
  out.push(line);
  return out.map((l) => truncate(l, max, size)).join('\n');
}

export interface DodgeItem {
  /** Preferred position (centre for 'middle', start for 'start') along the axis being dodged, in px. */
  at: number;
  /** Extent along that axis, in px. */
  size: number;
}

/**
 * Places items along one axis without overlap: sorted by preferred position, each is pushed
 * past the previous one by `gap`, then the whole run is shifted back inside [min, max] when it
 * overflows. Returns the positions in input order. (Vertical label stacks, tick thinning.)
 */
export function dodge(items: DodgeItem[], { gap = 2, min = -Infinity, max = Infinity } = {}): number[] {
  const order = items.map((d, i) => i).sort((a, b) => items[a]!.at - items[b]!.at);
  const pos = new Array<number>(items.length);
  let end = -Infinity;
  for (const i of order) {
    const d = items[i]!;
    const start = Math.max(d.at - d.size / 2, end + gap, min);
    pos[i] = start + d.size / 2;
    end = start + d.size;
  }
  // Overflow at the far end: shift back, keeping the spacing, as far as the near end allows.
  const overflow = end - max;
  if (overflow > 0) {
    let limit = max;
    for (const i of [...order].reverse()) {
      const d = items[i]!;
      const top = Math.min(pos[i]! + d.size / 2, limit);
      pos[i] = top - d.size / 2;
      limit = pos[i]! - d.size / 2 - gap;
    }
  }
  return pos;
}

/**
 * Lanes for horizontal labels anchored at x (start-anchored, left to right): a label goes in the
 * first lane where it does not touch the previous label. Returns a lane index per label.
 */
export function lanes(items: { x: number; width: number }[], gap = 8): number[] {
  const ends: number[] = [];
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.x - items[b]!.x);
  const lane = new Array<number>(items.length);
  for (const i of order) {
    const { x, width } = items[i]!;
    let l = ends.findIndex((end) => end + gap <= x);
    if (l < 0) l = ends.push(-Infinity) - 1;
    ends[l] = x + width;
    lane[i] = l;
  }
  return lane;
}

/** Every n-th tick so labels of `labelWidth` px fit `span` px: thins crowded axes (years on small facets). */
export function tickEvery(count: number, span: number, labelWidth: number, gap = 6): number {
  return Math.max(1, Math.ceil((count * (labelWidth + gap)) / Math.max(span, 1)));
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface LabelPoint {
  x: number;
  y: number;
  text: string;
  /** Radius of the mark being labelled, in px. */
  r?: number;
}
export interface PlacedLabel {
  /** Centre-line position of the text, in px. */
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
}

const touches = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box a label of `w` px takes once placed at `t` (a line of 1.25em): what placeLabels keeps clear. */
export function placedBox(t: PlacedLabel, w: number, size = FONT): Box {
  const h = Math.ceil(size * 1.25);
  const left = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
  return { left, right: left + w, top: t.y - h / 2, bottom: t.y + h / 2 };
}

/**
 * Puts a label beside each point (right, left, above, below: the first that fits) so that no
 * label leaves `bounds`, covers a point, or touches another label. A point whose label fits
 * nowhere gets null: its value stays available by tooltip and in the table.
 */
export function placeLabels(points: LabelPoint[], bounds: Box, { obstacles = [] as Box[], size = FONT, gap = 3 } = {}): (PlacedLabel | null)[] {
  const h = Math.ceil(size * 1.25);
  const taken: Box[] = [...obstacles, ...points.map((p) => ({ left: p.x - (p.r ?? 4), right: p.x + (p.r ?? 4), top: p.y - (p.r ?? 4), bottom: p.y + (p.r ?? 4) }))];
  return points.map((p) => {
    const w = textWidth(p.text, size);
    const r = (p.r ?? 4) + gap;
    const tries: PlacedLabel[] = [
      { x: p.x + r, y: p.y, anchor: 'start' },
      { x: p.x - r, y: p.y, anchor: 'end' },
      { x: p.x, y: p.y - r - h / 2, anchor: 'middle' },
      { x: p.x, y: p.y + r + h / 2, anchor: 'middle' },
      { x: p.x + r, y: p.y - r - h / 2, anchor: 'start' },
      { x: p.x - r, y: p.y - r - h / 2, anchor: 'end' },
      { x: p.x + r, y: p.y + r + h / 2, anchor: 'start' },
      { x: p.x - r, y: p.y + r + h / 2, anchor: 'end' },
    ];
    for (const t of tries) {
      const box = placedBox(t, w, size);
      if (box.left < bounds.left || box.right > bounds.right || box.top < bounds.top || box.bottom > bounds.bottom) continue;
      if (taken.some((b) => touches(b, box))) continue;
      taken.push(box);
      return t;
    }
    return null;
  });
}

/**
 * Room for axes at FONT size (Plot's defaults assume 10px text): a bottom axis with its label
 * under the ticks, a bottom axis whose ticks may take two lines (dates), a y label above the plot.
 */
export const MARGIN = { bottomLabelled: 46, bottomTwoLines: 42, topLabelled: 30 } as const;

/** Two shown labels read alike: the same text, or one cut to the start of the other ("x-exp…" beside "x-exp"). */
const readAlike = (a: string, b: string) => a === b || (a.endsWith('…') && b.startsWith(a.slice(0, -1))) || (b.endsWith('…') && a.startsWith(b.slice(0, -1)));

/** Labels (keys of `out`) whose shown text reads alike with another's. */
function alikeLabels(out: Map<string, string>): string[] {
  const entries = [...out];
  return entries.filter(([l, v]) => entries.some(([m, w]) => m !== l && readAlike(v, w))).map(([l]) => l);
}

const SEPARATOR = /[-_ .]/;

/**
 * `label` cut to `max` px as "start…end", reading alike with none of `shown` (the other labels as
 * drawn). Tries the longest start first; the end is as long as fits, trimmed to begin after a
 * separator ("…thinking", not "…nking") where that leaves three characters or more.
 */
function distinctCut(label: string, shown: string[], max: number, size: number): string {
  if (textWidth(label, size) <= max) return label;
  let fallback: string | null = null;
  for (let head = label.length - 1; head >= 2; head--) {
    const stem = label.slice(0, head);
    if (textWidth(`${stem}…`, size) > max) continue;
    let tail = 0;
    while (head + tail + 1 < label.length && textWidth(`${stem}…${label.slice(label.length - tail - 1)}`, size) <= max) tail++;
    let end = label.slice(label.length - tail);
    const word = end.search(SEPARATOR);
    if (word >= 0 && end.length - word - 1 >= 3 && !SEPARATOR.test(label[label.length - tail - 1] ?? '-')) end = end.slice(word + 1);
    const v = `${stem}…${end}`;
    if (shown.some((w) => readAlike(v, w))) continue;
    if (end.length >= 3) return v;
    fallback ??= v;
  }
  return fallback ?? truncate(label, max, size);
}

/** A build date stamp in a scraped name ("-20251101", "-2025-11-01"): the part a reader can best spare. */
const DATE_STAMP = /[-_ ](?:20\d{6}|20\d\d-\d\d-\d\d)(?=$|[-_ ])/g;

/**
 * Truncates every label to `max` px. A label that does not fit first loses its date stamp
 * ("claude-opus-4-5-20251101-thinking-32k" → "claude-opus-4-5-thinking-32k") where no other label
 * then reads the same, so the cut falls after the version, which tells rows apart, not inside it.
 * When two labels would still read alike (the same text, or one cut to the start of the other),
 * each keeps its start up to where it differs, then its end ("deepseek-v3.2…thinking",
 * "deepseek-v3.1-te…thinking"), so rows stay distinct.
 */
export function truncateAll(labels: string[], max: number, size = FONT): Map<string, string> {
  const undated = new Map(labels.map((l) => [l, textWidth(l, size) > max ? l.replace(DATE_STAMP, '') : l]));
  const counts = new Map<string, number>();
  for (const l of new Set(labels)) for (const v of new Set([l, undated.get(l)!])) counts.set(v, (counts.get(v) ?? 0) + 1);
  const base = (l: string) => (counts.get(undated.get(l)!) === 1 ? undated.get(l)! : l);
  const out = new Map(labels.map((l) => [l, truncate(base(l), max, size)]));
  // Labels that read alike are cut again, each clear of the others as drawn; a few rounds, in case
  // a new cut reads like another label.
  for (let round = 0; round < 3; round++) {
    const alike = alikeLabels(out);
    if (!alike.length) break;
    for (const l of alike) out.set(l, distinctCut(base(l), [...out].filter(([m]) => m !== l).map(([, w]) => w), max, size));
  }
  return out;
}
