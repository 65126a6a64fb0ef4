import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { epoch } from '../../scrapers/epoch.ts';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

/** Counts the records of a CSV independently of the parser under test. */
const recordCount = (file: string) => (parse(readFileSync(snapshotPath(file)), { bom: true, relax_column_count: true }) as unknown[]).length - 1;

/** The non-blank cells of one column, in file order, read independently of the parser under test (runs of whitespace count as one space, as text() reads them). */
const columnCells = (file: string, column: string) =>
  (parse(readFileSync(snapshotPath(file)), { bom: true, columns: true, relax_column_count: true }) as Record<string, string>[])
    .map((r) => (r[column] ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);

describeReplay('epoch replay over every capture', () => {
  const entries = manifestEntries({ source: 'epoch' });

  it('covers every Epoch capture in the manifest', () => {
    expect(entries.length).toBeGreaterThanOrEqual(9);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: rows plus skipped placeholders equal the file\'s records', async (_file, entry) => {
    const transport = new ReplayTransport(SNAPSHOTS_DIR);
    const target = epoch.targets().find((t) => t.dataset === entry.dataset && t.format === entry.format)!;
    expect(target, `no target for ${entry.dataset}`).toBeDefined();
    const captures = await transport.fetch('epoch', target, { allDates: true });
    const capture = captures.find((c) => c.replayFile === entry.file)!;
    const [version] = epoch.formats[entry.format]!.parse(capture, target);
    expect(version!.asOf).toBe(entry.as_of);
    expect(version!.rows.length + (version!.skipped?.count ?? 0)).toBe(recordCount(entry.file));
    // Every named record becomes exactly one row, in file order, under its own name: a parser that
    // dropped, duplicated or shifted records (or read the wrong column) fails here.
    const [nameColumn, nameField] = entry.format === 'epoch-models-csv' ? ['Model', 'model'] : ['Model version', 'model_version'];
    expect(version!.rows.map((r) => r[nameField])).toEqual(columnCells(entry.file, nameColumn));
  });

  it('spot values: DeepSeek-V3 in the latest notable file, and the old schema\'s country column', async () => {
    const transport = new ReplayTransport(SNAPSHOTS_DIR);
    const target = epoch.targets().find((t) => t.dataset === 'notable')!;
    const captures = await transport.fetch('epoch', target, { allDates: true });
    const byDate = Object.fromEntries(captures.map((c) => [c.asOf, epoch.formats['epoch-models-csv']!.parse(c, target)[0]!.rows]));
    const v3 = byDate['2026-07-19']!.find((r) => r.model === 'DeepSeek-V3');
    expect(v3).toMatchObject({ organization: 'DeepSeek', country: 'China', parameters: 671e9, open_weights: true, publication_date: '2024-12-24' });
    const old = byDate['2025-02-24']!;
    expect(old.filter((r) => r.country === 'China').length).toBeGreaterThan(40);
    expect(old.every((r) => r.open_weights === null)).toBe(true);
  });
});
