/**
 * scores.csv: one row per (source, dataset, as_of, model as the source names it, metric).
 * Scores from different sources or methodology versions share this long table but never an
 * axis: the metric and dataset columns say which scale a value is on, and AA re-bases its
 * index between captures, so compare AA values within one as_of only.
 *
 * Each row carries the lab, country and openness as decided for it, and where that came from:
 * the source's own organisation and licence fields first, the canonical model (models.csv)
 * when the source has none.
 */
import { z } from 'zod';
import { countryGroup } from '../../lib/countries.ts';
import type { CountryResolver } from '../countries.ts';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { epochEciRow } from '../../lib/source-rows/epoch.ts';
import { arenaTopRow, historyRow, leaderboardRow, metadataRow } from '../../lib/source-rows/lmarena.ts';
import type { LMARENA_BOARDS } from '../pipeline.ts';
import type { SourceVersion } from '../lib/io.ts';
import { assertNoCollisions, findCollisions, type ModelResolver } from '../match.ts';
import { PAIR_LIMITS, pairContradictions, type PairSide } from '../pair-check.ts';
import { resolveLab, type Reference } from '../reference.ts';
import { aaModelId, type AaModel, type ModelRow } from './models.ts';
import { AA_INDEX_METRICS, METRIC, type ScoreMetric } from '../../lib/metrics.ts';
import type { TableRow } from '../../lib/tables/index.ts';
import type { MatchKind } from '../../lib/tables/enums.ts';


/** A row of scores.csv: its contract is lib/tables/scores.ts. */
export type ScoreRow = TableRow<'scores'>;

// The source columns this step reads, decoded and checked by each scraper's own schema.
const leaderboardCells = csvRowCodec(leaderboardRow.pick({ category: true, model: true, rating: true, rating_lower: true, rating_upper: true, votes: true, organization: true, licence: true, style_control: true }));
/** A row of any LMArena board: every board has a model and its rating; the other columns only some boards write. */
export type LmarenaBoardRow = Pick<z.output<typeof leaderboardCells>, 'model' | 'rating'> & Partial<z.output<typeof leaderboardCells>>;
/** Each board dataset is written by one of three LMArena row schemas (lib/source-rows/lmarena.ts): read each with its own. */
export const lmarenaBoardCells: Record<(typeof LMARENA_BOARDS)[number], z.ZodType<LmarenaBoardRow, Record<string, string>>> = {
  'text-style-control': leaderboardCells,
  'text-raw': leaderboardCells,
  'text-raw-fboulnois': leaderboardCells,
  'arena-top': csvRowCodec(arenaTopRow.pick({ model: true, rating: true, rating_lower: true, rating_upper: true, votes: true, organization: true, licence: true, style_control: true })),
  'text-history': csvRowCodec(historyRow),
};

export const lmarenaMetaCells = csvRowCodec(metadataRow.pick({ model: true, organization: true, licence: true }));
export type LmarenaMeta = z.infer<typeof lmarenaMetaCells>;

export const eciCells = csvRowCodec(epochEciRow.pick({ model_version: true, release_date: true, model_name: true, display_name: true, eci_score: true, organization: true, country: true, accessibility: true }));
export type EciRow = z.infer<typeof eciCells>;

export interface ScoreInputs {
  aa: SourceVersion<AaModel>[];
  /** LMArena boards: dataset name → versions. */
  lmarena: SourceVersion<LmarenaBoardRow>[];
  lmarenaMeta: LmarenaMeta[];
  eci: SourceVersion<EciRow>[];
}

interface Context {
  ref: Reference;
  resolver: ModelResolver;
  models: Map<string, ModelRow>;
  countries: CountryResolver;
  unknownOrgs: Set<string>;
  rejected: Set<string>;
}

export type { MatchKind };

/**
 * "gpt-5-2025-08-07_high" → "gpt-5-2025-08-07", "gemini-2.5-flash-preview-04-17 (16K thinking)" →
 * "gemini-2.5-flash-preview-04-17": Epoch suffixes its version ids with the reasoning effort or
 * token budget it ran, which is a setting of one version, not another version.
 */
export const withoutSetting = (version: string) => version.replace(/\s*\([^()]*\)$/, '').replace(/_[A-Za-z0-9]+$/, '');

/**
 * Joins a source row to a canonical model: each candidate name in order (the most specific, the
 * version id, first), then the family name. A match the reviewed alias table did not declare is
 * refused when the dates, modality or size the source states contradict the canonical row; the
 * refusal goes to the coverage report, so a wrong join is never silent and never published.
 */
