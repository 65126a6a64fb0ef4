/**
 * Mutations of Markdown and HTML documents (vendor-verifier READMEs, model cards, licence
 * texts, scraped pages): merged cells (rowspan / colspan with sane and insane values), missing
 * or extra cells and rows in HTML and pipe tables, a table moved inside a fenced code block or
 * removed, random text inserted, lines dropped or repeated, truncation.
 */
import { fc } from './setup.ts';
import { NASTY_DATES, NASTY_NUMBERS, NASTY_TEXT, nastyCell } from './values.ts';

export type MarkupOp =
  | { op: 'insert'; at: number; text: string }
  | { op: 'deleteLine'; at: number }
  | { op: 'repeatLine'; at: number }
  | { op: 'span'; at: number; attr: 'rowspan' | 'colspan'; value: string }
  | { op: 'removeCell'; at: number }
  | { op: 'addCell'; at: number; text: string }
  | { op: 'setCell'; at: number; text: string }
  | { op: 'removeRow'; at: number }
  | { op: 'pipeDropCell'; at: number; cell: number }
  | { op: 'pipeAddCell'; at: number; text: string }
  | { op: 'pipeMerge'; at: number; cell: number }
  | { op: 'pipeSetCell'; at: number; cell: number; text: string }
  | { op: 'fenceTable'; at: number; fence: string }
  | { op: 'removeTable'; at: number }
  | { op: 'truncate'; at: number };

export interface MarkupMutation {
  ops: MarkupOp[];
  crlf: boolean;
  bom: boolean;
}

/** Snippets that mean something to a Markdown or HTML table reader. */
const SNIPPETS = [
  '|', '| a | b |', '\n| x | y |\n|---|---|\n| 1 | 2 |\n', '\n|---|\n', '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th>x</th>',
  '<td rowspan="0">x</td>', '<td colspan="1000">x</td>', '<thead>', '<tbody>', '\n```\n', '\n~~~\n', '<!--', '-->', '\n---\n', '\n# heading\n',
  '\n**Test Time**: 2025-13-45\n', '\n**Test Time**: 05/03/2025\n', '\n**Test Time**: 99999999999\n', '\n**Test Time**: 2025-01-02\n', '\r\n',
  '\nmodel: \n', '\nmodel: kimi-x\n', '>=80%', '\n- temperature=1.0\n', 'score above **101%**', '\n## License\n\n', 'licensed under the Apache License',
  '1T total parameters', '9'.repeat(400), '1e308B', `${'9'.repeat(30)}B total parameters`, 'context length of 9999999999999999999999M', '---\nlicense: [a, {b: c}]\n---\n',
  'self.__next_f.push([1,"x"])', '<a href="//[">x</a>',
] as const;

const junk = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<string>(...SNIPPETS, ...NASTY_TEXT, ...NASTY_NUMBERS, ...NASTY_DATES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);

const spanValue = fc.constantFrom('0', '1', '2', '3', '6', '-1', '1000', '65535', '1e9', '999999999', '4294967297', 'abc', '', '2.5', ' 3 ', '0x10');
const idx = fc.nat({ max: 100_000 });

export const markupOp: fc.Arbitrary<MarkupOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: idx, text: junk }) },
  fc.record({ op: fc.constant('deleteLine' as const), at: idx }),
  fc.record({ op: fc.constant('repeatLine' as const), at: idx }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('span' as const), at: idx, attr: fc.constantFrom('rowspan' as const, 'colspan' as const), value: spanValue }) },
  fc.record({ op: fc.constant('removeCell' as const), at: idx }),
  fc.record({ op: fc.constant('addCell' as const), at: idx, text: nastyCell }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('setCell' as const), at: idx, text: nastyCell }) },
  fc.record({ op: fc.constant('removeRow' as const), at: idx }),
  fc.record({ op: fc.constant('pipeDropCell' as const), at: idx, cell: idx }),
  fc.record({ op: fc.constant('pipeAddCell' as const), at: idx, text: nastyCell }),
  fc.record({ op: fc.constant('pipeMerge' as const), at: idx, cell: idx }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pipeSetCell' as const), at: idx, cell: idx, text: nastyCell }) },
  fc.record({ op: fc.constant('fenceTable' as const), at: idx, fence: fc.constantFrom('```', '~~~', '````markdown', '```html') }),
  fc.record({ op: fc.constant('removeTable' as const), at: idx }),
  fc.record({ op: fc.constant('truncate' as const), at: idx }),
);

