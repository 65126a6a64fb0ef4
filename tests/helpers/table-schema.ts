/**
 * A small Frictionless Table Schema checker for our CSVs: field names and order, types
 * (string, number, integer, boolean, date), required, enum, minimum, maximum, pattern,
 * primary-key uniqueness and foreign keys. Written against the spec, independent of the
 * code that produced the files, so the test can catch the producer's mistakes.
 *
 * Deliberately NOT the project's reader (lib/tables/io.ts). That reader and the writer and the
 * published Table Schema all come from one contract per table (lib/tables/), so a mistake in a
 * contract or in its derivation would pass a check that used them: reader and writer would agree
 * with each other and with datapackage.json's generator, all three wrong together. This file
 * reads only datapackage.json and the CSV bytes, as a stranger with a Frictionless tool would.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Field { name: string; type: string; constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number; pattern?: string }; trueValues?: string[]; falseValues?: string[] }
interface Resource { name: string; path: string; schema: { fields: Field[]; primaryKey?: string[]; missingValues?: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] } }
export interface DataPackage { resources: Resource[] }

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readResource(dir: string, r: Resource): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(join(dir, r.path), 'utf8');
  const records = parse(text, { bom: true }) as string[][];
  const [header = [], ...body] = records;
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}

export function validateResource(dir: string, pkg: DataPackage, r: Resource, cache = new Map<string, Record<string, string>[]>()): string[] {
  const errors: string[] = [];
  const { header, rows } = readResource(dir, r);
  cache.set(r.name, rows);
  const names = r.schema.fields.map((f) => f.name);
  if (header.join(',') !== names.join(',')) errors.push(`${r.path}: header ${header.join(',')} != schema ${names.join(',')}`);
  const missing = new Set(r.schema.missingValues ?? ['']);
  rows.forEach((row, i) => {
    for (const f of r.schema.fields) {
      const v = row[f.name] ?? '';
      const where = `${r.path} row ${i + 1} ${f.name}=${JSON.stringify(v)}`;
      if (missing.has(v)) {
        if (f.constraints?.required) errors.push(`${where}: required`);
        continue;
      }
      let n: number | undefined;
      switch (f.type) {
        case 'number': n = Number(v); if (v.trim() === '' || !Number.isFinite(n)) errors.push(`${where}: not a number`); break;
        case 'integer': n = Number(v); if (!/^-?\d+$/.test(v)) errors.push(`${where}: not an integer`); break;
        case 'boolean': if (![...(f.trueValues ?? ['true']), ...(f.falseValues ?? ['false'])].includes(v)) errors.push(`${where}: not a boolean`); break;
        case 'date': if (!DATE.test(v) || Number.isNaN(Date.parse(v))) errors.push(`${where}: not a date`); break;
        default: break;
      }
      const c = f.constraints ?? {};
      if (c.enum && !c.enum.includes(v)) errors.push(`${where}: not in enum`);
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(v)) errors.push(`${where}: does not match ${c.pattern}`);
      if (n !== undefined && c.minimum !== undefined && n < c.minimum) errors.push(`${where}: below ${c.minimum}`);
      if (n !== undefined && c.maximum !== undefined && n > c.maximum) errors.push(`${where}: above ${c.maximum}`);
    }
  });
  if (r.schema.primaryKey) {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const key = r.schema.primaryKey!.map((k) => row[k]).join('\u0000');
      if (seen.has(key)) errors.push(`${r.path} row ${i + 1}: duplicate primary key ${r.schema.primaryKey!.join('+')}`);
      seen.add(key);
    });
  }
  for (const fk of r.schema.foreignKeys ?? []) {
    const target = pkg.resources.find((x) => x.name === fk.reference.resource);
    if (!target) { errors.push(`${r.path}: foreign key to unknown resource ${fk.reference.resource}`); continue; }
    const targetRows = cache.get(target.name) ?? readResource(dir, target).rows;
    const keys = new Set(targetRows.map((t) => fk.reference.fields.map((k) => t[k]).join('\u0000')));
    rows.forEach((row, i) => {
      const vals = fk.fields.map((k) => row[k] ?? '');
      if (vals.every((v) => v === '')) return;
      if (!keys.has(vals.join('\u0000'))) errors.push(`${r.path} row ${i + 1}: ${fk.fields.join('+')}=${vals.join('+')} not found in ${target.path}`);
    });
  }
  return errors;
}
