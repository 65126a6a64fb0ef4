/**
 * Every published CSV (tables, reference files, source versions): no text cell that a
 * spreadsheet would run as a formula. A cell starting with = + - @ tab or CR must be a number
 * (a negative score stays a number) or carry the neutralising apostrophe.
 */
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const DATA = join(import.meta.dirname, '../../data');
const csvFiles = (readdirSync(DATA, { recursive: true }) as string[]).filter((f) => f.endsWith('.csv')).sort();

it('finds the published CSVs', () => {
  expect(csvFiles.length).toBeGreaterThan(100);
});

it('no published CSV holds a formula-like text cell', () => {
  const offenders: string[] = [];
  for (const file of csvFiles) {
    const rows = parse(readFileSync(join(DATA, file)), { bom: true, relax_column_count: true }) as string[][];
    rows.forEach((cells, r) => cells.forEach((cell, c) => {
      if (/^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell))) offenders.push(`${file} row ${r} col ${c}: ${JSON.stringify(cell.slice(0, 40))}`);
    }));
  }
  expect(offenders.slice(0, 10)).toEqual([]);
});