function matchVersion(ctx: Context, source: string, side: Omit<PairSide, 'name'>, versions: (string | null)[], family: string | null): { id: string | null; kind: MatchKind | null } {
  const record = versions.find((v) => v) ?? family ?? '';
  const candidates: [string, boolean][] = [...new Set(versions.filter((v): v is string => Boolean(v)))].map((v) => [v, false]);
  if (family && !candidates.some(([n]) => n === family)) candidates.push([family, true]);
  // A family name may carry a reviewed alias (Epoch's "GPT-4o" is the May 2024 release) and also key-match
  // another version: both are tried, and the one the source's own date agrees with wins.
  const tries = candidates.flatMap(([name, isFamily]) => {
    const viaAlias = ctx.resolver.peek(source, name);
    const viaKey = isFamily && viaAlias?.kind === 'alias' ? ctx.resolver.peek(source, name, { skipAlias: true }) : null;
    return [viaAlias, viaKey].filter((m): m is NonNullable<typeof m> => m !== null).map((m) => [name, isFamily, m] as const);
  });
  // Refusals are reported only for a row that ends up matching nothing.
  const refused: string[] = [];
  for (const [name, isFamily, m] of tries) {
    const model = ctx.models.get(m.id);
    // A reviewed alias of a version id is trusted; an alias of a family name was reviewed for one version, not for every version under it.
    if ((m.kind !== 'alias' || isFamily) && model) {
      // A family name stands for several versions: only one released within a month of the source's own date is this one.
      const limits = isFamily ? { ...PAIR_LIMITS, maxDays: 31 } : PAIR_LIMITS;
      const why = pairContradictions({ name: versions.find((v) => v) ?? name, ...side }, { name: model.name, releaseDate: model.release_date, totalParameters: model.total_parameters }, limits);
      if (why.length) {
        refused.push(`${source} "${record}" → ${m.id} (${isFamily ? 'family' : m.kind} match on "${name}"): ${why.join('; ')}`);
        continue;
      }
    }
    ctx.resolver.record(source, record, m.id);
    return { id: m.id, kind: isFamily && m.kind !== 'alias' ? 'family' : m.kind };
  }
  if (record) ctx.resolver.record(source, record, null);
  for (const r of refused) ctx.rejected.add(r);
  return { id: null, kind: null };
}

const isProprietary = (licence: string) => /^prop(r)?i?etary$|^propretary$/i.test(licence.trim()) || /proprietary/i.test(licence);

/** Lab, country and openness for a row, from the source's own fields where it has them. */
function attribute(ctx: Context, source: string, modelId: string | null, org: string | null, licence: string | null, countryNames: string | null = null) {
  const model = modelId ? ctx.models.get(modelId) : undefined;
  const leadOrg = org?.split(',')[0]?.trim() ?? null;
  let labId = resolveLab(ctx.ref, source, leadOrg);
  if (leadOrg && !labId) ctx.unknownOrgs.add(`${source}: ${leadOrg}`);
  labId ??= model?.lab_id ?? null;
  const sourceCountry = countryNames ? ctx.countries.toIso(countryNames, `${source} ${org}`) : null;
  const country = (labId ? ctx.ref.labs.get(labId)?.country : null) ?? sourceCountry ?? model?.country ?? null;
  let openness: ScoreRow['openness'] = null;
  let basis: string | null = null;
  const sourceOpenness = licence ? (isProprietary(licence) ? 'closed' : 'open-weight') : null;
  if (model) {
    // The canonical model's openness (Artificial Analysis, checked against the reference files) wins over a
    // leaderboard's hand-entered licence column; a disagreement is kept in the basis, not dropped.
    openness = model.openness;
    basis = `models.csv (${model.openness_decided_by})`;
    const modelSide = model.openness === 'closed' ? 'closed' : 'open-weight';
    if (sourceOpenness && sourceOpenness !== modelSide) basis += `; ${source} licence "${licence}" disagrees and loses`;
  } else if (sourceOpenness) {
    openness = sourceOpenness;
    basis = `${source} licence "${licence}"`;
  }
  return { lab_id: labId, country, country_group: countryGroup(country), openness, openness_basis: basis };
}

