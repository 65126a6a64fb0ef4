/**
 * One model card (Hugging Face card with YAML front matter, or a lab's GitHub README without)
 * → one row, or one row per variant when a table of the card lists variants with their
 * sizes or context lengths. Every number comes with the text it was read from.
 */
import { parse as parseYaml } from 'yaml';
import { ParseError } from '../../lib/errors.ts';
import { allTables, firstSentence, inlineText, proseSentences, sectionText, stripNoise, truncate, type Table } from './markdown.ts';
import { NUMBER, parseContextCell, parseParamCell, scaled, UNIT } from './quantities.ts';
import { cardRow, type CardRow } from '../../lib/source-rows/model-cards.ts';
export { cardRow, type CardRow };



export interface DocInfo {
  /** Manifest dataset with __ turned into /, e.g. moonshotai/Kimi-K2-Instruct or QwenLM/Qwen3. */
  repo: string;
  repoHost: 'huggingface' | 'github';
  /** Web page of the document (https://huggingface.co/{repo}/blob/main/README.md, https://github.com/{owner}/{repo}/blob/main/{path}). */
  documentUrl: string;
}

const SPAN_MAX = 300;
const LICENCE_MAX = 200;

// ---------- front matter ----------

export interface FrontMatter {
  present: boolean;
  data: Record<string, unknown>;
  body: string;
}

export function splitFrontMatter(md: string): FrontMatter {
  const text = md.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(text)) return { present: false, data: {}, body: text };
  const end = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!end) throw new ParseError('front matter opened with --- is never closed', { field: 'front matter', hint: 'the card was truncated, or its first line is a Markdown rule' });
  const yamlText = text.slice(text.indexOf('\n') + 1, 3 + end.index + 1);
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    throw new ParseError(`front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`, { field: 'front matter', hint: 'the card header was edited by hand or truncated' });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ParseError('front matter is not a key: value mapping', { field: 'front matter' });
  }
  return { present: true, data: data as Record<string, unknown>, body: text.slice(3 + end.index + end[0].length) };
}

/** A front-matter value that may be a string or a list of strings (base_model, license). */
function fmText(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join(';') : null;
  throw new ParseError(`front matter key "${key}" is neither text nor a list of text`, { field: key, hint: 'the Hub changed the card metadata schema' });
}

// ---------- tables ----------

