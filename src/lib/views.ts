/**
 * Derived views of the tables that the figures and the article's sentences share: one place
 * computes "the top ten", "the best open model", "the gap", so a chart and the sentence
 * beside it can never disagree.
 */
import type { ModelRow } from '../../normalize/steps/models.ts';
import type { ScoreRow } from '../../normalize/steps/scores.ts';
import type { BestRow } from '../../normalize/steps/series.ts';
import type { LicenceCount } from '../charts/licence-by-country.ts';
import type { MemoryRow } from '../charts/memory.ts';
import type { SpectrumCell } from '../charts/openness-spectrum.ts';
import type { RankRow } from '../charts/ranking.ts';
import { countryGroup, type CountryGroup } from '../charts/scales.ts';
import { tables } from './tables.ts';
import { isOpen } from '../../lib/countries.ts';
import { providerLeaders } from './hosting-views.ts';
import { median } from './stats.ts';
import { METRIC } from '../../lib/metrics.ts';
import type { BoardId, Period, Side, SpectrumPart } from './labels.ts';
import { subjectId } from './subjects.ts';

// Split by job; re-exported so figures and claims keep importing one module.
export { providerLeaders, providerPoints, providerTrend, providerTrendEnds, type EndpointPoint } from './hosting-views.ts';
export { median, spearman } from './stats.ts';

const byId = () => new Map(tables.models().map((m) => [m.model_id, m]));

/** The newest as_of of a (source, dataset). */
export function latestAsOf(source: string, dataset: string): string {
  const dates = tables.scores().filter((s) => s.source === source && s.dataset === dataset).map((s) => s.as_of);
  if (!dates.length) throw new Error(`no scores for ${source}/${dataset}: has normalize run?`);
  return dates.reduce((a, b) => (a > b ? a : b));
}

export interface AaEntry extends RankRow { model_id: string; family: string; release_date: string | null; lab_id: string | null }

/**
 * Artificial Analysis Intelligence Index at one date, one bar per model family (its best
 * reasoning/effort variant): otherwise the top of the board is five settings of one model.
 */
