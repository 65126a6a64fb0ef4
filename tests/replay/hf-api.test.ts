import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { hfApi, outputDataset, type HfModelRow } from '../../scrapers/hf-api.ts';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

/** The HF model-info object of a capture, found without the parser under test. */
function rawInfo(file: string): Record<string, any> {
  const doc = JSON.parse(readFileSync(snapshotPath(file), 'utf8'));
  return doc.sources?.huggingface?.repo_info ?? doc;
}

describeReplay('hf-api replay over every capture', () => {
  const entries = manifestEntries({ source: 'hf-api' });

  it('covers both captures, each with a target', () => {
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const e of entries) expect(hfApi.targets().some((t) => t.dataset === e.dataset && t.format === e.format), e.dataset).toBe(true);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: one row, the raw values', async (file, entry) => {
    const target = hfApi.targets().find((t) => t.dataset === entry.dataset && t.format === entry.format)!;
    const captures = await new ReplayTransport(SNAPSHOTS_DIR).fetch('hf-api', target, { allDates: true });
    const capture = captures.find((c) => c.replayFile === file)!;
    const versions = hfApi.formats[entry.format]!.parse(capture, target);
    const info = rawInfo(file);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.asOf).toBe(entry.as_of);
    expect(versions[0]!.dataset).toBe(outputDataset(info.id));
    expect(versions[0]!.rows).toHaveLength(1);
    const row = versions[0]!.rows[0] as HfModelRow;
    hfApi.formats[entry.format]!.row.parse(row);
    expect(row).toMatchObject({
      id: info.id, author: info.author, downloads_30d: info.downloads, likes: info.likes, parameters: info.safetensors.total,
      created_at: info.createdAt.slice(0, 10), last_modified: info.lastModified.slice(0, 10), pipeline_tag: info.pipeline_tag, library_name: info.library_name, sha: info.sha,
    });
  });

  it('spot values from PROVENANCE.md', async () => {
    const rows: Record<string, HfModelRow> = {};
    for (const e of entries) {
      const target = hfApi.targets().find((t) => t.dataset === e.dataset)!;
      const [capture] = await new ReplayTransport(SNAPSHOTS_DIR).fetch('hf-api', target, { allDates: false });
      rows[e.dataset] = hfApi.formats[e.format]!.parse(capture!, target)[0]!.rows[0] as HfModelRow;
    }
    expect(rows['openai__gpt-oss-120b']).toMatchObject({ downloads_30d: 3_326_698, likes: 3824, created_at: '2025-08-04', parameters: 120_412_337_472, licence: 'apache-2.0' });
    expect(rows['openai__gpt-oss-20b']).toMatchObject({ downloads_30d: 8_458_222, likes: 3489, created_at: '2025-08-04', parameters: 21_511_953_984, licence: 'apache-2.0' });
    // The dtype breakdown memory estimates need: gpt-oss keeps about 1.8B (20b) and 2.2B (120b) parameters in BF16.
    expect(rows['openai__gpt-oss-20b']).toMatchObject({ parameters_16bit: 1_804_459_584, parameters_by_dtype: 'BF16=1804459584;U8=19707494400' });
    expect(rows['openai__gpt-oss-120b']).toMatchObject({ parameters_16bit: 2_167_371_072, parameters_by_dtype: 'BF16=2167371072;U8=118244966400' });
  });
});

