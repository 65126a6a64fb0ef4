import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import { openrouter, VARIABLE_PRICE_NOTE, type OpenrouterRow } from '../../scrapers/openrouter.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

/** The raw model list, read without the parser under test. */
function rawModels(file: string): Record<string, any>[] {
  const doc = JSON.parse(readFileSync(snapshotPath(file), 'utf8'));
  return Array.isArray(doc) ? doc : doc.data;
}

async function parseEntry(file: string, dataset: string, format: string): Promise<{ asOf: string; rows: OpenrouterRow[] }> {
  const target = openrouter.targets().find((t) => t.dataset === dataset && t.format === format)!;
  expect(target, `no target for ${dataset}/${format}`).toBeDefined();
  const captures = await new ReplayTransport(SNAPSHOTS_DIR).fetch('openrouter', target, { allDates: true });
  const capture = captures.find((c) => c.replayFile === file)!;
  const [version, ...more] = openrouter.formats[format]!.parse(capture, target);
  expect(more).toHaveLength(0);
  return version as { asOf: string; rows: OpenrouterRow[] };
}

describeReplay('openrouter replay over every capture', () => {
  const entries = manifestEntries({ source: 'openrouter' });

  it('covers both OpenRouter captures', () => {
    expect(entries.map((e) => e.format).sort()).toEqual(['openrouter-models-json', 'openrouter-models-list-json']);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: one row per model of the raw file', async (file, entry) => {
    const { asOf, rows } = await parseEntry(file, entry.dataset, entry.format);
    const models = rawModels(file);
    expect(asOf).toBe(entry.as_of);
    expect(rows.length).toBe(models.length);
    expect(rows.map((r) => r.id)).toEqual(models.map((m) => m.id));
    for (const row of rows) openrouter.formats[entry.format]!.row.parse(row);
    // Routers priced -1 in the file, and only they, are blank with a note.
    const negative = models.filter((m) => String(m.pricing.prompt).startsWith('-')).map((m) => m.id);
    expect(rows.filter((r) => r.price_note === VARIABLE_PRICE_NOTE).map((r) => r.id)).toEqual(negative);
    // Every other price is the per-token string × 1e6.
    for (const [i, m] of models.entries()) {
      if (String(m.pricing.prompt).startsWith('-')) continue;
      expect(rows[i]!.prompt_price_per_1m).toBeCloseTo(Number(m.pricing.prompt) * 1e6, 9);
      expect(rows[i]!.completion_price_per_1m).toBeCloseTo(Number(m.pricing.completion) * 1e6, 9);
    }
  });

  it('tools-subset: every model supports tools (the collector\'s filter)', async () => {
    const e = entries.find((x) => x.dataset === 'tools-subset')!;
    const { rows } = await parseEntry(e.file, e.dataset, e.format);
    expect(rows.every((r) => r.supports_tools === true)).toBe(true);
  });

  it('spot values: Kimi K2 Thinking and the routers', async () => {
    const m = entries.find((x) => x.dataset === 'models')!;
    const { rows } = await parseEntry(m.file, m.dataset, m.format);
    const raw = rawModels(m.file).find((x) => x.id === 'moonshotai/kimi-k2-thinking')!;
    expect(raw.pricing).toMatchObject({ prompt: '0.0000006', completion: '0.0000025' });
    expect(rows.find((r) => r.id === 'moonshotai/kimi-k2-thinking')).toEqual({
      id: 'moonshotai/kimi-k2-thinking', canonical_slug: 'moonshotai/kimi-k2-thinking-20251106', name: 'MoonshotAI: Kimi K2 Thinking', created: '2025-11-06',
      context_length: 262144, prompt_price_per_1m: 0.6, completion_price_per_1m: 2.5, price_note: null, hugging_face_id: 'moonshotai/Kimi-K2-Thinking',
      knowledge_cutoff: null, supports_tools: true, endpoints_url: `https://openrouter.ai${raw.links.details}`,
    });
    expect(rows.filter((r) => r.price_note).map((r) => r.id)).toEqual(['openrouter/pareto-code', 'openrouter/bodybuilder', 'openrouter/auto']);

    const t = entries.find((x) => x.dataset === 'tools-subset')!;
    const tools = (await parseEntry(t.file, t.dataset, t.format)).rows;
    expect(tools.find((r) => r.id === 'moonshotai/kimi-k2-thinking')).toMatchObject({ prompt_price_per_1m: 0.6, completion_price_per_1m: 2.5, context_length: 262144, created: '2025-11-06' });
    expect(tools.find((r) => r.id === 'openai/gpt-oss-20b:free')).toMatchObject({ prompt_price_per_1m: 0, hugging_face_id: 'openai/gpt-oss-20b' });
  });
});
