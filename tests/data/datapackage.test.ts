/** Every published CSV against data/datapackage.json (Frictionless Table Schema). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateResource, type DataPackage } from '../helpers/table-schema.ts';

const DATA = join(import.meta.dirname, '../../data');
type Resource = DataPackage['resources'][number] & { sources: unknown[] };
const pkg = JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8')) as { resources: Resource[]; licenses: unknown[] };

describe('data/datapackage.json', () => {
  it('is a tabular data package with licences, sources, and a schema per resource', () => {
    expect(pkg.licenses.length).toBeGreaterThan(0);
    for (const r of pkg.resources) {
      expect(r.sources.length, r.name).toBeGreaterThan(0);
    }
  });

  it('describes every published CSV in data/ (none left out)', () => {
    const published = readdirSync(DATA).filter((f) => f.endsWith('.csv')).sort();
    const described = pkg.resources.map((r) => r.path).filter((p) => !p.includes('/')).sort();
    expect(described).toEqual(published);
  });

  it.each(pkg.resources.map((r) => [r.path, r] as const))('%s validates against its schema', (_path, resource) => {
    const errors = validateResource(DATA, pkg, resource);
    expect(errors.slice(0, 10)).toEqual([]);
  });
});

describe('the table-schema checker catches what it should', () => {
  it('flags a bad type, an enum miss, a duplicate key and a dangling foreign key', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'dp-'));
    writeFileSync(join(dir, 'a.csv'), 'id,n,kind\nx,1,good\nx,one,bad\n');
    writeFileSync(join(dir, 'b.csv'), 'ref\nx\nz\n');
    const fake = {
      resources: [
        { name: 'a', path: 'a.csv', schema: { fields: [{ name: 'id', type: 'string' }, { name: 'n', type: 'integer' }, { name: 'kind', type: 'string', constraints: { enum: ['good'] } }], primaryKey: ['id'] } },
        { name: 'b', path: 'b.csv', schema: { fields: [{ name: 'ref', type: 'string' }], foreignKeys: [{ fields: ['ref'], reference: { resource: 'a', fields: ['id'] } }] } },
      ],
    };
    const a = validateResource(dir, fake, fake.resources[0]!);
    expect(a.join('\n')).toMatch(/not an integer/);
    expect(a.join('\n')).toMatch(/not in enum/);
    expect(a.join('\n')).toMatch(/duplicate primary key/);
    expect(validateResource(dir, fake, fake.resources[1]!).join('\n')).toMatch(/ref=z not found/);
  });
});

describe('datapackage.json release facts', () => {
  const full = pkg as unknown as { version: string; created: string; homepage: string; resources: { name: string; path: string; bytes: number; hash: string; sources: { title: string }[]; licenses: { name?: string; title: string; path: string }[] }[] };

  it('has a data version YYYY.MM.DD-hash, a created date on that day and a homepage', () => {
    expect(full.version).toMatch(/^\d{4}\.\d{2}\.\d{2}-[0-9a-f]{7}$/);
    expect(full.created).toBe(`${full.version.slice(0, 10).replaceAll('.', '-')}T00:00:00Z`);
    expect(() => new URL(full.homepage)).not.toThrow();
    expect(full.homepage).not.toMatch(/example\.org/);
  });

  it.each(full.resources.map((r) => [r.path, r] as const))('%s: bytes and sha256 match the file', async (path, r) => {
    const { createHash } = await import('node:crypto');
    const bytes = readFileSync(join(DATA, path));
    expect(r.bytes).toBe(bytes.length);
    expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  });

  it('gives each resource the terms of every source it derives from, not CC BY alone', () => {
    for (const r of full.resources) {
      expect(r.licenses[0]!.name, r.name).toBe('CC-BY-4.0');
      for (const l of r.licenses) expect(l.name ?? l.path, r.name).toBeTruthy();
    }
    const models = full.resources.find((r) => r.name === 'models')!;
    expect(models.licenses.some((l) => /Artificial Analysis/.test(l.title))).toBe(true);
    const hosting = full.resources.find((r) => r.name === 'hosting')!;
    expect(hosting.licenses.some((l) => /OpenRouter/.test(l.title))).toBe(true);
    const notable = full.resources.find((r) => r.name === 'notable_open_share')!;
    expect(notable.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
  });

  it('declares every source a table’s source column names', async () => {
    const { parse } = await import('csv-parse/sync');
    const { SOURCES } = await import('../../normalize/sources.ts');
    for (const r of full.resources) {
      const text = readFileSync(join(DATA, r.path), 'utf8');
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      if (!rows[0] || !('source' in rows[0])) continue;
      const declared = new Set(r.sources.map((s) => Object.values(SOURCES).find((x) => x.title === s.title)?.id));
      for (const id of new Set(rows.map((x) => x.source!.split('/')[0]))) {
        // A source column starts with the source folder name (data/sources/<source>/), the registry id.
        expect(declared.has(id), `${r.name}.csv has rows from ${id} but datapackage does not list that source`).toBe(true);
      }
    }
  });
});
