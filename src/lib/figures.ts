/**
 * Every figure of the article in one registry: its data (exactly the rows it plots, which the
 * CSV download serves), its chart, and its words. Pages and the CSV endpoint both read it.
 * Takeaways are computed from the same rows the chart draws.
 */
import type * as Plot from '@observablehq/plot';
import { gapOverTime } from '../charts/gap-over-time.ts';
import { priceThroughput } from '../charts/price-throughput.ts';
import { providersBars, providersTrend } from '../charts/providers.ts';
import { reportedFigures } from '../charts/reported.ts';
import { vendorDots } from '../charts/vendor-verifier.ts';
import { leadersGrid } from '../charts/leaders.ts';
import { licenceByCountry } from '../charts/licence-by-country.ts';
import { memoryChart, type HardwareLine } from '../charts/memory.ts';
import { openShareByYear, type OpenCountRow } from '../charts/open-share-by-year.ts';
import { opennessSpectrum, SPECTRUM_KEY } from '../charts/openness-spectrum.ts';
import { rankingBars } from '../charts/ranking.ts';
import { COUNTRY_GROUPS, type CountryGroup } from '../charts/scales.ts';
import { capitalise, countOf, fmtDate, fmtMonth, int, num, ordinalSuffix, pct, word } from './format.ts';
import { list } from './claims/claim.ts';
import { mentions } from './mentions.ts';
import { say } from './claims.ts';
import { tables } from './tables.ts';
import * as v from './views.ts';
import { METRIC } from '../../lib/metrics.ts';
import { arenaCopyLabel, BOARD_LABEL, methodLabel, PERIOD_LABEL, precisionLabel, SIDE_LABEL, SPECTRUM_PART_LABEL, vendorLabel, verifierMetricLabel } from './labels.ts';

export interface FigureSource { name: string; url: string; asOf: string; licence?: string }

export interface FigureDef<Row extends object = Record<string, unknown>> {
  id: string;
  title: string;
  takeaway: string;
  /** What the chart shows, in words: the accessible description. */
  description: string;
  sources: FigureSource[];
  rows: Row[];
  columns: (keyof Row & string)[];
  plot: (width: number) => Plot.PlotOptions;
  /** Lab ids the chart shows: the build fails if one is unknown (no country). */
  labs?: (string | null)[];
}

/**
 * A figure checked against its own row type (every column must be a key of Row), then handed to
 * the registry, which treats all figures alike: the CSV endpoint and the claims history read
 * rows by column name. This is the one place the row type is forgotten, after it was checked.
 */
function defineFigure<Row extends object>(def: FigureDef<Row>): FigureDef {
  return def as unknown as FigureDef;
}

const AA = (asOf: string): FigureSource => ({ name: 'Artificial Analysis Intelligence Index', url: 'https://artificialanalysis.ai/leaderboards/models', asOf });
const EPOCH = (asOf: string): FigureSource => ({ name: "Epoch AI, 'Data on AI Models'", url: 'https://epoch.ai/data/ai-models', asOf, licence: 'CC BY 4.0' });
const LMARENA = (asOf: string, what = 'LMArena text leaderboard'): FigureSource => ({ name: what, url: 'https://lmarena.ai/leaderboard/text', asOf });
const MODELS_DEV = (asOf: string): FigureSource => ({ name: 'models.dev catalogue of providers', url: 'https://models.dev', asOf, licence: 'MIT' });
const AA_PROVIDERS = (asOf: string): FigureSource => ({ name: 'Artificial Analysis, providers table (captured by a community scraper)', url: 'https://artificialanalysis.ai/leaderboards/providers', asOf });
const K2VV = (asOf: string): FigureSource => ({ name: 'Moonshot AI, Kimi Vendor Verifier (GitHub README)', url: 'https://github.com/MoonshotAI/K2-Vendor-Verifier', asOf });
const REF = { name: 'this report’s reference tables', url: '/data/#reference', asOf: '' };

