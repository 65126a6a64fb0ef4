/** Every published CSV against data/datapackage.json (Frictionless Table Schema). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateResource, type DataPackage } from '../helpers/table-schema.ts';

const DATA = join(import.meta.dirname, '../../data');
const pkg = JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8')) as DataPackage & { resources: { name: string; path: string; sources: unknown[] }[]; licenses: unknown[] };

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
    const errors = validateResource(DATA, pkg, resource as never);
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