export function aaBoard(asOf = latestAsOf('artificialanalysis', 'models')): AaEntry[] {
  const models = byId();
  const best = new Map<string, AaEntry>();
  for (const s of tables.scores()) {
    if (s.source !== 'artificialanalysis' || s.dataset !== 'models' || s.as_of !== asOf || s.metric !== METRIC.aaIntelligence) continue;
    const m = models.get(s.model_id!);
    if (!m) throw new Error(`score for ${s.model_id} has no row in models.csv`);
    const key = `${m.lab_id}|${m.family}`;
    const prev = best.get(key);
    if (!prev || s.value > prev.score) {
      best.set(key, { rank: 0, model: m.family, model_id: m.model_id, family: m.family, lab: m.lab_name ?? '?', lab_id: m.lab_id, country_group: m.country_group as CountryGroup, openness: m.openness, score: s.value, release_date: m.release_date });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.model.localeCompare(b.model)).map((e, i) => ({ ...e, rank: i + 1 }));
}

export const top = <T extends { rank: number }>(rows: T[], n: number, filter: (r: T) => boolean = () => true): T[] =>
  rows.filter(filter).slice(0, n).map((r, i) => ({ ...r, rank: i + 1 }));

/** LMArena's newest style-controlled text board (or one capture of a dataset), as a ranking. */
export function arenaBoard(dataset = 'arena-top', asOf = latestAsOf('lmarena', dataset)): { asOf: string; dataset: string; rows: (RankRow & { source_model: string; model_id: string | null; lab_id: string | null })[] } {
  const labs = new Map(tables.labs().map((l) => [l.lab_id, l.name]));
  const rows = tables.scores()
    .filter((s) => s.source === 'lmarena' && s.dataset === dataset && s.as_of === asOf && s.openness !== null && (s.metric === METRIC.arenaStyleControl || s.metric === METRIC.arena))
    .sort((a, b) => b.value - a.value || a.source_model.localeCompare(b.source_model))
    .map((s, i) => ({ rank: i + 1, model: s.source_model, source_model: s.source_model, model_id: s.model_id, lab: (s.lab_id && labs.get(s.lab_id)) ?? '?', lab_id: s.lab_id, country_group: s.country_group as CountryGroup, openness: s.openness!, score: s.value, ci_lower: s.ci_lower, ci_upper: s.ci_upper }));
  return { asOf, dataset, rows };
}

/** The style-controlled LMArena board nearest the video (data/reference/video.csv): the board as the video saw it. */
export function arenaBoardNearVideo() {
  const dates = [...new Set(tables.scores().filter((s) => s.source === 'lmarena' && s.dataset === 'text-style-control').map((s) => s.as_of))];
  if (!dates.length) throw new Error('no lmarena/text-style-control scores: has normalize run?');
  return arenaBoard('text-style-control', nearestVideo(dates));
}

/** The rows the LMArena figure plots: the top 15, extended down to the best open model so the chart shows it. */
export function arenaChartRows() {
  const { asOf, rows: board } = arenaBoard();
  const bestOpen = board.find((r) => r.openness !== 'closed');
  return { asOf, bestOpen: bestOpen ?? null, rows: top(board, Math.max(15, bestOpen?.rank ?? 0)) };
}

/** Best open and best closed per snapshot of one metric, overall. */
export function bestSeries(source: string, metric: string, datasets?: string[]): BestRow[] {
  return tables.best().filter((b) => b.source === source && b.metric === metric && b.country_group === 'All' && (!datasets || datasets.includes(b.dataset)));
}

/** One point per snapshot and side, in codes (side, dataset id, scoring method id): the figure names them. */
export interface FrontierPoint { date: Date; side: Side; value: number; model: string; dataset: string; method: string }

export function gapPoints(rows: BestRow[]): FrontierPoint[] {
  return rows.map((b) => ({ date: new Date(`${b.as_of}T00:00:00Z`), side: b.openness === 'open' ? 'open' : 'closed', value: b.value, model: b.best_model, dataset: b.dataset, method: b.scoring_method }));
}

export interface GapRow { as_of: string; dataset: string; scoring_method: string; gap: number; open: BestRow; closed: BestRow }

/** Gap (best closed − best open) per snapshot, with the method that scored the snapshot. */
export function gaps(rows: BestRow[]): GapRow[] {
  const out = new Map<string, { open?: BestRow; closed?: BestRow }>();
  for (const b of rows) {
    const key = `${b.as_of}|${b.dataset}`;
    const e = out.get(key) ?? {};
    e[b.openness] = b;
    out.set(key, e);
  }
  return [...out.entries()].filter(([, e]) => e.open && e.closed).map(([key, e]) => ({ as_of: key.split('|')[0]!, dataset: key.split('|')[1]!, scoring_method: e.closed!.scoring_method, gap: Math.round((e.closed!.value - e.open!.value) * 100) / 100, open: e.open!, closed: e.closed! })).sort((a, b) => a.as_of.localeCompare(b.as_of));
}

/** The video's date window, from data/reference/video.csv (the video's exact day is not in any capture). */
export function videoWindow(): { earliest: string; latest: string; title: string; evidence: string } {
  const rows = tables.video().filter((r) => r.event_id === 'video');
  if (rows.length !== 1) throw new Error(`data/reference/video.csv: expected one row with event_id "video", found ${rows.length}`);
  const r = rows[0]!;
  return { earliest: r.date_earliest, latest: r.date_latest, title: r.title, evidence: r.evidence };
}

/** Whole calendar months from one ISO date to a later one. */
export function wholeMonths(from: string, to: string): number {
  const [y0, m0, d0] = from.split('-').map(Number) as [number, number, number];
  const [y1, m1, d1] = to.split('-').map(Number) as [number, number, number];
  return (y1 - y0) * 12 + (m1 - m0) - (d1 < d0 ? 1 : 0);
}

/** Time from the video to a date, as whole months over the video's window (latest date → fewest months). */
export function monthsSinceVideo(to: string): { min: number; max: number } {
  const w = videoWindow();
  return { min: wholeMonths(w.latest, to), max: wholeMonths(w.earliest, to) };
}

/** Days from a snapshot date to the video's window (0 inside it). */
const daysFromVideo = (date: string, w = videoWindow()) =>
  date < w.earliest ? (Date.parse(w.earliest) - Date.parse(date)) / 864e5 : date > w.latest ? (Date.parse(date) - Date.parse(w.latest)) / 864e5 : 0;

/**
 * A board's gap at the snapshot nearest the video, at the latest snapshot scored the same way,
 * and the largest gap between them. Snapshots of another method are never compared with it:
 * `laterMethods` lists the methods that came after (a break the sentence must mention).
 */
export function gapSinceVideo(rows: BestRow[]) {
  const all = gaps(rows);
  if (!all.length) return null;
  const w = videoWindow();
  const video = all.reduce((a, b) => (daysFromVideo(b.as_of, w) < daysFromVideo(a.as_of, w) || (daysFromVideo(b.as_of, w) === daysFromVideo(a.as_of, w) && b.as_of <= w.latest && b.as_of > a.as_of) ? b : a));
  const same = all.filter((g) => g.scoring_method === video.scoring_method && g.as_of >= video.as_of);
  const latest = same.at(-1)!;
  const peak = same.reduce((a, b) => (b.gap > a.gap ? b : a));
  const methodRecord = all.filter((g) => g.scoring_method === video.scoring_method);
  const laterMethods = [...new Set(all.filter((g) => g.as_of > latest.as_of).map((g) => g.scoring_method))];
  const afterBreak = all.filter((g) => g.as_of > latest.as_of);
  return {
    video, latest, peak, daysFromVideo: daysFromVideo(video.as_of, w),
    /** The video's gap is the smallest of its method's whole record. */
    videoIsMethodLow: methodRecord.every((g) => g.gap >= video.gap),
    laterMethods, afterBreak: afterBreak.length ? { first: afterBreak[0]!, latest: afterBreak.at(-1)! } : null,
  };
}

/** Per scoring method (in time order): the median gap of its first and last calendar years, a fair baseline rather than one snapshot. */
export function gapByMethodYear(rows: BestRow[]) {
  const all = gaps(rows);
  const methods = [...new Set(all.map((g) => g.scoring_method))];
  const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
  return methods.map((method) => {
    const rs = all.filter((g) => g.scoring_method === method);
    const years = [...new Set(rs.map((g) => g.as_of.slice(0, 4)))].sort();
    const yearStat = (y: string) => { const ys = rs.filter((g) => g.as_of.startsWith(y)); return { year: y, snapshots: ys.length, median: Math.round(median(ys.map((g) => g.gap)) * 10) / 10, from: ys[0]!.as_of, to: ys.at(-1)!.as_of }; };
    return { method, from: rs[0]!.as_of, to: rs.at(-1)!.as_of, first: yearStat(years[0]!), last: yearStat(years.at(-1)!) };
  });
}

/** Median ECI frontier gap over the month-ends of a year (months before both frontiers exist are left out): a year's baseline, not one date. */
export function eciGapYearMedian(year: number) {
  const gapsAt = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, i + 1, 0)).toISOString().slice(0, 10)).map((d) => eciGapAt(d)).filter((x) => x !== null);
  const s = gapsAt.map((x) => x.gap).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? { year, months: s.length, median: s.length % 2 ? s[m]! : Math.round(((s[m - 1]! + s[m]!) / 2) * 10) / 10, min: s[0]!, max: s.at(-1)! } : null;
}