function rankingAll(): FigureDef {
  const board = v.aaBoard();
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const rows = v.top(board, 30);
  const openInTop = rows.filter((r) => r.openness !== 'closed');
  const firstOpen = board.find((r) => r.openness !== 'closed')!;
  const usClosed10 = rows.slice(0, 10).filter((r) => r.country_group === 'United States' && r.openness === 'closed').length;
  return defineFigure({
    id: 'ranking-all',
    title: 'The 30 strongest model families, open or not',
    takeaway: say('fig-ranking-all'),
    description: `Horizontal bars for the 30 highest-scoring model families on the Artificial Analysis Intelligence Index of ${fmtDate(asOf)}, longest at the top, coloured by the lab's country. ${capitalise(word(openInTop.length))} of them have downloadable weights, marked with a diamond: ${openInTop.map((r) => r.model).join(', ') || 'none'}.`,
    sources: [AA(asOf)],
    rows: rows,
    columns: ['rank', 'model', 'lab', 'country_group', 'openness', 'score'],
    plot: (width) => rankingBars(rows, { width, metricLabel: 'Intelligence Index', openRanks: true }),
    labs: rows.map((r) => r.lab_id),
  });
}

function rankingOpen(): FigureDef {
  const board = v.aaBoard();
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const rows = v.top(board, 15, (r) => r.openness !== 'closed');
  const cn = rows.filter((r) => r.country_group === 'China').length;
  return defineFigure({
    id: 'ranking-open',
    title: 'The strongest models whose weights you can download',
    takeaway: say('fig-ranking-open'),
    description: `Horizontal bars for the 15 highest-scoring open-weight (and open-source) model families on the Artificial Analysis Intelligence Index of ${fmtDate(asOf)}, coloured by the lab's country. From the top: ${rows.slice(0, 5).map((r) => `${r.model} (${r.lab})`).join(', ')}.`,
    sources: [AA(asOf)],
    rows: rows,
    columns: ['rank', 'model', 'lab', 'country_group', 'openness', 'score'],
    plot: (width) => rankingBars(rows, { width, metricLabel: 'Intelligence Index' }),
    labs: rows.map((r) => r.lab_id),
  });
}

function rankingArena(): FigureDef {
  const { asOf, rows } = v.arenaChartRows();
  const shown = Math.max(...rows.map((r) => r.rank));
  return defineFigure({
    id: 'ranking-arena',
    title: 'A second opinion: the LMArena text leaderboard',
    takeaway: say('fig-ranking-arena'),
    description: `Horizontal bars for the ${word(shown)} highest-rated models on LMArena's style-controlled text leaderboard as captured on ${fmtDate(asOf)}, down to the best open model, with 95% confidence intervals as thin lines, coloured by the lab's country; a diamond marks open weights.`,
    sources: [LMARENA(asOf, 'LMArena text leaderboard, style-controlled (top of board captured by a community collector)')],
    rows: rows,
    columns: ['rank', 'model', 'lab', 'country_group', 'openness', 'score', 'ci_lower', 'ci_upper'],
    plot: (width) => rankingBars(rows, { width, metricLabel: 'Arena rating (style-controlled)', mark: 'dot' }),
    labs: rows.map((r) => r.lab_id),
  });
}

function spectrum(): FigureDef {
  const models = v.spectrumModels();
  const cells = v.spectrumCells(models).map((c) => ({ model: c.model, openness: c.openness, component: SPECTRUM_PART_LABEL[c.part], released: c.released, detail: c.detail }));
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  return defineFigure({
    id: 'openness-spectrum',
    title: 'Open weights are not open source',
    takeaway: say('fig-openness-spectrum'),
    description: `A grid: one row per model, one column each for weights, training code, training data and a permissive licence. A filled square means the part is released; a pale square marked “part” that it is partly released; a cross that a source records it as not released; a dashed square with a question mark that no source we hold records it either way. Closed models release none of the four. Key: ${SPECTRUM_KEY}.`,
    sources: [AA(asOf), REF],
    rows: cells,
    columns: ['model', 'openness', 'component', 'released', 'detail'],
    plot: (width) => opennessSpectrum(cells, { width }),
    labs: models.map((m) => m.lab_id),
  });
}

