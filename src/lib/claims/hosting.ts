/**
 * Steps 3 and 4: third-party hosting of open models, and price against speed across hosts.
 * A "host" is a company other than the lab that serves the weights (data/reference/providers.csv:
 * serves-weights, or another lab's own API); gateways and routers are listings, not hosts. The
 * catalogue grew ~2.5× over its snapshots, so trends are also given as a share of its hosts.
 */
import { capitalise, fmtDate, fmtMonth, int, num, word } from '../format.ts';
import { tables } from '../tables.ts';
import * as v from '../views.ts';
import { claim, input, type Claim } from './claim.ts';

/** Whole months between two ISO dates (b after a). */
const monthsBetween = (a: string, b: string) => Math.floor((Date.parse(b) - Date.parse(a)) / (30.44 * 864e5));

/** The newest as_of in the report's tables: the "now" a stale capture is measured against. */
function newestData(): string {
  return [v.providerLeaders(1).asOf, v.latestAsOf('artificialanalysis', 'models'), v.latestAsOf('lmarena', 'arena-top')].reduce((a, b) => (a > b ? a : b));
}

export function hostingFacts() {
  const leaders = v.providerLeaders(20);
  const cnLeaders = leaders.top.filter((r) => r.country_group === 'China').length;
  // The same ranking by every third-party listing (gateways included): the claim must not flip under it.
  const byListing = [...leaders.all].sort((a, b) => b.third_party_providers - a.third_party_providers || a.model_family.localeCompare(b.model_family)).slice(0, 20);
  const cnByListing = byListing.filter((r) => r.country_group === 'China').length;
  const trend = v.providerTrendEnds();
  const first = v.providerLeaders(1, trend.t0).top[0]!;
  const [lead, second] = leaders.top;

  const pp = v.providerPoints(3);
  const staleMonths = monthsBetween(pp.asOf, newestData());
  const kimi = pp.points.filter((p) => p.model_id === pp.points[0]!.model_id);
  const fastest = kimi.reduce((a, b) => (b.tokens_per_second > a.tokens_per_second ? b : a));
  const slowest = kimi.reduce((a, b) => (b.tokens_per_second < a.tokens_per_second ? b : a));
  const cheapest = kimi.reduce((a, b) => (b.price < a.price ? b : a));
  const prices = kimi.map((p) => p.price);
  const medianPrice = v.median(prices);
  const medianSpeed = v.median(kimi.map((p) => p.tokens_per_second));
  const rhoKimi = v.spearman(prices, kimi.map((p) => p.tokens_per_second));
  // The other panels: does speed cost extra there?
  const panels = [...new Set(pp.points.map((p) => p.model_id))].slice(1).map((id) => {
    const rows = pp.points.filter((p) => p.model_id === id);
    return { model: rows[0]!.model, n: rows.length, hosts: new Set(rows.map((r) => r.host)).size, rho: v.spearman(rows.map((r) => r.price), rows.map((r) => r.tokens_per_second)) };
  });
  const dearSpeed = panels.filter((p) => p.rho >= 0.5);
  // The mean is pulled up by a few heavily hosted families: the median family is the fair baseline beside it.
  const medianHosts = (date: string, group: string) => v.median(tables.providers().filter((r) => r.as_of === date && r.country_group === group && (r.openness === 'open-weight' || r.openness === 'open-source')).map((r) => r.hosts));
  return { medianHosts, leaders, cnLeaders, cnByListing, trend, first, lead, second, pp, staleMonths, kimi, fastest, slowest, cheapest, prices, medianPrice, medianSpeed, rhoKimi, panels, dearSpeed };
}

