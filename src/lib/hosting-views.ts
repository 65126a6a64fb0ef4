/**
 * Derived views of who serves the open models: third-party hosts per family (models.dev) and
 * Artificial Analysis's per-endpoint price and speed. Split from views.ts by job; views.ts
 * re-exports them.
 */
import { isOpen } from '../../lib/countries.ts';
import { subjectId } from './subjects.ts';
import { tables } from './tables.ts';

/**
 * The latest models.dev snapshot's open model families ranked by third-party hosts: companies other than the
 * lab that serve the weights (data/reference/providers.csv class serves-weights, or another lab's own API).
 * Gateways and routers that only pass requests on are counted apart (gateways), never as hosts.
 */
export function providerLeaders(n = 20, asOf?: string) {
  const rows = tables.providers();
  const date = asOf ?? rows.map((r) => r.as_of).reduce((a, b) => (a > b ? a : b));
  const labs = new Map(tables.labs().map((l) => [l.lab_id, l.name]));
  const latest = rows.filter((r) => r.as_of === date && isOpen(r.openness)).sort((a, b) => b.hosts - a.hosts || b.third_party_providers - a.third_party_providers || a.model_family.localeCompare(b.model_family));
  return {
    asOf: date,
    all: latest,
    top: latest.slice(0, n).map((r) => ({ model: r.model_family, lab: (r.lab_id && labs.get(r.lab_id)) ?? '?', lab_id: r.lab_id, country_group: r.country_group, hosts: r.hosts, gateways: r.gateways, third_party_providers: r.third_party_providers, listings: r.listings })),
  };
}

/**
 * Per catalogue snapshot and country group (China, United States), over open families with at least one listing:
 * the mean third-party hosts per family, and the same as a share of the catalogue's hosts that date (percent).
 * The catalogue grew ~2.5× over the snapshots: the share is the growth-corrected measure.
 */
export function providerTrend() {
  const groups = new Map<string, { hosts: number; listed: number; n: number; as_of: string; country_group: string; catalogue_hosts: number; catalogue_providers: number }>();
  for (const r of tables.providers()) {
    if (!isOpen(r.openness) || (r.country_group !== 'China' && r.country_group !== 'United States')) continue;
    const key = `${r.as_of}|${r.country_group}`;
    const g = groups.get(key) ?? { hosts: 0, listed: 0, n: 0, as_of: r.as_of, country_group: r.country_group, catalogue_hosts: r.catalogue_hosts, catalogue_providers: r.catalogue_providers };
    g.hosts += r.hosts;
    g.listed += r.third_party_providers;
    g.n++;
    groups.set(key, g);
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return [...groups.values()].map((g) => ({
    as_of: g.as_of, country_group: g.country_group, families: g.n,
    mean_hosts: Math.round((g.hosts / g.n) * 100) / 100,
    mean_host_share_pct: r1((100 * g.hosts) / g.n / g.catalogue_hosts),
    mean_third_party_providers: r1(g.listed / g.n),
    catalogue_hosts: g.catalogue_hosts, catalogue_providers: g.catalogue_providers,
  })).sort((a, b) => a.as_of.localeCompare(b.as_of) || a.country_group.localeCompare(b.country_group));
}

/**
 * The first and last dates of providerTrend(), and at(date, group): the mean number of third-party HOSTS of a
 * group's open families at a date (companies serving the weights; gateways and routers excluded). Before issue 10
 * it counted every third-party listing provider. It is not growth-corrected: shareAt(date, group) gives the same
 * mean as a percent of the catalogue's hosts that date, and catalogue(date) the catalogue's size.
 */
export function providerTrendEnds() {
  const trend = providerTrend();
  const dates = [...new Set(trend.map((t) => t.as_of))];
  const row = (date: string, group: string) => trend.find((t) => t.as_of === date && t.country_group === group);
  const at = (date: string, group: string) => row(date, group)?.mean_hosts ?? 0;
  const shareAt = (date: string, group: string) => row(date, group)?.mean_host_share_pct ?? 0;
  const catalogue = (date: string) => ({ hosts: trend.find((t) => t.as_of === date)?.catalogue_hosts ?? 0, providers: trend.find((t) => t.as_of === date)?.catalogue_providers ?? 0 });
  return { t0: dates[0]!, t1: dates.at(-1)!, at, shareAt, catalogue };
}

/** One endpoint; `precision` is null where the endpoint states none (the figure words it, labels.ts). */
export interface EndpointPoint { model: string; model_id: string; provider: string; host: string; endpoint_variant: string | null; precision: string | null; price: number; tokens_per_second: number }

/**
 * Artificial Analysis's per-endpoint measurements for the video's hosting example (Kimi K2, role video-hosting-example
 * in data/reference/article_subjects.csv) and the open models with the most endpoints in
 * that table. Every endpoint variant (Fast, Turbo, Throughput, FP8…) is its own point: a separate offer of the
 * same model version.
 */
export function providerPoints(maxModels = 4) {
  const hosting = tables.hosting().filter((h) => h.source === 'artificialanalysis' && h.price_blended_usd_per_1m !== null && h.output_tokens_per_second !== null);
  const models = new Map(tables.models().map((m) => [m.model_id, m]));
  const asOf = hosting.map((h) => h.as_of).reduce((a, b) => (a > b ? a : b));
  const byModel = new Map<string, typeof hosting>();
  for (const h of hosting.filter((x) => x.as_of === asOf && isOpen(models.get(x.model_id)?.openness ?? null))) {
    (byModel.get(h.model_id) ?? byModel.set(h.model_id, []).get(h.model_id)!).push(h);
  }
  const example = subjectId('video-hosting-example');
  const kimi = [...byModel.keys()].filter((id) => id === example);
  // Rank by distinct hosts, not endpoints: a host's Fast and Base tiers are two points but one host.
  const hostCount = (id: string) => new Set(byModel.get(id)!.map((h) => h.host)).size;
  const others = [...byModel.keys()].filter((id) => !kimi.includes(id)).sort((a, b) => hostCount(b) - hostCount(a) || a.localeCompare(b));
  // The video's model (if measured in this capture), then the most-hosted Chinese and American models, then the rest by hosts.
  const bestOf = (group: string) => others.find((id) => models.get(id)!.country_group === group);
  const chosen = [...new Set([...kimi.slice(0, 1), bestOf('China'), bestOf('United States'), ...others].filter((id): id is string => !!id))].slice(0, maxModels);
  const points: EndpointPoint[] = chosen.flatMap((id) => byModel.get(id)!.map((h) => ({
    model: models.get(id)!.name, model_id: id, provider: h.provider_name, host: h.host, endpoint_variant: h.endpoint_variant,
    precision: h.precision, price: h.price_blended_usd_per_1m!, tokens_per_second: h.output_tokens_per_second!,
  })));
  return { asOf, points };
}
