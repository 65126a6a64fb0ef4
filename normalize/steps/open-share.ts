/**
 * Share of each country's notable models released with open weights, by year (Epoch AI,
 * notable models). Decides "open weights" by Epoch's own "Open model weights?" column where
 * the file has it, else by its "Model accessibility" value; models with neither are counted
 * apart as unknown, never guessed.
 */
import { z } from 'zod';
import { countryGroup, COUNTRY_GROUPS } from '../../lib/countries.ts';
import type { CountryResolver } from '../countries.ts';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { epochModelRow } from '../../lib/source-rows/epoch.ts';
import type { SourceVersion } from '../lib/io.ts';
import type { TableRow } from '../../lib/tables/index.ts';

/** The Epoch notable-models columns this step reads, decoded and checked by the scraper's own schema. */
export const epochNotableCells = csvRowCodec(epochModelRow.pick({ model: true, organization: true, country: true, publication_date: true, accessibility: true, open_weights: true }));
export type EpochNotable = z.infer<typeof epochNotableCells>;

/** A row of notable_open_share.csv: its contract is lib/tables/scores.ts. */
export type OpenShareRow = TableRow<'notable_open_share'>;

export function weightsReleased(m: Pick<EpochNotable, 'open_weights' | 'accessibility'>): boolean | null {
  if (m.open_weights !== null) return m.open_weights;
  if (!m.accessibility) return null;
  return m.accessibility.toLowerCase().startsWith('open weights');
}

export function buildOpenShare(version: SourceVersion<EpochNotable>, countries: CountryResolver, fromYear = 2018): OpenShareRow[] {
  const cells = new Map<string, OpenShareRow>();
  for (const m of version.rows) {
    if (!m.publication_date) continue;
    const year = Number(m.publication_date.slice(0, 4));
    if (year < fromYear) continue;
    const group = countryGroup(countries.toIso(m.country, `epoch notable: ${m.model}`));
    const key = `${year}|${group}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { year, country_group: group, models: 0, open_weight_models: 0, closed_models: 0, unknown_access_models: 0, open_weight_share: null, source: 'epoch/notable', source_as_of: version.asOf };
      cells.set(key, cell);
    }
    cell.models++;
    const open = weightsReleased(m);
    if (open === true) cell.open_weight_models++;
    else if (open === false) cell.closed_models++;
    else cell.unknown_access_models++;
  }
  const rows = [...cells.values()];
  for (const r of rows) {
    const known = r.open_weight_models + r.closed_models;
    r.open_weight_share = known ? Math.round((r.open_weight_models / known) * 1e4) / 1e4 : null;
  }
  const order = (g: string) => COUNTRY_GROUPS.indexOf(g as (typeof COUNTRY_GROUPS)[number]);
  return rows.sort((a, b) => a.year - b.year || order(a.country_group) - order(b.country_group));
}
