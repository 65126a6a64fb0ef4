/**
 * Issue 10, items 2 and 4, on the committed tables: every endpoint variant of the Artificial
 * Analysis providers table is kept and joined to the right model version, and hosts are told
 * apart from gateways, with the catalogue's growth in the table.
 */
import { describe, expect, it } from 'vitest';
import * as v from '../../src/lib/views.ts';
import { csv } from '../helpers/published-data.ts';

describe('hosting.csv: Artificial Analysis endpoints (item 2)', () => {
  const aa = csv('hosting.csv').filter((r) => r.source === 'artificialanalysis');
  const capture = csv('sources/artificialanalysis/providers/2025-08-14.csv');

  it('keeps every endpoint of a model it matched: no Fast, Turbo, Base or FP8 variant is dropped', () => {
    const matchedBases = new Set(capture.filter((c) => aa.some((h) => h.provider_name === c.provider && h.source_model === c.model)).map((c) => c.base_model));
    const missing = capture.filter((c) => matchedBases.has(c.base_model) && !aa.some((h) => h.provider_name === c.provider && h.source_model === c.model));
    expect(missing.map((c) => `${c.provider} | ${c.model}`)).toEqual([]);
    expect(aa.length).toBeGreaterThanOrEqual(480);
    expect(aa.filter((r) => r.precision === 'FP8' || r.precision === 'FP4').length).toBeGreaterThanOrEqual(54);
  });

  it('the R1-0528 rows are R1-0528 endpoints, and the January R1 rows are the January R1', () => {
    const r0528 = aa.filter((r) => r.model_id === 'deepseek-r1');
    expect(r0528.filter((r) => r.source_model!.includes("Jan '25"))).toEqual([]);
    expect(r0528.find((r) => r.provider_name === 'Nebius Fast')).toMatchObject({ host: 'Nebius', endpoint_variant: 'Fast', price_blended_usd_per_1m: '3', output_tokens_per_second: '342.7' });
    expect(r0528.find((r) => r.provider_name === 'Together.ai (Throughput)')).toMatchObject({ host: 'Together.ai', endpoint_variant: 'Throughput' });
    const jan = aa.filter((r) => r.model_id === 'deepseek-r1-0120');
    expect(jan.find((r) => r.provider_name === 'Fireworks (Fast)')).toMatchObject({ endpoint_variant: 'Fast', output_tokens_per_second: '116.2', price_blended_usd_per_1m: '4.25' });
    expect(jan.find((r) => r.provider_name === 'Nebius Base')).toMatchObject({ endpoint_variant: 'Base' });
  });

  it('the Llama 3.3 70B panel has all 19 endpoints, the cheapest a Turbo FP8 one at $0.06', () => {
    const { points } = v.providerPoints(3);
    const llama = points.filter((p) => p.model_id === 'llama-3-3-instruct-70b');
    expect(llama).toHaveLength(19);
    const cheapest = llama.reduce((a, b) => (b.price < a.price ? b : a));
    expect(cheapest).toMatchObject({ provider: 'Deepinfra (Turbo, FP8)', precision: 'FP8', endpoint_variant: 'Turbo', price: 0.06 });
  });

  it('the R1-0528 panel of the figure holds its fastest endpoint (Nebius Fast) and no January row', () => {
    const r1 = v.providerPoints(3).points.filter((p) => p.model_id === 'deepseek-r1');
    expect(r1.length).toBe(15);
    expect(r1.reduce((a, b) => (b.tokens_per_second > a.tokens_per_second ? b : a))).toMatchObject({ provider: 'Nebius Fast', tokens_per_second: 342.7, price: 3 });
  });
});

describe('hosts that are not hosts (item 4)', () => {
  const classes = csv('reference/providers.csv');
  const classOf = (source: string, id: string) => classes.find((c) => c.source === source && c.provider_id!.toLowerCase() === id.toLowerCase())?.class;

  it('classifies every provider the hosting table names, with evidence', () => {
    const hosting = csv('hosting.csv');
    const unclassified = new Set(hosting.filter((h) => !classOf(h.source!, (h.source === 'artificialanalysis' ? h.host : h.provider)!)).map((h) => `${h.source}: ${h.provider}`));
    expect([...unclassified]).toEqual([]);
    for (const c of classes) expect(c.evidence, c.provider_id).not.toBe('');
  });

  it('gateways and routers named in the fact-check are not hosts', () => {
    for (const id of ['openrouter', 'vercel', 'cloudflare-ai-gateway', 'requesty', 'zenmux', 'aihubmix', 'edenai']) expect(classOf('models-dev', id), id).toBe('gateway-or-router');
    for (const id of ['deepinfra', 'togetherai', 'fireworks-ai', 'nebius', 'groq']) expect(classOf('models-dev', id), id).toBe('serves-weights');
  });

  it("GLM-5.2's third-party listings split into hosts and gateways; the catalogue's growth is in the table", () => {
    const rows = csv('providers_by_model.csv');
    const latest = rows.filter((r) => r.as_of === '2026-08-22');
    const glm = latest.find((r) => r.model_family === 'GLM-5.2')!;
    expect(Number(glm.hosts) + Number(glm.gateways)).toBeLessThanOrEqual(Number(glm.third_party_providers));
    expect(Number(glm.gateways)).toBeGreaterThanOrEqual(15);
    for (const r of rows) expect(Number(r.hosts), `${r.model_family} ${r.as_of}`).toBeLessThanOrEqual(Number(r.third_party_providers));
    const size = (d: string) => Number(rows.find((r) => r.as_of === d)!.catalogue_providers);
    expect(size('2026-08-22') / size('2026-01-12')).toBeGreaterThan(2);
  });

  it('the trend is given growth-corrected too: shares of the catalogue\'s hosts, below 100%', () => {
    const { t0, t1, shareAt, at, catalogue } = v.providerTrendEnds();
    expect(catalogue(t1).hosts).toBeGreaterThan(catalogue(t0).hosts);
    for (const d of [t0, t1]) {
      for (const g of ['China', 'United States']) {
        expect(shareAt(d, g)).toBeGreaterThan(0);
        expect(shareAt(d, g)).toBeLessThan(100);
        expect(shareAt(d, g)).toBeCloseTo((100 * at(d, g)) / catalogue(d).hosts, 0);
      }
    }
  });
});
