/** Artificial Analysis format aa-providers-table-csv: the per-provider table (CSV export or page HTML) → one row per offer. */
import * as cheerio from 'cheerio';
import { splitAaEndpoint } from '../lib/aa-endpoint.ts';
import { decodeUtf8, readCsv } from '../../lib/csv.ts';
import { ParseError } from '../../lib/errors.ts';
import { bool, num, text } from '../lib/values.ts';
import { checkUnique } from '../lib/checks.ts';
import { TWICE } from './shared.ts';
import { aaProviderRow, type AaProviderRow } from '../../lib/source-rows/artificialanalysis.ts';
export { aaProviderRow, type AaProviderRow };

// ---------------------------------------------------------------- aa-providers-table-csv


type ProviderCol = keyof AaProviderRow;
type Kind = 'text' | 'bool' | 'num' | 'pct' | 'usd' | 'tokens' | 'licence';

/** Source header → output column and how to read it. Benchmarks come and go: only REQUIRED ones must exist. */
const PROVIDER_COLUMNS: [string, ProviderCol, Kind][] = [
  ['API Provider', 'provider', 'text'],
  ['Model', 'model', 'text'],
  ['API ID', 'api_id', 'text'],
  ['License', 'licence_type', 'licence'],
  ['Context Window', 'context_window_tokens', 'tokens'],
  ['Function Calling', 'function_calling', 'bool'],
  ['JSON Mode', 'json_mode', 'bool'],
  ['OpenAI Compatible', 'openai_compatible', 'bool'],
  ['Footnotes', 'footnotes', 'text'],
  ['Artificial Analysis Intelligence Index', 'intelligence_index', 'num'],
  ['MMLU-Pro (Reasoning & Knowledge)', 'mmlu_pro_pct', 'pct'],
  ['GPQA Diamond (Scientific Reasoning)', 'gpqa_diamond_pct', 'pct'],
  ["Humanity's Last Exam (Reasoning & Knowledge)", 'hle_pct', 'pct'],
  ['LiveCodeBench (Coding)', 'livecodebench_pct', 'pct'],
  ['SciCode (Coding)', 'scicode_pct', 'pct'],
  ['IFBench (Instruction Following)', 'ifbench_pct', 'pct'],
  ['AIME 2025 (Competition Math)', 'aime_2025_pct', 'pct'],
  ['AA-LCR (Long Context Reasoning)', 'aa_lcr_pct', 'pct'],
  ['AIME 2024 (Competition Math)', 'aime_2024_pct', 'pct'],
  ['Math 500 (Competition Math)', 'math_500_pct', 'pct'],
  ['HumanEval (Coding)', 'humaneval_pct', 'pct'],
  ['Chatbot Arena', 'chatbot_arena_elo', 'num'],
  ['Blended USD/1M Tokens', 'price_blended_usd_per_1m', 'usd'],
  ['Input Price USD/1M Tokens', 'price_input_usd_per_1m', 'usd'],
  ['Output Price USD/1M Tokens', 'price_output_usd_per_1m', 'usd'],
  ['Median Tokens/s', 'median_output_tokens_per_second', 'num'],
  ['P5 Tokens/s', 'p5_output_tokens_per_second', 'num'],
  ['P25 Tokens/s', 'p25_output_tokens_per_second', 'num'],
  ['P75 Tokens/s', 'p75_output_tokens_per_second', 'num'],
  ['P95 Tokens/s', 'p95_output_tokens_per_second', 'num'],
  ['Median First Chunk (s)', 'median_first_chunk_seconds', 'num'],
  ['First Answer Token (s)', 'first_answer_token_seconds', 'num'],
  ['P5 First Chunk (s)', 'p5_first_chunk_seconds', 'num'],
  ['P25 First Chunk (s)', 'p25_first_chunk_seconds', 'num'],
  ['P75 First Chunk (s)', 'p75_first_chunk_seconds', 'num'],
  ['P95 First Chunk (s)', 'p95_first_chunk_seconds', 'num'],
  ['Total Response (s)', 'total_response_seconds', 'num'],
  ['Reasoning Time (s)', 'reasoning_time_seconds', 'num'],
];

export const PROVIDER_REQUIRED = [
  'API Provider', 'Model', 'License', 'Artificial Analysis Intelligence Index',
  'Blended USD/1M Tokens', 'Input Price USD/1M Tokens', 'Output Price USD/1M Tokens',
  'Median Tokens/s', 'Median First Chunk (s)',
] as const;

/** "$1.25" → 1.25 (USD per 1M tokens as displayed). */
function usd(value: unknown, field: string, row: number): number | null {
  const s = text(value);
  return num(s === null ? null : s.replace(/^\$\s*/, ''), field, row);
}