/** The frontier gap on Epoch's index at a date: best closed minus best open among models released by then. */
export function eciGapAt(date: string) {
  const { steps } = eciFrontier();
  const at = (side: Side) => steps.filter((s) => s.side === side && s.date <= date).at(-1) ?? null;
  const open = at('open');
  const closed = at('closed');
  return open && closed ? { date, open, closed, gap: Math.round((closed.value - open.value) * 10) / 10 } : null;
}

/** The models the openness spectrum shows: the best family of leading labs on each side, plus the fully open ones. */
export function spectrumModels(): ModelRow[] {
  const board = aaBoard();
  const models = byId();
  const pick: ModelRow[] = [];
  const seenLab = new Set<string>();
  const take = (filter: (e: AaEntry) => boolean, n: number, perLab = true) => {
    let k = 0;
    for (const e of board) {
      if (k >= n) break;
      if (!filter(e) || (perLab && seenLab.has(`${e.openness}|${e.lab_id}`))) continue;
      seenLab.add(`${e.openness}|${e.lab_id}`);
      pick.push(models.get(e.model_id)!);
      k++;
    }
  };
  take((e) => e.openness === 'closed', 3);
  take((e) => e.openness === 'open-weight', 7);
  take((e) => e.openness === 'open-source', 2);
  return pick;
}

