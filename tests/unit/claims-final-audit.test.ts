/**
 * The final hostile fact-check of the merged article (after issues 10–16), as tests on the real
 * committed tables. Each block names the finding it guards and recomputes the fact independently
 * from data/*.csv where it can; each would fail on the code before the fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alteredData, csv, loadReport, resetReportAfterEach } from '../helpers/published-data.ts';

/** Every claim by id, built on data/ or on an altered copy. */
const load = async (dataDir?: string) => (await loadReport(dataDir)).byId;

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

const ROOT = join(import.meta.dirname, '../..');

resetReportAfterEach();

describe('every claim says which numbers it used and what would make it false', () => {
  it('no claim falls back to "not declared" inputs or to the negated rule as its falsifier', async () => {
    const claims = await load();
    const lacking = [...claims.values()].filter((c) => c.inputs.length === 0 || c.falsifiedBy.startsWith('a refresh in which it is no longer true'));
    expect(lacking.map((c) => c.id)).toEqual([]);
  }, 30_000);

  it('every dated input carries an ISO date (or a range / year of them)', async () => {
    const claims = await load();
    for (const c of claims.values()) for (const i of c.inputs) if (i.date !== null) expect(i.date, `${c.id}: ${i.name}`).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}-\d{2}-\d{2})?$/);
  }, 30_000);
});

describe('speed-cheap: "speed did not cost extra" while the fastest host charged above the median', () => {
  const kimi = csv('hosting.csv').filter((r) => r.source === 'artificialanalysis' && r.model_id === 'kimi-k2' && r.price_blended_usd_per_1m && r.output_tokens_per_second);
  const latest = kimi.map((r) => r.as_of).sort().at(-1)!;
  const rows = kimi.filter((r) => r.as_of === latest);
  const fastest = rows.reduce((a, b) => (Number(b.output_tokens_per_second) > Number(a.output_tokens_per_second) ? b : a));
  const med = median(rows.map((r) => Number(r.price_blended_usd_per_1m)));

  it('recomputed from hosting.csv, the sentence gives the premium of the fastest host over the median host', async () => {
    const c = (await load()).get('speed-cheap')!;
    const premiumCents = Math.round(100 * (Number(fastest.price_blended_usd_per_1m) - med));
    expect(premiumCents).toBeGreaterThan(0);
    expect(c.text).not.toMatch(/did not cost extra/);
    expect(c.text).toContain(`${premiumCents} cents above the median host's $${med.toFixed(2)}`);
    expect(c.holds).toBe(true);
  }, 30_000);

  it('fails if the fastest Kimi K2 host charged well above the median host (speed would cost extra)', async () => {
    const dir = alteredData('hosting', (r) => (r.source === 'artificialanalysis' && r.model_id === 'kimi-k2' && r.as_of === latest && r.provider_name === fastest.provider_name && r.endpoint_variant === fastest.endpoint_variant
      ? { ...r, price_blended_usd_per_1m: String(2 * med) } : r));
    const c = (await load(dir)).get('speed-cheap')!;
    expect(c.holds).toBe(false);
  }, 30_000);
});

describe('verdict: "more widely hosted" read the catalogue’s growth as the models’', () => {
  const P = csv('providers_by_model.csv').filter((r) => r.openness !== 'closed' && r.country_group === 'China');
  const dates = [...new Set(P.map((r) => r.as_of))].sort();
  const share = (d: string) => { const rs = P.filter((r) => r.as_of === d); return (100 * rs.reduce((a, r) => a + Number(r.hosts), 0)) / rs.length / Number(rs[0]!.catalogue_hosts); };

  it('recomputed from providers_by_model.csv, the Chinese share of the catalogue’s hosts fell, and the verdict says so with both numbers', async () => {
    const [s0, s1] = [share(dates[0]!), share(dates.at(-1)!)];
    expect(s1).toBeLessThan(s0);
    const c = (await load()).get('verdict')!;
    expect(c.text).not.toMatch(/more widely hosted/);
    expect(c.text).toContain(`a smaller share of a catalogue that grew faster (${(Math.round(s1 * 10) / 10).toString()}% of its hosts against ${(Math.round(s0 * 10) / 10).toString()}%)`);
    expect(c.text).not.toMatch(/central claim holds/);
  }, 30_000);

  it('fails if the Chinese share of the catalogue’s hosts had grown (a catalogue that shrank to 20 hosts)', async () => {
    const last = dates.at(-1)!;
    const dir = alteredData('providers_by_model', (r) => (r.as_of === last ? { ...r, catalogue_hosts: '20' } : r));
    const c = (await load(dir)).get('verdict')!;
    expect(c.holds).toBe(false);
  }, 30_000);
});