export const markupMutation: fc.Arbitrary<MarkupMutation> = fc.record({
  ops: fc.array(markupOp, { minLength: 1, maxLength: 4 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];

/** Spans [start, end) of every match of a global regex. */
function matches(text: string, re: RegExp): { start: number; end: number; text: string }[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const splice = (s: string, start: number, end: number, insert: string) => `${s.slice(0, start)}${insert}${s.slice(end)}`;

/** Lines that look like pipe-table rows, with their offsets. */
function pipeLines(text: string): { start: number; end: number; text: string }[] {
  return matches(text, /^[^\n]*\|[^\n]*$/gm);
}

/** Pipe tables as blocks of consecutive pipe lines, and HTML tables. */
function tables(text: string): { start: number; end: number }[] {
  const html = matches(text, /<table\b[\s\S]*?<\/table>/gi);
  const pipe = matches(text, /(?:^[^\n]*\|[^\n]*(?:\n|$))+/gm).filter((b) => /\n\s*\|?\s*:?-+/.test(b.text));
  return [...html, ...pipe].sort((a, b) => a.start - b.start);
}

function splitCells(line: string): string[] {
  return line.split('|');
}

export function applyMarkupOp(text: string, o: MarkupOp): string {
  switch (o.op) {
    case 'insert':
      return splice(text, o.at % (text.length + 1), o.at % (text.length + 1), o.text);
    case 'deleteLine':
    case 'repeatLine': {
      const lines = text.split('\n');
      const i = o.at % Math.max(1, lines.length);
      if (o.op === 'deleteLine') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'span': {
      const cell = pick(matches(text, /<t[dh]\b/gi), o.at);
      return cell ? splice(text, cell.end, cell.end, ` ${o.attr}="${o.value}"`) : text;
    }
    case 'removeCell': {
      const cell = pick(matches(text, /<t[dh]\b[^>]*>[\s\S]*?<\/t[dh]>/gi), o.at);
      return cell ? splice(text, cell.start, cell.end, '') : text;
    }
    case 'addCell': {
      const cell = pick(matches(text, /<\/t[dh]>/gi), o.at);
      return cell ? splice(text, cell.end, cell.end, `<td>${o.text}</td>`) : text;
    }
    case 'setCell': {
      const cell = pick(matches(text, /(<t[dh]\b[^>]*>)([\s\S]*?)(<\/t[dh]>)/gi), o.at);
      if (!cell) return text;
      const open = /^<t[dh]\b[^>]*>/i.exec(cell.text)![0];
      const close = cell.text.slice(-5);
      return splice(text, cell.start, cell.end, `${open}${o.text}${close}`);
    }
    case 'removeRow': {
      const row = pick(matches(text, /<tr\b[\s\S]*?<\/tr>/gi), o.at);
      return row ? splice(text, row.start, row.end, '') : text;
    }
    case 'pipeDropCell':
    case 'pipeAddCell':
    case 'pipeMerge':
    case 'pipeSetCell': {
      const line = pick(pipeLines(text), o.at);
      if (!line) return text;
      const cells = splitCells(line.text);
      if (o.op === 'pipeAddCell') cells.splice(cells.length - 1, 0, ` ${o.text} `);
      else {
        const c = 1 + (o.cell % Math.max(1, cells.length - 2));
        if (o.op === 'pipeDropCell') cells.splice(c, 1);
        else if (o.op === 'pipeMerge' && c + 1 < cells.length) cells.splice(c, 2, `${cells[c]} ${cells[c + 1]}`);
        else if (o.op === 'pipeSetCell') cells[c] = ` ${o.text.replace(/\n/g, ' ')} `;
      }
      return splice(text, line.start, line.end, cells.join('|'));
    }
    case 'fenceTable': {
      const t = pick(tables(text), o.at);
      return t ? splice(text, t.start, t.end, `\n${o.fence}\n${text.slice(t.start, t.end)}\n${o.fence.replace(/[a-z]+$/, '')}\n`) : text;
    }
    case 'removeTable': {
      const t = pick(tables(text), o.at);
      return t ? splice(text, t.start, t.end, '') : text;
    }
    case 'truncate':
      return text.slice(0, o.at % (text.length + 1));
  }
}

export function mutateMarkup(text: string, m: MarkupMutation): string {
  let out = m.ops.reduce(applyMarkupOp, text);
  if (m.crlf) out = out.replace(/\r?\n/g, '\r\n');
  return `${m.bom ? '\uFEFF' : ''}${out}`;
}

/** Text mutations without table structure (licence files, the AA page payload): inserts, line edits, truncation. */
export const textMutation: fc.Arbitrary<MarkupMutation> = fc.record({
  ops: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: idx, text: junk }) },
      fc.record({ op: fc.constant('deleteLine' as const), at: idx }),
      fc.record({ op: fc.constant('repeatLine' as const), at: idx }),
      fc.record({ op: fc.constant('truncate' as const), at: idx }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});
