/** Steps 1 and 2: who leads the strongest-model boards, all models and open ones only; how few are open-source. */
import { countOf, fmtDate, int, num, word } from '../format.ts';
import * as v from '../views.ts';
import { claim, list, ordinal, type Claim } from './claim.ts';

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
  const openFamilies = v.top(board, 1000, (r) => r.openness !== 'closed');
  // The video's example of a top open model: Kimi K2 Thinking.
  const videoEntry = openFamilies.find((r) => r.model_id === 'kimi-k2-thinking');
  const videoModel = videoEntry ? { model: videoEntry.model, openRank: videoEntry.rank, chineseAbove: openFamilies.filter((r) => r.rank < videoEntry.rank && r.country_group === 'China').length } : null;
  const spectrum = v.spectrumModels();
  const fullyOpen = spectrum.filter((m) => m.openness === 'open-source');

  return [
    claim('aa-top-us', `On Artificial Analysis's Intelligence Index of ${fmtDate(aaDate)}, ${countOf(usTop10, 10)} strongest model families come from American labs, led by ${bestClosed.model} (${bestClosed.lab}).`, usTop10 >= 7, 'at least 7 of the top 10 families are American'),
    claim('aa-open-top-cn', `Keep only models whose weights can be downloaded and ${countOf(cnOpen10, 10)} at the top are Chinese, from ${list(openLabs)}.`, cnOpen10 >= 6, 'at least 6 of the top 10 open families are Chinese'),
    claim('aa-best-open', `The strongest open model is ${bestOpen.model} from ${bestOpen.lab}, ${bestOpen.rank}${ordinal(bestOpen.rank)} overall with ${num(bestOpen.score)} points, against ${num(bestClosed.score)} for the leader.`, bestOpen.country_group === 'China', 'the best open model is Chinese'),
    claim('arena-best-open', `LMArena's human-preference board of ${fmtDate(arena.asOf)} tells the same story: the best open model there, ${arenaBestOpen.model} (${arenaBestOpen.lab}), ranks ${arenaBestOpen.rank}${ordinal(arenaBestOpen.rank)}, behind ${word(arenaBestOpen.rank - 1)} closed models${arenaClosedAboveUs ? `, ${word(arenaClosedAboveUs)} of them American` : ''}.`, arenaBestOpen.country_group === 'China' && arenaBestOpen.rank > 1 && arenaClosedAboveUs > (arenaBestOpen.rank - 1) / 2, 'the best open model on LMArena is Chinese, not first, and most models above it are American'),
    claim('names-changed', `The names have changed since the video. ${videoModel ? `${videoModel.model}, the open model it singled out, now ranks ${videoModel.openRank}${ordinal(videoModel.openRank)} among open model families, and ${int(videoModel.chineseAbove)} of the ${int(videoModel.openRank - 1)} above it are Chinese too` : 'The open model it singled out is no longer listed'}.`, !!videoModel && videoModel.openRank > 1 && videoModel.chineseAbove > (videoModel.openRank - 1) / 2, 'the open model the video pointed to is no longer the best open model, and most open families above it are Chinese'),
    claim('spectrum-few-open-source', `Of the ${word(spectrum.length)} leading models in the chart, only ${word(fullyOpen.length)} (${list(fullyOpen.map((m) => m.family)) || 'none'}) publish their training data and code.`, fullyOpen.length <= 3, 'at most 3 of the charted models are fully open'),
  ];
}
