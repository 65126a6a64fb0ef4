/**
 * The data-truth of the published tables (issue 16), checked on the committed data/*.csv:
 * joins between sources never merge two versions, licences follow their licence texts, evidence
 * and repositories are what they claim to be, and every model a figure names has a models.csv row.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairContradictions } from '../../normalize/pair-check.ts';
import { csv as table, DATA } from '../helpers/published-data.ts';

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

describe('licences come from the licence text where a capture holds it', () => {
  const m = (id: string) => byId.get(id)!;

  it('MiniMax-M2.5 is under the licence its repository ships, not the catalogue\'s MIT', () => {
    expect(m('minimax-m2-5').licence_id).toBe('minimax-model');
    expect(m('minimax-m2-5').licence_restrictiveness).toBe('restricted');
    expect(m('minimax-m2-5').licence_source).toMatch(/^model-cards\/licence__minimaxai__minimax-m2-5__license-model\//);
    expect(m('minimax-m2-5').licence_disagreement).toMatch(/Artificial Analysis names "MIT"/);
  });

  it('MiniMax-M2.7 is under MiniMax\'s own non-commercial licence, not CC BY-NC', () => {
    expect(m('minimax-m2-7').licence_id).toBe('minimax-non-commercial');
    expect(m('minimax-m2-7').commercial_use).toBe('no');
    expect(m('minimax-m2-7').licence_url).toBe('https://github.com/MiniMax-AI/MiniMax-M2.7/blob/main/LICENSE');
  });

  it('MiniMax-M2 carries the display duty of its current modified MIT', () => {
    expect(m('minimax-m2').licence_id).toBe('modified-mit-minimax-m2');
    expect(m('minimax-m2').licence_restrictiveness).toBe('conditional');
  });

  it('a licences.csv row never overrides the model\'s own commercial flag (MiniMax-M3: Artificial Analysis says no)', () => {
    expect(m('minimax-m3').commercial_use).toBe('no');
  });

  it('every licence a model row names links the text it was read from, never an organisation page', () => {
    const licences = table('reference/licences.csv');
    const bad = licences.filter((l) => (l.commercial_use !== 'unknown' || l.restrictiveness !== 'unknown') && (!l.url || /^https?:\/\/(huggingface\.co|github\.com)\/[^/]+\/?$/.test(l.url)))
      .map((l) => `${l.licence_id}: ${l.url || '(no url)'}`);
    expect(bad).toEqual([]);
  });

  it('no licence alias binds a generic spelling (one that names no owner or version) to one lab\'s licence for every lab', () => {
    const generic = table('reference/licence_aliases.csv').filter((a) => (a.lab_id ?? '*') === '*' && /^(modified mit( license)?|non-commercial( license)?|openmdw|community license|other license)$/i.test(a.spelling!.trim()))
      .map((a) => `${a.source}: "${a.spelling}" → ${a.licence_id}`);
    expect(generic).toEqual([]);
  });

  it('commercial use agrees with the licence class: a non-commercial licence never says yes', () => {
    const bad = models.filter((r) => r.licence_restrictiveness === 'non-commercial' && r.commercial_use === 'yes').map((r) => r.model_id);
    expect(bad).toEqual([]);
  });
});

describe('evidence and repositories', () => {
  it('fine-tuning recipes are not training code: Llama 3.1 405B has no training code released', () => {
    const llama = byId.get('llama-3-1-instruct-405b')!;
    expect(llama.training_code_released).toBe('false');
    expect(llama.training_code_basis).toMatch(/fine-tuning/);
  });

  it('every huggingface_repo is an owner/name id on Hugging Face (no GitHub URLs, no file paths)', () => {
    const bad = models.filter((r) => r.huggingface_repo && !/^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(r.huggingface_repo)).map((r) => `${r.model_id}: ${r.huggingface_repo}`);
    expect(bad).toEqual([]);
    expect(byId.get('glm-4-6')!.huggingface_repo).toBe('zai-org/GLM-4.6');
  });
});

describe('one parameter convention', () => {
  it('DeepSeek V3-architecture models (V3, R1, V3.1, V3.2) all count the 671B main model, not 685B with the MTP module', () => {
    const v3 = models.filter((m) => /^deepseek-(v3|r1)(-|$)/.test(m.model_id!) && !/distill|qwen3/.test(m.model_id!));
    expect(v3.length).toBeGreaterThan(5);
    expect([...new Set(v3.map((m) => m.total_parameters))]).toEqual(['671000000000']);
  });

  it('no published count contradicts the size the model\'s name announces by more than half', async () => {
    const { sizeInName } = await import('../../normalize/steps/models.ts');
    const bad = models.filter((m) => {
      const named = sizeInName(m.name!);
      const total = Number(m.total_parameters);
      return named && total && Math.abs(total - named) / Math.max(total, named) > 0.5;
    }).map((m) => `${m.model_id}: ${m.total_parameters}`);
    expect(bad).toEqual([]);
  });

  it('memory columns follow the published count', () => {
    // 8 bits a parameter, except the layers a published checkpoint keeps at 16 bits (parameters_kept_16bit).
    const expected8 = (m: Record<string, string>) => Math.round(((Number(m.total_parameters) - Number(m.parameters_kept_16bit || 0)) + 2 * Number(m.parameters_kept_16bit || 0)) / 1e9 * 10) / 10;
    const bad = models.filter((m) => m.total_parameters && Number(m.memory_gb_8bit) !== expected8(m)).map((m) => m.model_id);
    expect(bad).toEqual([]);
  });
});

describe('evidence joins (models.csv epoch_model → Epoch AI notable models)', () => {
  const notableDir = join(DATA, 'sources/epoch/notable');
  const latest = readdirSync(notableDir).filter((f) => f.endsWith('.csv')).sort().at(-1)!;
  const notable = new Map(table(`sources/epoch/notable/${latest}`).map((r) => [r.model!, r]));

  it('every Epoch row a model takes its evidence from exists, and its date and size agree with the model', () => {
    const joined = models.filter((m) => m.epoch_model);
    expect(joined.length).toBeGreaterThan(20);
    const bad: string[] = [];
    for (const m of joined) {
      const e = notable.get(m.epoch_model!);
      if (!e) { bad.push(`${m.model_id}: no Epoch row "${m.epoch_model}"`); continue; }
      const why = pairContradictions({ name: e.model!, releaseDate: e.publication_date || null, totalParameters: e.parameters ? Number(e.parameters) : null }, { name: m.name!, releaseDate: m.release_date || null, totalParameters: m.total_parameters ? Number(m.total_parameters) : null });
      if (why.length) bad.push(`${m.model_id} ← "${m.epoch_model}": ${why.join('; ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('Epoch\'s May 2024 GPT-4o gives its evidence to the May 2024 row, not to the November one', () => {
    expect(byId.get('gpt-4o-2024-05-13')!.epoch_model).toBe('GPT-4o');
    expect(byId.get('gpt-4o')!.epoch_model).not.toBe('GPT-4o');
  });
});
