/**
 * Tables inside a README, as rectangular grids: HTML <table> markup read with cheerio (its
 * rowspan/colspan expanded here, since cheerio leaves them as attributes) and GitHub pipe
 * tables. Fenced code and HTML comments are blanked first, so a table shown as an example
 * is never read as data.
 *
 * Why not the model cards' reader (model-cards/markdown.ts): the two agree on pipe tables and on
 * expanding spans, but their span rules differ where the documents do. The verifier's README is
 * a data table: rows come in <thead>/<tbody> groups, a rowspan stops at its group and
 * rowspan="0" runs to the group's end (as HTML says), merged header cells build header paths,
 * each cell keeps its link and whether a span filled it, and a hole is an error. Model cards
 * are prose with tables in it: the card reader wants row text for phrase patterns, treats
 * the whole table as one group and rowspan="0" as 1, and tolerates ragged rows. Merging them
 * would change what one of the two reads from captures already published.
 */
import { findLinks, replaceLinks } from '../lib/linear.ts';
import { withoutCodeAndComments } from '../lib/markdown.ts';
import { load, type CheerioAPI } from 'cheerio';
import { ParseError } from '../../lib/errors.ts';

/** A DOM element as cheerio hands it out (domhandler's type, not a direct dependency). */
type Element = Extract<Parameters<typeof load>[0], { type: unknown }>;

export interface GridCell {
  text: string;
  /** The first link's target in the cell, if any. */
  href: string | null;
  /** False for the cell as written; true where a rowspan/colspan of another cell covers this position. */
  spanned: boolean;
}

export interface Grid {
  kind: 'html' | 'pipe';
  /** Character offsets of the table in the Markdown: [start, end). */
  start: number;
  end: number;
  /** Each column's own (lowest) header label, e.g. "Count of Finish Reason stop". */
  header: string[];
  /** Each column's labels top-down, merged header cells included, e.g. "Tool calls test / Count of Finish Reason stop". */
  headerPath: string[];
  /** Body rows, every one as wide as the header. */
  rows: GridCell[][];
}

/** Blanks fenced code blocks and HTML comments, keeping every offset and line break in place. */
export const blankNoise = (md: string): string => withoutCodeAndComments(md, { keepOffsets: true });

/** Every table of the README in document order. `md` should already have gone through blankNoise. */
export function markdownTables(md: string): Grid[] {
  return [...htmlTables(md), ...pipeTables(md)].sort((a, b) => a.start - b.start);
}

