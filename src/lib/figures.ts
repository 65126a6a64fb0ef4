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
import { opennessSpectrum } from '../charts/openness-spectrum.ts';
import { rankingBars } from '../charts/ranking.ts';
import { COUNTRY_GROUPS, type CountryGroup } from '../charts/scales.ts';
import { capitalise, countOf, fmtDate, fmtMonth, int, num, ordinalSuffix, pct, word } from './format.ts';
import { tables } from './tables.ts';
import * as v from './views.ts';

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
  return {
    id: 'ranking-all',
    title: 'The 30 strongest model families, open or not',
    takeaway: `${capitalise(countOf(usClosed10, 10))} at the top are closed American models; the best open one, ${firstOpen.model} (${firstOpen.lab}), ranks ${firstOpen.rank}${ordinalSuffix(firstOpen.rank)}.`,
    description: `Horizontal bars for the 30 highest-scoring model families on the Artificial Analysis Intelligence Index of ${fmtDate(asOf)}, longest at the top, coloured by the lab's country. ${capitalise(word(openInTop.length))} of them have downloadable weights, marked with a diamond: ${openInTop.map((r) => r.model).join(', ') || 'none'}.`,
    sources: [AA(asOf)],
    rows: rows as never[],
    columns: ['rank', 'model', 'lab', 'country_group', 'openness', 'score'] as never[],
    plot: (width) => rankingBars(rows, { width, metricLabel: 'Intelligence Index', openRanks: true }),
    labs: rows.map((r) => r.lab_id),
  };
}

function rankingOpen(): FigureDef {
  const board = v.aaBoard();
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const rows = v.top(board, 15, (r) => r.openness !== 'closed');
  const cn = rows.filter((r) => r.country_group === 'China').length;
  return {
    id: 'ranking-open',
    title: 'The strongest models whose weights you can download',
    takeaway: `${cn} of the 15 strongest open model families come from Chinese labs.`,
    description: `Horizontal bars for the 15 highest-scoring open-weight (and open-source) model families on the Artificial Analysis Intelligence Index of ${fmtDate(asOf)}, coloured by the lab's country. From the top: ${rows.slice(0, 5).map((r) => `${r.model} (${r.lab})`).join(', ')}.`,
    sources: [AA(asOf)],
    rows: rows as never[],
    columns: ['rank', 'model', 'lab', 'country_group', 'openness', 'score'] as never[],
    plot: (width) => rankingBars(rows, { width, metricLabel: 'Intelligence Index' }),
    labs: rows.map((r) => r.lab_id),
  };
}

function rankingArena(): FigureDef {
  const { asOf, rows: board } = v.arenaBoard();
  const rows = v.top(board, 15);
  const bestOpen = board.find((r) => r.openness !== 'closed')!;
  return {
    id: 'ranking-arena',
    title: 'A second opinion: the LMArena text leaderboard',
    takeaway: `On human preference votes the best open model, ${bestOpen.model} (${bestOpen.lab}), ranks ${bestOpen.rank}${ordinalSuffix(bestOpen.rank)}.`,
    description: `Horizontal bars for the 15 highest-rated models on LMArena's style-controlled text leaderboard as captured on ${fmtDate(asOf)}, with 95% confidence intervals as thin lines, coloured by the lab's country; a diamond marks open weights.`,
    sources: [LMARENA(asOf, 'LMArena text leaderboard, style-controlled (top of board captured by a community collector)')],
    rows: rows as never[],
    columns: ['rank', 'model', 'lab', 'country_group', 'openness', 'score', 'ci_lower', 'ci_upper'] as never[],
    plot: (width) => rankingBars(rows, { width, metricLabel: 'Arena rating (style-controlled)', mark: 'dot' }),
    labs: rows.map((r) => r.lab_id),
  };
}

