/**
 * Step 8: the race now, against the video and against 2023: gaps, leaders, the verdict.
 * Gaps are compared only within one scoring method (data/reference/scoring_methods.csv), and
 * "since the video" starts at the capture nearest the video's date (data/reference/video.csv).
 */
import { fmtDate, fmtMonth, int, num, word } from '../format.ts';
import { dataAsOf } from '../provenance.ts';
import { BOARD_LABEL, BOARD_NAME, methodPhrase } from '../labels.ts';
import { referenceMachines } from '../subjects.ts';
import * as v from '../views.ts';
import { claim, input, list, ordinal, type Claim } from './claim.ts';

/** "eight to nine months", or "nine months" when the video's window gives one number. */
export function monthsPhrase(to: string): string {
  const { min, max } = v.monthsSinceVideo(to);
  return rangePhrase(min, max);
}

const rangePhrase = (min: number, max: number) => (min === max ? `${word(min)} month${min === 1 ? '' : 's'}` : `${word(min)} to ${word(max)} months`);

/** The gap comparisons of step 8 and the verdict share these. */
export function frontierGaps() {
  const w = v.videoWindow();
  const raw = v.gapSinceVideo(v.bestSeries('lmarena', 'lmarena_text_rating'))!;
  const styled = v.gapSinceVideo(v.bestSeries('lmarena', 'lmarena_text_rating_style_control'))!;
  const aa = v.gapSinceVideo(v.bestSeries('artificialanalysis', 'aa_intelligence_index', ['models']))!;
  const eci = v.eciFrontier();
  const eciNow = v.eciGapAt(eci.asOf)!;
  const eciVideo = [v.eciGapAt(w.earliest)!, v.eciGapAt(w.latest)!];
  const widened = {
    lmarenaRaw: raw.latest.gap > raw.video.gap,
    lmarenaStyle: styled.latest.gap > styled.video.gap,
    aa: aa.latest.gap > aa.video.gap,
    eci: eciVideo.every((g) => eciNow.gap > g.gap),
  };
  return { w, raw, styled, aa, eci, eciNow, eciVideo, widened, allWidened: Object.values(widened).every(Boolean) };
}