/** A readable name for a training_disclosure.csv source (its source/dataset id). */
const disclosureSource = (source: string) => (source === 'artificialanalysis/models' ? 'Artificial Analysis Openness Index' : source);

/**
 * One cell per (model, part). "no" needs evidence (a closed model releases nothing; a disclosure
 * level of 0 in data/reference/training_disclosure.csv); where no source records it, the cell is
 * "unknown" and drawn differently, never as "no". Cells carry the part's code; the figure names it (labels.ts).
 */
export interface SpectrumCode extends Omit<SpectrumCell, 'component'> { model_id: string; part: SpectrumPart }

export function spectrumCells(models: ModelRow[]): SpectrumCode[] {
  const licences = new Map(tables.licences().map((l) => [l.licence_id, l]));
  const disclosure = new Map(tables.trainingDisclosure().map((d) => [d.model_id, d]));
  return models.flatMap((m) => {
    const lic = m.licence_id ? licences.get(m.licence_id) : undefined;
    const permissive = lic?.restrictiveness === 'permissive';
    const yn = (v: boolean | null): SpectrumCell['released'] => (v === null ? 'unknown' : v ? 'yes' : 'no');
    const name = `${m.family} (${m.lab_name})`;
    const d = disclosure.get(m.model_id);
    const data: { released: SpectrumCell['released']; detail: string } =
      m.openness === 'closed' ? { released: 'no', detail: 'not released (closed model)' }
      : m.training_data_released ? { released: 'yes', detail: 'released (data/reference/open_source_models.csv)' }
      : d ? (d.pretraining_data === 3 && d.posttraining_data === 3 ? { released: 'yes', detail: `released (${disclosureSource(d.source)}, ${d.source_as_of})` }
        : d.pretraining_data === 0 && d.posttraining_data === 0 ? { released: 'no', detail: `not released (${disclosureSource(d.source)}, ${d.source_as_of}: pre- and post-training data access 0 of 3)` }
        : { released: 'partly', detail: `partly released (${disclosureSource(d.source)}, ${d.source_as_of}: pre-training data ${d.pretraining_data} of 3, post-training ${d.posttraining_data} of 3)` })
      : { released: 'unknown', detail: 'not recorded in our sources' };
    return [
      { model: name, model_id: m.model_id, openness: m.openness, part: 'weights' as const, released: yn(m.weights_downloadable), detail: m.weights_downloadable ? `downloadable${m.huggingface_repo ? ` (${m.huggingface_repo})` : ''}` : 'API or hosted access only' },
      { model: name, model_id: m.model_id, openness: m.openness, part: 'training-code' as const, released: m.openness === 'closed' ? 'no' : yn(m.training_code_released), detail: m.training_code_released ? 'released' : m.openness === 'closed' ? 'not released (closed model)' : m.training_code_released === false ? 'not released' : 'not recorded in our sources' },
      { model: name, model_id: m.model_id, openness: m.openness, part: 'training-data' as const, ...data },
      { model: name, model_id: m.model_id, openness: m.openness, part: 'licence' as const, released: m.openness === 'closed' ? 'no' : permissive ? 'yes' : lic ? 'no' : 'unknown', detail: lic ? `${lic.name} (${lic.restrictiveness})` : m.openness === 'closed' ? 'terms of service only' : 'not recorded in our sources' },
    ];
  });
}

