/**
 * The data-truth of the published tables (issue 16), checked on the committed data/*.csv:
 * joins between sources never merge two versions, licences follow their licence texts, evidence
 * and repositories are what they claim to be, and every model a figure names has a models.csv row.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairContradictions } from '../../normalize/pair-check.ts';

const DATA = join(import.meta.dirname, '../../data');
const table = (file: string) => parse(readFileSync(join(DATA, file)), { columns: true, bom: true }) as Record<string, string>[];
const models = table('models.csv');
const byId = new Map(models.map((m) => [m.model_id!, m]));
const scores = table('scores.csv');

describe('joins between sources (scores.csv → models.csv)', () => {
  const pairs = new Map<string, Record<string, string>>();
  for (const s of scores) if (s.model_id && s.source !== 'artificialanalysis') pairs.set(`${s.source}|${s.source_model}|${s.model_id}`, s);

  it('every matched pair says how it matched', () => {
    const missing = [...pairs.values()].filter((s) => !['exact', 'alias', 'family'].includes(s.match_kind!)).map((s) => `${s.source} ${s.source_model}`);
    expect(missing).toEqual([]);
  });

  it('no matched pair contradicts itself: release dates within 3 months, same modality', () => {
    const bad: string[] = [];
    for (const s of pairs.values()) {
      const m = byId.get(s.model_id!)!;
      // Epoch states a release date per version; LMArena only inside a dated id ("claude-3-opus-20240229").
      const why = pairContradictions({ name: s.source_model!, releaseDate: s.source === 'epoch' ? s.release_date || null : null }, { name: m.name!, releaseDate: m.release_date || null });
      if (why.length) bad.push(`${s.source} "${s.source_model}" → ${s.model_id} (${s.match_kind}): ${why.join('; ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('a dated Epoch version joins its own version, never the family row of another date (the issue\'s four cases)', () => {
    const epoch = (v: string) => scores.find((s) => s.source === 'epoch' && s.source_model === v)?.model_id ?? null;
    expect(epoch('gpt-4o-2024-05-13')).toBe('gpt-4o-2024-05-13');
    expect(epoch('Qwen2.5-VL-72B-Instruct')).not.toBe('qwen2-5-72b-instruct');
    expect(epoch('gemini-exp-1206')).not.toBe('gemini-2-0-flash');
    expect(epoch('gemini-1.5-pro-001-feb24')).not.toBe('gemini-1-5-pro');
  });

  it('a family match is used only where the source gives no version of its own', () => {
    const family = [...pairs.values()].filter((s) => s.match_kind === 'family');
    // A family match on a dated id must agree with the model's release date to the month.
    const bad = family.filter((s) => {
      const m = byId.get(s.model_id!)!;
      const d = s.release_date && m.release_date ? Math.abs(Date.parse(s.release_date) - Date.parse(m.release_date)) / 864e5 : 0;
      return d > 31;
    }).map((s) => `${s.source_model} → ${s.model_id}`);
    expect(bad).toEqual([]);
  });
});
