/**
 * Issue 13, scraper side: a replay folder, an argument or a capture cannot reach outside the
 * project (rows 1-8 and the "Also" items), and issue 12's partial runs are visible in the exit
 * code. Each case is built in a temp folder; the CLI cases spawn the real command.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { artificialAnalysis as artificialanalysis } from '../../scrapers/artificialanalysis.ts';
import { sweepStaleTemps } from '../../lib/output.ts';
import * as run from '../../scrapers/lib/run.ts';
import type { Capture, Target } from '../../scrapers/lib/source.ts';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import { fakeSource, makeReplayDir } from '../helpers/fake-source.ts';

const CLI = fileURLToPath(new URL('../../scrapers/cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []);

/** A replay folder with one fake-csv entry whose `file` and other fields are given as is. */
function manifestDir(entry: Record<string, unknown>, extra: (dir: string) => void = () => {}): string {
  const dir = temp('replay-');
  extra(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ entries: [{
    source: 'a', format: 'fake-csv', dataset: 'x', as_of: '2025-01-01', captured: '2025-01-01', sha256: null, bytes: null,
    live_url: 'https://example.test/a/x.csv', ...entry,
  }] }));
  return dir;
}

/** The secret an attacker wants published: outside every replay folder. */
function secretFile(): string {
  const dir = temp('secret-');
  const path = join(dir, 'secret.txt');
  writeFileSync(path, 'name,score\nTOP-SECRET-LINE,1\n');
  return path;
}

const runFake = (replay: string, outDir = temp('out-')) =>
  run.runSources([fakeSource('a', ['x'])], { transport: new ReplayTransport(replay), outDir, allDates: true });

const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ARTIFICIAL_ANALYSIS_API_KEY: '' } });

describe('row 1: a manifest path leading outside the replay folder is refused', () => {
  const secret = secretFile();
  it.each([
    ['../secret.txt (parent)', '../secret.txt'],
    ['an absolute path', secret],
    ['a .. in the middle', 'a/../../secret.txt'],
    ['a %-encoded ..', '%2e%2e/secret.txt'],
  ])('%s', async (_, path) => {
    // The replay folder sits beside a copy of the secret, so "../secret.txt" reaches it.
    const base = temp('row1-');
    writeFileSync(join(base, 'secret.txt'), readFileSync(secret));
    const replay = join(base, 'replay');
    mkdirSync(replay);
    writeFileSync(join(replay, 'manifest.json'), JSON.stringify({ entries: [{
      source: 'a', format: 'fake-csv', dataset: 'x', as_of: '2025-01-01', captured: '2025-01-01', sha256: null, bytes: null,
      live_url: 'https://example.test/a/x.csv', file: path,
    }] }));
    let error: Error | undefined;
    let summary: run.SummaryRow[] = [];
    try {
      summary = await runFake(replay);
    } catch (err) {
      error = err as Error;
    }
    // Either the manifest is refused whole, or that source fails: never is the secret read.
    if (error) expect(error.message).toMatch(/inside the replay folder/);
    else expect(summary[0]).toMatchObject({ status: 'failed' });
    expect(JSON.stringify(summary)).not.toContain('TOP-SECRET');
  });
});