function spectrum(): FigureDef {
  const models = v.spectrumModels();
  const cells = v.spectrumCells(models);
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  return {
    id: 'openness-spectrum',
    title: 'Open weights are not open source',
    takeaway: `Of ${models.length} leading models, ${models.filter((m) => m.openness === 'open-source').length} publish their training data and code; ${models.filter((m) => m.openness === 'open-weight').length} publish only the trained weights.`,
    description: 'A grid: one row per model, one column each for weights, training code, training data and a permissive licence. A filled square means the part is released; a cross means it is not. Closed models release none of the four.',
    sources: [AA(asOf), REF],
    rows: cells as never[],
    columns: ['model', 'openness', 'component', 'released', 'detail'] as never[],
    plot: (width) => opennessSpectrum(cells, { width }),
    labs: models.map((m) => m.lab_id),
  };
}

function notableOpenByCountry(): FigureDef {
  const share = tables.openShare().filter((r) => r.year >= 2019);
  const rows: OpenCountRow[] = share.flatMap((r) => [
    { year: r.year, country: r.country_group as CountryGroup, weights: 'Open weights' as const, models: r.open_weight_models },
    { year: r.year, country: r.country_group as CountryGroup, weights: 'Closed or unreleased' as const, models: r.closed_models },
  ]);
  const asOf = share[0]?.source_as_of ?? '';
  const { cn, us, years } = v.openShareRecent();
  return {
    id: 'notable-open-by-country',
    title: 'Notable models per year, by lab country, with and without released weights',
    takeaway: `In ${years}, ${pct(cn)} of Chinese notable models shipped open weights, against ${pct(us)} of American ones.`,
    description: `Stacked bars for each year since 2019, one panel per country group (${COUNTRY_GROUPS.join(', ')}). Each bar splits the year's notable models into those released with open weights and those kept closed or unreleased. Models whose access Epoch has not recorded are left out.`,
    sources: [EPOCH(asOf)],
    rows: rows as never[],
    columns: ['year', 'country', 'weights', 'models'] as never[],
    plot: (width) => openShareByYear(rows, { width }),
  };
}

function licences(): FigureDef {
  const rows = v.licenceCounts();
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const share = (g: string, kinds: string[]) => v.licenceShare(rows, g, kinds);
  return {
    id: 'licences-by-country',
    title: 'How permissive are the licences?',
    takeaway: `${pct(share('China', ['permissive']))} of Chinese open model families released since 2025 use a permissive licence such as MIT or Apache 2.0, against ${pct(share('United States', ['permissive']))} of American ones.`,
    description: 'For open-weight model families released since January 2025 and listed by Artificial Analysis, the share in each country group under a permissive licence (OSI-style), a permissive licence with conditions above a size threshold, a restricted licence (use policy, user or revenue thresholds, regions), or a non-commercial one.',
    sources: [AA(asOf), REF],
    rows: rows as never[],
    columns: ['country_group', 'restrictiveness', 'models'] as never[],
    plot: (width) => licenceByCountry(rows, { width }),
  };
}

function memory(): FigureDef {
  const models = v.memoryModels();
  const rows = v.memoryRows(models);
  const hardware: HardwareLine[] = tables.hardware().map((h) => ({ name: h.name, gb: h.memory_gb, kind: h.kind }));
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const biggest = models.reduce((a, b) => ((b.total_parameters ?? 0) > (a.total_parameters ?? 0) ? b : a));
  return {
    id: 'memory',
    title: 'Will it fit? Memory to hold the weights',
    takeaway: `${biggest.family} needs ${int(biggest.memory_gb_8bit!)} GB at 8 bits, more than an 8-GPU server's ${int(tables.hardware().find((h) => h.hardware_id === 'server-8x80')!.memory_gb)} GB; gpt-oss-20b fits a 16 GB graphics card at 4 bits.`,
    description: `For ${word(models.length)} open models, dots show the memory needed to hold the weights at 16, 8 and 4 bits per parameter, on a log scale from 8 GB to several terabytes. Dashed vertical lines mark real hardware: consumer graphics cards of 16, 24 and 32 GB, unified-memory desktops of 128 and 512 GB, one 80 GB data-centre GPU and an 8-GPU server with 640 GB.`,
    sources: [AA(asOf), REF],
    rows: rows as never[],
    columns: ['model', 'precision', 'gb', 'total_parameters', 'active_parameters'] as never[],
    plot: (width) => memoryChart(rows, hardware, { width }),
    labs: models.map((m) => m.lab_id),
  };
}

