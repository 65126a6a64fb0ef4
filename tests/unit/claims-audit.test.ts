/**
 * Issue 10, the article half: the hostile fact-check, as tests on the real committed tables.
 * Each block names the finding it guards; each would fail on the code before the fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alteredData, csv, DATA, loadReport as load, resetReportAfterEach } from '../helpers/published-data.ts';

const ROOT = join(import.meta.dirname, '../..');

resetReportAfterEach();

describe('item 8: a method break is never drawn or read as a trend', () => {
  const best = csv('best_by_date.csv');

  it('every best_by_date row says how its snapshot was scored, one method per snapshot', () => {
    const methods = new Map<string, Set<string>>();
    for (const r of best) {
      expect(r.scoring_method, `${r.source}/${r.dataset} ${r.as_of}`).toBeTruthy();
      const key = `${r.source}|${r.dataset}|${r.metric}|${r.as_of}`;
      (methods.get(key) ?? methods.set(key, new Set()).get(key)!).add(r.scoring_method!);
    }
    for (const [key, m] of methods) expect(m.size, key).toBe(1);
  });

  it('the overnight jump of June 2024 (online Elo to Bradley–Terry) is a method break, with evidence', () => {
    const closed = (d: string) => best.find((r) => r.source === 'lmarena' && r.dataset === 'text-history' && r.as_of === d && r.openness === 'closed' && r.country_group === 'All')!;
    const before = closed('2024-06-26');
    const after = closed('2024-06-29');
    expect(Number(after.value) - Number(before.value)).toBeGreaterThan(100);
    expect(before.scoring_method).not.toBe(after.scoring_method);
    const ref = csv('reference/scoring_methods.csv');
    for (const m of [before.scoring_method, after.scoring_method]) expect(ref.find((r) => r.scoring_method === m)?.evidence?.length ?? 0).toBeGreaterThan(40);
  });

  it('Artificial Analysis re-basing its index (July 2026) is a method break too', () => {
    const aa = (d: string) => best.find((r) => r.source === 'artificialanalysis' && r.as_of === d && r.openness === 'closed' && r.country_group === 'All')!;
    expect(aa('2026-06-10').scoring_method).toBe(aa('2026-04-10').scoring_method);
    expect(aa('2026-07-10').scoring_method).not.toBe(aa('2026-06-10').scoring_method);
  });

  it('the gap chart breaks its lines and marks the change where the method changes', async () => {
    const { figure } = await import('../../src/lib/figures.ts');
    const { methodBreaks } = await import('../../src/charts/gap-over-time.ts');
    type GapPoint = import('../../src/charts/gap-over-time.ts').GapPoint;
    const { renderPlot } = await import('../../src/charts/render.ts');
    const f = figure('gap-arena');
    const rows = f.rows as unknown as (Omit<GapPoint, 'date' | 'method'> & { date: string; scoring_method: string })[];
    expect(new Set(rows.map((r) => r.scoring_method)).size).toBeGreaterThanOrEqual(2);
    const points = rows.map((r) => ({ ...r, date: new Date(`${r.date}T00:00:00Z`), method: r.scoring_method }));
    expect(methodBreaks(points).map((b) => b.date.toISOString().slice(0, 10))).toContain('2024-06-29');
    const svg = renderPlot(f.plot(640), { ariaLabel: f.title });
    expect(svg).toMatch(/stroke-dasharray="4,3"/);
    expect(svg).toMatch(/Scoring changes: Bradley–Terry/);
  });
});

describe('item 1: the verdict says what the gaps since the video show', () => {
  it('no gap claim compares two scoring methods, and each gap since the video is measured from the capture nearest it', async () => {
    const { byId } = await load();
    const best = csv('best_by_date.csv');
    const methodAt = (date: string, name: string) => best.find((r) => r.as_of === date && name.includes(r.best_model ?? '\u0000'))?.scoring_method;
    const c = byId.get('arena-gap-since-video')!;
    const dated = c.inputs.filter((i) => i.name.includes(': best closed'));
    const raw = dated.filter((i) => i.name.startsWith('LMArena raw'));
    expect(new Set(raw.map((i) => methodAt(i.date!, i.name))).size).toBe(1);
    const video = csv('reference/video.csv')[0]!;
    for (const i of c.inputs.filter((x) => x.name.includes('nearest the video'))) {
      expect(i.date! >= video.date_earliest! && i.date! <= video.date_latest!, i.name).toBe(true);
    }
  });

  it('since the video every gap widened on the real data, and the verdict says so instead of "closer to the closed frontier"', async () => {
    const { byId } = await load();
    const verdict = byId.get('verdict')!;
    expect(verdict.holds).toBe(true);
    expect(verdict.text).not.toMatch(/closer to the closed frontier/);
    expect(verdict.text).toMatch(/lead has grown since the video/);
    const gap = (name: string) => byId.get('arena-gap-since-video')!.inputs.find((i) => i.name === name)!.value as number;
    expect(gap('LMArena raw, latest: gap')).toBeGreaterThan(gap('LMArena raw, nearest the video: gap'));
    expect(gap('LMArena style-controlled, latest: gap')).toBeGreaterThan(gap('LMArena style-controlled, nearest the video: gap'));
  });

  it('gaps are also computed from 2023, on a fair baseline (yearly medians within each method)', async () => {
    const { byId } = await load();
    const c = byId.get('gap-since-2023')!;
    expect(c.holds).toBe(true);
    expect(c.inputs.some((i) => /median gap 2023/.test(i.name) && String(i.date).startsWith('2023'))).toBe(true);
    expect(c.text).toMatch(/median/);
  });

  it('if the best open model caught up after the video, the since-the-video sentence and the verdict fail', async () => {
    const dir = alteredData('best_by_date', (r) => (r.source === 'lmarena' && r.openness === 'open' && (r.as_of ?? '') > '2025-11-30' ? { ...r, value: String(Number(r.value) + 60) } : r));
    const { say } = await load(dir);
    expect(() => say('arena-gap-since-video')).toThrow(/no longer supported/);
    expect(() => say('verdict')).toThrow(/no longer supported/);
  });
});

describe('item 9: time words come from dates', () => {
  it('the video has a date window with evidence, on or after the release of Kimi K2 Thinking', () => {
    const video = csv('reference/video.csv').find((r) => r.event_id === 'video')!;
    const kimi = csv('models.csv').find((m) => m.model_id === 'kimi-k2-thinking')!;
    expect(video.date_earliest! >= kimi.release_date!).toBe(true);
    expect(video.date_latest! >= video.date_earliest!).toBe(true);
    expect(video.evidence).toMatch(/Kimi K2 Thinking/);
  });

  it('"since the video" is the span to the newest data, in whole months over the window', async () => {
    const { byId, v } = await load();
    const { dataAsOf } = await import('../../src/lib/provenance.ts');
    const newest = dataAsOf();
    const { min, max } = v.monthsSinceVideo(newest);
    expect(min).toBeLessThan(12);
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    expect(byId.get('verdict')!.text.toLowerCase()).toContain(min === max ? `${words[min]} months after the video` : `${words[min]} to ${words[max]} months after the video`);
  });

  it('the one-year-on grid starts at the capture nearest the video, never called "after" it', async () => {
    const { v } = await load();
    const cells = v.oneYearOn();
    const { PERIOD_LABEL } = await import('../../src/lib/labels.ts');
    expect(Object.values(PERIOD_LABEL).some((label) => /after the video/i.test(label))).toBe(false);
    const w = v.videoWindow();
    const lmarena = cells.find((c) => c.board === 'lmarena-open' && c.period === 'near-video')!;
    // LMArena has a capture inside the video's window: the grid must use it, not a later one.
    expect(lmarena.date >= w.earliest && lmarena.date <= w.latest).toBe(true);
  });

  it('no page or README text says "a year" where the span is computed', () => {
    for (const file of ['src/pages/index.astro', 'README.md', 'src/lib/figures.ts']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(/\b(a|one) year (after|on|later)\b/i);
    }
  });
});

describe('item 10: words the video did not say', () => {
  it('the reasons are incentives and infrastructure; custom chips are gone', () => {
    for (const file of ['src/pages/index.astro', 'README.md']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(/rather than talent|not talent|custom chips/i);
      expect(text, file).toMatch(/incentives and infrastructure/);
    }
  });
});

describe('item 3: unknown is not drawn as "not released"', () => {
  it('Nemotron 3 Ultra is partly released on the Openness Index evidence, not ✕', async () => {
    const { v } = await load();
    const models = v.spectrumModels();
    const cells = v.spectrumCells(models);
    const nemo = cells.find((c) => c.model.startsWith('Nemotron 3 Ultra') && c.part === 'training-data');
    expect(nemo?.released).toBe('partly');
  });

  it('every "no" for an open model rests on evidence; a model with nothing recorded is "unknown"', async () => {
    const { v } = await load();
    const disclosure = new Map(csv('reference/training_disclosure.csv').map((d) => [d.model_id, d]));
    const models = v.spectrumModels();
    for (const m of models.filter((x) => x.openness !== 'closed')) {
      const cell = v.spectrumCells([m]).find((c) => c.part === 'training-data')!;
      if (cell.released === 'no') expect(disclosure.get(m.model_id)?.pretraining_data, m.model_id).toBe('0');
    }
    const blank = { ...models.find((m) => m.openness === 'open-weight')!, model_id: 'no-such-model', training_data_released: null, training_code_released: null };
    const cells = v.spectrumCells([blank]);
    expect(cells.find((c) => c.part === 'training-data')!.released).toBe('unknown');
    expect(cells.find((c) => c.part === 'training-code')!.released).toBe('unknown');
  });

  it('the chart draws unknown differently and its key explains every mark', async () => {
    const { opennessSpectrum, SPECTRUM_KEY } = await import('../../src/charts/openness-spectrum.ts');
    const { renderPlot } = await import('../../src/charts/render.ts');
    const base = { model: 'M', openness: 'open-weight' as const, detail: '' };
    const svg = renderPlot(opennessSpectrum([
      { ...base, component: 'Weights', released: 'yes' }, { ...base, component: 'Training code', released: 'no' },
      { ...base, component: 'Training data', released: 'unknown' }, { ...base, component: 'Licence', released: 'partly' },
    ], { width: 640 }), { ariaLabel: 'spectrum' });
    expect(svg).toMatch(/stroke-dasharray="3,2"/);
    for (const mark of ['✕', '?', 'part']) expect(svg).toContain(`>${mark}<`);
    for (const words of ['released', 'partly released', 'not released', 'not recorded']) expect(SPECTRUM_KEY).toContain(words);
  });
});

describe('item 5: a takeaway never names a row its chart hides', () => {
  it('every model a figure takeaway names is among the rows the figure draws', async () => {
    await load();
    const { allFigures } = await import('../../src/lib/figures.ts');
    const v = await import('../../src/lib/views.ts');
    const names = new Set([...v.aaBoard().map((r) => r.model), ...v.arenaBoard().rows.map((r) => r.model)]);
    for (const f of allFigures()) {
      const drawn = new Set((f.rows as Record<string, unknown>[]).map((r) => String(r.model ?? '')));
      if (![...drawn].some((d) => names.has(d))) continue;
      // Longest names first, so "Kimi K2.6" is not read as "Kimi K2".
      let text = f.takeaway;
      for (const n of [...names].sort((a, b) => b.length - a.length)) {
        if (!text.includes(n)) continue;
        expect(drawn.has(n), `${f.id} names ${n}, which its chart does not draw`).toBe(true);
        text = text.split(n).join('');
      }
    }
  });
});

describe('figure takeaways are checked claims', () => {
  it('each takeaway of the article half (and the memory and downloads figures) is the text of a claim fig-<id> that holds', async () => {
    const { byId } = await load();
    const { allFigures } = await import('../../src/lib/figures.ts');
    const checked = ['ranking-all', 'ranking-open', 'ranking-arena', 'openness-spectrum', 'notable-open-by-country', 'licences-by-country', 'memory', 'downloads-reported', 'gap-arena', 'eci-frontier', 'one-year-on'];
    const figs = new Map(allFigures().map((f) => [f.id, f]));
    for (const id of checked) {
      const c = byId.get(`fig-${id}`);
      expect(c, id).toBeDefined();
      expect(c!.holds, id).toBe(true);
      expect(figs.get(id)?.takeaway, id).toBe(c!.text);
    }
  });
});

describe('the video’s other points', () => {
  it('"the US can’t win the open chart again" is tested against Nemotron 3 Ultra, and fails if it led', async () => {
    const { byId } = await load();
    expect(byId.get('us-open-chart')!.text).toMatch(/Nemotron 3 Ultra/);
    const dir = alteredData('scores', (r) => (r.model_id === 'nvidia-nemotron-3-ultra-550b-a55b' && r.metric === 'aa_intelligence_index' ? { ...r, value: '99' } : r));
    const { say } = await load(dir);
    expect(() => say('us-open-chart')).toThrow(/no longer supported/);
  });

  it('gpt-oss downloads come from the hf-api captures, with their date', async () => {
    if (!existsSync(join(DATA, 'sources/hf-api'))) return void console.warn('skipped: no data/sources/hf-api');
    const { byId } = await load();
    const c = byId.get('gpt-oss-downloads')!;
    expect(c.holds).toBe(true);
    expect(c.text).toMatch(/13 September 2025/);
    expect(c.inputs.find((i) => i.name.includes('gpt-oss-20b downloads'))?.value).toBe(8458222);
  });
});

describe('claims.md', () => {
  it('is generated from the claims, deterministically, and the committed copy is current', async () => {
    const { buildClaims } = await load();
    const { claimsMarkdown } = await import('../../tools/claims-report.ts');
    const md = claimsMarkdown(buildClaims());
    expect(claimsMarkdown(buildClaims())).toBe(md);
    expect(readFileSync(join(DATA, 'reports/claims.md'), 'utf8')).toBe(md);
  });

  it('every claim of the article half has a rule, dated inputs and what would falsify it', async () => {
    const { byId } = await load();
    const mine = ['arena-near-video', 'aa-top-us', 'aa-open-top-cn', 'aa-best-open', 'arena-best-open', 'names-changed', 'gpt-oss-beside', 'gpt-oss-downloads', 'us-open-chart', 'spectrum-few-open-source',
      'open-share-cn-higher', 'licences-cn-permissive', 'local-best', 'arena-gap-since-video', 'aa-gap-since-video', 'aa-closed-still-leads', 'eci-gap-since-video', 'gap-since-2023', 'eci-lag', 'verdict'];
    for (const id of mine) {
      const c = byId.get(id);
      expect(c, id).toBeDefined();
      expect(c!.inputs.length, id).toBeGreaterThan(0);
      expect(c!.inputs.every((i) => i.date), id).toBe(true);
      expect(c!.falsifiedBy.length, id).toBeGreaterThan(20);
    }
  });
});