function notableOpenByCountry(): FigureDef {
  const share = tables.openShare().filter((r) => r.year >= 2019);
  const rows: OpenCountRow[] = share.flatMap((r) => [
    { year: r.year, country: r.country_group as CountryGroup, weights: 'Open weights' as const, models: r.open_weight_models },
    { year: r.year, country: r.country_group as CountryGroup, weights: 'Closed or unreleased' as const, models: r.closed_models },
  ]);
  const asOf = share[0]?.source_as_of ?? '';
  const { cn, us, years } = v.openShareRecent();
  return defineFigure({
    id: 'notable-open-by-country',
    title: 'Notable models per year, by lab country, with and without released weights',
    takeaway: say('fig-notable-open-by-country'),
    description: `Stacked bars for each year since 2019, one panel per country group (${COUNTRY_GROUPS.join(', ')}). Each bar splits the year's notable models into those released with open weights and those kept closed or unreleased. Models whose access Epoch has not recorded are left out.`,
    sources: [EPOCH(asOf)],
    rows: rows,
    columns: ['year', 'country', 'weights', 'models'],
    plot: (width) => openShareByYear(rows, { width }),
  });
}

function licences(): FigureDef {
  const rows = v.licenceCounts();
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const share = (g: string, kinds: string[]) => v.licenceShare(rows, g, kinds);
  return defineFigure({
    id: 'licences-by-country',
    title: 'How permissive are the licences?',
    takeaway: say('fig-licences-by-country'),
    description: 'For open-weight model families released since January 2025 and listed by Artificial Analysis, the share in each country group under a permissive licence (OSI-style), a permissive licence with conditions above a size threshold, a restricted licence (use policy, user or revenue thresholds, regions), or a non-commercial one.',
    sources: [AA(asOf), REF],
    rows: rows,
    columns: ['country_group', 'restrictiveness', 'models'],
    plot: (width) => licenceByCountry(rows, { width }),
  });
}

function memory(): FigureDef {
  const models = v.memoryModels();
  const rows = v.memoryRows(models);
  const machines = tables.hardware();
  const hardware: HardwareLine[] = machines.map((h) => ({ name: h.name, gb: h.memory_gb, kind: h.kind }));
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const gbList = (kind: string) => machines.filter((h) => h.kind === kind).map((h) => `${int(h.memory_gb)} GB (${h.available})`).join(', ');
  return defineFigure({
    id: 'memory',
    title: 'Will it fit? Memory to hold the weights',
    takeaway: say('fig-memory'),
    description: `For ${word(models.length)} open models, dots show the memory needed to hold the weights at 16, 8 and 4 bits per parameter (4 bits counted at 4.25 with block scales, and the layers a published checkpoint keeps at 16 bits counted at 16), on a log scale from 8 GB to several terabytes. Dashed vertical lines mark real hardware, with the year it became available: consumer graphics cards of ${gbList('consumer-gpu')}, unified-memory desktops of ${gbList('desktop')}, one data-centre GPU of ${gbList('datacentre-gpu')} and eight-GPU servers of ${gbList('server')}. A model fits where its dot sits left of a line with ${int(v.HEADROOM * 100)}% to spare for the KV cache.`,
    sources: [AA(asOf), REF],
    rows: rows,
    columns: ['model', 'precision', 'gb', 'total_parameters', 'active_parameters'],
    plot: (width) => memoryChart(rows, hardware, { width }),
    labs: models.map((m) => m.lab_id),
  });
}

function videoEvent(): { from: Date; to: Date; label: string } {
  const w = v.videoWindow();
  return { from: new Date(`${w.earliest}T00:00:00Z`), to: new Date(`${w.latest}T00:00:00Z`), label: 'The video' };
}

