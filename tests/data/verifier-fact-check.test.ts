/** Issue 10, item 6, on the committed tables: vendor-verifier listings counted once, the reference apart. */
import { describe, expect, it } from 'vitest';
import * as v from '../../src/lib/views.ts';

describe('K2 vendor verifier counts (item 6)', () => {
  it('the 15 November 2025 table: 31 rows, 29 tested listings, 23 third-party vendors, 4 below the threshold', () => {
    const k2 = v.verifierK2();
    expect(k2.asOf).toBe('2025-11-15');
    expect(k2.listings).toHaveLength(31);
    expect(k2.tested).toHaveLength(29);
    expect(k2.thirdParty).toHaveLength(23);
    expect(k2.below.map((b) => b.vendor).sort()).toEqual(['Chutes', 'Groq', 'Nebius', 'NovitaAI']);
    expect(k2.below.every((b) => b.vendor_kind === 'third-party')).toBe(true);
    // Moonshot's reference is the yardstick: it is no tested listing.
    expect(k2.tested.some((r) => r.group === 'official-reference')).toBe(false);
  });

  it('an "acceptable" listing with low schema accuracy and a "below-threshold" one with 100% are on different metrics', () => {
    const { points } = v.verifierK2();
    // The view returns codes (metric id, vendor and route apart); the figure names them.
    const together = points.find((p) => p.vendor === 'Together' && p.route === 'via OpenRouter' && p.model === 'kimi-k2-0905-preview' && p.metric === 'schema_accuracy_pct')!;
    const groq = points.filter((p) => p.vendor === 'Groq' && p.route === 'direct' && p.model === 'kimi-k2-0905-preview');
    expect(together).toMatchObject({ value: 71.96, group: 'acceptable' });
    expect(groq.map((p) => [p.metric, p.value]).sort()).toEqual([['schema_accuracy_pct', 100], ['tool_call_f1_pct', 69.52]]);
  });

  it('Kimi K3: the DeepSWE range is over third-party vendors only (no reference, no engine reference)', () => {
    const { deepswe } = v.verifierK3();
    expect(deepswe.vendors.every((r) => r.vendor_kind === 'third-party')).toBe(true);
    expect(deepswe.vendors.some((r) => /vllm/i.test(r.vendor))).toBe(false);
  });
});
