import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { k2VendorVerifier, type K2vvRow, type KvvRow } from '../../scrapers/k2-vendor-verifier.ts';
import type { Capture } from '../../scrapers/lib/source.ts';
import { ReplayTransport, sha256, type ManifestEntry } from '../../scrapers/lib/transport.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

const SOURCE = 'k2-vendor-verifier';
const raw = (file: string) => readFileSync(snapshotPath(file), 'utf8');

/** Independent count, K2VV: <tr> elements holding a <td>, inside every <table>. */
const htmlBodyRows = (md: string) =>
  [...md.matchAll(/<table\b[\s\S]*?<\/table>/gi)].reduce((n, t) => n + [...t[0].matchAll(/<tr\b[\s\S]*?<\/tr>/gi)].filter((tr) => /<td\b/i.test(tr[0])).length, 0);

/** Independent count, KVV: pipe lines under the "| Provider |" header line, separator excluded. */
function pipeBodyRows(md: string): number {
  const lines = md.split('\n');
  const head = lines.findIndex((l) => /^\|\s*Provider\s*\|/.test(l));
  let n = 0;
  for (let i = head + 2; head >= 0 && i < lines.length && lines[i]!.trim().startsWith('|'); i++) n++;
  return n;
}

/** Parses one manifest entry directly (every capture, including those a later same-day capture supersedes in replay). */
function parseEntry(e: ManifestEntry) {
  const bytes = readFileSync(snapshotPath(e.file));
  const capture: Capture = { mode: 'replay', bytes, url: e.live_url, asOf: e.as_of, fetchedAt: `${e.captured}T00:00:00Z`, sha256: sha256(bytes), captured: e.captured, replayFile: e.file };
  const target = k2VendorVerifier.targets().find((t) => t.dataset === e.dataset && t.format === e.format)!;
  expect(target, `no target for ${e.dataset}`).toBeDefined();
  const spec = k2VendorVerifier.formats[e.format]!;
  return { versions: spec.parse(capture, target), spec };
}

const latest = (dataset: string) => manifestEntries({ source: SOURCE, dataset }).sort((a, b) => a.captured.localeCompare(b.captured) || a.file.localeCompare(b.file)).at(-1)!;