/** Open models released since a date, by country group and licence restrictiveness. */
export function licenceCounts(since = '2025-01-01'): LicenceCount[] {
  const licences = new Map(tables.licences().map((l) => [l.licence_id, l]));
  const counts = new Map<string, LicenceCount>();
  const families = new Set<string>();
  for (const m of tables.models()) {
    if (!isOpen(m.openness) || !m.release_date || m.release_date < since) continue;
    const fam = `${m.lab_id}|${m.family}`;
    if (families.has(fam)) continue;
    families.add(fam);
    const r = (m.licence_id && licences.get(m.licence_id)?.restrictiveness) || 'unknown';
    const key = `${m.country_group}|${r}`;
    const c = counts.get(key) ?? { country_group: m.country_group, restrictiveness: r as LicenceCount['restrictiveness'], models: 0 };
    c.models++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => a.country_group.localeCompare(b.country_group) || a.restrictiveness.localeCompare(b.restrictiveness));
}

/** Share of a country group's open families (from licenceCounts) whose licence is one of `kinds`. */
export function licenceShare(counts: LicenceCount[], group: string, kinds: string[]): number {
  const all = counts.filter((x) => x.country_group === group).reduce((n, x) => n + x.models, 0);
  return all ? counts.filter((x) => x.country_group === group && kinds.includes(x.restrictiveness)).reduce((n, x) => n + x.models, 0) / all : 0;
}

/** The biggest open models of leading labs, and the two American open models sized for one GPU (data/reference/article_subjects.csv). */
export function memoryModels(): ModelRow[] {
  const board = aaBoard();
  const models = byId();
  const chosen: ModelRow[] = [];
  const labs = new Set<string>();
  for (const e of board) {
    if (!isOpen(e.openness) || labs.has(e.lab_id ?? '')) continue;
    const m = models.get(e.model_id)!;
    if (!m.total_parameters) continue;
    labs.add(e.lab_id ?? '');
    chosen.push(m);
    if (chosen.length >= 7) break;
  }
  for (const id of [subjectId('us-open-datacentre-size'), subjectId('us-open-consumer-size')]) {
    const m = models.get(id);
    if (m && !chosen.includes(m)) chosen.push(m);
  }
  return chosen;
}

export function memoryRows(models: ModelRow[]): MemoryRow[] {
  return models.flatMap((m) => ([['16-bit', m.memory_gb_16bit], ['8-bit', m.memory_gb_8bit], ['4-bit', m.memory_gb_4bit]] as const).map(([precision, gb]) => ({
    model: m.family, precision, gb: gb!, total_parameters: m.total_parameters!, active_parameters: m.active_parameters,
  })));
}

export { isOpen };

/** Open-weight share of notable models, China vs US, over the two latest full years in the data. */
export function openShareRecent(): { cn: number; us: number; years: string } {
  const share = tables.openShare();
  const latest = Math.max(...share.map((r) => r.year));
  const years = [latest - 1, latest];
  const sum = (g: string) => {
    const rs = share.filter((r) => r.country_group === g && years.includes(r.year));
    const open = rs.reduce((n, r) => n + r.open_weight_models, 0);
    const known = rs.reduce((n, r) => n + r.open_weight_models + r.closed_models, 0);
    return known ? open / known : 0;
  };
  return { cn: sum('China'), us: sum('United States'), years: `${years[0]}–${years[1]}` };
}

export function reportedRows() {
  return tables.reported().map((r) => ({
    figure_id: r.figure_id,
    panel: r.figure_id === 'atom-downloads' ? `${r.publisher} (${r.published}): tracked downloads` : `${r.publisher} (${r.published}): share of a year's downloads`,
    country_group: r.country_group, value: r.value, unit: r.unit as 'downloads' | 'percent', publisher: r.publisher, published: r.published, url: r.url,
  }));
}