function gapArena(): FigureDef {
  const series = v.bestSeries('lmarena', 'lmarena_text_rating');
  const label = (d: string) => ({ 'text-history': 'History (community archive)', 'text-raw-fboulnois': 'Leaderboard CSV copies', 'text-raw': 'LMArena dumps' }[d] ?? d);
  const points = v.gapPoints(series, label);
  const g = v.gaps(series);
  const first = g[0]!;
  const last = g.at(-1)!;
  return {
    id: 'gap-arena',
    title: 'Best open model against best closed model, on LMArena',
    takeaway: `The gap in Arena rating went from ${Math.round(first.gap)} points (${fmtMonth(first.as_of)}) to ${Math.round(last.gap)} (${fmtMonth(last.as_of)}).`,
    description: `Two stepped lines over time, from ${fmtMonth(first.as_of)} to ${fmtMonth(last.as_of)}: the highest LMArena text rating (without style control) of any closed model and of any open-weight model. Symbols mark which copy of the leaderboard each point comes from.`,
    sources: [LMARENA(last.as_of, 'LMArena text leaderboard (raw ratings, archived copies)')],
    rows: points.map((p) => ({ date: p.date.toISOString().slice(0, 10), side: p.side, model: p.model, value: p.value, dataset: p.dataset })) as never[],
    columns: ['date', 'side', 'model', 'value', 'dataset'] as never[],
    plot: (width) => gapOverTime(points, { width, metricLabel: 'Arena rating' }),
  };
}

function providersNow(): FigureDef {
  const { asOf, top } = v.providerLeaders(20);
  const cn = top.filter((r) => r.country_group === 'China').length;
  return {
    id: 'providers',
    title: 'Many hosts, one model',
    takeaway: `${cn} of the 20 open model families listed by the most third-party providers are Chinese; ${top[0]!.model} leads with ${top[0]!.third_party_providers}.`,
    description: `Horizontal bars for the 20 open-weight model families listed by the most providers other than the lab itself in the models.dev catalogue of ${fmtDate(asOf)}, coloured by the lab's country. Regional and subscription-plan listings of one company count once.`,
    sources: [MODELS_DEV(asOf)],
    rows: top as never[],
    columns: ['model', 'lab', 'country_group', 'third_party_providers'] as never[],
    plot: (width) => providersBars(top, { width }),
    labs: top.map((r) => r.lab_id),
  };
}

function providersOverTime(): FigureDef {
  const trend = v.providerTrend();
  const points = trend.map((t) => ({ date: new Date(`${t.as_of}T00:00:00Z`), country_group: t.country_group, value: t.mean_third_party_providers }));
  const dates = [...new Set(trend.map((t) => t.as_of))];
  const at = (d: string, g: string) => trend.find((t) => t.as_of === d && t.country_group === g)?.mean_third_party_providers ?? 0;
  const last = dates.at(-1)!;
  return {
    id: 'providers-over-time',
    title: 'Third-party hosting of open models, Chinese and American',
    takeaway: `In ${fmtMonth(last)} a Chinese open model family was listed by ${at(last, 'China')} third-party providers on average, an American one by ${at(last, 'United States')}.`,
    description: `Two lines over the ${word(dates.length)} models.dev snapshots from ${fmtMonth(dates[0]!)} to ${fmtMonth(last)}: the mean number of third-party providers listing an open-weight model family from Chinese labs and from American labs.`,
    sources: [MODELS_DEV(last)],
    rows: trend as never[],
    columns: ['as_of', 'country_group', 'families', 'mean_third_party_providers'] as never[],
    plot: (width) => providersTrend(points, { width }),
  };
}

