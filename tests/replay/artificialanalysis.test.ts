import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { artificialAnalysis } from '../../scrapers/artificialanalysis.ts';
import type { ParsedVersion } from '../../scrapers/lib/source.ts';
import { ReplayTransport, type ManifestEntry } from '../../scrapers/lib/transport.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

type Row = Record<string, unknown>;

/** Counts records independently of the parser under test. */
const jsonModelCount = (file: string) => (JSON.parse(readFileSync(snapshotPath(file), 'utf8')) as { models: unknown[] }).models.length;
const csvRecords = (file: string) => parse(readFileSync(snapshotPath(file)), { bom: true, columns: true }) as Record<string, string>[];

async function parseEntry(entry: ManifestEntry): Promise<ParsedVersion<Row>[]> {
  const transport = new ReplayTransport(SNAPSHOTS_DIR);
  const target = artificialAnalysis.targets().find((t) => t.dataset === entry.dataset && t.format === entry.format);
  expect(target, `no target for ${entry.dataset}/${entry.format}`).toBeDefined();
  const captures = await transport.fetch('artificialanalysis', target!, { allDates: true });
  const capture = captures.find((c) => c.replayFile === entry.file)!;
  expect(capture, `no capture for ${entry.file}`).toBeDefined();
  return artificialAnalysis.formats[entry.format]!.parse(capture, target!) as ParsedVersion<Row>[];
}

async function rowsOf(format: string, asOf: string): Promise<Row[]> {
  const entry = manifestEntries({ source: 'artificialanalysis', format }).find((e) => e.as_of === asOf)!;
  expect(entry, `no ${format} capture for ${asOf}`).toBeDefined();
  return (await parseEntry(entry))[0]!.rows;
}

const EXPECTED_DATASET: Record<string, string> = { 'aa-models-page-json': 'models', 'aa-api-v2-json': 'models-api', 'aa-providers-table-csv': 'providers' };

describeReplay('artificialanalysis replay over every capture', () => {
  const entries = manifestEntries({ source: 'artificialanalysis' });

  it('covers every Artificial Analysis capture in the manifest (3 formats)', () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(new Set(entries.map((e) => e.format))).toEqual(new Set(Object.keys(EXPECTED_DATASET)));
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: one row per source record, every row valid', async (_file, entry) => {
    const versions = await parseEntry(entry);
    expect(versions).toHaveLength(1);
    const [version] = versions;
    expect(version!.asOf).toBe(entry.as_of);
    expect(version!.dataset).toBe(EXPECTED_DATASET[entry.format]);
    const expected = entry.format === 'aa-providers-table-csv' ? csvRecords(entry.file).length : jsonModelCount(entry.file);
    expect(version!.rows.length).toBe(expected);
    for (const row of version!.rows) artificialAnalysis.formats[entry.format]!.row.parse(row);
  });

  it('providers: every Kimi K2 row matches the raw CSV', async () => {
    const rows = await rowsOf('aa-providers-table-csv', '2025-08-14');
    const entry = manifestEntries({ source: 'artificialanalysis', format: 'aa-providers-table-csv' })[0]!;
    const raw = csvRecords(entry.file).filter((r) => r['Model'] === 'Kimi K2');
    const parsed = rows.filter((r) => r.model === 'Kimi K2');
    expect(raw.length).toBe(8);
    expect(parsed.map((r) => r.provider)).toEqual(raw.map((r) => r['API Provider']));
    const dollars = (s: string) => Number(s.replace('$', ''));
    raw.forEach((r, i) => {
      expect(parsed[i]).toMatchObject({
        licence_type: r['License'],
        api_id: r['API ID'],
        intelligence_index: Number(r['Artificial Analysis Intelligence Index']),
        price_blended_usd_per_1m: dollars(r['Blended USD/1M Tokens']!),
        price_input_usd_per_1m: dollars(r['Input Price USD/1M Tokens']!),
        price_output_usd_per_1m: dollars(r['Output Price USD/1M Tokens']!),
        median_output_tokens_per_second: Number(r['Median Tokens/s']),
        p5_output_tokens_per_second: Number(r['P5 Tokens/s']),
        p95_output_tokens_per_second: Number(r['P95 Tokens/s']),
        median_first_chunk_seconds: Number(r['Median First Chunk (s)']),
        total_response_seconds: Number(r['Total Response (s)']),
        reasoning_time_seconds: null,
      });
    });
    // Spelled out for the two endpoints quoted most often.
    expect(parsed.find((r) => r.provider === 'Groq')).toMatchObject({ licence_type: 'Open', price_input_usd_per_1m: 1, price_output_usd_per_1m: 3, price_blended_usd_per_1m: 1.5, median_output_tokens_per_second: 447, median_first_chunk_seconds: 0.21, context_window_tokens: 131_000, mmlu_pro_pct: 82 });
    expect(parsed.find((r) => r.provider === 'Fireworks')).toMatchObject({ price_blended_usd_per_1m: 1.07, median_output_tokens_per_second: 157.8, p25_output_tokens_per_second: 108.9, p75_output_tokens_per_second: 168.8 });
  });

  it('providers: the Open/Proprietary split and GPT-5 (high) on the 2025-08 index scale', async () => {
    const rows = await rowsOf('aa-providers-table-csv', '2025-08-14');
    expect(rows.filter((r) => r.licence_type === 'Open').length).toBe(378);
    expect(rows.find((r) => r.provider === 'OpenAI' && r.model === 'GPT-5 (high)')).toMatchObject({ intelligence_index: 69, context_window_tokens: 400_000, price_blended_usd_per_1m: 3.44 });
  });

  it('page JSON: Kimi K2.6 with parameters converted from billions, and the index re-based between captures', async () => {
    const july = await rowsOf('aa-models-page-json', '2026-07-10');
    expect(july.find((r) => r.slug === 'kimi-k2-6')).toMatchObject({
      name: 'Kimi K2.6', creator_name: 'Kimi', creator_country: 'cn', open_weights: true, licence_name: 'Modified MIT', commercial_use_allowed: true,
      total_parameters: 1e12, active_parameters: 32e9, price_input_usd_per_1m: 0.95, price_output_usd_per_1m: 4, price_blended_3to1_usd_per_1m: null,
      release_date: '2026-04-20', reasoning_model: null,
    });
    expect(july.find((r) => r.slug === 'gemma-3-270m')).toMatchObject({ total_parameters: 268_000_000 });
    const april = await rowsOf('aa-models-page-json', '2026-04-10');
    const gpt5 = (rows: Row[]) => rows.find((r) => r.name === 'GPT-5 (high)')!.intelligence_index as number;
    expect(gpt5(april)).toBeCloseTo(44.63, 2);
    expect(gpt5(july)).toBeCloseTo(34.71, 2);
    expect(april.filter((r) => r.creator_country === 'cn').length).toBe(149);
    expect(july.filter((r) => r.deprecated === true).length).toBe(302);
  });

  it('API v2: values as in the raw file, unmeasured zeros as null, free endpoints kept at 0', async () => {
    const rows = await rowsOf('aa-api-v2-json', '2026-04-09');
    const entry = manifestEntries({ source: 'artificialanalysis', format: 'aa-api-v2-json' })[0]!;
    const raw = (JSON.parse(readFileSync(snapshotPath(entry.file), 'utf8')) as { models: { slug: string; evaluations: Row; pricing: Row; speed: Row }[] }).models;
    const rawGpt5 = raw.find((m) => m.slug === 'gpt-5')!;
    expect(rows.find((r) => r.slug === 'gpt-5')).toMatchObject({
      name: 'GPT-5 (high)', creator_name: 'OpenAI', intelligence_index: rawGpt5.evaluations.artificial_analysis_intelligence_index,
      price_blended_3to1_usd_per_1m: rawGpt5.pricing.price_1m_blended_3_to_1, median_output_tokens_per_second: rawGpt5.speed.output_tokens_per_second,
    });
    expect(rows.find((r) => r.slug === 'gpt-5')!.intelligence_index).toBe(44.6);
    const allZero = raw.filter((m) => m.speed.output_tokens_per_second === 0 && Object.values(m.pricing).every((v) => v === 0)).map((m) => m.slug);
    expect(allZero.length).toBe(150);
    for (const slug of allZero) expect(rows.find((r) => r.slug === slug)).toMatchObject({ price_input_usd_per_1m: null, median_output_tokens_per_second: null });
    expect(rows.find((r) => r.slug === 'gemma-3-4b')).toMatchObject({ price_input_usd_per_1m: 0, median_output_tokens_per_second: 30.594 });
    expect(rows.every((r) => r.median_output_tokens_per_second !== 0 && r.median_time_to_first_token_seconds !== 0)).toBe(true);
  });
});

