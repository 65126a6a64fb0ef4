/**
 * CITATION.cff against the Citation File Format 1.2.0 (the keys and value shapes of its JSON
 * schema that this file can use: unknown keys are rejected, as the schema does) and against
 * package.json, so the version, repository, site and licence are stated once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectLinks } from '../../site.config.mjs';

const ROOT = join(import.meta.dirname, '../..');
const url = z.string().regex(/^(https|http|ftp|sftp):\/\//, 'a URL');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const person = z.object({ 'family-names': z.string().min(1), 'given-names': z.string().min(1).optional(), orcid: url.optional(), affiliation: z.string().optional(), email: z.string().optional() }).strict();
const entity = z.object({ name: z.string().min(1), website: url.optional(), email: z.string().optional() }).strict();
const authors = z.array(z.union([person, entity])).min(1);
const REF_TYPES = ['article', 'book', 'conference-paper', 'data', 'report', 'software', 'website', 'generic'] as const;
const reference = z.object({
  type: z.enum(REF_TYPES), title: z.string().min(1), authors, url: url.optional(), license: z.string().optional(),
  conference: entity.optional(), year: z.number().int().optional(), doi: z.string().optional(),
}).strict();
/** The CFF 1.2.0 keys; required: cff-version, message, title, authors. */
const cff = z.object({
  'cff-version': z.literal('1.2.0'),
  message: z.string().min(1),
  title: z.string().min(1),
  authors,
  type: z.enum(['software', 'dataset']).optional(),
  abstract: z.string().optional(),
  version: z.string().optional(),
  'date-released': date.optional(),
  license: z.string().optional(),
  'repository-code': url.optional(),
  url: url.optional(),
  keywords: z.array(z.string()).optional(),
  doi: z.string().optional(),
  references: z.array(reference).optional(),
  'preferred-citation': reference.optional(),
}).strict();

const file = parse(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };

describe('CITATION.cff', () => {
  it('is valid Citation File Format 1.2.0', () => {
    const res = cff.safeParse(file);
    expect(res.success ? [] : res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('agrees with package.json on version, licence, repository and site', () => {
    const links = projectLinks();
    expect(file.version).toBe(pkg.version);
    expect(file.license).toBe(pkg.license);
    expect(file['repository-code']).toBe(links.repository);
    expect(file.url).toBe(links.homepage);
  });

  it('the checker rejects what the format forbids', () => {
    expect(cff.safeParse({ ...file, authors: [] }).success).toBe(false);
    expect(cff.safeParse({ ...file, 'date-released': '30/11/2026' }).success).toBe(false);
    expect(cff.safeParse({ ...file, 'cff-version': '1.1.0' }).success).toBe(false);
    expect(cff.safeParse({ ...file, unknown: 1 }).success).toBe(false);
  });
});
