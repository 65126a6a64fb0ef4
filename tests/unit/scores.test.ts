/**
 * Focused rules of scores.csv (normalize/steps/scores.ts) on hand-written LMArena and Epoch rows:
 * how a source row joins a canonical model, and where its lab, country and openness come from.
 */
import { describe, expect, it } from 'vitest';
import { METRIC } from '../../lib/metrics.ts';
import type { ModelAlias } from '../../normalize/reference.ts';
import type { ModelRow } from '../../normalize/steps/models.ts';
import { buildScores, withoutSetting, type EciRow, type LmarenaBoardRow, type LmarenaMeta } from '../../normalize/steps/scores.ts';
import { countries, lab, modelRow, reference, resolverOf, version } from '../helpers/normalize-fixtures.ts';

const LABS = [lab('openai', 'OpenAI', 'US'), lab('hk-lab', 'HK Lab', 'HK'), lab('moonshot', 'Moonshot AI', 'CN')];
const MODELS = [
  modelRow({ model_id: 'gpt-4o', name: 'GPT-4o', lab_id: 'openai', country: 'US', release_date: '2024-05-13', openness: 'closed' }),
  modelRow({ model_id: 'gpt-5-2025-08-07', name: 'GPT-5 (2025-08-07)', lab_id: 'openai', country: 'US', release_date: '2025-08-07', openness: 'closed' }),
  modelRow({ model_id: 'kimi-k2', name: 'Kimi K2', lab_id: 'moonshot', country: 'CN', release_date: '2025-07-11', openness: 'open-weight', openness_decided_by: 'aa' }),
];

const arena = (over: Partial<LmarenaBoardRow> & Pick<LmarenaBoardRow, 'model'>): LmarenaBoardRow => ({ rating: 1000, ...over });
const eci = (over: Partial<EciRow> & Pick<EciRow, 'model_version'>): EciRow => ({
  release_date: null, model_name: null, display_name: null, eci_score: 140, organization: null, country: null, accessibility: null, ...over,
});

function build({ lmarena = [], eciRows = [], meta = [], aliases = [], models = MODELS }: {
  lmarena?: { dataset: string; asOf: string; rows: LmarenaBoardRow[] }[]; eciRows?: EciRow[]; meta?: LmarenaMeta[]; aliases?: ModelAlias[]; models?: ModelRow[];
}) {
  return buildScores(
    { aa: [], lmarena: lmarena.map((b) => version('lmarena', b.dataset, b.asOf, b.rows)), lmarenaMeta: meta, eci: eciRows.length ? [version('epoch', 'eci', '2025-09-01', eciRows)] : [] },
    { ref: reference(LABS, { lmarena: { openai: 'openai' } }), resolver: resolverOf(models, aliases), models: new Map(models.map((m) => [m.model_id, m])), countries: countries() },
  );
}
const one = (rows: ReturnType<typeof build>['rows'], sourceModel: string) => {
  const hits = rows.filter((r) => r.source_model === sourceModel);
  expect(hits, `rows for ${sourceModel}`).toHaveLength(1);
  return hits[0]!;
};