/** "131k" → 131000, "1m" → 1000000: the table's rounded display, not the exact token limit. */
function tokens(value: unknown, field: string, row: number): number | null {
  const s = text(value);
  const m = s === null ? null : /^(\d+(?:\.\d+)?)\s*([kmb]?)$/i.exec(s.replace(/,/g, ''));
  if (!m) return num(s, field, row); // blank → null; anything else fails naming the field
  const scale = { '': 1, k: 1e3, m: 1e6, b: 1e9 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'b'];
  return Math.round(Number(m[1]) * scale);
}

function providerRecordsToRows(records: Record<string, string>[], header: string[]): AaProviderRow[] {
  for (const col of PROVIDER_REQUIRED) {
    if (!header.includes(col)) {
      throw new ParseError(`missing column "${col}" in the providers table`, {
        field: col, hint: `the source renamed or dropped it; columns present: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`,
      });
    }
  }
  const rows = records.map((r, i) => {
    const row = i + 1;
    const out: Record<string, unknown> = {};
    for (const [src, col, kind] of PROVIDER_COLUMNS) {
      const raw = header.includes(src) ? r[src] : undefined;
      switch (kind) {
        case 'text': out[col] = text(raw); break;
        case 'bool': out[col] = bool(raw, src, row); break;
        case 'num': case 'pct': out[col] = num(raw, src, row); break;
        case 'usd': out[col] = usd(raw, src, row); break;
        case 'tokens': out[col] = tokens(raw, src, row); break;
        case 'licence': {
          const v = text(raw);
          if (v !== 'Open' && v !== 'Proprietary') {
            throw new ParseError(`licence is ${JSON.stringify(v)}, expected Open or Proprietary`, { field: src, row, hint: 'the licence column changed its values or the columns shifted' });
          }
          out[col] = v;
          break;
        }
      }
    }
    if (!out.provider || !out.model) throw new ParseError('blank provider or model', { field: out.provider ? 'Model' : 'API Provider', row, hint: 'the columns shifted' });
    Object.assign(out, splitAaEndpoint(out.provider as string, out.model as string));
    return out as AaProviderRow;
  });
  checkUnique(rows.map((r) => `${r.provider} | ${r.model} | ${r.api_id ?? ''}`), 'provider | model | API ID', (k) => `duplicate provider | model | API ID ${JSON.stringify(k)} in the providers table`, TWICE);
  return rows;
}

/** The CSV export of the providers table (replay), or the page's HTML <table> (live). */
export function parseAaProviders(bytes: Uint8Array): AaProviderRow[] {
  const content = decodeUtf8(bytes);
  if (/^\s*</.test(content)) return providerRowsFromHtml(content);
  const records = readCsv(content, { required: PROVIDER_REQUIRED, what: 'the providers table CSV' });
  const header = records.length > 0 ? Object.keys(records[0]!) : [...PROVIDER_REQUIRED];
  return providerRowsOrEmpty(records, header);
}

function providerRowsOrEmpty(records: Record<string, string>[], header: string[]): AaProviderRow[] {
  if (records.length === 0) throw new ParseError('the providers table has a header but no rows', { hint: 'the scrape stopped before the table loaded' });
  return providerRecordsToRows(records, header);
}

function providerRowsFromHtml(html: string): AaProviderRow[] {
  const $ = cheerio.load(html);
  const cellText = (el: Parameters<typeof $>[0]) => {
    const c = $(el).clone();
    c.find('br').replaceWith(' ');
    c.find('svg, script, style').remove();
    return c.text().replace(/\s+/g, ' ').trim();
  };
  for (const table of $('table').toArray()) {
    const headRows = $(table).find('thead tr').toArray();
    const header = headRows.length > 0 ? $(headRows.at(-1)!).find('th, td').toArray().map(cellText) : [];
    if (!header.some((h) => h.toLowerCase() === 'api provider')) continue;
    const normalised = header.map((h) => (h.toLowerCase() === 'api provider' ? 'API Provider' : h));
    const records = $(table).find('tbody tr').toArray().map((tr) => {
      const cells = $(tr).find('td, th').toArray();
      const rec: Record<string, string> = {};
      normalised.forEach((h, i) => {
        const cell = cells[i];
        if (!cell) return;
        // The provider cell is a logo: its alt text names the provider.
        const alt = i === 0 ? withoutLogoSuffix($(cell).find('img').attr('alt')) : undefined;
        rec[h] = alt || cellText(cell);
      });
      return rec;
    }).filter((rec) => Object.values(rec).some((v) => v !== ''));
    return providerRowsOrEmpty(records, normalised);
  }
  throw new ParseError('no table with an "API Provider" header in the providers page', {
    field: 'API Provider',
    hint: 'the table is rendered client-side or its columns are collapsed; export it with a headless browser (as the deyil scraper does) and replay the CSV',
  });
}

/** "DeepInfra logo" → "DeepInfra". Not `/\s+logo$/`: that is tried from every blank of a long blank run. */
function withoutLogoSuffix(alt: string | undefined): string | undefined {
  if (alt === undefined) return undefined;
  return (/\slogo$/i.test(alt) ? alt.slice(0, -4) : alt).trim();
}