/**
 * The newest K2 verifier table: schema accuracy, and F1 where the README publishes one (below-threshold vendors
 * only). Listings are counted once per (model, vendor, route): `tested` leaves out Moonshot's official reference
 * (the yardstick), `thirdParty` also leaves out Moonshot's own Turbo API and the vLLM/SGLang engine references.
 * Points carry codes (metric id, vendor and route apart): the figure names them (labels.ts).
 */
export function verifierK2() {
  const rows = tables.verifier().filter((r) => r.dataset === 'kimi-k2');
  const asOf = rows.map((r) => r.as_of).reduce((a, b) => (a > b ? a : b));
  const latest = rows.filter((r) => r.as_of === asOf && r.value !== null && (r.metric === 'schema_accuracy_pct' || r.metric === 'tool_call_f1_pct'));
  const points = latest.map((r) => ({ model: r.model, vendor: r.vendor, route: r.route, metric: r.metric, value: r.value!, group: r.group, threshold: r.threshold, vendor_kind: r.vendor_kind }));
  const listingKey = (r: { model: string; vendor: string; route: string }) => `${r.model}|${r.vendor}|${r.route}`;
  const listings = [...new Map(rows.filter((r) => r.as_of === asOf && r.metric === 'schema_accuracy_pct').map((r) => [listingKey(r), r])).values()];
  const tested = listings.filter((r) => r.vendor_kind !== 'official-reference');
  const thirdParty = listings.filter((r) => r.vendor_kind === 'third-party');
  const below = rows.filter((r) => r.as_of === asOf && r.group === 'below-threshold' && r.metric === 'tool_call_f1_pct');
  const releases = [...new Set(tables.verifier().filter((r) => r.dataset !== 'unmerged-third-party').map((r) => `${r.dataset}|${r.as_of}`))].sort((a, b) => a.split('|')[1]!.localeCompare(b.split('|')[1]!));
  const passed = rows.filter((r) => r.as_of === asOf && r.metric === 'tool_call_f1_pct' && r.value === null && r.threshold !== null)
    .map((r) => ({ model: r.model, vendor: r.vendor, route: r.route, metric: r.metric, threshold: r.threshold! }));
  return { asOf, points, passed, listings, tested, thirdParty, vendors: listings, below, releases };
}

/** The newest Kimi K3 verifier table: task scores per vendor next to Moonshot's own API. */
export function verifierK3() {
  const rows = tables.verifier().filter((r) => r.dataset === 'kimi-k3');
  const asOf = rows.map((r) => r.as_of).reduce((a, b) => (a > b ? a : b));
  const latest = rows.filter((r) => r.as_of === asOf && r.value !== null && (r.metric === 'deepswe_pct' || r.metric === 'beam_1m_pct'));
  // DeepSWE across vendors (Moonshot's own API apart, as the reference).
  const deep = latest.filter((r) => r.metric === 'deepswe_pct');
  // Vendors selling the model: Moonshot's own API is the reference, and an engine's reference deployment is no vendor.
  const vendors = deep.filter((r) => r.vendor_kind === 'third-party');
  const deepswe = {
    reference: deep.find((r) => r.group === 'official-reference') ?? null,
    lowest: vendors.reduce((a, b) => (b.value! < a.value! ? b : a)),
    highest: vendors.reduce((a, b) => (b.value! > a.value! ? b : a)),
    vendors,
    engines: deep.filter((r) => r.vendor_kind === 'inference-engine'),
  };
  return { asOf, rows: latest, deepswe, points: latest.map((r) => ({ model: r.model, vendor: r.vendor, metric: r.metric, value: r.value!, group: r.group, threshold: null, vendor_kind: r.vendor_kind })) };
}

