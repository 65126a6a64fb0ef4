/**
 * Every data-backed sentence of the article, with the predicate that must hold for it to be
 * printed. The page asks for a claim by id; if a refresh of the data falsifies it, the build
 * fails with the claim's text, so a sentence that stopped being true gets rewritten instead
 * of silently staying.
 */
import { aOrAn, capitalise, countOf, fmtDate, fmtMonth, gb, int, num, ordinalSuffix, params, pct, word } from './format.ts';
import { tables } from './tables.ts';
import * as v from './views.ts';

export interface Claim {
  id: string;
  /** The sentence as printed, numbers filled in from the data. */
  text: string;
  holds: boolean;
  /** What the predicate checks, for the error message. */
  rule: string;
}

export class ClaimFailed extends Error {
  constructor(claim: Claim) {
    super(`Claim "${claim.id}" is no longer supported by the data (${claim.rule}). It read: "${claim.text}" — rewrite the sentence for the new data.`);
    this.name = 'ClaimFailed';
  }
}

const claim = (id: string, text: string, holds: boolean, rule: string): Claim => ({ id, text, holds, rule });

export function buildClaims(): Claim[] {
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
  const share = v.openShareRecent();
  const spectrum = v.spectrumModels();
  const fullyOpen = spectrum.filter((m) => m.openness === 'open-source');
  const arenaGaps = v.gaps(v.bestSeries('lmarena', 'lmarena_text_rating'));
  const firstGap = arenaGaps[0]!;
  const lastGap = arenaGaps.at(-1)!;
  const aaGaps = v.gaps(v.bestSeries('artificialanalysis', 'aa_intelligence_index', ['models']));
  const aaLast = aaGaps.at(-1)!;
  const mem = v.memoryModels();
  const biggest = mem.reduce((a, b) => ((b.total_parameters ?? 0) > (a.total_parameters ?? 0) ? b : a));
  const server = tables.hardware().find((h) => h.hardware_id === 'server-8x80')!;
  const oss20 = tables.models().find((m) => m.model_id === 'gpt-oss-20b');
  const oss120 = tables.models().find((m) => m.model_id === 'gpt-oss-120b');
  const dc = tables.hardware().find((h) => h.hardware_id === 'dc-80')!;
  const consumer16 = tables.hardware().find((h) => h.hardware_id === 'consumer-16')!;
  const kimi = tables.models().find((m) => m.model_id === 'kimi-k2');

  const leaders = v.providerLeaders(20);
  const cnLeaders = leaders.top.filter((r) => r.country_group === 'China').length;
  const trend = v.providerTrend();
  const tDates = [...new Set(trend.map((t) => t.as_of))];
  const tAt = (d: string, g: string) => trend.find((t) => t.as_of === d && t.country_group === g)?.mean_third_party_providers ?? 0;
  const [t0, t1] = [tDates[0]!, tDates.at(-1)!];
  const pp = v.providerPoints(3);
  const kimiHosts = pp.points.filter((p) => p.model_id === pp.points[0]!.model_id);
  const fastest = kimiHosts.reduce((a, b) => (b.tokens_per_second > a.tokens_per_second ? b : a));
  const slowest = kimiHosts.reduce((a, b) => (b.tokens_per_second < a.tokens_per_second ? b : a));
  const prices = kimiHosts.map((p) => p.price);

  const lic = v.licenceCounts();
  const cnPermissive = v.licenceShare(lic, 'China', ['permissive']);
  const usPermissive = v.licenceShare(lic, 'United States', ['permissive']);
  const usRestricted = v.licenceShare(lic, 'United States', ['restricted', 'non-commercial']);

  const k2 = v.verifierK2();
  const k3 = v.verifierK3();
  const { reference: deepRef, lowest: deepLo, highest: deepHi } = k3.deepswe;
  const eras = new Set(tables.verifier().filter((r) => r.dataset !== 'unmerged-third-party').map((r) => (r.metric.startsWith('tool_call_similarity') ? 'similarity' : r.metric.startsWith('tool_call_f1') || r.metric.startsWith('schema') ? 'f1' : r.metric.includes('successful') || r.metric.includes('validation') ? 'counts' : 'tasks')));
  const releaseDates = k2.releases.map((r) => r.split('|')[1]!);
  const leadersNow = v.oneYearOn();
  const hosted = leadersNow.filter((c) => c.board.startsWith('Most-hosted'));
  const consumer32 = tables.hardware().find((h) => h.hardware_id === 'consumer-32')!;
  const local = v.localBoard(consumer32.memory_gb);
  const localUs = local.find((e) => e.country_group === 'United States');

  const latestCells = leadersNow.filter((c) => c.period === 'Latest snapshot');
  const openLeadersCn = latestCells.filter((c) => /open/i.test(c.board)).every((c) => c.country_group === 'China');
  const closedLeadersUs = latestCells.filter((c) => /closed/i.test(c.board)).every((c) => c.country_group === 'United States');

  const eci = v.eciFrontier();
  const arenaClosedAboveUs = arena.rows.filter((r) => r.rank < arenaBestOpen.rank && r.country_group === 'United States').length;
  const openFamilies = v.top(board, 1000, (r) => r.openness !== 'closed');
  // The video's example of a top open model: Kimi K2 Thinking.
  const videoEntry = openFamilies.find((r) => r.model_id === 'kimi-k2-thinking');
  const videoModel = videoEntry ? { model: videoEntry.model, openRank: videoEntry.rank, chineseAbove: openFamilies.filter((r) => r.rank < videoEntry.rank && r.country_group === 'China').length } : null;
  const desktop512 = tables.hardware().find((h) => h.hardware_id === 'desktop-512')!;
  const fitsConsumer = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) <= consumer32.memory_gb);
  const fitsDesktop = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) <= desktop512.memory_gb);
  const tooBigDesktop = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) > desktop512.memory_gb);
  const tooBigGpu = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) > dc.memory_gb);

  return [
    claim('eci-lag', `Epoch AI's Capabilities Index, which dates each model by its release, puts a number on the lag: the best open model, ${eci.openTop.model} (released ${fmtMonth(eci.openTop.date)}, from a ${eci.openTop.country_group === 'China' ? 'Chinese' : eci.openTop.country_group} lab), scores ${num(eci.openTop.value)}, a level closed models first reached in ${eci.closedReached ? fmtMonth(eci.closedReached.date) : 'no month yet'}, ${num(eci.lagMonths ?? 0)} months earlier.`, eci.closedReached !== null && (eci.lagMonths ?? 0) > 0 && eci.openTop.country_group === 'China', 'closed models reached the open frontier’s level first, and the open frontier is Chinese'),
    claim('verdict', `A year after the video, its central claim holds on today's data: on every open-model chart we could draw, a Chinese lab leads, and American labs lead only where weights stay closed. What has moved is the scale: more Chinese open models, on more hosts, closer to the closed frontier, and the first signs of an American answer at the small end.`, openLeadersCn && closedLeadersUs && lastGap.gap < firstGap.gap && tAt(t1, 'China') > tAt(t0, 'China'), 'every latest open leader is Chinese, every closed leader American, the LMArena gap narrowed and Chinese hosting grew'),
    claim('verifier-below', `In Moonshot's test of ${fmtDate(k2.asOf)}, ${word(k2.below.length)} of ${k2.vendors.length} vendor listings for its Kimi K2 models fell below its tool-calling threshold: ${list(k2.below.map((b) => `${b.vendor} (${b.model}, F1 ${num(b.value!)}% against ${aOrAn(num(b.threshold!))} ${num(b.threshold!)}% bar)`))}.`, k2.below.length >= 1, 'at least one vendor is below the threshold in the latest K2 table'),
    claim('verifier-eras', `The verifier itself kept changing: ${word(releaseDates.length)} published rounds between ${fmtMonth(releaseDates[0]!)} and ${fmtMonth(releaseDates.at(-1)!)}, scoring first how similar a vendor's tool calls were to the official API's, then their accuracy and schema validity, and, for Kimi K3, scores on real tasks.`, eras.has('similarity') && eras.has('f1') && eras.has('tasks'), 'the data holds all three metric eras'),
    claim('verifier-k3', `For Kimi K3 (${fmtDate(k3.asOf)}), vendors scored from ${num(deepLo.value!)}% (${deepLo.vendor}) to ${num(deepHi.value!)}% (${deepHi.vendor}) on the DeepSWE coding benchmark, against ${num(deepRef?.value ?? 0)}% on Moonshot's own API.`, !!deepRef && deepHi.value! - deepLo.value! >= 2, 'vendors differ by at least 2 points on DeepSWE'),
    claim('hosted-leader', `The most widely hosted open model changed camp: in ${fmtMonth(hosted[0]!.date)} it was ${hosted[0]!.model} (${hosted[0]!.country_group}); by ${fmtMonth(hosted[1]!.date)} it was ${hosted[1]!.model} (${hosted[1]!.country_group}).`, hosted[1]!.country_group === 'China', 'the latest most-hosted open model is Chinese'),
    claim('local-best', `Small models are where American labs compete. Among open models that fit a ${int(consumer32.memory_gb)} GB graphics card at 4 bits, ${local[0]!.model} from ${local[0]!.lab} leads the Artificial Analysis index with ${num(local[0]!.score)}; the best American one, ${localUs?.model ?? 'none'} from ${localUs?.lab ?? '-'}, ranks ${localUs?.rank ?? '-'}${ordinal(localUs?.rank ?? 0)} with ${num(localUs?.score ?? 0)}.`, local[0]!.country_group === 'China' && !!localUs && localUs.rank <= 10, 'a Chinese model leads the local-size board and an American one is in its top ten'),
    claim('licences-cn-permissive', `Licences tell a similar story. Of the open model families released since January 2025, ${pct(cnPermissive)} of the Chinese ones use a standard permissive licence such as MIT or Apache 2.0, against ${pct(usPermissive)} of the American ones; ${pct(usRestricted)} of the American families come with use policies, user thresholds or a ban on commercial use.`, cnPermissive > usPermissive && cnPermissive > 0.5, 'Chinese open families use permissive licences more often than American ones, and mostly'),
    claim('providers-cn-lead', `In the models.dev catalogue of ${fmtDate(leaders.asOf)}, ${word(cnLeaders)} of the 20 open model families listed by the most third-party providers are Chinese. ${leaders.top[0]!.model} is offered by ${int(leaders.top[0]!.third_party_providers)} providers besides ${leaders.top[0]!.lab} itself.`, cnLeaders > 10, 'most of the 20 most-hosted open families are Chinese'),
    claim('providers-trend', `Between ${fmtMonth(t0)} and ${fmtMonth(t1)}, the average Chinese open model family went from ${num(tAt(t0, 'China'))} to ${num(tAt(t1, 'China'))} third-party hosts; the average American one from ${num(tAt(t0, 'United States'))} to ${num(tAt(t1, 'United States'))}.`, tAt(t1, 'China') > tAt(t1, 'United States'), 'Chinese open families have more third-party hosts on average at the latest date'),
    claim('kimi-hosts', `When Artificial Analysis measured ${kimiHosts[0]!.model} on ${word(kimiHosts.length)} hosts in ${fmtMonth(pp.asOf)}, speeds ran from ${int(slowest.tokens_per_second)} to ${int(fastest.tokens_per_second)} tokens a second and prices from $${prices.reduce((a, b) => Math.min(a, b)).toFixed(2)} to $${prices.reduce((a, b) => Math.max(a, b)).toFixed(2)} per million tokens.`, fastest.tokens_per_second >= 3 * slowest.tokens_per_second, 'the fastest host is at least three times the slowest'),
    claim('speed-cheap', `Speed did not cost extra: the fastest, ${fastest.provider}, charged $${fastest.price.toFixed(2)}, no more than the slowest, ${slowest.provider} ($${slowest.price.toFixed(2)}).`, fastest.price <= slowest.price, 'the fastest host is no dearer than the slowest'),
    claim('aa-top-us', `On Artificial Analysis's Intelligence Index of ${fmtDate(aaDate)}, ${countOf(usTop10, 10)} strongest model families come from American labs, led by ${bestClosed.model} (${bestClosed.lab}).`, usTop10 >= 7, 'at least 7 of the top 10 families are American'),
    claim('aa-open-top-cn', `Keep only models whose weights can be downloaded and ${countOf(cnOpen10, 10)} at the top are Chinese, from ${list(openLabs)}.`, cnOpen10 >= 6, 'at least 6 of the top 10 open families are Chinese'),
    claim('aa-best-open', `The strongest open model is ${bestOpen.model} from ${bestOpen.lab}, ${bestOpen.rank}${ordinal(bestOpen.rank)} overall with ${num(bestOpen.score)} points, against ${num(bestClosed.score)} for the leader.`, bestOpen.country_group === 'China', 'the best open model is Chinese'),
    claim('arena-best-open', `LMArena's human-preference board of ${fmtDate(arena.asOf)} tells the same story: the best open model there, ${arenaBestOpen.model} (${arenaBestOpen.lab}), ranks ${arenaBestOpen.rank}${ordinal(arenaBestOpen.rank)}, behind ${word(arenaBestOpen.rank - 1)} closed models${arenaClosedAboveUs ? `, ${word(arenaClosedAboveUs)} of them American` : ''}.`, arenaBestOpen.country_group === 'China' && arenaBestOpen.rank > 1 && arenaClosedAboveUs > (arenaBestOpen.rank - 1) / 2, 'the best open model on LMArena is Chinese, not first, and most models above it are American'),
    claim('names-changed', `The names have changed since the video. ${videoModel ? `${videoModel.model}, the open model it singled out, now ranks ${videoModel.openRank}${ordinal(videoModel.openRank)} among open model families, and ${int(videoModel.chineseAbove)} of the ${int(videoModel.openRank - 1)} above it are Chinese too` : 'The open model it singled out is no longer listed'}.`, !!videoModel && videoModel.openRank > 1 && videoModel.chineseAbove > (videoModel.openRank - 1) / 2, 'the open model the video pointed to is no longer the best open model, and most open families above it are Chinese'),
    claim('memory-consumer', `A gaming graphics card holds ${int(consumer16.memory_gb)} to ${int(consumer32.memory_gb)} GB. Of the models in the chart, only ${list(fitsConsumer.map((m) => m.family)) || 'none'} ${fitsConsumer.length === 1 ? 'fits' : 'fit'}, at 4 bits.`, fitsConsumer.length >= 1 && fitsConsumer.length < mem.length / 2, 'fewer than half the charted models fit a 32 GB card at 4 bits, and at least one does'),
    claim('memory-desktop', `A unified-memory desktop with ${int(desktop512.memory_gb)} GB reaches ${word(fitsDesktop.length)} of the ${word(mem.length)} at 4 bits; ${list(tooBigDesktop.map((m) => m.family)) || 'none'} still ${tooBigDesktop.length === 1 ? 'does' : 'do'} not fit.`, tooBigDesktop.length >= 1, 'at least one charted model does not fit 512 GB at 4 bits'),
    claim('memory-server', `${biggest.family} needs more than an eight-GPU server's ${int(server.memory_gb)} GB ${biggest.memory_gb_4bit! > server.memory_gb ? 'even at 4 bits' : 'at 8 bits'}.`, biggest.memory_gb_8bit! > server.memory_gb, 'the biggest charted model exceeds an 8×80 GB server at 8 bits'),
    claim('memory-datacentre', `One data-centre GPU holds ${int(dc.memory_gb)} GB: ${countOf(tooBigGpu.length, mem.length)} charted models need more than that even at 4 bits.`, tooBigGpu.length > mem.length / 2, 'most charted models exceed one 80 GB GPU at 4 bits'),
    claim('spectrum-few-open-source', `Of the ${word(spectrum.length)} leading models in the chart, only ${word(fullyOpen.length)} (${list(fullyOpen.map((m) => m.family)) || 'none'}) publish their training data and code.`, fullyOpen.length <= 3, 'at most 3 of the charted models are fully open'),
    claim('open-share-cn-higher', `In ${share.years}, ${pct(share.cn)} of the notable Chinese models in Epoch AI's database were released with open weights, against ${pct(share.us)} of the American ones.`, share.cn > share.us, 'China’s open-weight share of notable models exceeds the US share'),
    claim('arena-gap-narrowed', `On LMArena the best closed model led the best open one by ${int(firstGap.gap)} rating points in ${fmtMonth(firstGap.as_of)}; by ${fmtMonth(lastGap.as_of)} the lead was ${int(lastGap.gap)}.`, lastGap.gap < firstGap.gap, 'the latest gap is smaller than the first'),
    claim('aa-closed-still-leads', `Closed models still lead: on the ${fmtDate(aaLast.as_of)} index the best closed model scores ${num(aaLast.closed.value)} and the best open one ${num(aaLast.open.value)}.`, aaLast.gap > 0, 'the best closed model outscores the best open one'),
    claim('memory-biggest', `${biggest.family} has ${params(biggest.total_parameters!)} parameters${biggest.active_parameters ? `, ${params(biggest.active_parameters)} of them active per token` : ''}: at 8 bits its weights alone take ${gb(biggest.memory_gb_8bit! * 1e9)}, more than an 8-GPU server's ${int(server.memory_gb)} GB.`, biggest.memory_gb_8bit! > server.memory_gb, 'the biggest open model exceeds an 8×80 GB server at 8 bits'),
    claim('memory-gpt-oss', `OpenAI's gpt-oss-120b (${params(oss120?.total_parameters ?? 0)}) fits one ${int(dc.memory_gb)} GB data-centre GPU at 4 bits (${gb((oss120?.memory_gb_4bit ?? 0) * 1e9)}), and gpt-oss-20b (${params(oss20?.total_parameters ?? 0)}) a ${int(consumer16.memory_gb)} GB graphics card (${gb((oss20?.memory_gb_4bit ?? 0) * 1e9)}).`, !!oss120?.memory_gb_4bit && oss120.memory_gb_4bit <= dc.memory_gb && !!oss20?.memory_gb_4bit && oss20.memory_gb_4bit <= consumer16.memory_gb, 'gpt-oss-120b fits 80 GB and gpt-oss-20b fits 16 GB at 4 bits'),
    claim('kimi-size', `Moonshot's Kimi K2 has ${params(kimi?.total_parameters ?? 0)} parameters, ${params(kimi?.active_parameters ?? 0)} active: about ${gb((kimi?.memory_gb_8bit ?? 0) * 1e9)} at 8 bits.`, (kimi?.total_parameters ?? 0) >= 9e11 && (kimi?.memory_gb_8bit ?? 0) >= 900, 'Kimi K2 has about a trillion parameters'),
  ];
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const ordinal = ordinalSuffix;

let cache: Map<string, Claim> | undefined;

/** The sentence for a claim id; throws ClaimFailed if the data no longer supports it. */
export function say(id: string): string {
  cache ??= new Map(buildClaims().map((c) => [c.id, c]));
  const c = cache.get(id);
  if (!c) throw new Error(`no claim "${id}" in src/lib/claims.ts`);
  if (!c.holds) {
    // REPORT_CLAIMS=warn is for builds on synthetic data (the benchmark's scaled inputs), never for the report.
    if (process.env.REPORT_CLAIMS === 'warn') {
      console.warn(new ClaimFailed(c).message);
      return c.text;
    }
    throw new ClaimFailed(c);
  }
  return c.text;
}
