/**
 * Steps 1 and 2: who leads the strongest-model boards, all models and open ones only, as the
 * video saw them and today; how few are open-source; and what the video said about gpt-oss
 * and the American open answer, tested where the captures hold data.
 */
import { capitalise, countOf, fmtDate, fmtMonth, int, num, pct, word } from '../format.ts';
import { dataAsOf } from '../provenance.ts';
import { tables } from '../tables.ts';
import { subjectId, subjectModel, type SubjectRole } from '../subjects.ts';
import * as v from '../views.ts';
import { claim, input, list, ordinal, type Claim } from './claim.ts';

/** Two ratings whose 95% intervals overlap the other's point: a near-tie the sentence must admit. */
type Rated = { score: number; ci_lower?: number | null; ci_upper?: number | null };
const nearTie = (a: Rated, b: Rated) => (a.ci_lower != null && a.ci_lower <= b.score) || (b.ci_upper != null && b.ci_upper >= a.score);

export function rankingClaims(): Claim[] {
  const aaDate = v.latestAsOf('artificialanalysis', 'models');
  const board = v.aaBoard(aaDate);
  const top10 = v.top(board, 10);
  const usTop10 = top10.filter((r) => r.country_group === 'United States').length;
  const open10 = v.top(board, 10, (r) => r.openness !== 'closed');
  const cnOpen10 = open10.filter((r) => r.country_group === 'China').length;
  const bestOpen = board.find((r) => r.openness !== 'closed')!;
  const bestClosed = board.find((r) => r.openness === 'closed')!;
  const openLabs = [...new Set(open10.filter((r) => r.country_group === 'China').map((r) => r.lab))];
  const arena = v.arenaBoard();
  const arenaBestOpen = arena.rows.find((r) => r.openness !== 'closed')!;
  const arenaClosedAboveUs = arena.rows.filter((r) => r.rank < arenaBestOpen.rank && r.country_group === 'United States').length;
  // The latest board's best open model can be a near-tie too (glm-5 and kimi-k2.5-thinking on 2026-03-29): say so.
  const arenaNextOpen = arena.rows.filter((r) => r.openness !== 'closed')[1];
  const arenaTie = !!arenaNextOpen && nearTie(arenaBestOpen, arenaNextOpen);
  const openFamilies = v.top(board, Infinity, (r) => r.openness !== 'closed');
  // The video's example of a top open model (data/reference/article_subjects.csv).
  const videoPick = subjectModel('video-open-pick');
  // The board has one entry per family (its best variant): find the pick's family, not its exact variant.
  const videoEntry = openFamilies.find((r) => r.lab_id === videoPick.lab_id && r.family === videoPick.family);
  const videoModel = videoEntry ? { model: videoEntry.model, openRank: videoEntry.rank, chineseAbove: openFamilies.filter((r) => r.rank < videoEntry.rank && r.country_group === 'China').length } : null;
  const spectrum = v.spectrumModels();
  const fullyOpen = spectrum.filter((m) => m.openness === 'open-source');
  // The fair baseline for "almost nobody": the whole index, not the chart's hand-picked rows.
  const osFamilies = openFamilies.filter((r) => r.openness === 'open-source');
  const cells = v.spectrumCells(spectrum);
  const openWeight = spectrum.filter((m) => m.openness === 'open-weight');
  const dataState = (m: { model_id: string }) => cells.find((c) => c.model_id === m.model_id && c.part === 'training-data')?.released ?? 'unknown';
  const owNoData = openWeight.filter((m) => dataState(m) === 'no');
  const owPartly = openWeight.filter((m) => dataState(m) === 'partly');
  const owUnknown = openWeight.filter((m) => dataState(m) === 'unknown');

  // The board as the video saw it: LMArena's style-controlled capture nearest the video.
  const then = v.arenaBoardNearVideo();
  const thenOpen = then.rows.filter((r) => r.openness !== 'closed');
  const thenBest = thenOpen[0]!;
  const thenSecond = thenOpen[1];
  const thenTie = !!thenSecond && nearTie(thenBest, thenSecond);
  const thenAboveUs = then.rows.filter((r) => r.rank < thenBest.rank && r.country_group === 'United States').length;
  const ossModel = subjectModel('us-open-datacentre-size');
  const thenOss = then.rows.find((r) => r.model_id === ossModel.model_id);

  // gpt-oss beside the open models the video named, on the latest index.
  const roles: SubjectRole[] = ['us-open-datacentre-size', 'video-deepseek-final', 'video-open-pick', 'video-deepseek-at-video'];
  const named = roles.map((role) => {
    const id = subjectId(role);
    const m = tables.models().find((x) => x.model_id === id);
    const e = m && openFamilies.find((r) => r.lab_id === m.lab_id && r.family === m.family);
    return e ? { id, model: e.model, lab: e.lab, score: e.score, openRank: e.rank, country_group: e.country_group, release_date: m.release_date } : null;
  });
  const [oss, dsv32Final, kimiT, dsv32Exp] = named;
  // The video (November 2025, data/reference/video.csv) predates the final DeepSeek V3.2 of 1 December 2025: the
  // V3.2 it could name is V3.2-Exp. Compare with the version out by the video's latest date, and give the final too.
  const videoLatest = v.videoWindow().latest;
  const expAtVideo = !!dsv32Exp && !!dsv32Final && (dsv32Exp.release_date ?? '9999') <= videoLatest && (dsv32Final.release_date ?? '') > videoLatest;
  const dsv32 = expAtVideo ? dsv32Exp : dsv32Final;

  // The two American open models sized for one GPU, by their Hugging Face repositories (models.csv).
  const ossRepos = new Set([ossModel, subjectModel('us-open-consumer-size')].map((m) => m.huggingface_repo));
  const downloads = tables.hfApi().filter((r) => ossRepos.has(r.id)).sort((a, b) => b.downloads_30d - a.downloads_30d);
  const us = v.usOpenChart();
  const nemotron = us.at.map((x) => ({ as_of: x.as_of, rank: x.best?.openRank ?? null, model: x.best?.model ?? null }));

  return [
    claim('arena-near-video', `On LMArena's board of ${fmtDate(then.asOf)}, the capture nearest the video (style-controlled, its default view), the best open model was ${thenBest.model} (${thenBest.lab}), ${thenBest.rank}${ordinal(thenBest.rank)} by rating${thenTie && thenSecond ? `, a near-tie with ${thenSecond.model} (${thenSecond.lab}): ${num(thenBest.score)} against ${num(thenSecond.score)} points, inside each other's confidence intervals` : ''}. All ${word(thenBest.rank - 1)} models above it were closed, ${word(thenAboveUs)} of them American.`,
      thenBest.country_group === 'China' && (!thenTie || thenSecond!.country_group === 'China') && thenAboveUs > (thenBest.rank - 1) / 2 && then.rows.slice(0, thenBest.rank - 1).every((r) => r.openness === 'closed'),
      'on the capture nearest the video the best open model (and, if near-tied, the runner-up) is Chinese, every model above it is closed and most are American',
      { inputs: [input(`best open ${thenBest.model} (rank)`, thenBest.rank, then.asOf), input(`${thenBest.model} rating`, thenBest.score, then.asOf), ...(thenSecond ? [input(`next open ${thenSecond.model} rating`, thenSecond.score, then.asOf)] : []), input('American models above it', thenAboveUs, then.asOf)], falsifiedBy: 'a capture nearer the video whose best open model is not Chinese, or a non-Chinese runner-up inside its interval' }),
    claim('aa-top-us', `On Artificial Analysis's Intelligence Index of ${fmtDate(aaDate)}, ${countOf(usTop10, 10)} strongest model families come from American labs, led by ${bestClosed.model} (${bestClosed.lab}).`, usTop10 >= 7, 'at least 7 of the top 10 families are American',
      { inputs: [input('American families in the top 10', usTop10, aaDate), input(`leader ${bestClosed.model}`, bestClosed.score, aaDate)], falsifiedBy: 'fewer than seven American families in the top ten of the newest index' }),
    claim('aa-open-top-cn', `Keep only models whose weights can be downloaded and ${countOf(cnOpen10, 10)} at the top are Chinese, from ${list(openLabs)}.`, cnOpen10 >= 6, 'at least 6 of the top 10 open families are Chinese',
      { inputs: [input('Chinese families in the open top 10', cnOpen10, aaDate)], falsifiedBy: 'fewer than six Chinese families among the ten strongest open ones' }),
    claim('aa-best-open', `The strongest open model is ${bestOpen.model} from ${bestOpen.lab}, ${bestOpen.rank}${ordinal(bestOpen.rank)} overall with ${num(bestOpen.score)} points, against ${num(bestClosed.score)} for the leader.`, bestOpen.country_group === 'China', 'the best open model is Chinese',
      { inputs: [input(`best open ${bestOpen.model}`, bestOpen.score, aaDate), input(`leader ${bestClosed.model}`, bestClosed.score, aaDate)], falsifiedBy: 'a non-Chinese model at the top of the open families' }),
    claim('arena-best-open', `LMArena's board of ${fmtDate(arena.asOf)}, the latest we hold, tells the same story: the best open model there, ${arenaBestOpen.model} (${arenaBestOpen.lab}), ranks ${arenaBestOpen.rank}${ordinal(arenaBestOpen.rank)} by rating, behind ${word(arenaBestOpen.rank - 1)} closed models${arenaClosedAboveUs ? `, ${word(arenaClosedAboveUs)} of them American` : ''}${arenaTie ? `; it is a near-tie with ${arenaNextOpen!.model} (${arenaNextOpen!.lab}), ${num(arenaBestOpen.score)} against ${num(arenaNextOpen!.score)} points, inside each other's confidence intervals` : ''}.`,
      arenaBestOpen.country_group === 'China' && (!arenaTie || arenaNextOpen!.country_group === 'China') && arenaBestOpen.rank > 1 && arenaClosedAboveUs > (arenaBestOpen.rank - 1) / 2 && arena.rows.slice(0, arenaBestOpen.rank - 1).every((r) => r.openness === 'closed'),
      'the best open model on LMArena (and, if near-tied, the runner-up) is Chinese, not first, every model above it is closed and most are American',
      { inputs: [input(`best open ${arenaBestOpen.model} (rank)`, arenaBestOpen.rank, arena.asOf), input(`${arenaBestOpen.model} rating`, arenaBestOpen.score, arena.asOf), ...(arenaNextOpen ? [input(`next open ${arenaNextOpen.model} rating`, arenaNextOpen.score, arena.asOf)] : []), input('American models above it', arenaClosedAboveUs, arena.asOf)], falsifiedBy: 'a non-Chinese best open model or a non-Chinese runner-up inside its interval, an open model first, or fewer than half the models above it American' }),
    claim('names-changed', `The names have changed since the video. ${videoModel ? `${videoModel.model}, the open model it singled out, now ranks ${videoModel.openRank}${ordinal(videoModel.openRank)} among open model families on the ${fmtDate(aaDate)} index, and ${int(videoModel.chineseAbove)} of the ${int(videoModel.openRank - 1)} above it are Chinese too` : 'The open model it singled out is no longer listed'}.`,
      !!videoModel && videoModel.openRank > 1 && videoModel.chineseAbove > (videoModel.openRank - 1) / 2, 'the open model the video pointed to is no longer the best open model, and most open families above it are Chinese',
      { inputs: videoModel ? [input(`${videoModel.model} open rank`, videoModel.openRank, aaDate), input('Chinese families above it', videoModel.chineseAbove, aaDate)] : [], falsifiedBy: `${videoPick.family} back at the top of the open families, or most families above it not Chinese` }),
    claim('gpt-oss-beside', oss && dsv32 && kimiT ? `The video set OpenAI's gpt-oss beside DeepSeek V3.2 and ${kimiT.model}. ${thenOss ? `On LMArena's board nearest the video ${ossModel.family} ranked ${thenOss.rank}${ordinal(thenOss.rank)} by rating, far below the open leaders; ` : ''}on Artificial Analysis's index of ${fmtDate(aaDate)} it scores ${num(oss.score)} (${oss.openRank}${ordinal(oss.openRank)} among open families), against ${num(kimiT.score)} for ${kimiT.model} (${kimiT.openRank}${ordinal(kimiT.openRank)}) and ${expAtVideo ? `${num(dsv32.score)} for ${dsv32.model}, the DeepSeek V3.2 out when the video was made (${dsv32.openRank}${ordinal(dsv32.openRank)}); the final ${dsv32Final!.model} of ${fmtDate(dsv32Final!.release_date!)} scores ${num(dsv32Final!.score)} (${dsv32Final!.openRank}${ordinal(dsv32Final!.openRank)})` : `${num(dsv32.score)} for ${dsv32.model} (${dsv32.openRank}${ordinal(dsv32.openRank)})`}.` : 'gpt-oss-120b, DeepSeek V3.2 or Kimi K2 Thinking is missing from the latest index.',
      !!oss && !!dsv32 && !!kimiT && oss.score < Math.min(dsv32.score, kimiT.score, dsv32Final?.score ?? Infinity),
      'gpt-oss-120b scores below Kimi K2 Thinking and below DeepSeek V3.2 on the latest index, both the version out at the video (V3.2-Exp) and the final release',
      { inputs: named.flatMap((n) => (n ? [input(`${n.model} score`, n.score, aaDate), input(`${n.model} open rank`, n.openRank, aaDate), input(`${n.model} released`, n.release_date ?? 'unknown', n.release_date)] : [])).concat(thenOss ? [input(`${ossModel.family} LMArena rank`, thenOss.rank, then.asOf)] : []),
        falsifiedBy: 'gpt-oss-120b scoring at least as high as Kimi K2 Thinking or either version of DeepSeek V3.2 on the latest index' }),
    claim('gpt-oss-downloads', downloads.length === 2 ? `The video described gpt-oss as quickly adopted. In the 30 days to ${fmtDate(downloads[0]!.as_of)}, ${word(Math.round((Date.parse(downloads[0]!.as_of) - Date.parse(downloads[0]!.created_at)) / (7 * 864e5)))} weeks after their release, Hugging Face counted ${num(downloads[0]!.downloads_30d / 1e6)} million downloads of ${downloads[0]!.id.split('/')[1]} and ${num(downloads[1]!.downloads_30d / 1e6)} million of ${downloads[1]!.id.split('/')[1]}. That capture is ${word(v.wholeMonths(downloads[0]!.as_of, dataAsOf()))} months older than our newest data, and we hold no such count for a Chinese model, so it cannot settle who is downloaded more.` : 'No Hugging Face capture of gpt-oss downloads is available.',
      downloads.length === 2 && downloads.every((d) => d.downloads_30d >= 1e6), 'both gpt-oss models had at least a million downloads in the 30 days of the capture',
      { inputs: downloads.flatMap((d) => [input(`${d.id} downloads, rolling 30 days`, d.downloads_30d, d.as_of), input(`${d.id} created on Hugging Face`, d.created_at, d.created_at)]), falsifiedBy: 'a capture showing under a million 30-day downloads for either gpt-oss model' }),
    claim('us-open-chart', `The video argued that the United States cannot win the open chart again. So far the data agrees: at every Artificial Analysis capture we hold (${list(us.at.map((x) => fmtMonth(x.as_of)))}) a Chinese family led the open models. The strongest American open model is now ${us.best.model} (${us.best.lab}), ${us.best.openRank}${ordinal(us.best.openRank)} among open families on the ${fmtDate(us.latest.as_of)} index; its best showing was ${us.bestEver.best!.openRank}${ordinal(us.bestEver.best!.openRank)}${us.bestEver.best!.model === us.best.model ? '' : ` (${us.bestEver.best!.model})`}, on ${fmtDate(us.bestEver.as_of)}.`,
      us.at.every((x) => x.leader.country_group === 'China' && (x.best?.openRank ?? Infinity) > 1), 'at every AA capture the open leader is Chinese and the best American open family is not first',
      { inputs: nemotron.map((n) => input(`best American open family ${n.model ?? 'none'} (open rank)`, n.rank ?? 0, n.as_of)), falsifiedBy: 'an American open family first among open families on any capture' }),
    claim('spectrum-few-open-source', `How few publish their training data and code? Of the ${int(openFamilies.length)} open model families on Artificial Analysis's index of ${fmtDate(aaDate)}, ${word(osFamilies.length)} (${pct(osFamilies.length / openFamilies.length)}) release their training data and code, from ${list([...new Set(osFamilies.map((r) => r.lab))])}; the strongest of them, ${osFamilies[0]?.model ?? 'none'}, ranks ${osFamilies[0]?.rank ?? '-'}${ordinal(osFamilies[0]?.rank ?? 0)} among open families. The chart below sets the best ${word(fullyOpen.length)} of them beside the leading models.`,
      osFamilies.length / openFamilies.length < 0.1 && (osFamilies[0]?.rank ?? Infinity) > 10, 'fewer than one open family in ten on the whole index releases training data and code, and none is in the open top ten',
      { inputs: [input('open families on the index', openFamilies.length, aaDate), input('open-source families', osFamilies.length, aaDate), input(`best open-source ${osFamilies[0]?.model ?? 'none'} (open rank)`, osFamilies[0]?.rank ?? 0, aaDate)], falsifiedBy: 'one open family in ten or more releasing training data and code, or an open-source family in the open top ten' }),
    claim('fig-openness-spectrum', `Of ${word(spectrum.length)} leading models, ${word(fullyOpen.length)} publish their training data and code. Of the ${word(openWeight.length)} open-weight ones, ${word(owNoData.length)} release no training data${owPartly.length ? `${owUnknown.length ? ',' : ' and'} ${list(owPartly.map((m) => m.family))} ${owPartly.length === 1 ? 'releases' : 'release'} part of it` : ''}${owUnknown.length ? `, and for ${word(owUnknown.length)} our sources record nothing` : ''}.`,
      fullyOpen.length <= 3 && owNoData.length + owPartly.length + owUnknown.length === openWeight.length, 'every open-weight model falls in exactly one of: no training data (on evidence), partly released, not recorded',
      { inputs: [input('open-weight, no training data', owNoData.length, aaDate), input('open-weight, partly released', owPartly.length, aaDate), input('open-weight, not recorded', owUnknown.length, aaDate)], falsifiedBy: 'a disclosure level that changes a model’s state (data/reference/training_disclosure.csv)' }),
    ...figureClaims(),
  ];
}

