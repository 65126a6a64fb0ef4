/**
 * vendor_verifier.csv: Moonshot's vendor verifier results, tidy: one row per (dataset, test
 * date, model, vendor, API route, group, metric). Metrics changed across releases of the
 * verifier (tool-call similarity until October 2025, then tool-call F1 and schema accuracy,
 * then task benchmarks for Kimi K3): the metric column says which.
 */
import { z } from 'zod';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { k2vvRow, kvvRow } from '../../lib/source-rows/k2-vendor-verifier.ts';
import type { SourceVersion } from '../lib/io.ts';
import type { ModelResolver } from '../match.ts';
import type { TableRow } from '../../lib/tables/index.ts';
import { VENDOR_GROUPS, type VendorGroup, type VendorKind } from '../../lib/tables/enums.ts';

// The vendor-verifier columns this step reads, decoded and checked by the scraper's own schemas.
export const k2vvCells = csvRowCodec(k2vvRow.pick({ model: true, vendor: true, api_source: true, group: true, metric_era: true, test_date: true, similarity_pct: true, tool_call_f1_pct: true, f1_threshold_pct: true, schema_accuracy_pct: true, count_successful_tool_call: true, count_schema_validation_error: true, unmerged_third_party: true }));
export const kvvCells = csvRowCodec(kvvRow.pick({ model: true, thinking_effort: true, vendor: true, ocrbench_pct: true, mmmu_pro_vision_pct: true, beam_1m_pct: true, deepswe_pct: true }));

/** A row of vendor_verifier.csv: its contract is lib/tables/hosting.ts. */
export type VendorRow = TableRow<'vendor_verifier'>;

export type { VendorKind } from '../../lib/tables/enums.ts';

const isVendorGroup = (g: string): g is VendorGroup => (VENDOR_GROUPS as readonly string[]).includes(g);

/** See VendorRow.vendor_kind. "Inferact (vLLM ref.)" is vLLM's reference deployment, an engine, not a vendor's offer. */
export function vendorKind(vendor: string, group: string): VendorKind {
  if (group === 'official-reference') return 'official-reference';
  if (/moonshot/i.test(vendor)) return 'moonshot';
  if (/\b(vllm|sglang|ktransformers|tensorrt-llm)\b/i.test(vendor)) return 'inference-engine';
  return 'third-party';
}

const K2_METRICS = [
  ['similarity_pct', 'tool_call_similarity_pct'],
  ['tool_call_f1_pct', 'tool_call_f1_pct'],
  ['schema_accuracy_pct', 'schema_accuracy_pct'],
  ['count_successful_tool_call', 'successful_tool_calls'],
  ['count_schema_validation_error', 'schema_validation_errors'],
] as const;
const K3_METRICS = ['ocrbench_pct', 'mmmu_pro_vision_pct', 'beam_1m_pct', 'deepswe_pct'] as const;

/** "https://openrouter.ai/provider/x" → "via OpenRouter"; the vendor's own API otherwise. */
const route = (apiSource: string | null) => (apiSource && /openrouter\.ai/.test(apiSource) ? 'via OpenRouter' : 'direct');

export function buildVendorVerifier(k2: SourceVersion<z.infer<typeof k2vvCells>>[], k3: SourceVersion<z.infer<typeof kvvCells>>[], resolver: ModelResolver): VendorRow[] {
  const rows: VendorRow[] = [];
  const idOf = (model: string) => resolver.resolve('k2-vendor-verifier', model, { loose: true });
  for (const v of k2) {
    for (const r of v.rows) {
      for (const [col, metric] of K2_METRICS) {
        const value = r[col];
        // The README states no number for vendors inside a merged "acceptable" cell: keep the row, with the threshold it passed.
        const passedWithoutScore = metric === 'tool_call_f1_pct' && value === null && r.group === 'acceptable';
        if (value === null && !passedWithoutScore) continue;
        const group = r.group ?? (r.metric_era === 'similarity' ? 'tested' : 'unknown');
        if (!isVendorGroup(group)) throw new Error(`k2-vendor-verifier ${v.dataset}/${v.asOf}: vendor ${r.vendor} is in group "${group}", not one of ${VENDOR_GROUPS.join(', ')} — the README added a grouping: add it to VENDOR_GROUPS in lib/tables/enums.ts`);
        rows.push({
          dataset: v.dataset, as_of: v.asOf, model: r.model, model_id: idOf(r.model), vendor: r.vendor, route: route(r.api_source), group,
          metric, value, threshold: metric === 'tool_call_f1_pct' ? r.f1_threshold_pct : null, vendor_kind: vendorKind(r.vendor, group), unmerged_third_party: r.unmerged_third_party ?? false,
        });
      }
    }
  }
  for (const v of k3) {
    for (const r of v.rows) {
      for (const metric of K3_METRICS) {
        if (r[metric] === null) continue;
        const group = /moonshot/i.test(r.vendor) ? 'official-reference' : 'tested';
        rows.push({
          dataset: v.dataset, as_of: v.asOf, model: r.thinking_effort ? `${r.model} (${r.thinking_effort})` : r.model, model_id: idOf(r.model), vendor: r.vendor, route: 'direct',
          group, metric, value: r[metric], threshold: null, vendor_kind: vendorKind(r.vendor, group), unmerged_third_party: false,
        });
      }
    }
  }
  // A vendor can appear twice in one table (its own API and via OpenRouter): the route keeps them apart.
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = [r.dataset, r.as_of, r.model, r.vendor, r.route, r.group, r.metric].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