function gapArena(): FigureDef {
  const series = v.bestSeries('lmarena', METRIC.arena);
  const points = v.gapPoints(series).map((p) => ({ ...p, side: SIDE_LABEL[p.side], dataset: arenaCopyLabel(p.dataset) }));
  const g = v.gaps(series);
  const first = g[0]!;
  const last = g.at(-1)!;
  const methods = [...new Set(g.map((x) => x.scoring_method))];
  return defineFigure({
    id: 'gap-arena',
    title: 'Best open model against best closed model, on LMArena',
    takeaway: say('fig-gap-arena'),
    description: `Two stepped lines over time, from ${fmtMonth(first.as_of)} to ${fmtMonth(last.as_of)}: the highest LMArena text rating (without style control) of any closed model and of any open-weight model. Symbols mark which copy of the leaderboard each point comes from. LMArena scored models with ${list(methods.map(methodLabel))} in turn; the lines break where the method changed (a dashed vertical line), because ratings of two methods are not comparable.`,
    sources: [LMARENA(last.as_of, 'LMArena text leaderboard (raw ratings, archived copies)'), { name: 'this report’s scoring-method reference', url: '/data/#reference', asOf: '' }],
    rows: points.map((p) => ({ date: p.date.toISOString().slice(0, 10), side: p.side, model: p.model, value: p.value, dataset: p.dataset, scoring_method: p.method })),
    columns: ['date', 'side', 'model', 'value', 'dataset', 'scoring_method'],
    // The takeaway measures the gap "at the video": the chart shows where that is.
    plot: (width) => gapOverTime(points, { width, metricLabel: 'Arena rating', methodLabel, event: videoEvent() }),
  });
}

function providersNow(): FigureDef {
  const { asOf, top } = v.providerLeaders(20);
  return defineFigure({
    id: 'providers',
    title: 'Many hosts, one model',
    takeaway: say('fig-providers'),
    description: `Horizontal bars for the 20 open-weight model families served by the most third-party hosts (companies other than the lab that run the weights) in the models.dev catalogue of ${fmtDate(asOf)}, coloured by the lab's country; a grey extension adds the gateways and routers that list the family without serving it. Regional and subscription-plan listings of one company count once; data/reference/providers.csv says which provider is which.`,
    sources: [MODELS_DEV(asOf)],
    rows: top,
    columns: ['model', 'lab', 'country_group', 'hosts', 'gateways', 'third_party_providers', 'listings'],
    plot: (width) => providersBars(top, { width }),
    labs: top.map((r) => r.lab_id),
  });
}

function providersOverTime(): FigureDef {
  const trend = v.providerTrend();
  const points = trend.map((t) => ({ date: new Date(`${t.as_of}T00:00:00Z`), country_group: t.country_group, value: t.mean_host_share_pct }));
  const dates = [...new Set(trend.map((t) => t.as_of))];
  const last = dates.at(-1)!;
  return defineFigure({
    id: 'providers-over-time',
    title: 'Third-party hosting of open models, Chinese and American, as the catalogue grew',
    takeaway: say('fig-providers-over-time'),
    description: `Two lines over the ${word(dates.length)} models.dev snapshots from ${fmtMonth(dates[0]!)} to ${fmtMonth(last)}: for open-weight model families from Chinese labs and from American labs, the mean number of third-party hosts (gateways and routers excluded) as a percentage of all the catalogue's hosts that date, which grew from ${int(trend[0]!.catalogue_hosts)} to ${int(trend.at(-1)!.catalogue_hosts)}. The CSV also gives the raw mean.`,
    sources: [MODELS_DEV(last)],
    rows: trend,
    columns: ['as_of', 'country_group', 'families', 'mean_hosts', 'catalogue_hosts', 'mean_host_share_pct', 'mean_third_party_providers', 'catalogue_providers'],
    plot: (width) => providersTrend(points, { width, label: "Mean third-party hosts per open family, % of the catalogue's hosts" }),
  });
}

function downloadsReported(): FigureDef {
  const rows = v.reportedRows();
  return defineFigure({
    id: 'downloads-reported',
    title: 'Downloads, as others have measured them',
    takeaway: say('fig-downloads-reported'),
    description: `Reported figures, one panel per study, bars scaled within each panel: ${[...new Set(rows.map((r) => r.panel))].map((p) => `${p}: ${rows.filter((r) => r.panel === p).map((r) => `${r.country_group} ${r.unit === 'percent' ? `${r.value}%` : `${int(r.value / 1e6)} million`}`).join(', ')}`).join('; ')}.`,
    sources: [{ name: 'ATOM Report, arXiv 2604.07190 (April 2026); MIT and Hugging Face study (November 2025), as reported', url: 'https://arxiv.org/abs/2604.07190', asOf: '' }],
    rows: rows,
    columns: ['panel', 'country_group', 'value', 'unit', 'publisher', 'published'],
    plot: (width) => reportedFigures(rows, { width }),
  });
}