export function hostingClaims(): Claim[] {
  const f = hostingFacts();
  const { t0, t1, at, shareAt, catalogue } = f.trend;
  const when = f.staleMonths > 6 ? `in ${fmtMonth(f.pp.asOf)}, ${word(f.staleMonths)} months before this report's newest data,` : `in ${fmtMonth(f.pp.asOf)}`;
  const rho = (x: number) => (x < 0 ? `−${num(Math.abs(x), 2)}` : num(x, 2));

  return [
    claim('providers-cn-lead',
      `In the models.dev catalogue of ${fmtDate(f.leaders.asOf)}, ${word(f.cnLeaders)} of the 20 open model families served by the most third-party hosts are Chinese (a host runs the weights itself; gateways and routers that pass requests on are not counted, and ranking by every listing instead gives ${word(f.cnByListing)}). ${f.lead!.model} is served by ${int(f.lead!.hosts)} hosts besides ${f.lead!.lab} itself, and listed by ${int(f.lead!.gateways)} gateways more.`,
      f.cnLeaders > 10 && f.cnByListing > 10,
      'more than 10 of the 20 open families with the most third-party hosts are Chinese, and also of the 20 with the most third-party listings',
      { inputs: [input('Chinese families among the 20 with most hosts', f.cnLeaders, f.leaders.asOf), input('Chinese families among the 20 with most listings', f.cnByListing, f.leaders.asOf), input(`${f.lead!.model} third-party hosts`, f.lead!.hosts, f.leaders.asOf), input(`${f.lead!.model} gateway listings`, f.lead!.gateways, f.leaders.asOf)],
        falsifiedBy: 'a models.dev snapshot in which ten or fewer of the 20 most-hosted open families (by hosts, or by every listing) are Chinese' }),
    claim('providers-trend',
      `The catalogue itself grew: from ${int(catalogue(t0).providers)} providers in ${fmtMonth(t0)} to ${int(catalogue(t1).providers)} in ${fmtMonth(t1)} (regional and plan listings of one company counted once), of which ${int(catalogue(t0).hosts)} and then ${int(catalogue(t1).hosts)} host some other lab's open model. The average Chinese open family went from ${num(at(t0, 'China'))} to ${num(at(t1, 'China'))} third-party hosts, the average American one from ${num(at(t0, 'United States'))} to ${num(at(t1, 'United States'))} (the median family: ${num(f.medianHosts(t0, 'China'))} to ${num(f.medianHosts(t1, 'China'))} hosts for a Chinese one, ${num(f.medianHosts(t0, 'United States'))} to ${num(f.medianHosts(t1, 'United States'))} for an American one). As a share of the catalogue's hosts, both fell (Chinese ${num(shareAt(t0, 'China'))}% to ${num(shareAt(t1, 'China'))}%, American ${num(shareAt(t0, 'United States'))}% to ${num(shareAt(t1, 'United States'))}%): the catalogue added hosts faster than any one family gained them, but Chinese families ended ahead on both measures, from ${Math.abs(shareAt(t0, 'China') - shareAt(t0, 'United States')) < 2 ? 'a near-tie' : 'a lead'} at the start.`,
      at(t1, 'China') > at(t1, 'United States') && shareAt(t1, 'China') > shareAt(t1, 'United States') && shareAt(t1, 'China') < shareAt(t0, 'China') && shareAt(t1, 'United States') < shareAt(t0, 'United States') && catalogue(t1).providers > catalogue(t0).providers && f.medianHosts(t1, 'China') > f.medianHosts(t1, 'United States'),
      'at the latest date Chinese families have more hosts than American ones, in mean count, median count and share of the catalogue; both shares fell since the first date; the catalogue grew',
      { inputs: [input('catalogue providers', catalogue(t0).providers, t0), input('catalogue providers', catalogue(t1).providers, t1), input('catalogue hosts', catalogue(t0).hosts, t0), input('catalogue hosts', catalogue(t1).hosts, t1),
        ...(['China', 'United States'] as const).flatMap((g) => [input(`median hosts, ${g} open family`, f.medianHosts(t0, g), t0), input(`median hosts, ${g} open family`, f.medianHosts(t1, g), t1), input(`mean hosts, ${g} open family`, at(t0, g), t0), input(`mean hosts, ${g} open family`, at(t1, g), t1), input(`mean share of hosts %, ${g}`, shareAt(t0, g), t0), input(`mean share of hosts %, ${g}`, shareAt(t1, g), t1)])],
        falsifiedBy: 'a models.dev snapshot in which the average American open family has as many hosts, or as large a share of the catalogue, as the average Chinese one; or a share that rose since January 2026' }),
    claim('kimi-hosts',
      `When Artificial Analysis measured ${f.kimi[0]!.model} on ${word(f.kimi.length)} hosts ${when} speeds ran from ${int(f.slowest.tokens_per_second)} to ${int(f.fastest.tokens_per_second)} tokens a second (median ${int(f.medianSpeed)}) and prices from $${Math.min(...f.prices).toFixed(2)} to $${Math.max(...f.prices).toFixed(2)} per million tokens (median $${f.medianPrice.toFixed(2)}).`,
      f.fastest.tokens_per_second >= 3 * f.medianSpeed,
      'the fastest host is at least three times the median host',
      { inputs: [input('hosts measured', f.kimi.length, f.pp.asOf), input('slowest, tokens/s', f.slowest.tokens_per_second, f.pp.asOf), input('fastest, tokens/s', f.fastest.tokens_per_second, f.pp.asOf), input('median, tokens/s', f.medianSpeed, f.pp.asOf), input('lowest price, $/M tokens', Math.min(...f.prices), f.pp.asOf), input('highest price, $/M tokens', Math.max(...f.prices), f.pp.asOf), input('median price, $/M tokens', f.medianPrice, f.pp.asOf), input('months before the newest data', f.staleMonths, newestData())],
        falsifiedBy: 'a newer Artificial Analysis capture of Kimi K2 hosts in which the fastest host is under three times the median speed' }),
    // "Little extra", not "nothing extra": the fastest host charged above the median host, and with eight
    // hosts a ρ of −0.36 is no evidence of a negative link, only of no positive one.
    claim('speed-cheap',
      `In that capture of ${fmtMonth(f.pp.asOf)}, speed cost little extra for ${f.kimi[0]!.model}: the fastest, ${f.fastest.host}, charged $${f.fastest.price.toFixed(2)}, ${int(Math.round(100 * (f.fastest.price - f.medianPrice)))} cents above the median host's $${f.medianPrice.toFixed(2)} and ${f.fastest.price === f.slowest.price ? 'the same as' : 'less than'} the slowest, ${f.slowest.host} ($${f.slowest.price.toFixed(2)}); across its ${word(f.kimi.length)} hosts, dearer did not mean faster (Spearman's ρ ${rho(f.rhoKimi)}, too few hosts to read more into it). It is not a rule: ${f.dearSpeed.length ? f.dearSpeed.map((p) => `for ${p.model}, measured on ${word(p.n)} endpoints of ${word(p.hosts)} hosts, faster endpoints cost more (ρ ${rho(p.rho)})`).join('; ') : 'no other charted model shows it either'}.`,
      f.fastest.price <= f.slowest.price && f.fastest.price >= f.medianPrice && f.fastest.price <= 1.25 * f.medianPrice && f.rhoKimi <= 0 && f.rhoKimi > -0.5 && f.dearSpeed.length >= 1,
      "Kimi K2's fastest host charges at least the median host's price but at most 25% more, and no more than its slowest host; price and speed are not positively rank-correlated across its hosts, nor strongly negatively (−0.5 < ρ ≤ 0); at least one other charted model has ρ ≥ 0.5 (speed costs extra there)",
      { inputs: [input(`fastest ${f.fastest.host}, $/M tokens`, f.fastest.price, f.pp.asOf), input(`fastest ${f.fastest.host}, tokens/s`, f.fastest.tokens_per_second, f.pp.asOf), input(`slowest ${f.slowest.host}, $/M tokens`, f.slowest.price, f.pp.asOf), input('median host, $/M tokens', f.medianPrice, f.pp.asOf), input('Spearman ρ, Kimi K2 price vs speed', Math.round(f.rhoKimi * 100) / 100, f.pp.asOf),
        ...f.panels.map((p) => input(`Spearman ρ, ${p.model} (${p.n} endpoints)`, Math.round(p.rho * 100) / 100, f.pp.asOf))],
        falsifiedBy: "a capture in which Kimi K2's fastest host charges more than its slowest or over 25% above the median host, price and speed rise together across its hosts (ρ > 0), or no other charted model where faster endpoints cost more" }),
    claim('hosted-leader',
      `The most widely hosted open model changed camp: in ${fmtMonth(t0)} it was ${f.first.model} (${f.first.country_group}, ${int(f.first.hosts)} third-party hosts); by ${fmtMonth(f.leaders.asOf)} it was ${f.lead!.model} (${f.lead!.country_group}, ${int(f.lead!.hosts)}), ahead of ${f.second!.model} (${int(f.second!.hosts)}).`,
      f.first.country_group !== 'China' && f.lead!.country_group === 'China' && f.lead!.hosts > f.second!.hosts,
      'the first snapshot\'s most-hosted open family is not Chinese, the latest one is, with strictly more hosts than the runner-up',
      { inputs: [input(`${f.first.model} third-party hosts`, f.first.hosts, t0), input(`${f.lead!.model} third-party hosts`, f.lead!.hosts, f.leaders.asOf), input(`${f.second!.model} third-party hosts`, f.second!.hosts, f.leaders.asOf)],
        falsifiedBy: 'a January 2026 leader that was Chinese, or a latest snapshot led by a non-Chinese family or tied at the top' }),
    // Figure takeaways: the same facts, shown in their figures.
    claim('fig-providers',
      `${capitalise(word(f.cnLeaders))} of the 20 open model families with the most third-party hosts are Chinese; ${f.lead!.model} leads with ${int(f.lead!.hosts)} hosts (gateways and routers, drawn in grey, not counted).`,
      f.cnLeaders > 10 && f.leaders.top.some((r) => r.model === f.lead!.model),
      'most of the 20 charted families are Chinese and the named leader is a charted bar',
      { inputs: [input('Chinese families among the 20 charted', f.cnLeaders, f.leaders.asOf), input(`${f.lead!.model} third-party hosts`, f.lead!.hosts, f.leaders.asOf)], falsifiedBy: 'ten or fewer Chinese families among the 20 charted, or a leader the chart does not draw' }),
    claim('fig-providers-over-time',
      `In ${fmtMonth(t1)} an average Chinese open family was served by ${num(shareAt(t1, 'China'))}% of the catalogue's ${int(catalogue(t1).hosts)} hosts, an American one by ${num(shareAt(t1, 'United States'))}%; in ${fmtMonth(t0)} the two were ${num(shareAt(t0, 'China'))}% and ${num(shareAt(t0, 'United States'))}%.`,
      shareAt(t1, 'China') > shareAt(t1, 'United States'),
      'at the latest date the Chinese share of hosts is above the American one',
      { inputs: (['China', 'United States'] as const).flatMap((g) => [input(`mean share of hosts %, ${g}`, shareAt(t0, g), t0), input(`mean share of hosts %, ${g}`, shareAt(t1, g), t1)]).concat([input('catalogue hosts', catalogue(t1).hosts, t1)]),
        falsifiedBy: 'a latest snapshot in which the average American open family reaches as large a share of the catalogue\'s hosts as the Chinese one' }),
    claim('fig-price-throughput',
      `Measured ${when.replace(/,$/, '')}: for ${f.kimi[0]!.model}, ${f.fastest.provider} served ${int(f.fastest.tokens_per_second)} tokens a second for $${f.fastest.price.toFixed(2)} per million tokens; ${f.cheapest.provider} charged $${f.cheapest.price.toFixed(2)} at ${int(f.cheapest.tokens_per_second)}.`,
      f.fastest.tokens_per_second > f.cheapest.tokens_per_second && f.kimi.includes(f.fastest) && f.kimi.includes(f.cheapest),
      'the named endpoints are points of the Kimi panel, and the fastest is faster than the cheapest',
      { inputs: [input(`${f.fastest.provider}, tokens/s`, f.fastest.tokens_per_second, f.pp.asOf), input(`${f.fastest.provider}, $/M tokens`, f.fastest.price, f.pp.asOf), input(`${f.cheapest.provider}, tokens/s`, f.cheapest.tokens_per_second, f.pp.asOf), input(`${f.cheapest.provider}, $/M tokens`, f.cheapest.price, f.pp.asOf)],
        falsifiedBy: 'a Kimi K2 capture whose cheapest host is also its fastest, or a named host missing from the panel' }),
  ];
}
