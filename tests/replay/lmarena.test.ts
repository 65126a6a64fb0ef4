import { parse } from 'csv-parse/sync';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runSources } from '../../scrapers/lib/run.ts';
import type { ParsedVersion } from '../../scrapers/lib/source.ts';
import { ReplayTransport, type ManifestEntry } from '../../scrapers/lib/transport.ts';
import { lmarena } from '../../scrapers/lmarena.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

type Row = Record<string, unknown>;

/** Raw file contents, read independently of the parser under test. */
const rawText = (file: string) => readFileSync(snapshotPath(file), 'utf8');
const rawJson = (file: string) => JSON.parse(rawText(file)) as unknown;
const rawCsv = (file: string) => parse(rawText(file), { bom: true }) as string[][];

async function parseEntry(entry: ManifestEntry): Promise<ParsedVersion<Row>[]> {
  const target = lmarena.targets().find((t) => t.dataset === entry.dataset && t.format === entry.format);
  expect(target, `no target for ${entry.dataset}/${entry.format}`).toBeDefined();
  const captures = await new ReplayTransport(SNAPSHOTS_DIR).fetch('lmarena', target!, { allDates: true });
  const capture = captures.find((c) => c.replayFile === entry.file)!;
  expect(capture, `no capture for ${entry.file}`).toBeDefined();
  const versions = lmarena.formats[entry.format]!.parse(capture, target!) as ParsedVersion<Row>[];
  for (const v of versions) for (const row of v.rows) lmarena.formats[entry.format]!.row.parse(row);
  return versions;
}

const only = async (format: string, asOf: string) => {
  const entry = manifestEntries({ source: 'lmarena', format }).find((e) => e.as_of === asOf)!;
  return { entry, versions: await parseEntry(entry) };
};