function priceSpeed(): FigureDef {
  const pp = v.providerPoints(3);
  const { asOf } = pp;
  const points = pp.points.map((p) => ({ ...p, precision: precisionLabel(p.precision) }));
  const takeaway = say('fig-price-throughput');
  // The endpoints the takeaway names (its model and hosts) are labelled on the chart at every width.
  const named = points.filter((p) => mentions(takeaway, p.model) && mentions(takeaway, p.provider));
  return defineFigure({
    id: 'price-throughput',
    title: 'Same model, different hosts: price against speed',
    takeaway,
    description: `One panel per model version (${[...new Set(points.map((p) => p.model))].join(', ')}): each dot is an endpoint, placed by its median output speed (log scale) and its blended price per million tokens, as measured by Artificial Analysis on ${fmtDate(asOf)}. A host's tiers (Fast, Turbo, Throughput, Base) and quantised copies are separate dots, coloured by the precision the endpoint states (FP8, FP4; grey where it states none).`,
    sources: [AA_PROVIDERS(asOf)],
    rows: points,
    columns: ['model', 'provider', 'host', 'endpoint_variant', 'precision', 'price', 'tokens_per_second'],
    plot: (width) => priceThroughput(points, { width, named }),
  });
}

function verifierK2(): FigureDef {
  const k2 = v.verifierK2();
  const { asOf } = k2;
  const points = k2.points.map((p) => ({ ...p, vendor: vendorLabel(p), metric: verifierMetricLabel(p.metric) }));
  const passed = k2.passed.map((p) => ({ ...p, vendor: vendorLabel(p), metric: verifierMetricLabel(p.metric) }));
  return defineFigure({
    id: 'vendor-verifier',
    title: 'How faithfully do hosts serve Kimi K2?',
    takeaway: say('fig-vendor-verifier'),
    description: `Two panels, one per metric, with one row per Kimi K2 model and vendor. Left: schema accuracy (share of tool calls that match the tool's declared schema). Right: tool-call F1 against the official API, published only for vendors below Moonshot's threshold (a tick marks the threshold; a faint grey span marks vendors that passed it without a published score). Colour gives Moonshot's own grouping: the official reference, vendors above the threshold, and vendors below it.`,
    sources: [K2VV(asOf)],
    rows: points,
    columns: ['model', 'vendor', 'metric', 'value', 'threshold', 'group', 'vendor_kind'],
    plot: (width) => vendorDots(points, { width, xLabel: 'Percent', passed }),
  });
}

function verifierK3(): FigureDef {
  const k3 = v.verifierK3();
  const { asOf } = k3;
  const points = k3.points.map((p) => ({ ...p, metric: verifierMetricLabel(p.metric) }));
  return defineFigure({
    id: 'vendor-verifier-k3',
    title: `${capitalise(word(v.wholeMonths(v.verifierK2().asOf, asOf)))} months later: vendors serving Kimi K3, scored on real tasks`,
    takeaway: say('fig-vendor-verifier-k3'),
    description: `For the Kimi K3 release, the verifier moved from tool-call checks to task benchmarks. Two panels, DeepSWE and BEAM (1M context), show each vendor's score in the README of ${fmtDate(asOf)}, Moonshot's own API in black.`,
    sources: [K2VV(asOf)],
    rows: points,
    columns: ['model', 'vendor', 'metric', 'value', 'group', 'vendor_kind'],
    plot: (width) => vendorDots(points, { width, xLabel: 'Score (percent)' }),
  });
}

