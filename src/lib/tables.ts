/**
 * The published tables (data/*.csv), read once at build time and validated: the pages and
 * charts never read source CSVs directly.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { cNum, cText } from '../../normalize/lib/cells.ts';

export const DATA_DIR = join(process.cwd(), 'data');

const cache = new Map<string, unknown[]>();

export function readTable<S extends z.ZodType>(name: string, schema: S): z.infer<S>[] {
  if (!cache.has(name)) {
    const records = parse(readFileSync(join(DATA_DIR, `${name}.csv`)), { columns: true, bom: true }) as Record<string, string>[];
    cache.set(name, records.map((r, i) => {
      const res = schema.safeParse(r);
      if (!res.success) throw new Error(`data/${name}.csv row ${i + 1}: ${res.error.issues[0]!.path.join('.')}: ${res.error.issues[0]!.message} — re-run npm run normalize`);
      return res.data;
    }));
  }
  return cache.get(name) as z.infer<S>[];
}

export const openShareSchema = z.object({
  year: cNum.pipe(z.number().int()),
  country_group: z.enum(['China', 'United States', 'Europe', 'Other']),
  models: cNum.pipe(z.number().int()),
  open_weight_models: cNum.pipe(z.number().int()),
  closed_models: cNum.pipe(z.number().int()),
  unknown_access_models: cNum.pipe(z.number().int()),
  open_weight_share: cNum,
  source: z.string(),
  source_as_of: z.string(),
});
export type OpenShare = z.infer<typeof openShareSchema>;

export const tables = {
  openShare: () => readTable('notable_open_share', openShareSchema),
};

export { cText };