describe('arena-best-open: the latest LMArena best open model is a near-tie, which the sentence must say', () => {
  const S = csv('scores.csv').filter((r) => r.source === 'lmarena' && r.dataset === 'arena-top');
  const latest = S.map((r) => r.as_of).sort().at(-1)!;
  const open = S.filter((r) => r.as_of === latest && r.openness && r.openness !== 'closed').sort((a, b) => Number(b.value) - Number(a.value));
  const [best, next] = open;

  it('recomputed from scores.csv: when the runner-up’s interval reaches the leader, the runner-up is named', async () => {
    const tie = Number(best!.ci_lower) <= Number(next!.value) || Number(next!.ci_upper) >= Number(best!.value);
    const c = (await load()).get('arena-best-open')!;
    if (tie) expect(c.text).toContain(`near-tie with ${next!.source_model}`);
    else expect(c.text).not.toContain('near-tie');
    expect(c.inputs.map((i) => i.name)).toContain(`next open ${next!.source_model} rating`);
  }, 30_000);
});

describe('memory-datacentre: the H200 is the common data-centre GPU, not the largest one made', () => {
  it('the sentence does not present 141 GB as the ceiling ("even the larger one", "holds … since")', async () => {
    const c = (await load()).get('memory-datacentre')!;
    expect(c.text).not.toMatch(/even the larger|holds \d+ GB since/);
    expect(c.text).toMatch(/need more than one H200 at 4 bits/);
  }, 30_000);
});

describe('article prose next to the claims', () => {
  const page = readFileSync(join(ROOT, 'src/pages/index.astro'), 'utf8');
  it('does not say the biggest open models are "in practice run by companies with data centres" beside a desktop that holds most of them', () => {
    expect(page).not.toMatch(/in practice they are run by companies with data centres/);
  });
  it('does not call a release-share count evidence of the video’s reasons', () => {
    expect(page).not.toMatch(/The record of releases is consistent with that/);
  });
});

describe('verifier-k3: "vendors ranged … to the highest" while the chart draws an engine reference above it', () => {
  const V = csv('vendor_verifier.csv').filter((r) => r.dataset === 'kimi-k3' && r.metric === 'deepswe_pct' && r.value !== '');
  const latest = V.map((r) => r.as_of).sort().at(-1)!;
  const rows = V.filter((r) => r.as_of === latest);
  const vendorMax = Math.max(...rows.filter((r) => r.vendor_kind === 'third-party').map((r) => Number(r.value)));
  const enginesAbove = rows.filter((r) => r.vendor_kind === 'inference-engine' && Number(r.value) > vendorMax);

  it('recomputed from vendor_verifier.csv: every engine reference outside the vendors’ range is named in the sentence and the takeaway', async () => {
    const claims = await load();
    for (const id of ['verifier-k3', 'fig-vendor-verifier-k3']) {
      const c = claims.get(id)!;
      for (const e of enginesAbove) expect(c.text, id).toContain(`${e.vendor}, an inference engine's reference deployment rather than a vendor`);
      expect(c.holds, id).toBe(true);
    }
  }, 30_000);
});