function eciFrontier(): FigureDef {
  const { asOf, steps: coded, openTop, closedReached, lagMonths } = v.eciFrontier();
  const steps = coded.map((s) => ({ ...s, side: SIDE_LABEL[s.side] }));
  const points = steps.map((s) => ({ date: new Date(`${s.date}T00:00:00Z`), side: s.side, value: s.value, model: s.model, dataset: 'Epoch Capabilities Index' }));
  return defineFigure({
    id: 'eci-frontier',
    title: 'The open frontier trails the closed one by months',
    takeaway: say('fig-eci-frontier'),
    description: `Two stepped lines over model release dates: the highest Epoch Capabilities Index score of any closed model and of any open-weight model released up to each date, from ${fmtMonth(steps[0]!.date)} to ${fmtMonth(steps.at(-1)!.date)}. Each step is a new record holder.`,
    sources: [{ name: "Epoch AI, 'AI Benchmarking Hub' (Epoch Capabilities Index)", url: 'https://epoch.ai/benchmarks', asOf, licence: 'CC BY 4.0' }],
    rows: steps,
    columns: ['date', 'side', 'model', 'value', 'country_group'],
    // The takeaway's lag, drawn: from the month closed models reached the open leader's score to the open leader's release,
    // which the label names (the takeaway does).
    plot: (width) => gapOverTime(points, { width, metricLabel: 'Epoch Capabilities Index (frontier by release date)', lag: closedReached && lagMonths !== null ? { from: new Date(`${closedReached.date}T00:00:00Z`), to: new Date(`${openTop.date}T00:00:00Z`), value: openTop.value, label: `${num(lagMonths)} months later:\n${openTop.model}` } : undefined }),
  });
}

function leaders(): FigureDef {
  const coded = v.oneYearOn();
  const now = coded.filter((c) => c.period === 'latest');
  // Codes become the grid's words here: the rows (and their CSV) carry the labels.
  const cells = coded.map((c) => ({ board: BOARD_LABEL[c.board], period: PERIOD_LABEL[c.period], date: c.date, model: c.model, country_group: c.country_group }));
  return defineFigure({
    id: 'one-year-on',
    title: 'Since the video: who leads each chart',
    takeaway: say('fig-one-year-on'),
    description: `A grid: one row per chart (LMArena and Artificial Analysis, best closed and best open model, and the open model served by the most third-party hosts on models.dev, gateways and routers not counted), one column for the capture nearest the video (the video is dated between ${fmtDate(v.videoWindow().earliest)} and ${fmtDate(v.videoWindow().latest)}; boards captured only later show their first capture) and one for the latest. Each cell names the leader and its date, coloured by the lab's country.`,
    sources: [LMARENA(now.find((c) => c.board === 'lmarena-closed')?.date ?? ''), AA(v.latestAsOf('artificialanalysis', 'models')), MODELS_DEV(v.providerLeaders(1).asOf)],
    rows: cells,
    columns: ['board', 'period', 'date', 'model', 'country_group'],
    plot: (width) => leadersGrid(cells, { width }),
  });
}

export function allFigures(): FigureDef[] {
  return [rankingAll(), rankingOpen(), rankingArena(), spectrum(), providersNow(), providersOverTime(), downloadsReported(), priceSpeed(), verifierK2(), verifierK3(), notableOpenByCountry(), licences(), memory(), gapArena(), eciFrontier(), leaders()];
}

/**
 * Every model a chart shows must have a known lab (and so a country): the colour of its bar
 * depends on it. A chart that would show an unknown lab fails the build, naming the figure.
 */
export function checkFigureLabs(figures: FigureDef[], knownLabs: Set<string>): void {
  const problems = figures.flatMap((f) => (f.labs ?? []).filter((l) => !l || !knownLabs.has(l)).map((l) => `${f.id}: ${l ?? 'a model with no lab'}`));
  if (problems.length) {
    throw new Error(`charts would show models without a known lab (add them to data/reference/labs.csv or lab_aliases.csv, then npm run normalize):\n  ${[...new Set(problems)].join('\n  ')}`);
  }
}

let memo: FigureDef[] | undefined;
export function figure(id: string): FigureDef {
  if (!memo) {
    memo = allFigures();
    checkFigureLabs(memo, new Set(tables.labs().map((l) => l.lab_id)));
  }
  const f = memo.find((x) => x.id === id);
  if (!f) throw new Error(`no figure "${id}"`);
  return f;
}
