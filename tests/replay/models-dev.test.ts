import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runSources } from '../../scrapers/lib/run.ts';
import type { Target } from '../../scrapers/lib/source.ts';
import { readTree, ReplayTransport } from '../../scrapers/lib/transport.ts';
import { API_URL, modelsDev, parseModelsDevApi, parseModelsDevTomlTree, TOML_TREE_TARGET, type ModelsDevRow } from '../../scrapers/models-dev.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

type Catalogue = Record<string, { name: string; models: Record<string, Record<string, any>> }>;

/** The raw catalogue, read without the parser under test (gzip told by its magic number). */
function raw(file: string): Catalogue {
  const bytes = readFileSync(snapshotPath(file));
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return JSON.parse(new TextDecoder().decode(plain));
}
const modelCount = (c: Catalogue) => Object.values(c).reduce((n, p) => n + Object.keys(p.models).length, 0);

async function parseEntry(file: string, format: string): Promise<{ asOf: string; rows: ModelsDevRow[] }> {
  const target: Target = { dataset: 'api', format, url: API_URL };
  const captures = await new ReplayTransport(SNAPSHOTS_DIR).fetch('models-dev', target, { allDates: true });
  const capture = captures.find((c) => c.replayFile === file)!;
  expect(capture, `no capture for ${file}`).toBeDefined();
  const versions = modelsDev.formats[format]!.parse(capture, target);
  expect(versions).toHaveLength(1);
  return versions[0] as { asOf: string; rows: ModelsDevRow[] };
}