describe('joining a source row to a canonical model', () => {
  it('a score row whose model matched by family keeps match_kind=family', () => {
    const { rows } = build({ eciRows: [eci({ model_version: 'gpt-4o-2024-05-20', model_name: 'GPT-4o', release_date: '2024-05-20' })] });
    expect(one(rows, 'gpt-4o-2024-05-20')).toMatchObject({ model_id: 'gpt-4o', match_kind: 'family' });
  });
  it('a family match released more than a month from the canonical model is refused, reported, and left unmatched', () => {
    const { rows, rejectedMatches } = build({ eciRows: [eci({ model_version: 'gpt-4o-2024-08-06', model_name: 'GPT-4o', release_date: '2024-08-06' })] });
    expect(one(rows, 'gpt-4o-2024-08-06')).toMatchObject({ model_id: null, match_kind: null });
    expect(rejectedMatches).toEqual([expect.stringMatching(/^epoch "gpt-4o-2024-08-06" → gpt-4o \(family match on "GPT-4o"\): released 2024-08-06 vs 2024-05-13/)]);
  });
  it('a reviewed alias of a version id is trusted even where the dates disagree, and says alias', () => {
    const { rows, rejectedMatches } = build({
      eciRows: [eci({ model_version: 'gpt4o-late', release_date: '2025-03-01' })],
      aliases: [{ source: 'epoch', name: 'gpt4o-late', model_id: 'gpt-4o', note: null }],
    });
    expect(one(rows, 'gpt4o-late')).toMatchObject({ model_id: 'gpt-4o', match_kind: 'alias' });
    expect(rejectedMatches).toEqual([]);
  });
  it("Epoch's effort suffix is a setting of a version, not another version: the row matches the version exactly", () => {
    expect(withoutSetting('gpt-5-2025-08-07_high')).toBe('gpt-5-2025-08-07');
    expect(withoutSetting('gemini-2.5-flash-preview-04-17 (16K thinking)')).toBe('gemini-2.5-flash-preview-04-17');
    const { rows } = build({ eciRows: [eci({ model_version: 'gpt-5-2025-08-07_high', release_date: '2025-08-07' })] });
    expect(one(rows, 'gpt-5-2025-08-07_high')).toMatchObject({ model_id: 'gpt-5-2025-08-07', match_kind: 'exact' });
  });
  it('LMArena names are version ids: no family fallback, an unknown version stays unmatched', () => {
    // Epoch's family fallback would join this name to gpt-4o (its date is a week from GPT-4o's).
    const { rows } = build({ lmarena: [{ dataset: 'text-raw', asOf: '2025-06-01', rows: [arena({ model: 'gpt-4o-2024-05-20' })] }] });
    expect(one(rows, 'gpt-4o-2024-05-20')).toMatchObject({ model_id: null, match_kind: null });
  });
  it('two names on one board resolving to one model fail the build, naming both', () => {
    expect(() => build({ lmarena: [{ dataset: 'text-raw', asOf: '2025-06-01', rows: [arena({ model: 'Kimi-K2' }), arena({ model: 'kimi k2' })] }] }))
      .toThrow(/alias collision[\s\S]*"Kimi-K2" and "kimi k2" both resolve to "kimi-k2"/);
  });
});

