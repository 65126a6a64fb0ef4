/**
 * /data/figures/datapackage.json: each figure CSV described as a resource, so a downloaded
 * figure says what it is: title, what it shows, its sources and their as-of dates, the unit of
 * each column, the licences that apply (from the sources it derives from) and the sentences of
 * the article it backs.
 */
import { toCsv } from '../../lib/csv.ts';
import { licenceJson, licencesOf, sourceOfUrl, type SourceSpec } from '../../normalize/sources.ts';
import type { Claim } from './claims.ts';
import { figureMeta } from './figure-meta.ts';
import type { FigureDef } from './figures.ts';
import { sha256Hex } from './hash.ts';
import type { ReleaseInfo } from './release-info.ts';

type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date';

function inferType(values: unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!present.length) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  if (present.every((v) => v instanceof Date || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)))) return 'date';
  return 'string';
}

/** The registry entry of each of a figure's sources; an unknown source fails the build, naming the figure. */
export function figureSources(f: FigureDef): SourceSpec[] {
  return f.sources.map((s) => {
    const spec = sourceOfUrl(s.url);
    if (!spec) throw new Error(`figure ${f.id}: source "${s.name}" (${s.url}) matches no source in normalize/sources.ts, so its licence is unknown`);
    return spec;
  });
}

export function figurePackage(figures: FigureDef[], claims: Claim[], release: ReleaseInfo) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return {
    profile: 'data-package',
    name: 'open-weight-race-figures',
    title: 'Is China winning the open-weight AI race? The rows behind each figure',
    version: release.version,
    created: `${release.created}T00:00:00Z`,
    homepage: release.homepage,
    description: 'Each CSV holds exactly the rows a figure of the article plots. `as_of` is the newest date of the source versions it was drawn from; `claims` are the sentences of the article that rest on it. The full tables are described in ../datapackage.json.',
    resources: figures.map((f) => {
      const meta = figureMeta(f.id);
      const csv = toCsv(f.rows, f.columns);
      const dates = f.sources.map((s) => s.asOf).filter(Boolean).sort();
      return {
        name: f.id,
        path: `${f.id}.csv`,
        profile: 'tabular-data-resource',
        title: f.title,
        description: `${f.takeaway} ${f.description}`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: Buffer.byteLength(csv),
        hash: `sha256:${sha256Hex(csv)}`,
        as_of: dates.at(-1) ?? null,
        sources: f.sources.map((s) => ({ title: s.name, path: s.url, ...(s.asOf ? { as_of: s.asOf } : {}) })),
        licenses: licencesOf(figureSources(f)).map(licenceJson),
        claims: meta.claims.map((id) => {
          const c = byId.get(id);
          if (!c) throw new Error(`figure ${f.id}: claim "${id}" (src/lib/figure-meta.ts) is not in src/lib/claims.ts`);
          return { id, text: c.text };
        }),
        schema: {
          fields: f.columns.map((col) => ({
            name: col,
            type: inferType(f.rows.map((r) => (r as Record<string, unknown>)[col])),
            ...(meta.units[col] ? { description: meta.units[col] } : {}),
          })),
          missingValues: [''],
        },
      };
    }),
  };
}
