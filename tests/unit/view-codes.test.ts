/**
 * Views return codes, not display labels (issue 14, item 3): the one-year-on grid, the frontier
 * sides, the verifier metrics and routes, the openness-spectrum parts. Each assertion names the
 * rule it guards; the labels exist only in src/lib/labels.ts and are applied by the figures.
 * Runs on the committed data/ tables.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.REPORT_DATA_DIR = join(import.meta.dirname, '../../data');
const v = await import('../../src/lib/views.ts');
const { allFigures } = await import('../../src/lib/figures.ts');
const labels = await import('../../src/lib/labels.ts');

describe('the one-year-on grid is keyed by board id, side and period code', () => {
  const cells = v.oneYearOn();

  it('every cell names a board id and period code that has a label, never a label itself', () => {
    for (const c of cells) {
      expect(Object.keys(labels.BOARD_LABEL), `board ${c.board}`).toContain(c.board);
      expect(['near-video', 'latest'], `period ${c.period}`).toContain(c.period);
    }
    expect(cells.map((c) => c.board)).not.toContain('LMArena, best open model');
  });

  it('the side of a board is data (openness), not read from its name: closed boards are the closed side', () => {
    expect(cells.filter((c) => c.openness === 'closed').map((c) => c.board).sort()).toEqual(['aa-closed', 'aa-closed', 'lmarena-closed', 'lmarena-closed']);
    expect(new Set(cells.filter((c) => c.openness === 'open').map((c) => c.board))).toEqual(new Set(['aa-open', 'lmarena-open', 'models-dev-most-hosted']));
  });

  it('each board has one near-video and one latest cell', () => {
    for (const board of new Set(cells.map((c) => c.board))) {
      expect(cells.filter((c) => c.board === board).map((c) => c.period).sort(), board).toEqual(['latest', 'near-video']);
    }
  });

  it('the figure applies the labels: its rows carry the words, in the view\'s order', () => {
    const fig = allFigures().find((f) => f.id === 'one-year-on')!;
    expect(fig.rows.map((r) => (r as { board: string }).board)).toEqual(cells.map((c) => labels.BOARD_LABEL[c.board]));
    expect(fig.rows.map((r) => (r as { period: string }).period)).toEqual(cells.map((c) => labels.PERIOD_LABEL[c.period]));
  });
});

describe('frontier sides are codes', () => {
  it('Epoch frontier steps and LMArena gap points are "open" or "closed"; the figures label them', () => {
    const { steps } = v.eciFrontier();
    expect(new Set(steps.map((s) => s.side))).toEqual(new Set(['open', 'closed']));
    expect(new Set(v.gapPoints(v.bestSeries('lmarena', 'lmarena_text_rating')).map((p) => p.side))).toEqual(new Set(['open', 'closed']));
    const eci = allFigures().find((f) => f.id === 'eci-frontier')!;
    expect(new Set(eci.rows.map((r) => (r as { side: string }).side))).toEqual(new Set(['Best open model', 'Best closed model']));
  });
});

describe('the vendor verifier returns metric ids and routes apart', () => {
  it('K2 points carry metric ids and the route; the figure names both', () => {
    const k2 = v.verifierK2();
    expect(new Set(k2.points.map((p) => p.metric))).toEqual(new Set(['schema_accuracy_pct', 'tool_call_f1_pct']));
    expect(k2.points.some((p) => p.vendor.includes('(via OpenRouter)'))).toBe(false);
    const routed = k2.points.find((p) => p.route === 'via OpenRouter')!;
    const fig = allFigures().find((f) => f.id === 'vendor-verifier')!;
    expect(fig.rows).toContainEqual(expect.objectContaining({ vendor: `${routed.vendor} (via OpenRouter)`, metric: labels.verifierMetricLabel(routed.metric), value: routed.value }));
  });

  it('K3 points carry metric ids', () => {
    expect(new Set(v.verifierK3().points.map((p) => p.metric))).toEqual(new Set(['deepswe_pct', 'beam_1m_pct']));
  });
});

describe('the openness spectrum returns part codes and model ids', () => {
  it('four parts per model, keyed by model_id; the figure turns parts into column names', () => {
    const models = v.spectrumModels();
    const cells = v.spectrumCells(models);
    for (const m of models) expect(cells.filter((c) => c.model_id === m.model_id).map((c) => c.part), m.model_id).toEqual(['weights', 'training-code', 'training-data', 'licence']);
    const fig = allFigures().find((f) => f.id === 'openness-spectrum')!;
    expect([...new Set(fig.rows.map((r) => (r as { component: string }).component))]).toEqual(Object.values(labels.SPECTRUM_PART_LABEL));
  });
});