export function buildScores(inputs: ScoreInputs, ctx: Omit<Context, 'unknownOrgs' | 'rejected'>): { rows: ScoreRow[]; unknownOrgs: string[]; rejectedMatches: string[] } {
  const c: Context = { ...ctx, unknownOrgs: new Set(), rejected: new Set() };
  const rows: ScoreRow[] = [];
  const collisions: string[] = [];

  for (const v of inputs.aa) {
    for (const m of v.rows) {
      for (const [field, metric] of Object.entries(AA_INDEX_METRICS) as [keyof typeof AA_INDEX_METRICS, ScoreMetric][]) {
        const value = m[field];
        if (value === null) continue;
        const a = attribute(c, 'artificialanalysis', aaModelId(m.slug), null, null);
        rows.push({ source: 'artificialanalysis', dataset: v.dataset, as_of: v.asOf, source_model: m.name, model_id: aaModelId(m.slug), match_kind: 'exact', ...a, metric, value: round(value), ci_lower: null, ci_upper: null, votes: null, style_control: null, release_date: m.release_date });
      }
    }
  }

  // The wide history and the official dumps carry no organisation or licence: borrow them, by model
  // name, from the boards that do (oldest first, so the newest statement wins), then the metadata list.
  const known = new Map<string, { organization: string | null; licence: string | null }>();
  for (const v of [...inputs.lmarena].sort((a, b) => a.asOf.localeCompare(b.asOf))) {
    for (const r of v.rows) {
      if (r.organization || r.licence) known.set(r.model.toLowerCase(), { organization: r.organization ?? null, licence: r.licence ?? null });
    }
  }
  for (const m of inputs.lmarenaMeta) known.set(m.model.toLowerCase(), { organization: m.organization, licence: m.licence });
  for (const v of inputs.lmarena) {
    const board = v.rows.filter((r) => !r.category || r.category === 'full' || r.category === 'overall');
    // LMArena names are version ids already ("claude-3-opus-20240229"): no family fallback.
    const resolved = board.map((r) => {
      const m = matchVersion(c, 'lmarena', {}, [r.model], null);
      return { r, modelId: m.id, kind: m.kind };
    });
    collisions.push(...findCollisions(`lmarena/${v.dataset}/${v.asOf}`, resolved.map(({ r, modelId }) => ({ name: r.model, modelId }))));
    for (const { r, modelId, kind } of resolved) {
      const md = known.get(r.model.toLowerCase());
      const a = attribute(c, 'lmarena', modelId, r.organization ?? md?.organization ?? null, r.licence ?? md?.licence ?? null);
      const styleControl = r.style_control ?? (v.dataset.includes('style') || v.dataset === 'arena-top');
      rows.push({
        source: 'lmarena', dataset: v.dataset, as_of: v.asOf, source_model: r.model, model_id: modelId, match_kind: kind, ...a,
        metric: styleControl ? METRIC.arenaStyleControl : METRIC.arena,
        value: round(r.rating), ci_lower: r.rating_lower != null ? round(r.rating_lower) : null, ci_upper: r.rating_upper != null ? round(r.rating_upper) : null,
        votes: r.votes ?? null, style_control: styleControl, release_date: modelId ? c.models.get(modelId)?.release_date ?? null : null,
      });
    }
  }

  for (const v of inputs.eci) {
    for (const r of v.rows) {
      if (r.eci_score === null) continue;
      // Display names repeat (a pre-release and the release share one): the version id is the key.
      const name = r.model_version;
      // Exact version first (the id as given, then without its effort setting); the family name
      // ("GPT-4o" for gpt-4o-2024-05-13) only when no version matched and Epoch's release date agrees.
      const { id: modelId, kind } = matchVersion(c, 'epoch', { releaseDate: r.release_date }, [r.model_version, withoutSetting(r.model_version)], r.model_name);
      const a = attribute(c, 'epoch', modelId, r.organization, null, r.country);
      const epochOpen = r.accessibility ? (/^open weights/i.test(r.accessibility) ? 'open-weight' : 'closed') : null;
      rows.push({
        source: 'epoch', dataset: v.dataset, as_of: v.asOf, source_model: name, model_id: modelId, match_kind: kind, ...a,
        openness: epochOpen ?? a.openness, openness_basis: epochOpen ? `epoch accessibility "${r.accessibility}"` : a.openness_basis,
        metric: METRIC.eci, value: round(r.eci_score), ci_lower: null, ci_upper: null, votes: null, style_control: null,
        release_date: r.release_date ?? (modelId ? c.models.get(modelId)?.release_date ?? null : null),
      });
    }
  }
  assertNoCollisions(collisions);
  rows.sort((a, b) => a.source.localeCompare(b.source) || a.dataset.localeCompare(b.dataset) || a.as_of.localeCompare(b.as_of) || a.metric.localeCompare(b.metric) || b.value - a.value || a.source_model.localeCompare(b.source_model));
  return { rows, unknownOrgs: [...c.unknownOrgs].sort(), rejectedMatches: [...c.rejected].sort() };
}

const round = (n: number) => Math.round(n * 100) / 100;