/** The snapshot date nearest the video's window among `dates` (inside it wins; on a tie, the earlier). */
function nearestVideo(dates: string[]): string {
  const w = videoWindow();
  return [...dates].sort().reduce((a, b) => (daysFromVideo(b, w) < daysFromVideo(a, w) ? b : a));
}

/** A cell of the one-year-on grid, in codes: the figure labels board and period (labels.ts). */
export interface LeaderCode { board: BoardId; openness: Side; period: Period; date: string; model: string; country_group: string }

/**
 * The leader of each chart at the capture nearest the video (data/reference/video.csv) and at
 * the latest one. Boards were captured on different dates: each cell carries its own, and a
 * board with no capture near the video says how far from it its nearest capture is.
 */
export function oneYearOn(): LeaderCode[] {
  const labs = new Map(tables.labs().map((l) => [l.lab_id, l]));
  const group = (labId: string | null) => countryGroup(labId ? labs.get(labId)?.country : null);
  const boards: { board: BoardId; source: string; metric: string; datasets: string[]; openness: Side }[] = [
    { board: 'lmarena-closed', source: 'lmarena', metric: METRIC.arenaStyleControl, datasets: ['text-style-control', 'arena-top'], openness: 'closed' },
    { board: 'lmarena-open', source: 'lmarena', metric: METRIC.arenaStyleControl, datasets: ['text-style-control', 'arena-top'], openness: 'open' },
    { board: 'aa-closed', source: 'artificialanalysis', metric: METRIC.aaIntelligence, datasets: ['models'], openness: 'closed' },
    { board: 'aa-open', source: 'artificialanalysis', metric: METRIC.aaIntelligence, datasets: ['models'], openness: 'open' },
  ];
  const models = byId();
  const display = (r: BestRow) => (r.model_id && models.get(r.model_id)?.family) || r.best_model;
  const cells: LeaderCode[] = boards.flatMap((b) => {
    const series = tables.best().filter((r) => r.source === b.source && r.metric === b.metric && b.datasets.includes(r.dataset) && r.country_group === 'All' && r.openness === b.openness)
      .sort((x, y) => x.as_of.localeCompare(y.as_of));
    if (series.length === 0) return [];
    const nearDate = nearestVideo(series.map((r) => r.as_of));
    const [first, last] = [series.find((r) => r.as_of === nearDate)!, series.at(-1)!];
    return [
      { board: b.board, openness: b.openness, period: 'near-video' as const, date: first.as_of, model: display(first), country_group: group(first.lab_id) as string },
      { board: b.board, openness: b.openness, period: 'latest' as const, date: last.as_of, model: display(last), country_group: group(last.lab_id) as string },
    ];
  });
  const { asOf, top } = providerLeaders(1);
  const nearProviders = nearestVideo([...new Set(tables.providers().map((p) => p.as_of))]);
  // Most-hosted = most third-party hosts serving the weights (providerLeaders), not most listings.
  const firstTop = providerLeaders(1, nearProviders).top[0]!;
  cells.push(
    { board: 'models-dev-most-hosted', openness: 'open', period: 'near-video', date: nearProviders, model: firstTop.model, country_group: firstTop.country_group },
    { board: 'models-dev-most-hosted', openness: 'open', period: 'latest', date: asOf, model: top[0]!.model, country_group: top[0]!.country_group },
  );
  return cells;
}

/**
 * Share of a machine's memory the weights may take for a model to "fit": the rest is left for the KV cache,
 * activations and the runtime (a short-context minimum; long contexts need more). One rule for every fit test.
 */
export const HEADROOM = 0.1;
export const usableGb = (memoryGb: number) => memoryGb * (1 - HEADROOM);
export const fits = (weightsGb: number | null | undefined, memoryGb: number) => weightsGb != null && weightsGb <= usableGb(memoryGb);

/**
 * "The US can't win the open chart again" (the video), tested: at every Artificial Analysis
 * capture, the best American open family's rank among open families, and who leads.
 */
