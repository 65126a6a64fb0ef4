/**
 * Every model a figure names has a row in models.csv (issue 16): the LMArena ranking, the
 * best-open/best-closed series on LMArena, the one-year-on grid and the Epoch index frontier
 * name models by the source's own spelling, and a name that joins nothing there is a model the
 * reader sees but the tables cannot describe (no lab row, no openness evidence, no licence).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.REPORT_DATA_DIR = join(import.meta.dirname, '../../data');
const v = await import('../../src/lib/views.ts');
const { tables } = await import('../../src/lib/tables.ts');

describe('names in figures', () => {
  const models = new Set(tables.models().map((m) => m.model_id));
  const unmatched: string[] = [];
  const check = (figure: string, name: string, modelId: string | null | undefined) => {
    if (!modelId || !models.has(modelId)) unmatched.push(`${figure}: ${name}`);
  };

  it('every model a figure names has a models.csv row (0 unmatched)', () => {
    const { asOf, dataset } = v.arenaBoard();
    for (const r of v.top(v.arenaBoard().rows, 15)) {
      const s = tables.scores().find((x) => x.source === 'lmarena' && x.dataset === dataset && x.as_of === asOf && x.source_model === r.source_model);
      check('ranking-arena', r.source_model, s?.model_id);
    }
    for (const b of v.bestSeries('lmarena', 'lmarena_text_rating')) check('gap-arena', b.best_model, b.model_id);
    // one-year-on and the LMArena leaders read best_by_date: every headline series, overall.
    for (const b of tables.best().filter((r) => r.country_group === 'All')) check(`best_by_date ${b.source}/${b.metric}`, b.best_model, b.model_id);
    const eci = tables.scores().filter((s) => s.metric === 'epoch_eci');
    for (const step of v.eciFrontier().steps) {
      const s = eci.find((x) => x.release_date === step.date && x.value === step.value && (x.openness === 'closed') === (step.side === 'closed'));
      check('eci-frontier', step.model, s?.model_id);
    }
    expect([...new Set(unmatched)]).toEqual([]);
  });

  it('the models a figure adds beyond Artificial Analysis carry a lab and a release date where the source gives one', () => {
    const extra = tables.models().filter((m) => m.source === 'reference');
    expect(extra.length).toBeGreaterThan(0);
    expect(extra.filter((m) => !m.lab_id).map((m) => m.model_id)).toEqual([]);
  });
});