function downloadsReported(): FigureDef {
  const rows = v.reportedRows();
  return {
    id: 'downloads-reported',
    title: 'Downloads, as others have measured them',
    takeaway: (() => {
      const panels = [...new Set(rows.map((r) => r.panel))];
      const ahead = panels.filter((p) => (rows.find((r) => r.panel === p && r.country_group === 'China')?.value ?? 0) > (rows.find((r) => r.panel === p && r.country_group === 'United States')?.value ?? 0));
      return `${capitalise(countOf(ahead.length, panels.length))} studies cited here, not this report’s own data, found Chinese open models ahead of American ones in downloads.`;
    })(),
    description: `Reported figures, one panel per study, bars scaled within each panel: ${[...new Set(rows.map((r) => r.panel))].map((p) => `${p}: ${rows.filter((r) => r.panel === p).map((r) => `${r.country_group} ${r.unit === 'percent' ? `${r.value}%` : `${int(r.value / 1e6)} million`}`).join(', ')}`).join('; ')}.`,
    sources: [{ name: 'ATOM Report, arXiv 2604.07190 (April 2026); MIT and Hugging Face study (November 2025), as reported', url: 'https://arxiv.org/abs/2604.07190', asOf: '' }],
    rows: rows as never[],
    columns: ['panel', 'country_group', 'value', 'unit', 'publisher', 'published'] as never[],
    plot: (width) => reportedFigures(rows, { width }),
  };
}

function priceSpeed(): FigureDef {
  const { asOf, points } = v.providerPoints(3);
  const kimi = points.filter((p) => p.model_id.startsWith('kimi-k2'));
  const fastest = kimi.reduce((a, b) => (b.tokens_per_second > a.tokens_per_second ? b : a));
  const cheapest = kimi.reduce((a, b) => (b.price < a.price ? b : a));
  return {
    id: 'price-throughput',
    title: 'Same model, different hosts: price against speed',
    takeaway: `For ${kimi[0]!.model}, ${fastest.provider} served ${int(fastest.tokens_per_second)} tokens a second for $${fastest.price.toFixed(2)} per million tokens; ${cheapest.provider} charged $${cheapest.price.toFixed(2)} at ${int(cheapest.tokens_per_second)}.`,
    description: `One panel per model (${[...new Set(points.map((p) => p.model))].join(', ')}): each dot is a provider, placed by its median output speed (log scale) and its blended price per million tokens, as measured by Artificial Analysis on ${fmtDate(asOf)}.`,
    sources: [AA_PROVIDERS(asOf)],
    rows: points as never[],
    columns: ['model', 'provider', 'price', 'tokens_per_second'] as never[],
    plot: (width) => priceThroughput(points, { width }),
  };
}

function verifierK2(): FigureDef {
  const { asOf, points, vendors, below } = v.verifierK2();
  return {
    id: 'vendor-verifier',
    title: 'How faithfully do hosts serve Kimi K2?',
    takeaway: `In Moonshot's test of ${fmtDate(asOf)}, ${word(below.length)} of ${vendors.length} vendor listings fell below its tool-calling threshold.`,
    description: `One panel per Kimi K2 model. Each row is a vendor; dots show its schema accuracy (share of tool calls that match the tool's declared schema) and, for vendors below Moonshot's threshold, its tool-call F1 against the official API. Colour gives Moonshot's own grouping: the official reference, vendors above the threshold (whose exact F1 the README does not publish), and vendors below it.`,
    sources: [K2VV(asOf)],
    rows: points as never[],
    columns: ['model', 'vendor', 'metric', 'value', 'group'] as never[],
    plot: (width) => vendorDots(points, { width, xLabel: 'Percent (schema accuracy; tool-call F1 where published)' }),
  };
}