describe('row 2: symlinks out of the replay folder are refused, naming the link', () => {
  it('a capture file that is a symlink to a file outside', async () => {
    const secret = secretFile();
    const replay = manifestDir({ file: 'a/x.csv' }, (dir) => { mkdirSync(join(dir, 'a')); symlinkSync(secret, join(dir, 'a/x.csv')); });
    const out = temp('out-');
    const summary = await runFake(replay, out);
    expect(summary[0]).toMatchObject({ status: 'failed' });
    expect(summary[0]!.error).toMatch(/a\/x\.csv.*symlink to .*secret\.txt, outside the replay folder/);
    expect(files(out).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });

  it('a folder on the way that is a symlink to a folder outside', async () => {
    const secret = secretFile();
    const replay = manifestDir({ file: 'a/secret.txt' }, (dir) => symlinkSync(join(secret, '..'), join(dir, 'a')));
    const summary = await runFake(replay);
    expect(summary[0]!.status).toBe('failed');
    expect(summary[0]!.error).toMatch(/symlink .*outside the replay folder/);
  });

  it('a symlink inside a captured folder (a source tree) leading out', () => {
    const secret = secretFile();
    const replay = manifestDir({ file: 'tree' }, (dir) => { mkdirSync(join(dir, 'tree')); writeFileSync(join(dir, 'tree/ok.toml'), 'a = 1\n'); symlinkSync(secret, join(dir, 'tree/leak.toml')); });
    const t = new ReplayTransport(replay);
    return expect(t.fetch('a', { dataset: 'x', format: 'fake-csv', url: 'https://example.test/a/x.csv' }, { allDates: false })).rejects.toThrow(/leak\.toml is a symlink to .*secret\.txt, outside/);
  });

  it('a symlink to a file inside the folder is still followed', async () => {
    const replay = manifestDir({ file: 'a/x.csv' }, (dir) => { mkdirSync(join(dir, 'a')); writeFileSync(join(dir, 'real.csv'), 'name,score\nm,1\n'); symlinkSync(join(dir, 'real.csv'), join(dir, 'a/x.csv')); });
    const summary = await runFake(replay);
    expect(summary[0]).toMatchObject({ status: 'written', rows: 1 });
  });
});

describe('row 3: only this program\'s own temp files are swept, only where it wrote', () => {
  it('an unrelated dot-file that looks like a temp file survives a run and a sweep', async () => {
    const out = temp('out-');
    mkdirSync(join(out, 'x'), { recursive: true });
    mkdirSync(join(out, 'a', 'x'), { recursive: true });
    writeFileSync(join(out, 'x/.keep.tmp-999999'), 'keep me');
    writeFileSync(join(out, 'a/x/.2025-01-01.csv.0123456789abcdef0123456789abcdef.tmp-999999'), 'not recorded by any journal');
    const replay = makeReplayDir([{ source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'name,score\nm,1\n' }]);
    await runFake(replay, out);
    expect(sweepStaleTemps(out)).toEqual([]);
    expect(readFileSync(join(out, 'x/.keep.tmp-999999'), 'utf8')).toBe('keep me');
    expect(existsSync(join(out, 'a/x/.2025-01-01.csv.0123456789abcdef0123456789abcdef.tmp-999999'))).toBe(true);
  });

  it('a journal line pointing outside the output folder, or at a file not named as a temp, is ignored', () => {
    const out = temp('out-');
    const victim = secretFile();
    const hex = 'b'.repeat(32);
    mkdirSync(join(out, 's'));
    writeFileSync(join(out, 's/data.csv'), 'precious');
    writeFileSync(join(out, `.scrape-journal-999999-${hex}`), [victim, `../${victim.split('/').slice(-2).join('/')}`, 's/data.csv', ''].join('\n'));
    expect(sweepStaleTemps(out)).toEqual([]);
    expect(existsSync(victim)).toBe(true);
    expect(readFileSync(join(out, 's/data.csv'), 'utf8')).toBe('precious');
  });

  it('a missing output folder, or a file in its place, sweeps nothing and does not throw', () => {
    expect(sweepStaleTemps(join(temp('out-'), 'missing'))).toEqual([]);
    expect(sweepStaleTemps(secretFile())).toEqual([]);
  });
});

describe('row 4: a dataset folder that cannot be written fails that source cleanly', () => {
  it('the source is untouched (no half-written dataset), the other sources still run, the summary has every row', async () => {
    const out = temp('out-');
    // As root a chmod'ed folder is still writable; a file where the folder must go fails for everyone.
    mkdirSync(join(out, 'a'), { recursive: true });
    writeFileSync(join(out, 'a/y'), 'a file where the dataset folder should be');
    const replay = makeReplayDir([
      { source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'name,score\nm,1\n' },
      { source: 'a', dataset: 'y', as_of: '2025-01-01', content: 'name,score\nm,2\n' },
      { source: 'b', dataset: 'z', as_of: '2025-01-01', content: 'name,score\nm,3\n' },
    ]);
    const summary = await run.runSources([fakeSource('a', ['x', 'y']), fakeSource('b', ['z'])], { transport: new ReplayTransport(replay), outDir: out, allDates: false });
    expect(summary.map((r) => [r.source, r.status])).toEqual([['a', 'failed'], ['b', 'written']]);
    expect(summary[0]!.error).toMatch(/cannot write its files under/);
    expect(files(join(out, 'a')).filter((f) => f.endsWith('.csv') || f.includes('.tmp-'))).toEqual([]);
    expect(readFileSync(join(out, 'b/z/2025-01-01.csv'), 'utf8')).toBe('name,score\nm,3\n');
    expect(run.formatSummary(summary)).toContain('failed');
  });
});

describe('rows 5-7 and the Also items: the command refuses bad arguments with exit 2 and one clear line', () => {
  const replay = makeReplayDir([{ source: 'epoch', dataset: 'notable', as_of: '2025-01-01', content: 'x\n' }]);
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

  it('row 5: --out pointing at a file', () => {
    const r = cli(['epoch', '--replay', replay, '--out', secretFile()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out .* is a file, not a folder/);
    noStack(r.stderr);
  });

  it('row 6: --replay "" does not fall back to live', () => {
    const r = cli(['epoch', '--replay', '', '--out', temp('out-')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--replay needs a folder/);
    expect(r.stderr).not.toMatch(/robots|retry/);
  });

  it('row 7: --out ""', () => {
    const cwd = temp('cwd-');
    const r = cli(['epoch', '--replay', replay, '--out', ''], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out needs a folder/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an empty manifest is an error, not a run of "no-capture" rows', () => {
    const dir = temp('replay-');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ entries: [] }));
    const r = cli(['epoch', '--replay', dir, '--out', temp('out-')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lists no captures/);
  });

  it('--out inside the replay folder is refused', () => {
    const r = cli(['epoch', '--replay', replay, '--out', join(replay, 'epoch')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/inside the replay folder/);
    expect(existsSync(join(replay, 'epoch', 'notable'))).toBe(false);
  });
});

describe('row 8: version dates are real calendar days, never after the capture', () => {
  it.each([
    ['2026-99-99', '2026-01-01', /not a calendar date/],
    ['2026-02-30', '2026-03-01', /not a calendar date/],
    ['2099-12-31', '2026-01-01', /after the capture date 2026-01-01/],
  ])('as_of %s captured %s is refused in the manifest', (asOf, captured, message) => {
    const replay = manifestDir({ file: 'a.csv', as_of: asOf, captured }, (dir) => writeFileSync(join(dir, 'a.csv'), 'name,score\nm,1\n'));
    expect(() => new ReplayTransport(replay)).toThrow(message);
  });

  it('a parser that dates its rows after the capture fails its source', async () => {
    const source = fakeSource('a', ['x']);
    const spec = source.formats['fake-csv']!;
    const future = { ...source, formats: { 'fake-csv': { ...spec, parse: (c: Capture, t: Target) => spec.parse(c, t).map((v) => ({ ...v, asOf: '2099-12-31' })) } } };
    const replay = makeReplayDir([{ source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'name,score\nm,1\n' }]);
    const out = temp('out-');
    const summary = await run.runSources([future], { transport: new ReplayTransport(replay), outDir: out, allDates: false });
    expect(summary[0]).toMatchObject({ status: 'failed' });
    expect(summary[0]!.error).toMatch(/as_of 2099-12-31 is after the capture date 2025-01-01/);
    expect(files(out).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });
});

describe('issue 12: a partial refresh is visible, and one fragile target does not sink its source', () => {
  const aaTargets = artificialanalysis.targets();
  const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/artificialanalysis/${name}`, import.meta.url)));
  const transport = (bodies: Map<string, Uint8Array | Error>) => ({
    mode: 'live' as const,
    async fetch(_s: string, t: Target) {
      const body = bodies.get(t.url);
      if (body instanceof Error) throw body;
      if (!body) throw new Error(`no fake body for ${t.url}`);
      return [{ mode: 'live' as const, bytes: body, url: t.url, asOf: '2026-06-01', fetchedAt: '2026-06-01T10:00:00Z', sha256: sha(body) }];
    },
  });
  const [page, api, providers] = ['aa-models-page-json', 'aa-api-v2-json', 'aa-providers-table-csv'].map((f) => aaTargets.find((t) => t.format === f)!);

  it('the Artificial Analysis models page failing leaves the API and the providers table to refresh: exit 3', async () => {
    process.env.ARTIFICIAL_ANALYSIS_API_KEY = 'test-key-not-real';
    try {
      const bodies = new Map<string, Uint8Array | Error>([[page!.url, new Error('challenge page')], [api!.url, fixture('api-raw.json')], [providers!.url, fixture('providers.csv')]]);
      const summary = await run.runSources([artificialanalysis], { transport: transport(bodies), outDir: temp('out-'), allDates: false });
      const byFormat = (ds: string) => summary.filter((r) => r.dataset === ds).map((r) => r.status);
      expect(summary.find((r) => r.status === 'failed')?.error).toMatch(/challenge page/);
      expect(summary.filter((r) => r.status === 'written').length).toBeGreaterThanOrEqual(2);
      expect(byFormat('providers')).toEqual(['written']);
      expect(new Set(summary.map((r) => r.outcome))).toEqual(new Set(['partial']));
      expect(run.exitCodeFor(summary)).toBe(3);
      expect(run.formatSummary(summary)).toMatch(/source_refresh[\s\S]*partial/);
    } finally {
      delete process.env.ARTIFICIAL_ANALYSIS_API_KEY;
    }
  });

  it('without ARTIFICIAL_ANALYSIS_API_KEY the run is partial (exit 3), not a success', async () => {
    delete process.env.ARTIFICIAL_ANALYSIS_API_KEY;
    const bodies = new Map<string, Uint8Array | Error>([[page!.url, fixture('page.html')], [providers!.url, fixture('providers.csv')]]);
    const summary = await run.runSources([artificialanalysis], { transport: transport(bodies), outDir: temp('out-'), allDates: false });
    expect(summary.some((r) => r.status === 'skipped')).toBe(true);
    expect(run.exitCodeFor(summary)).toBe(3);
  });

  it('exit codes: complete 0, a failed source 1 (whatever else is partial), partial 3', () => {
    const row = (source: string, status: run.SummaryRow['status'], outcome: run.SourceOutcome): run.SummaryRow => ({ source, dataset: 'd', asOf: '', rows: 0, status, outcome });
    expect(run.exitCodeFor([row('a', 'written', 'complete')])).toBe(0);
    expect(run.exitCodeFor([row('a', 'written', 'complete'), row('b', 'skipped', 'partial')])).toBe(3);
    expect(run.exitCodeFor([row('a', 'failed', 'failed'), row('b', 'skipped', 'partial')])).toBe(1);
  });
});
