/** Steps 3 and 4: third-party hosting of open models, and price against speed across hosts. */
import { fmtDate, fmtMonth, int, num, word } from '../format.ts';
import * as v from '../views.ts';
import { claim, type Claim } from './claim.ts';

export function hostingClaims(): Claim[] {
  const leaders = v.providerLeaders(20);
  const cnLeaders = leaders.top.filter((r) => r.country_group === 'China').length;
  const { t0, t1, at: tAt } = v.providerTrendEnds();
  const pp = v.providerPoints(3);
  const kimiHosts = pp.points.filter((p) => p.model_id === pp.points[0]!.model_id);
  const fastest = kimiHosts.reduce((a, b) => (b.tokens_per_second > a.tokens_per_second ? b : a));
  const slowest = kimiHosts.reduce((a, b) => (b.tokens_per_second < a.tokens_per_second ? b : a));
  const prices = kimiHosts.map((p) => p.price);
  const hosted = v.oneYearOn().filter((c) => c.board.startsWith('Most-hosted'));

  return [
    claim('providers-cn-lead', `In the models.dev catalogue of ${fmtDate(leaders.asOf)}, ${word(cnLeaders)} of the 20 open model families listed by the most third-party providers are Chinese. ${leaders.top[0]!.model} is offered by ${int(leaders.top[0]!.third_party_providers)} providers besides ${leaders.top[0]!.lab} itself.`, cnLeaders > 10, 'most of the 20 most-hosted open families are Chinese'),
    claim('providers-trend', `Between ${fmtMonth(t0)} and ${fmtMonth(t1)}, the average Chinese open model family went from ${num(tAt(t0, 'China'))} to ${num(tAt(t1, 'China'))} third-party hosts; the average American one from ${num(tAt(t0, 'United States'))} to ${num(tAt(t1, 'United States'))}.`, tAt(t1, 'China') > tAt(t1, 'United States'), 'Chinese open families have more third-party hosts on average at the latest date'),
    claim('kimi-hosts', `When Artificial Analysis measured ${kimiHosts[0]!.model} on ${word(kimiHosts.length)} hosts in ${fmtMonth(pp.asOf)}, speeds ran from ${int(slowest.tokens_per_second)} to ${int(fastest.tokens_per_second)} tokens a second and prices from $${prices.reduce((a, b) => Math.min(a, b)).toFixed(2)} to $${prices.reduce((a, b) => Math.max(a, b)).toFixed(2)} per million tokens.`, fastest.tokens_per_second >= 3 * slowest.tokens_per_second, 'the fastest host is at least three times the slowest'),
    claim('speed-cheap', `Speed did not cost extra: the fastest, ${fastest.provider}, charged $${fastest.price.toFixed(2)}, no more than the slowest, ${slowest.provider} ($${slowest.price.toFixed(2)}).`, fastest.price <= slowest.price, 'the fastest host is no dearer than the slowest'),
    claim('hosted-leader', `The most widely hosted open model changed camp: in ${fmtMonth(hosted[0]!.date)} it was ${hosted[0]!.model} (${hosted[0]!.country_group}); by ${fmtMonth(hosted[1]!.date)} it was ${hosted[1]!.model} (${hosted[1]!.country_group}).`, hosted[1]!.country_group === 'China', 'the latest most-hosted open model is Chinese'),
  ];
}
