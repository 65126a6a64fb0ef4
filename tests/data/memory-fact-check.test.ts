/** Issue 10, item 7, on the committed tables: 4-bit sizes count 16-bit layers and block scales; hardware is dated; fits keep headroom. */
import { describe, expect, it } from 'vitest';
import { tables } from '../../src/lib/tables.ts';
import * as v from '../../src/lib/views.ts';
import { csv } from '../helpers/published-data.ts';

const models = new Map(csv('models.csv').map((m) => [m.model_id, m]));

describe('memory (item 7)', () => {
  it("gpt-oss at 4 bits: the published checkpoints' sizes (about 14 and 65 GB), not 10.5 and 58.5", () => {
    expect(models.get('gpt-oss-20b')).toMatchObject({ parameters_kept_16bit: '1804459584', memory_gb_4bit: '13.8' });
    expect(models.get('gpt-oss-120b')).toMatchObject({ parameters_kept_16bit: '2167371072', memory_gb_4bit: '65.3' });
  });

  it('MiMo-V2.5-Pro does not "fit" a 512 GB desktop at 4 bits', () => {
    const mimo = Number(models.get('mimo-v2-5-pro')!.memory_gb_4bit);
    expect(mimo).toBeGreaterThan(512);
    expect(v.fits(mimo, 512)).toBe(false);
    // Nor would a model of exactly 511.5 GB, with no room left for the KV cache.
    expect(v.fits(511.5, 512)).toBe(false);
  });

  it('hardware lines are dated and sourced, and include the 2024 H200 generation', () => {
    const hw = tables.hardware();
    for (const h of hw) {
      expect(h.available, h.hardware_id).toBeGreaterThanOrEqual(2020);
      expect(h.source_url, h.hardware_id).toMatch(/^https:\/\//);
    }
    expect(hw.find((h) => h.hardware_id === 'dc-141')).toMatchObject({ memory_gb: 141, available: 2024 });
    expect(hw.find((h) => h.hardware_id === 'server-8x141')).toMatchObject({ memory_gb: 1128, available: 2024 });
  });
});