const clean = (s: string) => s.replace(/\*\*|`/g, '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------- HTML

export function htmlTables(md: string): Grid[] {
  const grids: Grid[] = [];
  for (const m of md.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    const $ = load(m[0]);
    const table = $('table').first();
    const headRows = table.find('thead > tr').toArray();
    const bodyGroups = table.children('tbody, tfoot').toArray().map((g) => $(g).children('tr').toArray());
    let head = expand($, headRows, 'header');
    let body = bodyGroups.flatMap((trs) => expand($, trs, 'body'));
    if (headRows.length === 0) {
      // No <thead>: the leading rows made only of <th> are the header.
      const allTrs = bodyGroups.flat();
      let n = 0;
      while (n < allTrs.length && $(allTrs[n]!).children('td').length === 0 && $(allTrs[n]!).children('th').length > 0) n++;
      if (n === 0) n = 1;
      head = expand($, allTrs.slice(0, n), 'header');
      body = expand($, allTrs.slice(n), 'body');
    }
    const { header, headerPath } = headerLabels(head);
    grids.push({ kind: 'html', start: m.index, end: m.index + m[0].length, header, headerPath, rows: body.map((r, i) => checkWidth(r, header.length, i + 1)) });
  }
  return grids;
}

function cellText($: CheerioAPI, el: Element): string {
  // A space before line breaks and block tags keeps words in neighbouring lines apart in .text().
  const html = ($(el).html() ?? '').replace(/<(br|p|\/p|div|\/div|li)\b[^>]*>/gi, ' $&');
  return clean(load(html, null, false).text());
}

/** Row group expansion: each cell fills every position its spans cover; a rowspan never reaches past its row group (as in HTML). */
function expand($: CheerioAPI, trs: Element[], where: 'header' | 'body'): GridCell[][] {
  const grid: (GridCell | undefined)[][] = trs.map(() => []);
  trs.forEach((tr, r) => {
    const row = grid[r]!;
    let c = 0;
    $(tr).children('th, td').each((_, el) => {
      while (row[c] !== undefined) c++;
      const rowspan = span($(el).attr('rowspan'), trs.length - r);
      const colspan = span($(el).attr('colspan'), 1000, false);
      const cell = { text: cellText($, el), href: $(el).find('a[href]').first().attr('href') ?? null };
      for (let i = 0; i < rowspan; i++) {
        for (let j = 0; j < colspan; j++) grid[r + i]![c + j] = { ...cell, spanned: i > 0 || j > 0 };
      }
      c += colspan;
    });
  });
  return grid.map((row, r) => {
    const hole = Array.from(row, (cell) => cell).findIndex((cell) => cell === undefined);
    if (hole >= 0) {
      throw new ParseError(`${where} row ${r + 1} has no cell in column ${hole + 1}`, { row: r + 1, hint: 'a rowspan/colspan no longer lines up with the rows below it' });
    }
    return row as GridCell[];
  });
}

/**
 * rowspan/colspan attribute → a count from 1 to `rest` (the rows left in the group, or 1000
 * columns, HTML's own cap); rowspan="0" means "to the end of the group", colspan="0" is 1.
 */
function span(attr: string | undefined, rest: number, zeroSpansRest = true): number {
  if (attr === undefined) return 1;
  const n = Number.parseInt(attr, 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return zeroSpansRest ? Math.max(1, rest) : 1;
  return Math.max(1, Math.min(n, Math.max(1, rest)));
}

function headerLabels(head: GridCell[][]): { header: string[]; headerPath: string[] } {
  const width = Math.max(0, ...head.map((r) => r.length));
  const header: string[] = [];
  const headerPath: string[] = [];
  for (let c = 0; c < width; c++) {
    const labels: string[] = [];
    for (const row of head) {
      const t = row[c]?.text;
      if (t && labels.at(-1) !== t) labels.push(t);
    }
    header.push(labels.at(-1) ?? '');
    headerPath.push(labels.join(' / '));
  }
  return { header, headerPath };
}

function checkWidth(row: GridCell[], width: number, r: number): GridCell[] {
  if (row.length !== width) {
    throw new ParseError(`table row ${r} has ${row.length} cells where the header has ${width} columns`, {
      row: r,
      hint: 'a rowspan/colspan no longer matches the rows, or a column was added without a header',
    });
  }
  return row;
}

// ---------------------------------------------------------------- pipe tables

// Matched against the trimmed line: a leading `\s*\|?\s*` on the raw line backtracks quadratically on long blank runs.
const DELIMITER_TRIMMED = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;
const isDelimiter = (line: string) => DELIMITER_TRIMMED.test(line.trim());

function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

function pipeCell(raw: string): GridCell {
  // Linear scanners, not `\[([^\]]*)\]\(…\)` regexes, which are quadratic on a cell of many `[` (lib/linear.ts).
  const md = findLinks(raw, { accept: (m) => /^[^)\s]/.test(m.url) })[0];
  // The first <a href> by the HTML parser: `<a\b[^>]*\bhref=` backtracks on a cell of many `<a`.
  const href = md ? /^\S+/.exec(md.url)![0] : (raw.includes('<') ? load(raw, null, false)('a[href]').first().attr('href') : undefined);
  const withoutLinks = replaceLinks(replaceLinks(raw, { image: true }, () => ' '), {}, (m) => m.text);
  return { text: clean(load(withoutLinks, null, false).text()), href: href ?? null, spanned: false };
}

/** GitHub pipe tables: a header line, a delimiter line, then body lines up to a line without a pipe. */
export function pipeTables(md: string): Grid[] {
  const lines = md.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const l of lines) {
    offsets.push(offset);
    offset += l.length + 1;
  }
  const grids: Grid[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!;
    if (!head.includes('|') || !lines[i + 1]!.includes('|') || !isDelimiter(lines[i + 1]!)) continue;
    const header = splitPipeRow(head).map((c) => pipeCell(c).text);
    const rows: GridCell[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim() && lines[j]!.includes('|'); j++) {
      const cells = splitPipeRow(lines[j]!).map(pipeCell);
      // GitHub pads short rows and drops cells beyond the header's width.
      while (cells.length < header.length) cells.push({ text: '', href: null, spanned: false });
      rows.push(cells.slice(0, header.length));
    }
    grids.push({ kind: 'pipe', start: offsets[i]!, end: offsets[j - 1]! + lines[j - 1]!.length, header, headerPath: header, rows });
    i = j - 1;
  }
  return grids;
}
