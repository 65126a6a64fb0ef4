import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv, neutraliseFormula } from '../../lib/csv.ts';
import { sweepStaleTemps } from '../../lib/output.ts';
import { formatSummary, runSources } from '../../scrapers/lib/run.ts';
import { ReplayTransport, selectCaptures } from '../../scrapers/lib/transport.ts';
import { fakeSource, makeReplayDir } from '../helpers/fake-source.ts';

const out = () => mkdtempSync(join(tmpdir(), 'out-'));
const snapshotOf = (dir: string) => {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p); else files[p.slice(dir.length)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
};

describe('runSources', () => {
  const replay = makeReplayDir([
    { source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'name,score\nm1,10\n' },
    { source: 'a', dataset: 'x', as_of: '2025-02-01', content: 'name,score\nm1,11\nm2,=1+2\n'.replace('=1+2', '12') },
    { source: 'b', dataset: 'y', as_of: '2025-01-05', content: 'name,score\n"=HYPERLINK(""x"")",5\n' },
  ]);

  it('writes one CSV and sidecar per (dataset, as_of) with provenance', async () => {
    const dir = out();
    const summary = await runSources([fakeSource('a', ['x']), fakeSource('b', ['y'])], { transport: new ReplayTransport(replay), outDir: dir, allDates: true });
    expect(summary.map((s) => [s.source, s.dataset, s.asOf, s.rows, s.status])).toEqual([
      ['a', 'x', '2025-01-01', 1, 'written'], ['a', 'x', '2025-02-01', 2, 'written'], ['b', 'y', '2025-01-05', 1, 'written'],
    ]);
    expect(readFileSync(join(dir, 'a/x/2025-02-01.csv'), 'utf8')).toBe('name,score\nm1,11\nm2,12\n');
    const meta = JSON.parse(readFileSync(join(dir, 'a/x/2025-02-01.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ source: 'a', dataset: 'x', as_of: '2025-02-01', live_url: 'https://example.test/a/x.csv', mode: 'replay', rows: 2, licence: 'CC0-1.0', copied_from: { repo: 'someone/copy' } });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'b/y/2025-01-05.csv'), 'utf8')).toBe(`name,score\n"'=HYPERLINK(""x"")",5\n`);
    expect(formatSummary(summary)).toContain('2025-02-01');
  });

  it('default run takes the latest capture only; a rerun is byte-identical and reports unchanged', async () => {
    const dir = out();
    await runSources([fakeSource('a', ['x'])], { transport: new ReplayTransport(replay), outDir: dir, allDates: false });
    expect(readdirSync(join(dir, 'a/x')).sort()).toEqual(['2025-02-01.csv', '2025-02-01.meta.json']);
    const before = snapshotOf(dir);
    const mtime = statSync(join(dir, 'a/x/2025-02-01.csv')).mtimeMs;
    const again = await runSources([fakeSource('a', ['x'])], { transport: new ReplayTransport(replay), outDir: dir, allDates: false });
    expect(again[0]!.status).toBe('unchanged');
    expect(snapshotOf(dir)).toEqual(before);
    expect(statSync(join(dir, 'a/x/2025-02-01.csv')).mtimeMs).toBe(mtime);
  });

  it('a failed parse leaves that source\'s existing files untouched and other sources still run', async () => {
    const dir = out();
    await runSources([fakeSource('a', ['x']), fakeSource('b', ['y'])], { transport: new ReplayTransport(replay), outDir: dir, allDates: true });
    const before = snapshotOf(dir);
    const broken = makeReplayDir([
      { source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'name,score\nm1,10\n' },
      { source: 'a', dataset: 'x', as_of: '2025-03-01', content: 'name,score\nm1,10\nm2,250\n' },
      { source: 'b', dataset: 'y', as_of: '2025-03-05', content: 'name,score\nz,1\n' },
    ]);
    const summary = await runSources([fakeSource('a', ['x']), fakeSource('b', ['y'])], { transport: new ReplayTransport(broken), outDir: dir, allDates: true });
    const failed = summary.find((s) => s.source === 'a')!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/score above 100: did the source change scale\?/);
    expect(failed.error).toMatch(/source=a dataset=x url=https:\/\/example.test\/a\/x.csv field="score" row=2/);
    const after = snapshotOf(dir);
    for (const [path, content] of Object.entries(before)) expect(after[path]).toBe(content);
    expect(after['/a/x/2025-03-01.csv']).toBeUndefined();
    expect(after['/b/y/2025-03-05.csv']).toBe('name,score\nz,1\n');
  });

  it('a missing column fails with the column named', async () => {
    const dir = out();
    const broken = makeReplayDir([{ source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'model,score\nm1,10\n' }]);
    const [s] = await runSources([fakeSource('a', ['x'])], { transport: new ReplayTransport(broken), outDir: dir, allDates: true });
    expect(s!.status).toBe('failed');
    expect(s!.error).toMatch(/missing column "name"/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a capture whose bytes do not match the manifest hash is refused', async () => {
    const dir = makeReplayDir([{ source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'name,score\nm1,10\n' }]);
    writeFileSync(join(dir, 'a/x.2025-01-01.0.csv'), 'name,score\nm1,99\n');
    const [s] = await runSources([fakeSource('a', ['x'])], { transport: new ReplayTransport(dir), outDir: out(), allDates: true });
    expect(s!.error).toMatch(/does not match its manifest sha256/);
  });
});

describe('selectCaptures', () => {
  it('a later capture of the same as_of is a correction and wins', () => {
    const e = (as_of: string, captured: string, file: string) => ({ source: 's', format: 'f', dataset: 'd', as_of, captured, file, sha256: null, bytes: null, live_url: 'u' });
    const entries = [e('2025-01-01', '2025-01-01', 'a'), e('2025-01-01', '2025-01-09', 'b'), e('2025-02-01', '2025-02-01', 'c')];
    const target = { dataset: 'd', format: 'f', url: 'u' };
    expect(selectCaptures(entries, 's', target, true).map((x) => x.file)).toEqual(['b', 'c']);
    expect(selectCaptures(entries, 's', target, false).map((x) => x.file)).toEqual(['c']);
  });
});

describe('CSV safety', () => {
  it('neutralises formula-like text but keeps numbers as numbers', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    expect(neutraliseFormula('Kimi K2')).toBe('Kimi K2');
    expect(toCsv([{ a: -5, b: '-5', c: null, d: true }], ['a', 'b', 'c', 'd'])).toBe("a,b,c,d\n-5,'-5,,true\n");
  });

  it('sweeps temp files of dead processes only, and only those their journal names', () => {
    const dir = out();
    mkdirSync(join(dir, 's'));
    const dead = 999999999;
    const hex = 'a'.repeat(32);
    writeFileSync(join(dir, `s/.x.csv.${hex}.tmp-${dead}`), 'partial');
    writeFileSync(join(dir, `s/.y.csv.${hex}.tmp-${dead}`), 'not in any journal');
    writeFileSync(join(dir, `.scrape-journal-${dead}-${hex}`), `s/.x.csv.${hex}.tmp-${dead}\n`);
    writeFileSync(join(dir, `s/.z.csv.${hex}.tmp-${process.pid}`), 'mine');
    writeFileSync(join(dir, `.scrape-journal-${process.pid}-${hex}`), `s/.z.csv.${hex}.tmp-${process.pid}\n`);
    expect(sweepStaleTemps(dir).map((p) => p.split('/').pop())).toEqual([`.x.csv.${hex}.tmp-${dead}`]);
    expect(readdirSync(join(dir, 's')).sort()).toEqual([`.y.csv.${hex}.tmp-${dead}`, `.z.csv.${hex}.tmp-${process.pid}`]);
  });
});

describe('optional targets', () => {
  it('a live target whose API key is not set is skipped, not failed, and the rest of the source still runs', async () => {
    const source = fakeSource('k', ['open']);
    const keyed = { dataset: 'keyed', format: 'fake-csv', url: 'https://example.test/k/keyed.csv', requiresEnv: 'FAKE_KEY_THAT_IS_NOT_SET' };
    const withKey = { ...source, targets: () => [...source.targets(), keyed] };
    const transport = {
      mode: 'live' as const,
      fetch: async (_s: string, t: { url: string }) => [{ mode: 'live' as const, bytes: new TextEncoder().encode('name,score\nm,1\n'), url: t.url, asOf: '2025-05-05', fetchedAt: '2025-05-05T00:00:00Z', sha256: 'x' }],
    };
    delete process.env.FAKE_KEY_THAT_IS_NOT_SET;
    const summary = await runSources([withKey], { transport, outDir: out(), allDates: false });
    expect(summary.map((s) => [s.dataset, s.status])).toEqual([['keyed', 'skipped'], ['open', 'written']]);
    expect(summary[0]!.error).toMatch(/set FAKE_KEY_THAT_IS_NOT_SET/);
  });
});

describe('live runs', () => {
  const liveTransport = (bodies: Record<string, string | Error>, asOf: string) => ({
    mode: 'live' as const,
    calls: [] as { url: string; previous?: { etag?: string } }[],
    async fetch(_s: string, t: { url: string }, o: { previous?: { etag?: string } }) {
      this.calls.push({ url: t.url, previous: o.previous });
      const body = bodies[t.url];
      if (body instanceof Error) throw body;
      if (body === undefined) throw new Error(`no fake body for ${t.url}`);
      const bytes = new TextEncoder().encode(body);
      const { createHash } = await import('node:crypto');
      return [{ mode: 'live' as const, bytes, url: t.url, asOf, fetchedAt: `${asOf}T10:00:00Z`, sha256: createHash('sha256').update(bytes).digest('hex'), etag: `"${body.length}"` }];
    },
  });

  it('bytes identical to an earlier live fetch are not written again under a new date, and the ETag is sent back', async () => {
    const dir = out();
    const url = 'https://example.test/a/x.csv';
    await runSources([fakeSource('a', ['x'])], { transport: liveTransport({ [url]: 'name,score\nm,1\n' }, '2025-06-01'), outDir: dir, allDates: false });
    const second = liveTransport({ [url]: 'name,score\nm,1\n' }, '2025-06-02');
    const summary = await runSources([fakeSource('a', ['x'])], { transport: second, outDir: dir, allDates: false });
    expect(summary[0]).toMatchObject({ status: 'unchanged', asOf: '2025-06-01' });
    expect(readdirSync(join(dir, 'a/x'))).toEqual(['2025-06-01.csv', '2025-06-01.meta.json']);
    expect(second.calls[0]!.previous).toEqual({ etag: '"15"', lastModified: undefined });
  });

  it('an optional target that fails does not stop the other targets of its source', async () => {
    const dir = out();
    const source = fakeSource('a', ['x', 'fragile']);
    const withOptional = { ...source, targets: () => source.targets().map((t) => (t.dataset === 'fragile' ? { ...t, optional: true } : t)) };
    const transport = liveTransport({ 'https://example.test/a/x.csv': 'name,score\nm,1\n', 'https://example.test/a/fragile.csv': new Error('challenge page') }, '2025-06-01');
    const summary = await runSources([withOptional], { transport, outDir: dir, allDates: false });
    expect(summary.map((s) => [s.dataset, s.status])).toEqual([['fragile', 'failed'], ['x', 'written']]);
    expect(summary[0]!.error).toMatch(/challenge page/);
  });
});

describe('documentKey', () => {
  it('treats the GitHub blob page and raw file, and Hugging Face raw/blob/resolve at any revision, as one document', async () => {
    const { documentKey } = await import('../../scrapers/lib/transport.ts');
    expect(documentKey('https://github.com/openai/gpt-oss/blob/main/LICENSE')).toBe(documentKey('https://raw.githubusercontent.com/openai/gpt-oss/HEAD/LICENSE'));
    expect(documentKey('https://raw.githubusercontent.com/o/r/refs/heads/main/a/b.md')).toBe('gh:o/r/a/b.md');
    expect(documentKey('https://huggingface.co/o/r/blob/abc123/config.json')).toBe(documentKey('https://huggingface.co/o/r/raw/main/config.json'));
    expect(documentKey('https://github.com/openai/gpt-oss/blob/main/LICENSE')).not.toBe(documentKey('https://github.com/openai/gpt-oss/blob/main/USAGE_POLICY'));
  });
});

describe('same-day corrections', () => {
  it('the capture PROVENANCE.md times later wins, whatever the file names', async () => {
    const { withCaptureTimes, selectCaptures } = await import('../../scrapers/lib/transport.ts');
    const dir = mkdtempSync(join(tmpdir(), 'prov-'));
    writeFileSync(join(dir, 'PROVENANCE.md'), '| README.b-late.md | commit bbb, 2026-08-04T01:57:26+08:00 (fixed) |\n| README.z-early.md | commit zzz, 2026-08-04T01:55:06+08:00 |\n');
    const e = (file: string) => ({ source: 's', format: 'f', dataset: 'd', as_of: '2026-08-04', captured: '2026-08-04', file, sha256: null, bytes: null, live_url: 'u', provenance: 'PROVENANCE.md' });
    const entries = withCaptureTimes(dir, [e('x/README.z-early.md'), e('x/README.b-late.md')]);
    expect(selectCaptures(entries, 's', { dataset: 'd', format: 'f', url: 'u' }, true).map((x) => x.file)).toEqual(['x/README.b-late.md']);
  });
});

describe('restoreFormula', () => {
  it('undoes exactly what neutraliseFormula did', async () => {
    const { restoreFormula } = await import('../../lib/csv.ts');
    for (const s of ['=1+1', '-x', '@a', 'plain', "'quoted"]) expect(restoreFormula(neutraliseFormula(s))).toBe(s);
  });
});