const norm = (s: string) => s.toLowerCase().replace(/[#*:]/g, ' ').replace(/\s+/g, ' ').trim();
const NAME_HEADER = /^(model|models|model name|name|variant|size)$/;
const TOTAL_LABEL = /total param|^params$|^parameters$|^model size$/;
const ACTIVE_LABEL = /activ\w* param/;
const CONTEXT_LABEL = /^(context|context length|context window|context size|length|max(imum)? (context|sequence) length)$/;

type Field = 'total' | 'active' | 'context';
interface Found {
  value: number;
  span: string;
}
type Values = Partial<Record<Field, Found>>;

function labelField(label: string): Field | null {
  const l = norm(label);
  if (ACTIVE_LABEL.test(l)) return 'active';
  if (TOTAL_LABEL.test(l)) return 'total';
  if (CONTEXT_LABEL.test(l)) return 'context';
  return null;
}

/** Reads one labelled cell into the fields it states. */
function readCell(field: Field, cell: string, span: string, into: Values): void {
  if (!cell || /^[-–—]$/.test(cell.trim())) return;
  if (field === 'context') {
    const v = parseContextCell(cell);
    if (v !== null) into.context ??= { value: v, span };
    return;
  }
  const p = parseParamCell(cell, field);
  if (!p) return;
  if (p.total !== null) into.total ??= { value: p.total, span };
  if (p.active !== null) into.active ??= { value: p.active, span };
}

/** Two-column "label | value" tables (Kimi's Model Summary): card-level values. */
function keyValueValues(tables: Table[]): Values {
  const out: Values = {};
  for (const t of tables) {
    if (t.header.length !== 2) continue;
    for (const row of [{ cells: t.header, raw: t.header.join(' | ') }, ...t.rows]) {
      const field = labelField(row.cells[0] ?? '');
      if (field) readCell(field, row.cells[1] ?? '', truncate(row.raw, SPAN_MAX), out);
    }
  }
  return out;
}

interface Variant {
  name: string;
  values: Values;
}

/** Tables with a model-name column and a size or context column: one variant per body row. */
function variantRows(tables: Table[]): Variant[] {
  const variants: Variant[] = [];
  const seen = new Set<string>();
  for (const t of tables) {
    if (t.header.length < 2) continue;
    let nameCol = t.header.findIndex((h) => NAME_HEADER.test(norm(h)));
    if (nameCol < 0 && norm(t.header[0]!) === '') nameCol = 0;
    const fields = t.header.map((h, i) => (i === nameCol ? null : labelField(h)));
    if (nameCol < 0 || !fields.some(Boolean)) continue;
    const names = t.rows.map((r) => r.cells[nameCol] ?? '');
    t.rows.forEach((row, r) => {
      let name = names[r]!;
      if (!name) return;
      // Rows sharing one spanned name cell (Llama 3.1: "Llama 3.1 (text only)" × 3) are told apart by their size.
      if (names.filter((n) => n === name).length > 1) {
        const sizeCol = fields.findIndex((f) => f === 'total');
        if (sizeCol >= 0 && row.cells[sizeCol]) name = `${name} ${row.cells[sizeCol]}`;
      }
      if (seen.has(name)) return;
      seen.add(name);
      const values: Values = {};
      fields.forEach((f, i) => {
        if (f) readCell(f, row.cells[i] ?? '', truncate(`${name} | ${t.header[i]}: ${row.cells[i]}`, SPAN_MAX), values);
      });
      variants.push({ name, values });
    });
  }
  return variants;
}

// ---------- prose ----------

const N = `${NUMBER}\\s*${UNIT}`;
const PROSE: Record<Field, RegExp[]> = {
  total: [
    new RegExp(`${N}\\s+total param`, 'i'),
    new RegExp(`\\ba total of ${N}\\b`, 'i'),
    new RegExp(`\\btotal parameters:?\\s*${N}`, 'i'),
    new RegExp(`${N}\\s+parameters,?\\s+(?:with|of which)\\s+${NUMBER}\\s*${UNIT}\\s+(?:are\\s+)?activ`, 'i'),
    new RegExp(`${N}\\s+parameters\\s+\\(${NUMBER}\\s*${UNIT}\\s+activ`, 'i'),
  ],
  active: [
    new RegExp(`${N}\\s+(?:activated|active) param`, 'i'),
    new RegExp(`${N}\\s+parameters\\s+(?:activated|active)\\b`, 'i'),
    new RegExp(`\\bwith\\s+${N}\\s+(?:activated|active)\\b`, 'i'),
    new RegExp(`\\bactivat(?:ed|ion) parameters:?\\s*${N}`, 'i'),
    new RegExp(`\\(${N}\\s+(?:activated|active)\\)`, 'i'),
  ],
  context: [
    new RegExp(`\\bcontext (?:length|window) of (?:up to )?${NUMBER}\\s*(million|thousand|[KM])?(?![\\w.])`, 'i'),
    new RegExp(`${NUMBER}\\s*(million|thousand|[KM])?[- ]tokens? (?:long[- ])?context\\b`, 'i'),
    new RegExp(`\\bsupports? (?:a |an )?${NUMBER}\\s*(million|thousand|[KM])?(?: tokens?)? context\\b`, 'i'),
    new RegExp(`${NUMBER}\\s*(million|thousand|[KM])\\s+context window\\b`, 'i'),
  ],
};

/**
 * The first sentence stating each field. Sentences naming the card's own model win, so a
 * card describing two sizes (gpt-oss-120b and -20b) gives each repo its own numbers.
 */
function proseValues(sentences: string[], modelName: string): Values {
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const name = key(modelName);
  const ordered = name.length >= 3 ? [...sentences.filter((s) => key(s).includes(name)), ...sentences.filter((s) => !key(s).includes(name))] : sentences;
  const out: Values = {};
  for (const field of ['total', 'active', 'context'] as const) {
    search: for (const s of ordered) {
      for (const re of PROSE[field]) {
        const m = re.exec(s);
        if (m) {
          // Patterns stating both counts put the one they are for first.
          // The span runs to the end of the last word matched ("5.1B active param" → "… parameters").
          const end = m.index + m[0].length + (/^\w*/.exec(s.slice(m.index + m[0].length))?.[0].length ?? 0);
          out[field] = { value: scaled(m[1]!, m[2]), span: truncate(s.slice(m.index, end), SPAN_MAX) };
          break search;
        }
      }
    }
  }
  return out;
}

// ---------- licence ----------

interface Licence {
  licence: string | null;
  source: CardRow['licence_source'];
}

function shieldsBadges(md: string): string[] {
  const out: string[] = [];
  for (const m of md.matchAll(/img\.shields\.io\/badge\/([^"')\s?]+)/g)) {
    let path: string;
    try {
      path = decodeURIComponent(m[1]!);
    } catch {
      path = m[1]!;
    }
    const parts = path.split(/(?<!-)-(?!-)/).map((p) => p.replace(/--/g, '-').replace(/_/g, ' ').trim());
    if (parts.length < 2) continue;
    const label = parts.length >= 3 ? parts[0]! : '';
    const message = parts.length >= 3 ? parts[1]! : parts[0]!;
    if (!/licen[cs]e/i.test(label)) continue;
    out.push(`${label.replace(/^[^A-Za-z]+/, '')}: ${message}`);
  }
  return out;
}

function cardLicence(body: string, sentences: string[]): Licence {
  const section = sectionText(body, /^(\d+(\.\d+)*\.?\s*)?(licen[cs]e|licen[cs]e agreement|licensing|licen[cs]es)$/i);
  const fromSection = section ? firstSentence(section) : null;
  if (fromSection) return { licence: truncate(fromSection, LICENCE_MAX), source: 'licence_section' };

  for (const line of body.split('\n')) {
    const t = inlineText(line);
    const labelled = /^[^A-Za-z0-9]*licen[cs]e\s*:\s*(.+)$/i.exec(t);
    if (labelled) return { licence: truncate(firstSentence(labelled[1]!) ?? labelled[1]!, LICENCE_MAX), source: 'licence_line' };
    const lead = /^[^A-Za-z0-9]*([^:]{0,60}\blicen[cs]e)\s*:/i.exec(t);
    if (lead && /^\s*(?:(?:[-*+]|\d+[.)])\s*)?\*\*/.test(line)) return { licence: truncate(lead[1]!.trim(), LICENCE_MAX), source: 'licence_line' };
  }

  const prose = sentences.find((s) => /\b(licensed|released|available) under\b/i.test(s) && /licen[cs]e/i.test(s));
  if (prose) return { licence: truncate(prose, LICENCE_MAX), source: 'prose' };

  const badges = shieldsBadges(body);
  if (badges.length) return { licence: truncate(badges.join('; '), LICENCE_MAX), source: 'badge' };
  return { licence: null, source: null };
}

// ---------- the card ----------

export function parseModelCard(md: string, doc: DocInfo): CardRow[] {
  if (!md.trim()) throw new ParseError('empty model card', { field: 'README', hint: 'the download was empty or the file moved' });
  if (/^\s*<!doctype html|^\s*<html[\s>]/i.test(md)) {
    throw new ParseError('got an HTML page, not a Markdown card', { field: 'README', hint: 'a GitHub blob page or a login wall was fetched instead of the raw file' });
  }
  const fm = splitFrontMatter(md);
  const body = stripNoise(fm.body);
  const tables = allTables(body);
  const sentences = proseSentences(body);
  const modelName = doc.repo.split('/').pop() ?? doc.repo;

  const fmLicence = fmText(fm.data, 'license');
  const licenceName = fmText(fm.data, 'license_name');
  const licenceLink = fmText(fm.data, 'license_link');
  const licence: Licence = fmLicence || licenceName
    ? { licence: fmLicence ?? licenceName, source: 'front_matter' }
    : cardLicence(body, sentences);

  const base = {
    repo: doc.repo,
    repo_host: doc.repoHost,
    document_url: doc.documentUrl,
    has_front_matter: fm.present,
    licence: licence.licence,
    licence_name: licenceName,
    licence_link: licenceLink,
    licence_source: licence.source,
    base_model: fmText(fm.data, 'base_model'),
    pipeline_tag: fmText(fm.data, 'pipeline_tag'),
    library_name: fmText(fm.data, 'library_name'),
  };
  const row = (variant: string | null, v: Values): CardRow => ({
    ...base,
    variant,
    total_parameters: v.total?.value ?? null,
    total_parameters_span: v.total?.span ?? null,
    active_parameters: v.active?.value ?? null,
    active_parameters_span: v.active?.span ?? null,
    context_length: v.context?.value ?? null,
    context_length_span: v.context?.span ?? null,
  });

  const variants = variantRows(tables);
  if (variants.length) return variants.map((v) => row(v.name, v.values));
  const kv = keyValueValues(tables);
  const prose = proseValues(sentences, modelName);
  return [row(null, { total: kv.total ?? prose.total, active: kv.active ?? prose.active, context: kv.context ?? prose.context })];
}