/** The takeaways of the step-1 figures, each naming only rows its chart shows. */
function figureClaims(): Claim[] {
  const aaDate = v.latestAsOf('artificialanalysis', 'models');
  const board = v.aaBoard(aaDate);
  const all30 = v.top(board, 30);
  const firstOpen = board.find((r) => r.openness !== 'closed')!;
  const usClosed10 = all30.slice(0, 10).filter((r) => r.country_group === 'United States' && r.openness === 'closed').length;
  const open15 = v.top(board, 15, (r) => r.openness !== 'closed');
  const cn15 = open15.filter((r) => r.country_group === 'China').length;
  const arena = v.arenaChartRows();
  const bo = arena.bestOpen;
  return [
    claim('fig-ranking-all', `${capitalise(countOf(usClosed10, 10))} at the top are closed American models; the best open one, ${firstOpen.model} (${firstOpen.lab}), ranks ${firstOpen.rank}${ordinal(firstOpen.rank)}.`,
      usClosed10 > 5 && all30.some((r) => r.model_id === firstOpen.model_id), 'most of the top ten are closed American models, and the best open one is among the 30 bars the chart draws',
      { inputs: [input('closed American families in the top 10', usClosed10, aaDate), input(`best open ${firstOpen.model} (rank)`, firstOpen.rank, aaDate)], falsifiedBy: 'five or fewer closed American families in the top ten, or no open family in the top 30' }),
    claim('fig-ranking-open', `${capitalise(word(cn15))} of the 15 strongest open model families come from Chinese labs.`, cn15 > 7, 'most of the 15 strongest open families are Chinese',
      { inputs: [input('Chinese families in the open top 15', cn15, aaDate)], falsifiedBy: 'seven or fewer Chinese families among the 15 strongest open ones' }),
    claim('fig-ranking-arena', bo ? `On human preference votes the best open model, ${bo.model} (${bo.lab}), ranks ${bo.rank}${ordinal(bo.rank)}: every model above it is closed.` : 'No open model is on the captured top of the board.',
      !!bo && arena.rows.some((r) => r.model === bo.model) && arena.rows.filter((r) => r.rank < bo.rank).every((r) => r.openness === 'closed'), 'the best open model is among the rows the chart draws, and every row above it is closed',
      { inputs: bo ? [input(`best open ${bo.model} (rank)`, bo.rank, arena.asOf), input('rows drawn', arena.rows.length, arena.asOf)] : [], falsifiedBy: 'the best open model missing from the drawn rows' }),
  ];
}