export function frontierClaims(): Claim[] {
  const newest = dataAsOf();
  const g = frontierGaps();
  const { w, raw, styled, aa, eciNow, eciVideo } = g;
  const rawYears = v.gapByMethodYear(v.bestSeries('lmarena', 'lmarena_text_rating'));
  const eci2023 = v.eciGapYearMedian(2023)!;
  const aaLast = v.gaps(v.bestSeries('artificialanalysis', 'aa_intelligence_index', ['models'])).at(-1)!;
  const eci = g.eci;
  // The largest gaming card in hardware.csv: what "fits a graphics card" is measured against.
  const consumer32 = referenceMachines().largestConsumerGpu;
  const local = v.localBoard(consumer32.memory_gb);
  const localUs = local.find((e) => e.country_group === 'United States');
  // Within half a point of a neighbour, the rank is a near-tie and the sentence says so.
  const localTie = localUs ? local.find((e) => Math.abs(e.rank - localUs.rank) === 1 && Math.abs(e.score - localUs.score) < 0.5) : undefined;
  const latestCells = v.oneYearOn().filter((c) => c.period === 'latest');
  const openCells = latestCells.filter((c) => c.openness === 'open');
  const closedCells = latestCells.filter((c) => c.openness === 'closed');
  const openLeadersCn = openCells.every((c) => c.country_group === 'China') && local[0]?.country_group === 'China' && eci.openTop.country_group === 'China';
  const closedLeadersUs = closedCells.every((c) => c.country_group === 'United States');
  const { t0, t1, at: tAt } = v.providerTrendEnds();
  const usOpen = v.usOpenChart();
  const { shareAt: tShare } = v.providerTrendEnds();
  // Raw host counts grew with the catalogue (~2.5×); the verdict gives both the count and the share of the
  // catalogue's hosts, so it cannot read the catalogue's growth as the models' (issue 10, item 4).
  const hostingGrew = tAt(t1, 'China') > tAt(t0, 'China');
  const shareFell = tShare(t1, 'China') < tShare(t0, 'China');
  const cnAheadOfUs = tAt(t1, 'China') > tAt(t1, 'United States') && tShare(t1, 'China') > tShare(t1, 'United States');
  const hostingPhrase = `the average Chinese open family has ${hostingGrew ? 'more' : 'no more'} third-party hosts than in ${fmtMonth(t0)} (${num(tAt(t1, 'China'))} against ${num(tAt(t0, 'China'))}), but ${shareFell ? 'a smaller' : 'no smaller'} share of a catalogue that grew faster (${num(tShare(t1, 'China'))}% of its hosts against ${num(tShare(t0, 'China'))}%); on both counts it ${cnAheadOfUs ? 'is ahead of' : 'is not ahead of'} the average American one`;
  const gapRow = (name: string, x: v.GapRow) => [input(`${name}: gap`, x.gap, x.as_of), input(`${name}: best closed (${x.closed.best_model})`, x.closed.value, x.as_of), input(`${name}: best open (${x.open.best_model})`, x.open.value, x.as_of)];
  const narrowedInMethod = rawYears.every((m) => m.last.median < m.first.median);
  const eciNarrowedToVideo = eciVideo.every((x) => x.gap < eci2023.median);
  const yearSpan = (y: { from: string; to: string }) => (y.from.slice(0, 7) === y.to.slice(0, 7) ? fmtMonth(y.from) : `${fmtMonth(y.from).split(' ')[0]} to ${fmtMonth(y.to)}`);

  return [
    claim('local-best', `Small models are where American labs compete. Among open models that fit a ${int(consumer32.memory_gb)} GB graphics card at 4 bits, ${local[0]!.model} from ${local[0]!.lab} leads the Artificial Analysis index with ${num(local[0]!.score)}; the best American one, ${localUs?.model ?? 'none'} from ${localUs?.lab ?? '-'}, ranks ${localUs?.rank ?? '-'}${ordinal(localUs?.rank ?? 0)} with ${num(localUs?.score ?? 0)}${localTie ? `, a near-tie with ${localTie.model} (${num(localTie.score)})` : ''}.`,
      local[0]!.country_group === 'China' && !!localUs && localUs.rank <= 10, 'a Chinese model leads the local-size board and an American one is in its top ten',
      { inputs: [input('open families that fit at 4 bits', local.length, v.latestAsOf('artificialanalysis', 'models')), input(`leader ${local[0]!.model}`, local[0]!.score, v.latestAsOf('artificialanalysis', 'models')), input(`best American ${localUs?.model ?? 'none'} (rank)`, localUs?.rank ?? 0, v.latestAsOf('artificialanalysis', 'models'))], falsifiedBy: 'an American (or other non-Chinese) model leading the open families that fit a 32 GB card at 4 bits, or no American one in their top ten' }),
    claim('arena-gap-since-video', `Since the video the gap between the best closed and the best open model has ${g.widened.lmarenaRaw && g.widened.lmarenaStyle ? 'widened' : 'not moved one way'}. On LMArena's raw ratings the best closed model led the best open one by ${int(raw.video.gap)} points on ${fmtDate(raw.video.as_of)}${raw.videoIsMethodLow ? `, its smallest lead since LMArena moved to its current scoring method in ${fmtMonth(rawYears.at(-1)!.from)}` : ''}, and by ${int(raw.latest.gap)} on ${fmtDate(raw.latest.as_of)}, the latest raw ratings we hold. With style control, LMArena's default view, the lead went from ${int(styled.video.gap)} points (${fmtDate(styled.video.as_of)}) to ${int(styled.peak.gap)} (${fmtDate(styled.peak.as_of)}) and stood at ${int(styled.latest.gap)} on ${fmtDate(styled.latest.as_of)}.`,
      g.widened.lmarenaRaw && g.widened.lmarenaStyle && raw.video.scoring_method === raw.latest.scoring_method && styled.video.scoring_method === styled.latest.scoring_method && raw.daysFromVideo === 0 && styled.daysFromVideo === 0,
      'on both LMArena boards (raw and style-controlled) the latest gap, scored with the same method as the capture inside the video’s date window, is larger than the gap in that capture',
      { inputs: [...gapRow('LMArena raw, nearest the video', raw.video), ...gapRow('LMArena raw, latest', raw.latest), ...gapRow('LMArena style-controlled, nearest the video', styled.video), ...gapRow('LMArena style-controlled, largest since', styled.peak), ...gapRow('LMArena style-controlled, latest', styled.latest)],
        falsifiedBy: 'a later capture, scored the same way, in which the best open model is as close to or closer to the best closed one than on the capture nearest the video; or a capture nearer the video that shows a larger gap' }),
    claim('aa-gap-since-video', `Artificial Analysis's captures start later, in ${fmtMonth(aa.video.as_of)}, ${rangePhrase(v.wholeMonths(w.latest, aa.video.as_of), v.wholeMonths(w.earliest, aa.video.as_of))} after the video: the best closed model's lead on its index ${aa.latest.gap > aa.video.gap ? 'grew' : 'shrank'} from ${num(aa.video.gap)} points (${fmtDate(aa.video.as_of)}) to ${num(aa.latest.gap)} (${fmtDate(aa.latest.as_of)})${aa.afterBreak ? `; the index was then re-based, and on its new version the lead is ${num(aa.afterBreak.latest.gap)} (${fmtDate(aa.afterBreak.latest.as_of)})` : ''}.`,
      g.widened.aa && (!aa.afterBreak || aa.afterBreak.latest.gap > 0), 'within one version of the Artificial Analysis index the gap grew from its first capture to its last, and closed models still lead on the newest version',
      { inputs: [...gapRow('AA index, first capture', aa.video), ...gapRow('AA index, last capture of that version', aa.latest), ...(aa.afterBreak ? gapRow('AA index, re-based version', aa.afterBreak.latest) : [])], falsifiedBy: 'the gap on the last capture of an index version no larger than on its first, or an open model level with the best closed one on the newest version' }),
    claim('aa-closed-still-leads', `Closed models still lead: on the ${fmtDate(aaLast.as_of)} index the best closed model scores ${num(aaLast.closed.value)} and the best open one ${num(aaLast.open.value)}.`, aaLast.gap > 0, 'the best closed model outscores the best open one',
      { inputs: gapRow('AA index, latest', aaLast), falsifiedBy: 'an open model scoring at least as high as every closed model on the newest index' }),
    claim('eci-gap-since-video', `Epoch AI's Capabilities Index, which dates each model by its release, agrees: among models released by the time of the video, the best closed one led the best open one by ${num(Math.min(...eciVideo.map((x) => x.gap)))} to ${num(Math.max(...eciVideo.map((x) => x.gap)))} points, depending on the video's exact day; counting every model released up to ${fmtMonth(eci.steps.at(-1)!.date)}, the lead is ${num(eciNow.gap)}.`,
      g.widened.eci, 'the ECI frontier gap now is larger than at both ends of the video’s date window',
      { inputs: [...eciVideo.flatMap((x) => [input(`ECI gap at ${x.date}`, x.gap, eci.asOf), input(`best closed released by ${x.date} (${x.closed.model})`, x.closed.value, x.closed.date), input(`best open released by ${x.date} (${x.open.model})`, x.open.value, x.open.date)]), input('ECI gap now', eciNow.gap, eci.asOf)],
        falsifiedBy: 'an open model released since the video that brings the open frontier as close to the closed one as at the video, or a closed model dated inside the video window that was already further ahead' }),
    claim('gap-since-2023', `Over the longer run the picture is different. LMArena changed how it scores models in ${fmtMonth(rawYears[1]?.from ?? rawYears[0]!.to)}, so each method is compared only with itself, using the median of each year's snapshots rather than one date: ${rawYears.map((m, i) => `under ${methodPhrase(m.method)}, ${i === 0 ? 'the best closed model’s median lead went ' : ''}from ${int(m.first.median)} points (${yearSpan(m.first)}) to ${int(m.last.median)} (${yearSpan(m.last)})`).join('; ')}. Measured that way, the gap ${narrowedInMethod ? 'narrowed' : 'did not narrow'} between 2023 and 2025. Epoch's index ${eciNarrowedToVideo ? 'agrees' : 'disagrees'}: over the month-ends of 2023 the median gap was ${num(eci2023.median)} points (${num(eci2023.min)} to ${num(eci2023.max)}), against ${num(Math.min(...eciVideo.map((x) => x.gap)))} to ${num(Math.max(...eciVideo.map((x) => x.gap)))} at the video; at ${num(eciNow.gap)}, the gap for models released up to ${fmtMonth(eci.steps.at(-1)!.date)} is ${eciNow.gap > eci2023.median ? 'wider' : 'no wider'} than 2023's median.`,
      narrowedInMethod && rawYears.length >= 2 && rawYears[0]!.first.year === '2023' && eciNarrowedToVideo, 'under every LMArena scoring method the median gap of its last year is smaller than that of its first, the first method’s record starts in 2023, and on Epoch’s index the 2023 median gap exceeds the gap at both ends of the video’s window',
      { inputs: [...rawYears.flatMap((m) => [input(`${m.method}: median gap ${m.first.year} (${m.first.snapshots} snapshots)`, m.first.median, `${m.first.from}/${m.first.to}`), input(`${m.method}: median gap ${m.last.year} (${m.last.snapshots} snapshots)`, m.last.median, `${m.last.from}/${m.last.to}`)]), input(`ECI: median month-end gap of 2023 (${eci2023.months} months)`, eci2023.median, eci.asOf), input('ECI gap now', eciNow.gap, eci.asOf)],
        falsifiedBy: 'a scoring method whose last year has a median gap at least as large as its first year’s (single snapshots can say either: on 2023-06-19 the gap was 82 points, lower than on 2024-06-26)' }),
    claim('eci-lag', `On that index the best open model, ${eci.openTop.model} (released ${fmtMonth(eci.openTop.date)}, from a ${eci.openTop.country_group === 'China' ? 'Chinese' : eci.openTop.country_group} lab), scores ${num(eci.openTop.value)}, a level closed models first reached in ${eci.closedReached ? fmtMonth(eci.closedReached.date) : 'no month yet'}, ${num(eci.lagMonths ?? 0)} months earlier.`,
      eci.closedReached !== null && (eci.lagMonths ?? 0) > 0 && eci.openTop.country_group === 'China', 'closed models reached the open frontier’s level first, and the open frontier is Chinese',
      { inputs: [input(`best open ${eci.openTop.model}`, eci.openTop.value, eci.openTop.date), input(`first closed model at that level (${eci.closedReached?.model ?? 'none'})`, eci.closedReached?.value ?? 0, eci.closedReached?.date ?? null), input('lag in months', eci.lagMonths ?? 0, eci.asOf)], falsifiedBy: 'an open model scoring above every closed model released before it, or a non-Chinese open model at the top of the open frontier' }),
    claim('verdict', `${capitalise(monthsPhrase(newest))} after the video (our newest data is of ${fmtDate(newest)}), its claim about who leads holds (the data shows who leads, not why): on every open-model chart we could draw (${list([...openCells.map((c) => BOARD_NAME[c.board]), 'the models that fit a gaming graphics card', 'Epoch’s index by release date'])}), a Chinese lab leads, and American labs lead only where weights stay closed. What has not come is a catch-up: the best closed model's lead ${g.allWidened ? 'has grown since the video on LMArena and on Epoch’s index, and on Artificial Analysis’s since its first capture' : 'has not moved one way on every board since the video'}, though on LMArena, method by method, it ${narrowedInMethod ? 'had shrunk' : 'had not shrunk'} between 2023 and 2025. On the hosting measure of step 3, ${hostingPhrase}. The strongest American open model, ${usOpen.best.model} (${usOpen.best.lab}), ranks ${usOpen.best.openRank}${ordinal(usOpen.best.openRank)} among open families on the latest index.`,
      openLeadersCn && closedLeadersUs && g.allWidened && narrowedInMethod && hostingGrew && shareFell && cnAheadOfUs && usOpen.best.openRank > 1,
      'every latest open leader (LMArena, Artificial Analysis, most-hosted, local size, Epoch) is Chinese and every closed leader American; the gap widened since the video on every board within one method; it narrowed 2023→2025 within each LMArena method; the average Chinese open family gained hosts but lost share of the catalogue’s hosts, and is ahead of the American one on both; the best American open family is not first among open families',
      { inputs: [...latestCells.map((c) => input(`${BOARD_LABEL[c.board]}: ${c.model}`, c.country_group, c.date)), input(`local-size leader ${local[0]!.model}`, local[0]!.country_group, v.latestAsOf('artificialanalysis', 'models')), input(`Epoch open frontier ${eci.openTop.model}`, eci.openTop.country_group, eci.openTop.date), input(`mean third-party providers, Chinese open family, ${t0}`, tAt(t0, 'China'), t0), input(`mean third-party providers, Chinese open family, ${t1}`, tAt(t1, 'China'), t1), input('mean share of the catalogue’s hosts %, Chinese open family', tShare(t0, 'China'), t0), input('mean share of the catalogue’s hosts %, Chinese open family', tShare(t1, 'China'), t1), input('mean third-party hosts, American open family', tAt(t1, 'United States'), t1), input('mean share of the catalogue’s hosts %, American open family', tShare(t1, 'United States'), t1), input('months since the video (min)', v.monthsSinceVideo(newest).min, newest), input('months since the video (max)', v.monthsSinceVideo(newest).max, newest)],
        falsifiedBy: 'a non-Chinese model leading any open board, a non-American one leading a closed board, an open model closing the gap on any board since the video, the average Chinese open family losing hosts or gaining share of the catalogue, or the American one level with it' }),
    ...frontierFigureClaims(g),
  ];
}

