/** Step 8: the race now, against the video and against 2023: gaps, leaders, the verdict. */
import { fmtDate, fmtMonth, int, num } from '../format.ts';
import { tables } from '../tables.ts';
import * as v from '../views.ts';
import { claim, ordinal, type Claim } from './claim.ts';

export function frontierClaims(): Claim[] {
  const arenaGaps = v.gaps(v.bestSeries('lmarena', 'lmarena_text_rating'));
  const firstGap = arenaGaps[0]!;
  const lastGap = arenaGaps.at(-1)!;
  const aaGaps = v.gaps(v.bestSeries('artificialanalysis', 'aa_intelligence_index', ['models']));
  const aaLast = aaGaps.at(-1)!;
  const eci = v.eciFrontier();
  const consumer32 = tables.hardware().find((h) => h.hardware_id === 'consumer-32')!;
  const local = v.localBoard(consumer32.memory_gb);
  const localUs = local.find((e) => e.country_group === 'United States');
  const latestCells = v.oneYearOn().filter((c) => c.period === 'Latest snapshot');
  const openLeadersCn = latestCells.filter((c) => /open/i.test(c.board)).every((c) => c.country_group === 'China');
  const closedLeadersUs = latestCells.filter((c) => /closed/i.test(c.board)).every((c) => c.country_group === 'United States');
  const { t0, t1, at: tAt } = v.providerTrendEnds();

  return [
    claim('local-best', `Small models are where American labs compete. Among open models that fit a ${int(consumer32.memory_gb)} GB graphics card at 4 bits, ${local[0]!.model} from ${local[0]!.lab} leads the Artificial Analysis index with ${num(local[0]!.score)}; the best American one, ${localUs?.model ?? 'none'} from ${localUs?.lab ?? '-'}, ranks ${localUs?.rank ?? '-'}${ordinal(localUs?.rank ?? 0)} with ${num(localUs?.score ?? 0)}.`, local[0]!.country_group === 'China' && !!localUs && localUs.rank <= 10, 'a Chinese model leads the local-size board and an American one is in its top ten'),
    claim('arena-gap-narrowed', `On LMArena the best closed model led the best open one by ${int(firstGap.gap)} rating points in ${fmtMonth(firstGap.as_of)}; by ${fmtMonth(lastGap.as_of)} the lead was ${int(lastGap.gap)}.`, lastGap.gap < firstGap.gap, 'the latest gap is smaller than the first'),
    claim('aa-closed-still-leads', `Closed models still lead: on the ${fmtDate(aaLast.as_of)} index the best closed model scores ${num(aaLast.closed.value)} and the best open one ${num(aaLast.open.value)}.`, aaLast.gap > 0, 'the best closed model outscores the best open one'),
    claim('eci-lag', `Epoch AI's Capabilities Index, which dates each model by its release, puts a number on the lag: the best open model, ${eci.openTop.model} (released ${fmtMonth(eci.openTop.date)}, from a ${eci.openTop.country_group === 'China' ? 'Chinese' : eci.openTop.country_group} lab), scores ${num(eci.openTop.value)}, a level closed models first reached in ${eci.closedReached ? fmtMonth(eci.closedReached.date) : 'no month yet'}, ${num(eci.lagMonths ?? 0)} months earlier.`, eci.closedReached !== null && (eci.lagMonths ?? 0) > 0 && eci.openTop.country_group === 'China', 'closed models reached the open frontier’s level first, and the open frontier is Chinese'),
    claim('verdict', `A year after the video, its central claim holds on today's data: on every open-model chart we could draw, a Chinese lab leads, and American labs lead only where weights stay closed. What has moved is the scale: more Chinese open models, on more hosts, closer to the closed frontier, and the first signs of an American answer at the small end.`, openLeadersCn && closedLeadersUs && lastGap.gap < firstGap.gap && tAt(t1, 'China') > tAt(t0, 'China'), 'every latest open leader is Chinese, every closed leader American, the LMArena gap narrowed and Chinese hosting grew'),
  ];
}