describe('memory-server: "the biggest need more than any personal machine" was unchecked prose', () => {
  it('the families it names are, recomputed from models.csv and hardware.csv, too big for the largest personal machine with the headroom', async () => {
    const c = (await load()).get('memory-server')!;
    const m = /but (.+) need more memory than any personal machine in the chart holds/.exec(c.text);
    expect(m, c.text).not.toBeNull();
    const hw = csv('reference/hardware.csv').filter((h) => h.kind === 'consumer-gpu' || h.kind === 'desktop');
    const largest = Math.max(...hw.map((h) => Number(h.memory_gb)));
    const models = csv('models.csv');
    const named = m![1]!.split(/, | and /);
    expect(named.length).toBeGreaterThan(0);
    for (const family of named) {
      const gb4 = Math.min(...models.filter((r) => r.family === family && r.memory_gb_4bit).map((r) => Number(r.memory_gb_4bit)));
      expect(gb4, family).toBeGreaterThan(0.9 * largest);
    }
    expect(c.holds).toBe(true);
  }, 30_000);
});

describe('gpt-oss-downloads: "adoption was fast" had no baseline', () => {
  it('the speed of adoption is attributed to the video, the numbers to Hugging Face', async () => {
    const c = (await load()).get('gpt-oss-downloads')!;
    expect(c.text).not.toMatch(/^Adoption was fast/);
    expect(c.text).toMatch(/^The video described gpt-oss as quickly adopted\./);
  }, 30_000);
});

describe('providers-trend: a mean of hosts per family, with no median beside it', () => {
  it('recomputed from providers_by_model.csv, the median family’s hosts are given and the Chinese median leads at the latest date', async () => {
    const P = csv('providers_by_model.csv').filter((r) => r.openness === 'open-weight' || r.openness === 'open-source');
    const dates = [...new Set(P.map((r) => r.as_of))].sort();
    const med = (d: string, g: string) => median(P.filter((r) => r.as_of === d && r.country_group === g).map((r) => Number(r.hosts)));
    const [t0, t1] = [dates[0]!, dates.at(-1)!];
    expect(med(t1, 'China')).toBeGreaterThan(med(t1, 'United States'));
    const c = (await load()).get('providers-trend')!;
    expect(c.text).toContain(`the median family: ${med(t0, 'China')} to ${med(t1, 'China')} hosts for a Chinese one, ${med(t0, 'United States')} to ${med(t1, 'United States')} for an American one`);
    expect(c.holds).toBe(true);
  }, 30_000);
});

describe('gpt-oss-beside: the video’s "DeepSeek V3.2" compared with a release that came after the video', () => {
  it('recomputed from models.csv and video.csv: when the final V3.2 postdates the video, the sentence compares with the Exp version and says so', async () => {
    const models = csv('models.csv');
    const video = csv('reference/video.csv').find((r) => r.event_id === 'video')!;
    const latest = video.date_latest!;
    const rel = (id: string) => models.find((m) => m.model_id === id)!.release_date!;
    expect(rel('deepseek-v3-2') > latest).toBe(true);
    expect(rel('deepseek-v3-2-0925') <= latest).toBe(true);
    const c = (await load()).get('gpt-oss-beside')!;
    expect(c.text).toMatch(/for DeepSeek V3\.2 Exp, the DeepSeek V3\.2 out when the video was made/);
    expect(c.inputs.map((i) => i.name)).toContain('DeepSeek V3.2 Exp score');
    expect(c.holds).toBe(true);
  }, 30_000);
});

describe('memory sizes without a checkpoint breakdown are lower bounds (methodology), said as such', () => {
  it('recomputed from models.csv: a named 4-bit size of a model with no 16-bit count reads "at least"', async () => {
    const models = csv('models.csv');
    const claims = await load();
    for (const id of ['memory-server', 'memory-desktop']) {
      const c = claims.get(id)!;
      for (const m of c.text.matchAll(/([A-Z][\w.\- ]+?) \((at least )?([\d,.]+) GB\)/g)) {
        const row = models.find((r) => r.family === m[1]!.trim());
        if (!row) continue;
        expect(Boolean(m[2]), `${id}: ${m[0]}`).toBe(!row.parameters_kept_16bit);
      }
    }
    const server = claims.get('memory-server')!;
    const biggest = models.find((r) => server.text.startsWith(`At 4 bits ${r.family} takes`));
    expect(biggest, server.text).toBeTruthy();
    if (!biggest!.parameters_kept_16bit) expect(server.text).toMatch(/takes at least [\d,.]+ GB: .* with up to /);
  }, 30_000);
});
