/**
 * Memory to hold a model's weights, by the rule the article states:
 *   - the weights a published checkpoint keeps at 16 bits (Hugging Face's safetensors dtype counts:
 *     gpt-oss keeps about 1.8B and 2.2B parameters in BF16, its embeddings, attention and router)
 *     are counted at 16 bits whatever the width of the rest;
 *   - 4-bit formats store one 8-bit scale per block of 32 weights (MXFP4, and the usual 4-bit group
 *     quantisations), so 4-bit costs 4.25 bits a weight; 8-bit block scales are negligible (per tensor
 *     or per 128×128 block) and 16-bit has none;
 *   - where no checkpoint breakdown is captured, every weight is counted at the stated width: the size
 *     is then a lower bound (real 4-bit files keep some layers at 16 bits too).
 * KV cache, activations and the runtime come on top: the article's fit tests leave a headroom margin
 * (src/lib/views.ts) rather than comparing the weights with the whole memory.
 * With this rule gpt-oss-20b comes to 13.8 GB and gpt-oss-120b to 65.3 GB, the sizes of their published
 * checkpoints (Hugging Face usedStorage, 41.3 GB and 195.8 GB, holds three copies of each).
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { hfModelRow } from '../../lib/source-rows/hf-api.ts';
import { listVersions, readVersion } from '../lib/io.ts';

/** Bits a weight costs at a nominal width, scales included. */
export const EFFECTIVE_BITS: Record<number, number> = { 16: 16, 8: 8, 4: 4.25 };

/**
 * GB (1e9 bytes) to hold the weights at a nominal width (16, 8 or 4 bits; other widths count as
 * stated), with `kept16` of the `total` parameters held at 16 bits. Rounded to 0.1 GB.
 */
export function weightMemory(total: number, bits: number, kept16 = 0): number {
  if (kept16 < 0 || kept16 > total) throw new Error(`weightMemory: ${kept16} parameters kept at 16 bits is not within the total ${total}`);
  const eff = EFFECTIVE_BITS[bits] ?? bits;
  const kept = Math.min(kept16, total);
  const bytes = (kept * 16 + (total - kept) * Math.min(eff, 16)) / 8;
  return Math.round((bytes / 1e9) * 10) / 10;
}

/** The hf-api columns this step reads, decoded and checked by the scraper's own schema. */
const hfCells = csvRowCodec(hfModelRow.pick({ id: true, parameters_16bit: true, parameters_by_dtype: true }));

export interface CheckpointEvidence {
  parametersKept16: number;
  source: string;
}

/** The newest hf-api capture of each repo: how many parameters its checkpoint stores at 16 bits. Keyed by lower-case repo id. */
export function checkpointEvidence(sourcesDir: string): Map<string, CheckpointEvidence> {
  const out = new Map<string, CheckpointEvidence>();
  const dir = join(sourcesDir, 'hf-api');
  if (!existsSync(dir)) return out;
  for (const dataset of readdirSync(dir).sort()) {
    const latest = listVersions(sourcesDir, 'hf-api', dataset).at(-1);
    if (!latest) continue;
    for (const r of readVersion(sourcesDir, 'hf-api', dataset, latest, hfCells).rows) {
      if (r.parameters_16bit === null || r.parameters_16bit === undefined) continue;
      out.set(r.id.toLowerCase(), { parametersKept16: r.parameters_16bit, source: `hf-api/${dataset}/${latest} (safetensors ${r.parameters_by_dtype ?? ''})` });
    }
  }
  return out;
}