/** Takeaways of the step-8 figures, checked like the sentences. */
function frontierFigureClaims(g: ReturnType<typeof frontierGaps>): Claim[] {
  const { raw, eci } = g;
  const series = v.gaps(v.bestSeries('lmarena', 'lmarena_text_rating'));
  const breaks = series.filter((x, i) => i > 0 && x.scoring_method !== series[i - 1]!.scoring_method);
  const current = series.filter((x) => x.scoring_method === raw.video.scoring_method);
  const cells = v.oneYearOn();
  const now = cells.filter((c) => c.period === 'latest');
  const openCn = now.filter((c) => c.openness === 'open').every((c) => c.country_group === 'China');
  const closedUs = now.filter((c) => c.openness === 'closed').every((c) => c.country_group === 'United States');
  const latestDate = now.map((c) => c.date).reduce((a, b) => (a > b ? a : b));
  const earliestDate = now.map((c) => c.date).reduce((a, b) => (a < b ? a : b));
  return [
    claim('fig-gap-arena', `Within the scoring LMArena has used since ${fmtMonth(current[0]!.as_of)}, the gap went from ${int(current[0]!.gap)} points to ${int(raw.video.gap)} at the video (${fmtMonth(raw.video.as_of)}) and back up to ${int(raw.latest.gap)} (${fmtMonth(raw.latest.as_of)}). ${breaks.length ? `The dashed line${breaks.length > 1 ? 's mark' : ' marks'} ${breaks.length > 1 ? 'changes' : 'a change'} of method (${breaks.map((b) => fmtMonth(b.as_of)).join(', ')}): ratings on either side are not comparable.` : ''}`,
      current[0]!.gap > raw.video.gap && raw.latest.gap > raw.video.gap, 'within the current method the gap fell from its first snapshot to the video’s and rose after it',
      { inputs: [input('gap, first snapshot of the method', current[0]!.gap, current[0]!.as_of), input('gap nearest the video', raw.video.gap, raw.video.as_of), input('gap, latest', raw.latest.gap, raw.latest.as_of), ...breaks.map((b) => input(`method change to ${b.scoring_method}`, b.gap, b.as_of))], falsifiedBy: 'a gap at the video no smaller than at the method’s start, or no larger afterwards' }),
    claim('fig-eci-frontier', eci.closedReached
      ? `The best open model on Epoch's index, ${eci.openTop.model} (${fmtMonth(eci.openTop.date)}), scores ${num(eci.openTop.value)}: closed models got there ${num(eci.lagMonths!)} months earlier, in ${fmtMonth(eci.closedReached.date)}.`
      : `The best open model on Epoch's index, ${eci.openTop.model}, scores ${num(eci.openTop.value)}, a level no closed model had reached.`,
      eci.closedReached !== null && (eci.lagMonths ?? 0) > 0, 'closed models reached the open frontier’s level earlier',
      { inputs: [input(`best open ${eci.openTop.model}`, eci.openTop.value, eci.openTop.date), input('lag in months', eci.lagMonths ?? 0, eci.asOf)], falsifiedBy: 'an open model above every closed model released before it' }),
    claim('fig-one-year-on', `On the latest captures (${earliestDate === latestDate ? fmtDate(latestDate) : `${fmtDate(earliestDate)} to ${fmtDate(latestDate)}`}) every open leader is ${openCn ? 'Chinese' : 'not Chinese'}, every closed leader ${closedUs ? 'American' : 'not American'}.`,
      openCn && closedUs, 'every latest open leader in the grid is Chinese and every closed leader American',
      { inputs: now.map((c) => input(`${BOARD_LABEL[c.board]}: ${c.model}`, c.country_group, c.date)), falsifiedBy: 'a non-Chinese open leader or a non-American closed leader on any latest capture' }),
  ];
}

const capitalise = (s: string) => (s ? `${s[0]!.toUpperCase()}${s.slice(1)}` : s);