export function usOpenChart() {
  const dates = [...new Set(tables.scores().filter((s) => s.source === 'artificialanalysis' && s.dataset === 'models').map((s) => s.as_of))].sort();
  const at = dates.map((d) => {
    const open = top(aaBoard(d), Infinity, (r) => r.openness !== 'closed');
    const us = open.find((r) => r.country_group === 'United States');
    return { as_of: d, leader: open[0]!, best: us ? { ...us, openRank: us.rank } : null, openFamilies: open.length };
  });
  const latest = at.at(-1)!;
  const withUs = at.filter((x) => x.best);
  if (!latest.best || !withUs.length) throw new Error(`no American open family on the Artificial Analysis index of ${latest.as_of}: the "US open chart" claim needs rewriting, not a guess`);
  const bestEver = withUs.reduce((a, b) => (b.best!.openRank < a.best!.openRank ? b : a));
  return { at, best: latest.best, latest, bestEver };
}

/** Open model families whose 4-bit weights fit a given memory with the headroom above, ranked on the latest AA index. */
export function localBoard(maxGb: number) {
  const models = byId();
  return aaBoard().filter((e) => e.openness !== 'closed' && fits(models.get(e.model_id)?.memory_gb_4bit, maxGb)).map((e, i) => ({ ...e, rank: i + 1, gb4: models.get(e.model_id)!.memory_gb_4bit! }));
}

/**
 * The capability frontier on Epoch AI's Capabilities Index: for each side (open, closed), the
 * best score of any model released up to each date. The lag is how long before the open
 * frontier's latest level the closed frontier first reached it.
 */
export function eciFrontier() {
  const rows = tables.scores().filter((s) => s.metric === METRIC.eci && s.release_date && s.openness)
    .sort((a, b) => a.release_date!.localeCompare(b.release_date!) || b.value - a.value);
  const asOf = rows.map((r) => r.as_of).reduce((a, b) => (a > b ? a : b));
  const steps: { date: string; side: Side; value: number; model: string; country_group: string }[] = [];
  const best = { open: -Infinity, closed: -Infinity };
  // Epoch keys its rows by an evaluation id ("fireworks/kimi-k2p5"): show the model's family where it matched.
  const models = byId();
  const nameOf = (r: ScoreRow) => (r.model_id && models.get(r.model_id)?.family) || r.source_model;
  for (const r of rows) {
    const side: Side = r.openness === 'closed' ? 'closed' : 'open';
    if (r.value <= best[side]) continue;
    best[side] = r.value;
    steps.push({ date: r.release_date!, side, value: r.value, model: nameOf(r), country_group: r.country_group });
  }
  const openTop = steps.filter((s) => s.side === 'open').at(-1)!;
  const closedReached = steps.find((s) => s.side === 'closed' && s.value >= openTop.value) ?? null;
  const months = closedReached ? (Date.parse(openTop.date) - Date.parse(closedReached.date)) / (30.44 * 864e5) : null;
  return { asOf, steps, openTop, closedReached, lagMonths: months === null ? null : Math.round(months * 10) / 10 };
}

/** The vendor verifier's metric eras: what a metric id measures (similarity to the API, F1/schema, raw counts, task scores). */
export type VerifierEra = 'similarity' | 'f1' | 'counts' | 'tasks';
export const verifierEra = (metric: string): VerifierEra =>
  metric.startsWith('tool_call_similarity') ? 'similarity'
    // Counts first: schema_validation_errors is a count of the first era, not the later schema accuracy.
    : metric.includes('successful') || metric.includes('validation') ? 'counts'
    : metric.startsWith('tool_call_f1') || metric.startsWith('schema_accuracy') ? 'f1' : 'tasks';

/** The first test date of each metric era in the published (merged) verifier rounds. */
export function verifierEraStarts(): Map<VerifierEra, string> {
  const starts = new Map<VerifierEra, string>();
  for (const r of tables.verifier().filter((x) => x.dataset !== 'unmerged-third-party')) {
    const era = verifierEra(r.metric);
    if (!starts.has(era) || r.as_of < starts.get(era)!) starts.set(era, r.as_of);
  }
  return starts;
}