describe('lab, country and openness of a score row', () => {
  it("the canonical model's openness wins over a leaderboard's licence, and the disagreement is kept in openness_basis", () => {
    const { rows } = build({ lmarena: [{ dataset: 'text-raw', asOf: '2025-08-01', rows: [arena({ model: 'Kimi K2', organization: 'Moonshot AI', licence: 'Proprietary' })] }] });
    expect(one(rows, 'Kimi K2')).toMatchObject({ openness: 'open-weight', openness_basis: 'models.csv (aa); lmarena licence "Proprietary" disagrees and loses' });
  });
  it("with no canonical model the source's licence decides: a proprietary spelling is closed, any other licence open-weight", () => {
    const { rows } = build({ lmarena: [{ dataset: 'text-raw', asOf: '2025-08-01', rows: [arena({ model: 'mystery-a', licence: 'Propretary' }), arena({ model: 'mystery-b', licence: 'Apache 2.0' }), arena({ model: 'mystery-c' })] }] });
    expect([one(rows, 'mystery-a').openness, one(rows, 'mystery-b').openness, one(rows, 'mystery-c').openness]).toEqual(['closed', 'open-weight', null]);
    expect(one(rows, 'mystery-b').openness_basis).toBe('lmarena licence "Apache 2.0"');
  });
  it('Hong Kong labs count as China in country_group', () => {
    const { rows } = build({ lmarena: [{ dataset: 'text-raw', asOf: '2025-08-01', rows: [arena({ model: 'hk-model', organization: 'HK Lab' })] }] });
    expect(one(rows, 'hk-model')).toMatchObject({ lab_id: 'hk-lab', country: 'HK', country_group: 'China' });
  });
  it("the lab's country in labs.csv wins over the country the source states", () => {
    const { rows } = build({ eciRows: [eci({ model_version: 'o-model', organization: 'OpenAI', country: 'France' })] });
    expect(one(rows, 'o-model')).toMatchObject({ lab_id: 'openai', country: 'US' });
  });
  it('an organisation no lab or alias knows is listed for the coverage report, and the source country stands', () => {
    const { rows, unknownOrgs } = build({ eciRows: [eci({ model_version: 'x-model', organization: 'Nowhere Labs, Partner', country: 'France' })] });
    expect(unknownOrgs).toEqual(['epoch: Nowhere Labs']);
    expect(one(rows, 'x-model')).toMatchObject({ lab_id: null, country: 'FR', country_group: 'Europe' });
  });
  it('a board row without organisation or licence borrows them by name from another board, the newest statement winning', () => {
    const { rows } = build({
      lmarena: [
        { dataset: 'text-raw', asOf: '2025-01-01', rows: [arena({ model: 'shared-name', organization: 'HK Lab', licence: 'Proprietary' })] },
        { dataset: 'text-raw', asOf: '2025-03-01', rows: [arena({ model: 'shared-name', organization: 'OpenAI', licence: 'MIT' })] },
        { dataset: 'text-history', asOf: '2025-02-01', rows: [arena({ model: 'Shared-Name' })] },
      ],
    });
    expect(one(rows, 'Shared-Name')).toMatchObject({ lab_id: 'openai', openness: 'open-weight', openness_basis: 'lmarena licence "MIT"' });
  });
  it("Epoch's accessibility decides openness for its own rows, even against the canonical model", () => {
    const { rows } = build({ eciRows: [eci({ model_version: 'Kimi-K2', accessibility: 'API access' }), eci({ model_version: 'gpt-4o', accessibility: 'Open weights (unrestricted)' })] });
    expect(one(rows, 'Kimi-K2')).toMatchObject({ model_id: 'kimi-k2', openness: 'closed', openness_basis: 'epoch accessibility "API access"' });
    expect(one(rows, 'gpt-4o')).toMatchObject({ model_id: 'gpt-4o', openness: 'open-weight', openness_basis: 'epoch accessibility "Open weights (unrestricted)"' });
  });
});

describe('which LMArena rows become scores, on which metric', () => {
  it('style-controlled boards get the style-control metric; raw boards the raw one', () => {
    const { rows } = build({
      lmarena: [
        { dataset: 'text-style-control', asOf: '2025-08-01', rows: [arena({ model: 'a' })] },
        { dataset: 'text-raw', asOf: '2025-08-01', rows: [arena({ model: 'b' }), arena({ model: 'c', style_control: true })] },
      ],
    });
    expect([one(rows, 'a').metric, one(rows, 'b').metric, one(rows, 'c').metric]).toEqual([METRIC.arenaStyleControl, METRIC.arena, METRIC.arenaStyleControl]);
  });
  it('only the overall category counts (a row with no rating is refused on reading: the scraper schema requires it)', () => {
    const { rows } = build({
      lmarena: [{ dataset: 'text-raw', asOf: '2025-08-01', rows: [arena({ model: 'a', category: 'coding' }), arena({ model: 'b', category: 'overall' }), arena({ model: 'c', category: 'vision' })] }],
    });
    expect(rows.map((r) => r.source_model)).toEqual(['b']);
  });
  it('values are rounded to two decimals, confidence bounds too', () => {
    const { rows } = build({ lmarena: [{ dataset: 'text-raw', asOf: '2025-08-01', rows: [arena({ model: 'a', rating: 1234.5678, rating_lower: 1230.001, rating_upper: 1239.999 })] }] });
    expect(one(rows, 'a')).toMatchObject({ value: 1234.57, ci_lower: 1230, ci_upper: 1240 });
  });
});