describeReplay('models-dev replay over every capture', () => {
  const entries = manifestEntries({ source: 'models-dev' }).filter((e) => e.format.startsWith('models-dev-api-json'));

  it('covers the 8 api.json captures (7 gzipped, 1 plain)', () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(entries.filter((e) => e.format === 'models-dev-api-json').length).toBeGreaterThanOrEqual(1);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: one row per (provider, model) of the raw file', async (file, entry) => {
    const { asOf, rows } = await parseEntry(file, entry.format);
    const catalogue = raw(file);
    expect(asOf).toBe(entry.as_of);
    expect(rows.length).toBe(modelCount(catalogue));
    expect(new Set(rows.map((r) => r.provider_id)).size).toBe(Object.keys(catalogue).length);
    for (const row of rows) modelsDev.formats[entry.format]!.row.parse(row);
    // Every price in the file comes through unchanged (already USD per 1M tokens).
    const first = rows.find((r) => r.input_price_per_1m !== null)!;
    expect(first.input_price_per_1m).toBe(catalogue[first.provider_id]!.models[first.model_id]!.cost.input);
  });

  it('the plain 2026-08-22 file and its gzip give identical rows', async () => {
    const plain = entries.find((e) => e.format === 'models-dev-api-json' && e.as_of === '2026-08-22')!;
    const gz = entries.find((e) => e.format === 'models-dev-api-json.gz' && e.as_of === '2026-08-22')!;
    expect((await parseEntry(plain.file, plain.format)).rows).toEqual((await parseEntry(gz.file, gz.format)).rows);
  });

  it('spot values: Kimi K2, DeepSeek and Claude prices per 1M tokens match the raw file and the labs\' published prices', async () => {
    const file = entries.find((e) => e.as_of === '2026-01-12')!.file;
    const { rows } = await parseEntry(file, 'models-dev-api-json.gz');
    const get = (p: string, m: string) => rows.find((r) => r.provider_id === p && r.model_id === m)!;
    const catalogue = raw(file);
    const kimi = catalogue['moonshotai']!.models['kimi-k2-0711-preview']!;
    expect(get('moonshotai', 'kimi-k2-0711-preview')).toMatchObject({
      provider_name: 'Moonshot AI', open_weights: true, release_date: '2025-07-14', input_price_per_1m: 0.6, output_price_per_1m: 2.5,
      context_limit: kimi.limit.context, output_limit: kimi.limit.output, tool_call: kimi.tool_call, knowledge_cutoff: kimi.knowledge ?? null,
    });
    expect(get('deepseek', 'deepseek-chat')).toMatchObject({ input_price_per_1m: 0.28, output_price_per_1m: 0.42, release_date: '2024-12-26', knowledge_cutoff: '2024-07' });
    expect(get('anthropic', 'claude-opus-4-1')).toMatchObject({ input_price_per_1m: 15, output_price_per_1m: 75, open_weights: false });
    // The hand-typed impossible date in the source is blanked and quoted, not guessed.
    expect(catalogue['azure']!.models['claude-haiku-4-5']!.knowledge).toBe('2025-02-31');
    expect(get('azure', 'claude-haiku-4-5')).toMatchObject({ knowledge_cutoff: null, issues: 'knowledge "2025-02-31" is not a calendar date: left blank' });
  });

  it('runs end to end: one version per as_of, the newest capture of each date', async () => {
    const out = mkdtempSync(join(tmpdir(), 'models-dev-replay-'));
    try {
      const summary = await runSources([modelsDev], { transport: new ReplayTransport(SNAPSHOTS_DIR), outDir: out, allDates: true });
      const gz = entries.filter((e) => e.format === 'models-dev-api-json.gz');
      expect(summary.map((s) => s.status)).toEqual(gz.map(() => 'written'));
      expect(summary.map((s) => [s.asOf, s.rows])).toEqual(gz.sort((a, b) => a.as_of.localeCompare(b.as_of)).map((e) => [e.as_of, modelCount(raw(e.file))]));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describeReplay('models-dev TOML tree (parser ready, target not listed)', () => {
  const tomlEntry = manifestEntries({ source: 'models-dev', format: 'models-dev-toml-tree' })[0];
  const modelsDir = snapshotPath('models-dev/models');

  it('the stored providers/-only capture fails loudly on base_model (why TOML_TREE_TARGET is not in targets())', async () => {
    expect(tomlEntry).toBeDefined();
    expect(modelsDev.targets().some((t) => t.format === 'models-dev-toml-tree')).toBe(false);
    const target = { ...TOML_TREE_TARGET, url: tomlEntry!.live_url };
    const [capture] = await new ReplayTransport(SNAPSHOTS_DIR).fetch('models-dev', target, { allDates: true });
    expect(capture!.files).toBeDefined();
    expect(() => modelsDev.formats['models-dev-toml-tree']!.parse(capture!, target)).toThrow(/base_model .* not found/);
  });

  it.runIf(existsSync(modelsDir))('with models/ beside it, the tree rebuilds api.json of 2026-07-01 row for row', () => {
    const files: Record<string, Uint8Array> = {};
    for (const [k, v] of Object.entries(readTree(snapshotPath(tomlEntry!.file)))) files[`providers/${k}`] = v;
    for (const [k, v] of Object.entries(readTree(modelsDir))) files[`models/${k}`] = v;
    const rows = parseModelsDevTomlTree(files);
    // Independent count: the model TOML files under providers/<p>/models/.
    const countToml = (dir: string): number => readdirSync(dir, { withFileTypes: true })
      .reduce((n, d) => n + (d.isDirectory() ? countToml(join(dir, d.name)) : d.name.endsWith('.toml') ? 1 : 0), 0);
    const providersDir = snapshotPath(tomlEntry!.file);
    const expected = readdirSync(providersDir).filter((p) => existsSync(join(providersDir, p, 'models'))).reduce((n, p) => n + countToml(join(providersDir, p, 'models')), 0);
    expect(rows.length).toBe(expected);

    const api = parseModelsDevApi(readFileSync(snapshotPath(manifestEntries({ source: 'models-dev' }).find((e) => e.as_of === '2026-07-01')!.file)));
    const key = (r: ModelsDevRow) => `${r.provider_id}|${r.model_id}`;
    const byKey = new Map(api.map((r) => [key(r), r]));
    const differing = rows.filter((r) => byKey.has(key(r)) && JSON.stringify(r) !== JSON.stringify(byKey.get(key(r))!)).map(key);
    const onlyTree = rows.filter((r) => !byKey.has(key(r))).map(key);
    // The tree is one day newer (HEAD "fix glm-5.1 price", one model added); everything else is identical.
    expect(differing).toEqual(['zhipuai|glm-5.1']);
    expect(onlyTree).toEqual(['github-copilot|claude-sonnet-5']);
    expect(rows.length).toBe(api.length + 1);
  });
});