function verifierK3(): FigureDef {
  const { asOf, points, deepswe } = v.verifierK3();
  const { reference: ref, lowest: lo, highest: hi } = deepswe;
  return {
    id: 'vendor-verifier-k3',
    title: 'A year later: vendors serving Kimi K3, scored on real tasks',
    takeaway: `On the DeepSWE coding benchmark, vendors ranged from ${num(lo.value!)}% (${lo.vendor}) to ${num(hi.value!)}% (${hi.vendor}), against ${num(ref?.value ?? 0)}% on Moonshot's own API.`,
    description: `For the Kimi K3 release, the verifier moved from tool-call checks to task benchmarks. Dots show each vendor's DeepSWE and BEAM (1M context) scores in the README of ${fmtDate(asOf)}, Moonshot's own API in blue.`,
    sources: [K2VV(asOf)],
    rows: points as never[],
    columns: ['model', 'vendor', 'metric', 'value', 'group'] as never[],
    plot: (width) => vendorDots(points, { width, xLabel: 'Score (percent)' }),
  };
}

function eciFrontier(): FigureDef {
  const { asOf, steps, openTop, closedReached, lagMonths } = v.eciFrontier();
  const points = steps.map((s) => ({ date: new Date(`${s.date}T00:00:00Z`), side: s.side, value: s.value, model: s.model, dataset: 'Epoch Capabilities Index' }));
  return {
    id: 'eci-frontier',
    title: 'The open frontier trails the closed one by months',
    takeaway: closedReached
      ? `The best open model on Epoch's index, ${openTop.model} (${fmtMonth(openTop.date)}), scores ${num(openTop.value)}: closed models got there ${num(lagMonths!)} months earlier, in ${fmtMonth(closedReached.date)}.`
      : `The best open model on Epoch's index, ${openTop.model}, scores ${num(openTop.value)}, a level no closed model had reached.`,
    description: `Two stepped lines over model release dates: the highest Epoch Capabilities Index score of any closed model and of any open-weight model released up to each date, from ${fmtMonth(steps[0]!.date)} to ${fmtMonth(steps.at(-1)!.date)}. Each step is a new record holder.`,
    sources: [{ name: "Epoch AI, 'AI Benchmarking Hub' (Epoch Capabilities Index)", url: 'https://epoch.ai/benchmarks', asOf, licence: 'CC BY 4.0' }],
    rows: steps as never[],
    columns: ['date', 'side', 'model', 'value', 'country_group'] as never[],
    plot: (width) => gapOverTime(points, { width, metricLabel: 'Epoch Capabilities Index (frontier by release date)' }),
  };
}

function leaders(): FigureDef {
  const cells = v.oneYearOn();
  const now = cells.filter((c) => c.period === 'Latest snapshot');
  return {
    id: 'one-year-on',
    title: 'One year on: who leads each chart',
    takeaway: `Today every open leader is ${now.filter((c) => /open/.test(c.board)).every((c) => c.country_group === 'China') ? 'Chinese' : 'not Chinese'}, every closed leader ${now.filter((c) => /closed/.test(c.board)).every((c) => c.country_group === 'United States') ? 'American' : 'not American'}.`,
    description: `A grid: one row per chart (LMArena and Artificial Analysis, best closed and best open model, and the open model listed by the most hosts on models.dev), one column for the first snapshot after the video (November 2025 or the first capture after it) and one for the latest. Each cell names the leader and its date, coloured by the lab's country.`,
    sources: [LMARENA(now[0]?.date ?? ''), AA(v.latestAsOf('artificialanalysis', 'models')), MODELS_DEV(v.providerLeaders(1).asOf)],
    rows: cells as never[],
    columns: ['board', 'period', 'date', 'model', 'country_group'] as never[],
    plot: (width) => leadersGrid(cells, { width }),
  };
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
