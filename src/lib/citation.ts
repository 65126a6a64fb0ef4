/**
 * "Cite this report": a plain-text reference and a BibTeX entry, from CITATION.cff (title,
 * authors, licence) and the data version, so a reader can point to the exact data they used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ReleaseInfo } from './release-info.ts';

interface Cff { title: string; authors: ({ name: string } | { 'family-names': string; 'given-names'?: string })[]; version?: string }

export function readCff(path = join(process.cwd(), 'CITATION.cff')): Cff {
  return parse(readFileSync(path, 'utf8')) as Cff;
}

const authorName = (a: Cff['authors'][number]) => ('name' in a ? a.name : [a['given-names'], a['family-names']].filter(Boolean).join(' '));
const bibAuthor = (a: Cff['authors'][number]) => ('name' in a ? `{${a.name}}` : `${a['family-names']}, ${a['given-names'] ?? ''}`.trim());
/** BibTeX needs braces and backslashes escaped in field values. */
const bib = (s: string) => s.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[%&$#_]/g, (c) => `\\${c}`);

export function citation(cff: Cff, rel: ReleaseInfo): { text: string; bibtex: string } {
  const year = rel.created.slice(0, 4);
  const authors = cff.authors.map(authorName).join(', ');
  const text = `${authors} (${year}). ${cff.title}. Data version ${rel.version} (data as of ${rel.created}). ${rel.homepage} — code: ${rel.repository}.`;
  const key = `openweightrace${rel.version.replace(/[^0-9a-z]/gi, '')}`;
  const bibtex = [
    `@misc{${key},`,
    `  author       = {${cff.authors.map(bibAuthor).join(' and ')}},`,
    `  title        = {${bib(cff.title)}},`,
    `  year         = {${year}},`,
    `  version      = {${rel.version}},`,
    `  howpublished = {\\url{${rel.homepage}}},`,
    `  note         = {Data version ${rel.version}, data as of ${rel.created}. Code: \\url{${rel.repository}}},`,
    '}',
  ].join('\n');
  return { text, bibtex };
}