describeReplay('artificialanalysis providers: endpoint variants', () => {
  it('splits every variant off the host and the model, and keeps all 55 quantised endpoints', async () => {
    const rows = await rowsOf('aa-providers-table-csv', '2025-08-14');
    expect(rows).toHaveLength(506);
    expect(rows.filter((r) => r.precision === 'FP8' || r.precision === 'FP4')).toHaveLength(55);
    const find = (provider: string, model: string) => rows.find((r) => r.provider === provider && r.model === model);
    // The January R1's Fast tier at Fireworks is the January R1, not R1-0528.
    expect(find('Fireworks (Fast)', "DeepSeek R1 (Jan '25) (Fast)")).toMatchObject({ host: 'Fireworks', base_model: "DeepSeek R1 (Jan '25)", endpoint_variant: 'Fast', precision: null, price_blended_usd_per_1m: 4.25, median_output_tokens_per_second: 116.2 });
    expect(find('Nebius Fast', 'DeepSeek R1 0528 Fast')).toMatchObject({ host: 'Nebius', base_model: 'DeepSeek R1 0528', endpoint_variant: 'Fast', price_blended_usd_per_1m: 3, median_output_tokens_per_second: 342.7 });
    expect(find('Together.ai (Throughput)', 'DeepSeek R1 0528 (Throughput)')).toMatchObject({ host: 'Together.ai', base_model: 'DeepSeek R1 0528', endpoint_variant: 'Throughput' });
    expect(find('Deepinfra (Turbo, FP8)', 'Llama 3.3 70B (Turbo, FP8)')).toMatchObject({ host: 'Deepinfra', base_model: 'Llama 3.3 70B', endpoint_variant: 'Turbo', precision: 'FP8', price_blended_usd_per_1m: 0.06 });
    // A standard endpoint keeps its names; a model's own parentheses are not a variant.
    expect(find('OpenAI', 'GPT-5 (high)')).toMatchObject({ host: 'OpenAI', base_model: 'GPT-5 (high)', endpoint_variant: null, precision: null });
  });
});
