/**
 * Issue 13 row 11: decompression is capped by the same size limit as downloads, in replay and
 * live (the parser is the same in both), with a message that says so.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../scrapers/lib/http.ts';
import { runSources } from '../../scrapers/lib/run.ts';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import { maybeGunzip, modelsDev, parseModelsDevApi, treeFiles } from '../../scrapers/models-dev.ts';

/** A gzip of `n` zero bytes: about 1 KB per MB, the shape of a decompression bomb. */
const zeros = (n: number) => gzipSync(Buffer.alloc(n), { level: 9 });

describe('row 11: gzip expansion is capped', () => {
  it('a gzip expanding past the download limit is refused with a message naming the limit', () => {
    const bomb = zeros(DEFAULT_MAX_BYTES + 1024);
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => parseModelsDevApi(bomb)).toThrow(new RegExp(`gzip expands past the ${DEFAULT_MAX_BYTES}-byte limit`));
  });

  it('a target\'s own limit applies, and what fits still decompresses exactly', () => {
    expect(() => maybeGunzip(zeros(2 * 1024 * 1024), 1024 * 1024)).toThrow(/expands past the 1048576-byte limit/);
    expect(maybeGunzip(zeros(1024 * 1024), 1024 * 1024).length).toBe(1024 * 1024);
  });

  it('in replay: the models.dev source fails with the limit named, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    mkdirSync(join(dir, 'models-dev'));
    writeFileSync(join(dir, 'models-dev/api.json.gz'), zeros(DEFAULT_MAX_BYTES + 1));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ entries: [{
      source: 'models-dev', format: 'models-dev-api-json.gz', dataset: 'api', as_of: '2026-01-01', captured: '2026-01-01',
      file: 'models-dev/api.json.gz', sha256: null, bytes: null, live_url: 'https://models.dev/api.json',
    }] }));
    const summary = await runSources([modelsDev], { transport: new ReplayTransport(dir), outDir: mkdtempSync(join(tmpdir(), 'out-')), allDates: false });
    expect(summary[0]).toMatchObject({ status: 'failed' });
    expect(summary[0]!.error).toMatch(/expands past the \d+-byte limit/);
  });

  it('in replay: a capture file larger than the limit is refused before it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    writeFileSync(join(dir, 'big.json'), Buffer.alloc(2048, 0x20));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ entries: [{
      source: 'a', format: 'f', dataset: 'd', as_of: '2026-01-01', captured: '2026-01-01', file: 'big.json', sha256: null, bytes: null, live_url: 'https://example.test/d',
    }] }));
    await expect(new ReplayTransport(dir).fetch('a', { dataset: 'd', format: 'f', url: 'https://example.test/d', maxBytes: 1024 }, { allDates: false }))
      .rejects.toThrow(/big\.json is 2048 bytes, over the 1024-byte limit/);
  });

  it('a zip whose declared contents exceed the limit is refused', () => {
    const zip = zipSync({ 'a.toml': new Uint8Array(600_000), 'b.toml': new Uint8Array(600_000) });
    const capture = { mode: 'live' as const, bytes: zip, url: 'https://example.test/x.zip', asOf: '2026-01-01', fetchedAt: '2026-01-01T00:00:00Z', sha256: '' };
    expect(() => treeFiles(capture, 1_000_000)).toThrow(/zip expands past the 1000000-byte limit/);
    expect(Object.keys(treeFiles(capture, 2_000_000)).sort()).toEqual(['a.toml', 'b.toml']);
  });
});
