/** The data version and per-file facts of datapackage.json (normalize/release.ts). */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataVersion, newestAsOf, release } from '../../normalize/release.ts';
import type { TableSpec } from '../../normalize/schema.ts';

const spec = (name: string, path: string, fields: string[]): TableSpec => ({
  name, path, title: name, description: name, primaryKey: [fields[0]!], sources: [],
  fields: fields.map((f) => ({ name: f, type: 'string', description: f })),
});

function dirs(a: string, ref: string) {
  const root = mkdtempSync(join(tmpdir(), 'release-'));
  mkdirSync(join(root, 'reference'));
  writeFileSync(join(root, 'a.csv'), a);
  writeFileSync(join(root, 'reference', 'r.csv'), ref);
  return { outDir: root, referenceDir: join(root, 'reference') };
}
const SPECS = [spec('a', 'a.csv', ['id', 'as_of']), spec('r', 'reference/r.csv', ['id'])];

describe('release', () => {
  it('dates the version by the newest as_of and hashes the files', () => {
    const rel = release(SPECS, dirs('id,as_of\nx,2026-01-02\ny,2026-03-04\n', 'id\nz\n'), 'https://site.test/');
    expect(rel.version).toMatch(/^2026\.03\.04-[0-9a-f]{7}$/);
    expect(rel.created).toBe('2026-03-04T00:00:00Z');
    expect(rel.files.a!.bytes).toBe(Buffer.byteLength('id,as_of\nx,2026-01-02\ny,2026-03-04\n'));
    expect(rel.files.r!.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is the same for the same bytes and changes when any published byte changes', () => {
    const one = release(SPECS, dirs('id,as_of\nx,2026-01-02\n', 'id\nz\n'), 'h').version;
    const same = release(SPECS, dirs('id,as_of\nx,2026-01-02\n', 'id\nz\n'), 'h').version;
    const otherRef = release(SPECS, dirs('id,as_of\nx,2026-01-02\n', 'id\nw\n'), 'h').version;
    expect(same).toBe(one);
    expect(otherRef).not.toBe(one);
    expect(otherRef.slice(0, 10)).toBe(one.slice(0, 10));
  });

  it('names the resource whose file is missing', () => {
    const d = dirs('id,as_of\nx,2026-01-02\n', 'id\nz\n');
    expect(() => release([...SPECS, spec('gone', 'gone.csv', ['id'])], d, 'h')).toThrow(/gone\.csv for resource gone/);
  });

  it('reads as_of and source_as_of, ignoring empty cells, and refuses a version without a date', () => {
    expect(newestAsOf(['id,source_as_of\na,2025-05-01\nb,\n', 'as_of\n2024-01-01\n'])).toBe('2025-05-01');
    expect(() => dataVersion('', [])).toThrow(/no as_of date/);
  });
});
