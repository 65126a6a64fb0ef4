/**
 * A licence file shipped with the weights → one row: its title, the licence family detected
 * from text markers (null when none matches: never guessed), and the clauses that matter for
 * "how open is open", each as a boolean with the sentence it was found in.
 */
import { createHash } from 'node:crypto';
import { ParseError } from '../../lib/errors.ts';
import type { DocInfo } from './card.ts';
import { truncate } from './markdown.ts';
import { licenceRow, type LicenceRow } from '../../lib/source-rows/model-cards.ts';
export { licenceRow, type LicenceRow };



const SPAN_MAX = 300;

/** Text markers, tried in order: specific agreements before the generic MIT/Apache bodies they may quote. */
const FAMILIES: { marker: RegExp; family: (m: RegExpExecArray, flat: string) => string | null }[] = [
  { marker: /\bLLAMA\s+(\d+(?:\.\d+)?)\s+COMMUNITY LICENSE\b/i, family: (m) => `Llama ${m[1]} Community` },
  { marker: /\bTENCENT HUNYUAN COMMUNITY LICENSE\b/i, family: () => 'Tencent Hunyuan Community' },
  { marker: /\bDEEPSEEK LICENSE AGREEMENT\b/i, family: () => 'DeepSeek License' },
  { marker: /\bMINIMAX MODEL LICENSE\b/i, family: () => 'MiniMax Model License' },
  { marker: /^\s*NON-COMMERCIAL LICENSE\b/i, family: (_m, flat) => (/\bMIT-style\b|Permission is hereby granted, free of charge/i.test(flat) ? 'Non-commercial (MIT-style)' : 'Non-commercial') },
  {
    marker: /Permission is hereby granted, free of charge, to any person obtaining a copy/i,
    family: (_m, flat) => (/^\s*Modified MIT\b|\bOur only modification\b/i.test(flat) ? 'Modified MIT' : 'MIT'),
  },
  { marker: /\bApache License,?\s+Version 2\.0\b/i, family: () => 'Apache-2.0' },
];

/** The sentence around a match in whitespace-collapsed text, cut to SPAN_MAX around the match. */
function sentenceAround(flat: string, index: number, length: number): string {
  const before = flat.slice(0, index);
  const start = Math.max(...['. ', '; '].map((sep) => {
    const at = before.lastIndexOf(sep);
    return at < 0 ? 0 : at + sep.length;
  }));
  const endMatch = /\.(\s|$)/.exec(flat.slice(index + length));
  const end = endMatch ? index + length + endMatch.index + 1 : flat.length;
  let s = flat.slice(start, end).trim();
  if (s.length > SPAN_MAX) {
    const from = Math.max(start, index - 100);
    s = `${from > start ? '…' : ''}${truncate(flat.slice(from, end).trim(), SPAN_MAX)}`;
  }
  return s;
}

const MULTIPLIER: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const amount = (n: string, unit: string) => Math.round(Number(n.replace(/,/g, '')) * (MULTIPLIER[unit.toLowerCase()] ?? 1));

function titleCase(s: string): string {
  return s === s.toUpperCase() ? s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) : s;
}

function regions(phrase: string): string[] {
  return phrase
    .split(/,\s*|(?<!\s)\s+and\s+/i) // the lookbehind: one try per blank run, not one per blank
    .map((p) => titleCase(p.replace(/^(the|territory of)\s+/i, '').trim()))
    .filter((p) => /^[A-Z]/.test(p));
}

export function parseLicenceText(text: string, doc: DocInfo): LicenceRow {
  if (!text.trim()) throw new ParseError('empty licence file', { field: 'LICENSE', hint: 'the download was empty or the file moved' });
  if (/^\s*<!doctype html|^\s*<html[\s>]/i.test(text)) {
    throw new ParseError('got an HTML page, not a licence text', { field: 'LICENSE', hint: 'a GitHub blob page or a gated-repo login page was fetched instead of the raw file' });
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  const firstLine = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).find(Boolean) ?? null;

  let family: string | null = null;
  for (const f of FAMILIES) {
    const m = f.marker.exec(f.marker.source.startsWith('^') ? text : flat);
    if (m) {
      family = f.family(m, flat);
      break;
    }
  }

  // Every run ({0,40}, {0,400}) is bounded: on untrusted text an unbounded one is tried from each
  // digit and scans to the end (a licence of "1," x 40,000 took 16 s); real numbers and sentences fit.
  const mau = /(\d[\d,.]{0,40})\s*(million|billion)\s+monthly active users/i.exec(flat);
  const revenue =
    /(\d[\d,.]{0,40})\s*(million|billion)\s+(?:US dollars|U\.S\. dollars|USD)\b[^.]{0,400}?\b(monthly|annual|yearly)\b[^.]{0,400}?\brevenue/i.exec(flat) ??
    /\$\s?(\d[\d,.]{0,40})\s*(million|billion)\b[^.]{0,400}?\b(monthly|annual|yearly)\b[^.]{0,400}?\brevenue/i.exec(flat);
  const display = /\bdisplay\s+[“"]([^”"]{1,80})[”"]/i.exec(flat);
  const exclusion = /\bexcluding the territor(?:y|ies) of ([^.;]{1,400})/i.exec(flat) ?? /\bdoes not apply in ((?:(?!\band is\b)[^.;]){1,400})/i.exec(flat);
  const policy = /\b(Acceptable Use Policy|Prohibited Uses? Policy|Use-based restrictions|Prohibited Uses|Use Restrictions)\b/i.exec(flat);
  const nonCommercial = /\bfor non-commercial purposes\b|\bcommercial use[^.]{0,80}\b(?:prohibited|requires prior|without obtaining)\b/i.exec(flat);

  const span = (m: RegExpExecArray | null) => (m ? sentenceAround(flat, m.index, m[0].length) : null);
  return {
    repo: doc.repo,
    repo_host: doc.repoHost,
    document_url: doc.documentUrl,
    licence_title: firstLine ? truncate(firstLine, 200) : null,
    licence_family: family,
    mau_threshold: mau !== null,
    mau_threshold_users: mau ? amount(mau[1]!, mau[2]!) : null,
    mau_threshold_span: span(mau),
    revenue_threshold_usd: revenue ? amount(revenue[1]!, revenue[2]!) : null,
    revenue_period: revenue ? (revenue[3]!.toLowerCase() === 'monthly' ? 'monthly' : 'annual') : null,
    revenue_threshold_span: span(revenue),
    attribution_display: display !== null,
    attribution_text: display ? display[1]!.trim() : null,
    attribution_display_span: span(display),
    region_exclusion: exclusion !== null,
    excluded_regions: exclusion ? regions(exclusion[1]!).join(';') || null : null,
    region_exclusion_span: span(exclusion),
    use_policy_reference: policy !== null,
    use_policy_span: span(policy),
    non_commercial: nonCommercial !== null,
    non_commercial_span: span(nonCommercial),
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}