describeReplay('lmarena replay over every capture', () => {
  const entries = manifestEntries({ source: 'lmarena' });

  it('covers every LMArena capture in the manifest, each format having a target', () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    const formats = new Set(lmarena.targets().map((t) => t.format));
    for (const e of entries) expect(formats.has(e.format), e.format).toBe(true);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: row counts equal what the raw file holds', async (_file, entry) => {
    const versions = await parseEntry(entry);
    switch (entry.format) {
      case 'lmarena-leaderboard-csv': {
        const records = rawCsv(entry.file).slice(1);
        const models = new Set(records.map((r) => r[rawCsv(entry.file)[0]!.indexOf('model')]));
        expect(versions).toHaveLength(1);
        expect(versions[0]!.rows.length + (versions[0]!.skipped?.count ?? 0)).toBe(records.length);
        expect(versions[0]!.rows.length).toBe(models.size);
        break;
      }
      case 'lmarena-catalog-json': {
        const dump = rawJson(entry.file) as Record<string, Record<string, unknown>>;
        expect(versions[0]!.rows.length).toBe(Object.values(dump).reduce((n, models) => n + Object.keys(models).length, 0));
        expect(new Set(versions[0]!.rows.map((r) => r['category'])).size).toBe(Object.keys(dump).length);
        break;
      }
      case 'lmarena-catalog-metadata-json':
        expect(versions[0]!.rows.length).toBe((rawJson(entry.file) as unknown[]).length);
        break;
      case 'arena-top-json':
        expect(versions[0]!.rows.length).toBe((rawJson(entry.file) as { models: unknown[] }).models.length);
        break;
      case 'lmarena-history-wide-csv': {
        const lines = rawText(entry.file).trim().split('\n').slice(1);
        expect(versions).toHaveLength(lines.length);
        versions.forEach((v, i) => {
          const cells = lines[i]!.split(',');
          expect(v.asOf.replaceAll('-', '')).toBe(cells[0]);
          expect(v.rows.length).toBe(cells.slice(1).filter((c) => Number(c) !== 0).length);
        });
        expect(versions.at(-1)!.asOf).toBe(entry.as_of);
        break;
      }
      default:
        throw new Error(`untested format ${entry.format}`);
    }
    if (entry.format !== 'lmarena-history-wide-csv') expect(versions[0]!.asOf).toBe(entry.as_of);
  });

  it('history: 98 dates, no 0.0 written, a spot rating equals the raw cell', async () => {
    const { entry, versions } = await only('lmarena-history-wide-csv', '2025-02-27');
    const [header, ...rows] = rawCsv(entry.file);
    expect(versions).toHaveLength(98);
    expect(versions.flatMap((v) => v.rows).every((r) => (r['rating'] as number) > 0)).toBe(true);
    const col = header!.indexOf('deepseek-r1');
    const raw = rows.find((r) => r[0] === '20250124')![col]!;
    const byDate = new Map(versions.map((v) => [v.asOf, v.rows]));
    expect(byDate.get('2025-01-24')!.find((r) => r['model'] === 'deepseek-r1')!['rating']).toBe(Number(raw));
    expect(raw).toBe('1356.9995558195956');
    // 0.0 on 2025-01-15 (not yet on the board): the model is left out, not written as 0.
    expect(rows.find((r) => r[0] === '20250115')![col]).toBe('0.0');
    expect(byDate.get('2025-01-15')!.some((r) => r['model'] === 'deepseek-r1')).toBe(false);
    // The earliest board: gpt-4 column.
    const gpt4 = header!.indexOf('gpt-4');
    expect(byDate.get('2023-05-08')!.find((r) => r['model'] === 'gpt-4')!['rating']).toBe(Number(rows[0]![gpt4]));
  });

  it('fboulnois: DeepSeek-R1 on 2025-01-29, CI string converted to bounds; the duplicated Yi-34B-Chat kept once', async () => {
    const { versions } = await only('lmarena-leaderboard-csv', '2025-01-29');
    expect(versions[0]!.dataset).toBe('text-raw-fboulnois');
    expect(versions[0]!.rows.find((r) => r['model'] === 'DeepSeek-R1')).toMatchObject({
      rank: 3, rank_stylectrl: 1, rating: 1358, rating_lower: 1349, rating_upper: 1366, votes: 3286, organization: 'DeepSeek', licence: 'MIT', style_control: false, category: 'full',
    });
    const latest = await only('lmarena-leaderboard-csv', '2025-08-04');
    expect(latest.versions[0]!.skipped?.count).toBe(1);
    expect(latest.versions[0]!.rows.filter((r) => r['model'] === 'Yi-34B-Chat')).toHaveLength(1);
    expect(latest.versions[0]!.rows.find((r) => r['model'] === 'Llama-4-Maverick-03-26-Experimental')!['licence']).toBeNull();
  });

  it('catalog: raw and style-controlled values come from their own files, with the hand-added gemini-3-flash only in style control', async () => {
    const raw = await only('lmarena-catalog-json', '2025-12-11');
    const sc = await only('lmarena-catalog-json', '2025-12-17');
    const rawDump = rawJson(raw.entry.file) as Record<string, Record<string, { rating: number; rating_q025: number; rating_q975: number }>>;
    const scDump = rawJson(sc.entry.file) as typeof rawDump;
    const pick = (rows: Row[], cat: string, model: string) => rows.find((r) => r['category'] === cat && r['model'] === model)!;
    expect(pick(raw.versions[0]!.rows, 'full', 'deepseek-r1')).toMatchObject({
      rating: rawDump['full']!['deepseek-r1']!.rating, rating_lower: rawDump['full']!['deepseek-r1']!.rating_q025, rating_upper: rawDump['full']!['deepseek-r1']!.rating_q975, style_control: false,
    });
    expect(pick(sc.versions[0]!.rows, 'chinese', 'deepseek-r1')).toMatchObject({ rating: scDump['chinese']!['deepseek-r1']!.rating, style_control: true });
    expect(pick(sc.versions[0]!.rows, 'full', 'deepseek-r1')['rating']).not.toBe(pick(raw.versions[0]!.rows, 'full', 'deepseek-r1')['rating']);
    expect(sc.versions[0]!.rows.filter((r) => r['model'] === 'gemini-3-flash').map((r) => r['category'])).toEqual(['full']);
    expect(raw.versions[0]!.rows.some((r) => r['model'] === 'gemini-3-flash')).toBe(false);
  });

  it('metadata and arena-top spot values', async () => {
    const meta = (await only('lmarena-catalog-metadata-json', '2025-12-17')).versions[0]!.rows;
    expect(meta.find((r) => r['model'] === 'deepseek-v3.2')).toMatchObject({ organization: 'DeepSeek', licence: 'Apache 2.0', input_price_usd_per_1m: 0.28, output_price_usd_per_1m: 0.42, hidden: false });
    expect(meta.find((r) => r['model'] === 'mai-1-preview')).toMatchObject({ input_price_usd_per_1m: null, price_source: null });
    const top = await only('arena-top-json', '2026-03-29');
    expect(top.versions[0]!.dataset).toBe('arena-top');
    expect(top.versions[0]!.rows[0]).toMatchObject({ rank: 1, model: 'claude-opus-4-6-thinking', organization: 'Anthropic', licence: 'proprietary', rating: 1504, rating_lower: 1498, rating_upper: 1510, votes: 12730, style_control: true });
  });

  describeReplay('end to end through runSources', () => {
    let out: string;
    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'lmarena-replay-'));
      const summary = await runSources([lmarena], { transport: new ReplayTransport(SNAPSHOTS_DIR), outDir: out, allDates: true });
      expect(summary.filter((s) => s.status === 'failed')).toEqual([]);
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    const csvs = (dataset: string) => readdirSync(join(out, 'lmarena', dataset)).filter((f) => f.endsWith('.csv')).sort();
    const rows = (dataset: string, file: string) => parse(readFileSync(join(out, 'lmarena', dataset, file)), { columns: true }) as Record<string, string>[];

    it('raw and style-controlled scores never share a dataset', () => {
      const datasets = readdirSync(join(out, 'lmarena')).sort();
      expect(datasets).toEqual(['arena-top', 'metadata', 'text-history', 'text-raw', 'text-raw-fboulnois', 'text-style-control']);
      const expected: Record<string, string> = { 'arena-top': 'true', 'text-history': 'false', 'text-raw': 'false', 'text-raw-fboulnois': 'false', 'text-style-control': 'true' };
      for (const [dataset, flag] of Object.entries(expected)) {
        const flags = new Set(csvs(dataset).flatMap((f) => rows(dataset, f).map((r) => r['style_control'])));
        expect([dataset, [...flags]]).toEqual([dataset, [flag]]);
      }
    });

    it('writes one history CSV per date row, none with a 0 rating', () => {
      const files = csvs('text-history');
      expect(files).toHaveLength(98);
      expect(files[0]).toBe('2023-05-08.csv');
      expect(files.flatMap((f) => rows('text-history', f)).some((r) => Number(r['rating']) === 0)).toBe(false);
    });
  });
});
