/**
 * Reading model-card Markdown: what is code or commented out is dropped (it states nothing),
 * tables are read into grids (GitHub pipe tables with a small splitter, HTML <table> markup
 * with cheerio, rowspan/colspan expanded), and prose is cut into sentences for the phrase
 * patterns in card.ts.
 *
 * The K2 Vendor Verifier has its own table reader (k2-vendor-verifier/tables.ts) on purpose:
 * its README is one strict data table (row groups, header paths, links per cell, holes are
 * errors); cards are prose and are read leniently here. Its header says where the span rules differ.
 */
import { load } from 'cheerio';
import { replaceLinks, replaceTags } from '../lib/linear.ts';
import { withoutCodeAndComments } from '../lib/markdown.ts';

/** Removes HTML comments and fenced code blocks, keeping line count so positions stay comparable. */
export const stripNoise = (md: string): string => withoutCodeAndComments(md.replace(/\r\n?/g, '\n'));

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** A Markdown/HTML snippet as plain text: images dropped, links to their text, tags and emphasis removed. */
export function inlineText(md: string): string {
  // Images, links and tags by linear scanners, not regexes: see lib/linear.ts.
  const noImages = replaceLinks(md, { image: true }, () => ' ');
  const noLinks = replaceLinks(noImages, {}, (m) => m.text);
  return replaceTags(noLinks.replace(/<br\s*\/?>/gi, ' '), ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\*\*|__(?=\S)|(?<=\S)__/g, '')
    .replace(/`/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!~|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface TableRow {
  cells: string[];
  /** The row as written (pipe tables) or its cells joined with " | " (HTML tables). */
  raw: string;
}

export interface Table {
  kind: 'pipe' | 'html';
  /** Character offset in the (noise-stripped) card, for document order. */
  offset: number;
  header: string[];
  rows: TableRow[];
}

// Matched against the trimmed line: a leading `\s*\|?\s*` on the raw line backtracks quadratically on long blank runs.
const DELIMITER_TRIMMED = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;
const isDelimiter = (line: string) => DELIMITER_TRIMMED.test(line.trim());

function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map(inlineText);
}

/** GitHub pipe tables: a header line, a delimiter line with pipes, then body lines until a blank line. */
export function pipeTables(md: string): Table[] {
  const lines = md.split('\n');
  const tables: Table[] = [];
  let offset = 0;
  const offsets = lines.map((l) => {
    const o = offset;
    offset += l.length + 1;
    return o;
  });
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!;
    const delim = lines[i + 1]!;
    if (!head.includes('|') || !delim.includes('|') || !isDelimiter(delim)) continue;
    const header = splitPipeRow(head);
    const rows: TableRow[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (!line.trim() || !line.includes('|')) break;
      const cells = splitPipeRow(line);
      // GitHub pads short rows and drops cells beyond the header's width.
      while (cells.length < header.length) cells.push('');
      rows.push({ cells: cells.slice(0, header.length), raw: line.trim() });
    }
    tables.push({ kind: 'pipe', offset: offsets[i]!, header, rows });
    i = j - 1;
  }
  return tables;
}

/** HTML <table> blocks written inside the Markdown, read with cheerio; spans are expanded into every cell they cover. */
export function htmlTables(md: string): Table[] {
  const tables: Table[] = [];
  for (const m of md.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    // A space before block-level tags keeps words in neighbouring paragraphs apart in .text().
    const html = m[0].replace(/<(br|p|\/p|div|\/div|li)\b[^>]*>/gi, ' $&');
    const $ = load(html);
    const grid: string[][] = [];
    const rowCount = $('tr').length;
    $('tr').each((r, tr) => {
      grid[r] ??= [];
      let c = 0;
      $(tr).children('td,th').each((_, cell) => {
        while (grid[r]![c] !== undefined) c++;
        // As a browser reads them: a rowspan stops at the table's last row, a colspan at 1000.
        const rowspan = spanCount($(cell).attr('rowspan'), rowCount - r);
        const colspan = spanCount($(cell).attr('colspan'), 1000);
        const text = inlineText($(cell).text());
        for (let i = 0; i < rowspan; i++) {
          for (let j = 0; j < colspan; j++) {
            (grid[r + i] ??= [])[c + j] = text;
          }
        }
        c += colspan;
      });
    });
    const [header, ...body] = grid.map((row) => Array.from(row, (v) => v ?? ''));
    if (!header) continue;
    tables.push({
      kind: 'html',
      offset: m.index,
      header,
      rows: body.map((cells) => {
        while (cells.length < header.length) cells.push('');
        return { cells, raw: cells.join(' | ') };
      }),
    });
  }
  return tables;
}

/** A rowspan/colspan attribute as a count from 1 to `max` (a card's "rowspan=1e9" must not build a billion rows). */
function spanCount(attr: string | undefined, max: number): number {
  const n = Number.parseInt(attr ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, Math.max(1, max)) : 1;
}

/** Every table of the card in document order. */
export function allTables(md: string): Table[] {
  return [...pipeTables(md), ...htmlTables(md)].sort((a, b) => a.offset - b.offset);
}

/** The text under the first heading whose title matches, up to the next heading of the same or a higher level. */
export function sectionText(md: string, title: RegExp): string | null {
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(lines[i]!);
    if (!h || !title.test(inlineText(h[2]!))) continue;
    const level = h[1]!.length;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = /^\s{0,3}(#{1,6})\s/.exec(lines[j]!);
      if (next && next[1]!.length <= level) break;
      body.push(lines[j]!);
    }
    return body.join('\n');
  }
  return null;
}

/** The first sentence of a passage ("e.g." and decimals do not end one). */
export function firstSentence(text: string): string | null {
  // Horizontal rules (---, ***) end a section's text; they are not part of a sentence.
  const flat = inlineText(text.split('\n').filter((l) => !/^\s*([-*_])(\s*\1){2,}\s*$/.test(l)).join('\n'));
  if (!flat) return null;
  const m = /^.*?[.!?](?=\s+[^a-z\s]|\s*$)/.exec(flat);
  return (m ? m[0] : flat).trim();
}

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/;

/**
 * Prose of the card as sentences: tables (pipe and HTML) are left out, and paragraphs,
 * headings and list items each start a new block, so one bullet's numbers never run into
 * the next bullet's model name.
 */
export function proseSentences(md: string): string[] {
  const withoutHtmlTables = md.replace(/<table\b[\s\S]*?<\/table>/gi, (m) => m.replace(/[^\n]/g, ''));
  const blocks: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current);
    current = [];
  };
  for (const line of withoutHtmlTables.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('|')) {
      flush();
      continue;
    }
    if (/^#{1,6}\s/.test(t) || LIST_ITEM.test(line) || t.startsWith('<') || t.startsWith('>')) flush();
    current.push(t.replace(LIST_ITEM, '').replace(/^>\s?/, ''));
  }
  flush();
  const sentences: string[] = [];
  for (const block of blocks) {
    const text = inlineText(block.join('\n'));
    if (!text) continue;
    sentences.push(...text.split(/(?<=[.!?])\s+(?=[A-Z(“"])/).map((s) => s.trim()).filter(Boolean));
  }
  return sentences;
}
