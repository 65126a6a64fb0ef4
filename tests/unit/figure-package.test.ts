/** Figure CSVs described as resources: every figure has its claims, units, sources and licences. */
import { describe, expect, it } from 'vitest';
import { buildClaims } from '../../src/lib/claims.ts';
import { FIGURE_META } from '../../src/lib/figure-meta.ts';
import { figurePackage } from '../../src/lib/figure-package.ts';
import { allFigures, type FigureDef } from '../../src/lib/figures.ts';

const figures = allFigures();
const claims = buildClaims();
const release = { version: '2026.01.02-abcdef0', created: '2026-01-02', buildDate: '2026-01-03', repository: 'https://code.test/r', homepage: 'https://site.test/' };
const pkg = figurePackage(figures, claims, release);

describe('/data/figures/datapackage.json', () => {
  it('has one entry per figure in figure-meta.ts, and no stale entry', () => {
    expect(Object.keys(FIGURE_META).sort()).toEqual(figures.map((f) => f.id).sort());
  });

  it('units name real columns, and claim ids are real claims', () => {
    const ids = new Set(claims.map((c) => c.id));
    for (const f of figures) {
      for (const col of Object.keys(FIGURE_META[f.id]!.units)) expect(f.columns, `${f.id}.${col}`).toContain(col);
      for (const id of FIGURE_META[f.id]!.claims) expect(ids.has(id), `${f.id} → ${id}`).toBe(true);
    }
  });

  it('describes each figure: title, as-of, sources, licences, claims with their sentences, typed fields', () => {
    expect(pkg.version).toBe(release.version);
    for (const r of pkg.resources) {
      expect(r.title, r.name).toBeTruthy();
      expect(r.sources.length, r.name).toBeGreaterThan(0);
      expect(r.licenses[0]!.name, r.name).toBe('CC-BY-4.0');
      expect(r.hash, r.name).toMatch(/^sha256:[0-9a-f]{64}$/);
      for (const c of r.claims) expect(c.text.length, `${r.name} ${c.id}`).toBeGreaterThan(20);
      expect(r.schema.fields.map((x) => x.name)).toEqual(figures.find((f) => f.id === r.name)!.columns);
    }
    const ranking = pkg.resources.find((r) => r.name === 'ranking-all')!;
    expect(ranking.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ranking.schema.fields.find((x) => x.name === 'score')).toMatchObject({ type: 'number', description: expect.stringMatching(/Intelligence Index/) });
    expect(ranking.licenses.some((l) => /Artificial Analysis/.test(l.title))).toBe(true);
    expect(ranking.claims.map((c) => c.id)).toContain('aa-top-us');
    expect(pkg.resources.find((r) => r.name === 'notable-open-by-country')!.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
  });

  it('fails, naming the figure, on a source with no known licence or an unknown claim', () => {
    const one = figures[0]!;
    const odd: FigureDef = { ...one, sources: [{ name: 'Somewhere', url: 'https://unknown.test/x', asOf: '2026-01-01' }] };
    expect(() => figurePackage([odd], claims, release)).toThrow(new RegExp(`figure ${one.id}: source "Somewhere"`));
    expect(() => figurePackage([one], claims.filter((c) => c.id !== FIGURE_META[one.id]!.claims[0]), release)).toThrow(/is not in src\/lib\/claims\.ts/);
  });
});