describeReplay('k2-vendor-verifier replay over every capture', () => {
  const entries = manifestEntries({ source: SOURCE });

  it('covers every capture in the manifest', () => {
    expect(entries.filter((e) => e.dataset === 'kimi-k2')).toHaveLength(9);
    expect(entries.filter((e) => e.dataset === 'unmerged-third-party')).toHaveLength(1);
    expect(entries.filter((e) => e.dataset === 'kimi-k3')).toHaveLength(8);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: one version at the manifest as_of, one row per table row', (_file, e) => {
    const { versions, spec } = parseEntry(e);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.asOf).toBe(e.as_of);
    const text = raw(e.file);
    const expected = e.format === 'kvv-readme-md' ? pipeBodyRows(text) : htmlBodyRows(text);
    expect(expected).toBeGreaterThan(0);
    expect(versions[0]!.rows).toHaveLength(expected);
    for (const row of versions[0]!.rows) spec.row.parse(row);
  });

  it('eras: similarity up to the 2025-10-10 table, f1 from 2025-10-23; only the PR capture is flagged', () => {
    for (const e of entries.filter((x) => x.format === 'k2vv-readme-md')) {
      const rows = parseEntry(e).versions[0]!.rows as K2vvRow[];
      expect(new Set(rows.map((r) => r.metric_era))).toEqual(new Set([e.as_of <= '2025-10-10' ? 'similarity' : 'f1']));
      expect(rows.every((r) => r.unmerged_third_party === (e.dataset === 'unmerged-third-party'))).toBe(true);
    }
  });

  it('spot values: latest kimi-k2 README (both models, merged cells, no Fireworks-via-OpenRouter row)', () => {
    const e = latest('kimi-k2');
    expect(e.file).toContain('0bc5061');
    const rows = parseEntry(e).versions[0]!.rows as K2vvRow[];
    const find = (model: string, vendor: string) => rows.filter((r) => r.model === model && r.vendor === vendor);
    expect(rows.filter((r) => r.model === 'kimi-k2-thinking')).toHaveLength(15);
    expect(rows.filter((r) => r.model === 'kimi-k2-0905-preview')).toHaveLength(16);
    expect(find('kimi-k2-thinking', 'SiliconFlow')).toEqual([expect.objectContaining({
      api_source: 'https://siliconflow.cn', group: 'acceptable', tool_call_f1_pct: null, f1_threshold_pct: 73,
      count_finish_reason_tool_calls: 2119, count_successful_tool_call: 2097, schema_accuracy_pct: 98.96,
      test_date: '2025-11-15', test_settings: 'temperature=1.0; max_tokens=64000',
    })]);
    expect(find('kimi-k2-thinking', 'NovitaAI')[0]).toMatchObject({ group: 'below-threshold', tool_call_f1_pct: 72.22, schema_accuracy_pct: 96.46 });
    expect(find('kimi-k2-thinking', 'Fireworks').map((r) => r.api_source)).toEqual(['https://fireworks.ai']);
    expect(find('kimi-k2-0905-preview', 'MoonshotAI')[0]).toMatchObject({ group: 'official-reference', tool_call_f1_pct: null, count_finish_reason_tool_calls: 1274 });
    expect(find('kimi-k2-0905-preview', 'Nebius')[0]).toMatchObject({ group: 'below-threshold', tool_call_f1_pct: 50.6, f1_threshold_pct: 80, count_successful_tool_call: 544, schema_accuracy_pct: 84.47 });
  });

  it('spot values: the earlier README still lists Fireworks twice for K2-Thinking (own API and via OpenRouter)', () => {
    const e = entries.find((x) => x.file.includes('65b9ce2'))!;
    const rows = parseEntry(e).versions[0]!.rows as K2vvRow[];
    expect(rows.filter((r) => r.model === 'kimi-k2-thinking' && r.vendor === 'Fireworks').map((r) => [r.api_source, r.group, r.tool_call_f1_pct])).toEqual([
      ['https://fireworks.ai', 'acceptable', null],
      ['https://openrouter.ai', 'below-threshold', 67.38],
    ]);
  });

  it('spot values: the unmerged PR #6 capture and its third-party Groq row', () => {
    const rows = parseEntry(latest('unmerged-third-party')).versions[0]!.rows as K2vvRow[];
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.vendor.startsWith('Groq'))).toEqual([expect.objectContaining({
      model: 'kimi-k2-0905-preview', vendor: 'Groq (99 samples, normalized)', vendor_url: 'https://groq.com/', metric_era: 'similarity',
      similarity_pct: 92.65, count_finish_reason_stop: 67, count_finish_reason_tool_calls: 30, count_finish_reason_others: 1,
      count_schema_validation_error: 0, count_successful_tool_call: 30, unmerged_third_party: true, test_date: '2025-09-22',
    })]);
    expect(rows[0]).toMatchObject({ vendor: 'MoonshotAI', group: 'official-reference', similarity_pct: null, count_finish_reason_stop: 1437 });
  });

  it('spot values: latest kimi-k3 README', () => {
    const e = latest('kimi-k3');
    expect(e.file).toContain('a03747e');
    const rows = parseEntry(e).versions[0]!.rows as KvvRow[];
    const by = Object.fromEntries(rows.map((r) => [r.vendor, r]));
    expect(by['Together']).toMatchObject({ model: 'kimi-k3', thinking_effort: 'max', listed_order: 4, ocrbench_pct: 89.7, mmmu_pro_vision_pct: 82, beam_1m_pct: 31.6, deepswe_pct: 67.8, notes: null });
    expect(by['DigitalOcean']).toMatchObject({ beam_1m_pct: null, deepswe_pct: null, pending: 'BEAM (1M);DeepSWE' });
    expect(by['Inferact (vLLM ref.)']).toMatchObject({ beam_1m_pct: 31.88, deepswe_pct: 69.5 });
    expect(by['Fireworks']!.beam_1m_pct).toBe(30.37);
  });

  it('the percent-typed DeepSWE cells of the two quickly-fixed commits read as the same number as their fixes', () => {
    const bad = parseEntry(entries.find((x) => x.file.includes('8d96ce1'))!).versions[0]!.rows as KvvRow[];
    const fixed = parseEntry(entries.find((x) => x.file.includes('156a880'))!).versions[0]!.rows as KvvRow[];
    expect(bad.find((r) => r.vendor === 'Together')).toMatchObject({ deepswe_pct: 67.8, notes: expect.stringContaining('67.8') });
    expect(fixed.find((r) => r.vendor === 'Together')).toMatchObject({ deepswe_pct: 67.8, notes: null });
  });

  it('the replay transport yields one version per as_of for each target', async () => {
    const transport = new ReplayTransport(SNAPSHOTS_DIR);
    const dates: Record<string, string[]> = {};
    for (const target of k2VendorVerifier.targets()) {
      const captures = await transport.fetch(SOURCE, target, { allDates: true });
      dates[target.dataset] = captures.flatMap((c) => k2VendorVerifier.formats[target.format]!.parse(c, target).map((v) => v.asOf));
    }
    expect(dates).toEqual({
      'kimi-k2': ['2025-09-22', '2025-10-10', '2025-10-23', '2025-11-15'],
      'unmerged-third-party': ['2025-09-22'],
      'kimi-k3': ['2026-07-27', '2026-07-28', '2026-08-04', '2026-08-11', '2026-08-13'],
    });
  });
});
