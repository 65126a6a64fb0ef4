/**
 * Issue 13, normalize side: row 9 (all outputs publish together, even under kill -9), the
 * "Also" item (a scrape committing during normalize cannot mix states), row 10 (the diff tool
 * reads only versions that exist under the sources folder) and row 8 for version files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize/cli.ts';
import { diffVersions, versionFile } from '../../normalize/diff.ts';
import { listVersions, readVersion } from '../../normalize/lib/io.ts';
import { COMMIT_RECORD, publishTogether, readConsistently, recoverPublish, SourcesChangedError } from '../../normalize/lib/publish.ts';
import { lock } from '../../lib/lock.ts';
import { runSources } from '../../scrapers/lib/run.ts';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import { fakeSource, makeReplayDir } from '../helpers/fake-source.ts';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KILLER = fileURLToPath(new URL('../helpers/normalize-killer.ts', import.meta.url));
const SOURCES = join(ROOT, 'data/sources');
const REF = join(ROOT, 'data/reference');
const temp = (p: string) => mkdtempSync(join(tmpdir(), p));
/** The published outputs under `dir`, relative, sorted; dot-files (staging, records) apart. */
const published = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.split('/').some((s) => s.startsWith('.')) && /\.(csv|json|md)$/.test(f)).sort();
const committed = (name: string) => readFileSync(join(ROOT, 'data', name), 'utf8');

/** An output folder holding a recognisably old version of every published file. */
function oldOutputs(): { dir: string; names: string[] } {
  const dir = temp('norm-out-');
  // The claims reports are written by the site build from the published tables (tools/), not by normalize.
  const names = published(join(ROOT, 'data')).filter((n) => !n.startsWith('sources/') && !n.startsWith('reference/') && !/^reports\/claims/.test(n));
  for (const n of names) {
    mkdirSync(join(dir, n, '..'), { recursive: true });
    writeFileSync(join(dir, n), `old ${n}\n`);
  }
  return { dir, names };
}

describe('row 9: tables, datapackage and reports publish together or not at all', () => {
  it('a reports folder that cannot be written fails the run before any table is replaced', () => {
    const { dir, names } = oldOutputs();
    // As root a read-only folder is still writable: a file where the folder must be fails for anyone.
    const reports = join(dir, 'reports');
    rmSync(reports, { recursive: true });
    writeFileSync(reports, 'not a folder');
    expect(() => normalize({ sourcesDir: SOURCES, referenceDir: REF, outDir: dir })).toThrow();
    for (const n of names.filter((x) => !x.startsWith('reports/'))) expect(readFileSync(join(dir, n), 'utf8'), n).toBe(`old ${n}\n`);
  }, 120_000);

  it('kill -9 after the commit point: the next run completes the publish; before it: nothing changed', () => {
    const { dir, names } = oldOutputs();
    const kill = (step: string) => spawnSync(process.execPath, [KILLER, SOURCES, REF, dir, step], { encoding: 'utf8', timeout: 120_000 });

    const early = kill('before-commit');
    expect(early.signal).toBe('SIGKILL');
    for (const n of names) expect(readFileSync(join(dir, n), 'utf8'), n).toBe(`old ${n}\n`);

    const late = kill('after-rename:2');
    expect(late.signal).toBe('SIGKILL');
    const now = names.map((n) => readFileSync(join(dir, n), 'utf8') === `old ${n}\n`);
    expect(now.filter((old) => !old).length, 'three files renamed before the kill').toBe(3);
    expect(existsSync(join(dir, COMMIT_RECORD))).toBe(true);

    // The next run (or reader) rolls the publish forward; every staging folder is gone after.
    recoverPublish(dir);
    for (const n of names) expect(readFileSync(join(dir, n), 'utf8'), n).toBe(committed(n));
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 240_000);

  it('publishTogether: a failure before the commit leaves every file as it was', () => {
    const dir = temp('pub-');
    writeFileSync(join(dir, 'a.csv'), 'old a');
    writeFileSync(join(dir, 'b.csv'), 'old b');
    expect(() => publishTogether(dir, [{ path: 'a.csv', content: 'new a' }, { path: 'b.csv', content: 'new b' }], { beforeCommit: () => { throw new Error('disk full'); } })).toThrow('disk full');
    expect([readFileSync(join(dir, 'a.csv'), 'utf8'), readFileSync(join(dir, 'b.csv'), 'utf8')]).toEqual(['old a', 'old b']);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
    expect(publishTogether(dir, [{ path: 'a.csv', content: 'new a' }, { path: 'b.csv', content: 'old b' }])).toEqual(['a.csv']);
  });
});

describe('Also: a scrape committing while normalize reads cannot make it publish a mix', () => {
  it('a change to the sources folder during the read is detected and nothing is returned', () => {
    const dir = temp('src-');
    mkdirSync(join(dir, 'a/x'), { recursive: true });
    writeFileSync(join(dir, 'a/x/2025-01-01.csv'), 'name\nm\n');
    expect(() => readConsistently(dir, () => writeFileSync(join(dir, 'a/x/2025-01-02.csv'), 'name\nn\n'))).toThrow(SourcesChangedError);
    expect(readConsistently(dir, () => 42)).toBe(42);
  });

  it('normalize waits for a scrape that holds the lock, and says who holds it when it gives up', async () => {
    const dir = temp('src-');
    const held = await lock(dir, 'scrape of test');
    try {
      expect(() => readConsistently(dir, () => 1, 300)).toThrow(/locked by .*pid/);
    } finally {
      held.release();
    }
    expect(readConsistently(dir, () => 1, 300)).toBe(1);
  });

  it('a scrape waits for normalize: its commit fails cleanly, untouched, when the lock is not released', async () => {
    const out = temp('out-');
    const held = await lock(out, 'normalize');
    try {
      const replay = makeReplayDir([{ source: 'a', dataset: 'x', as_of: '2025-01-01', content: 'name,score\nm,1\n' }]);
      const summary = await runSources([fakeSource('a', ['x'])], { transport: new ReplayTransport(replay), outDir: out, allDates: false, lockWaitMs: 300 });
      expect(summary[0]).toMatchObject({ status: 'failed' });
      expect(summary[0]!.error).toMatch(/locked by normalize/);
      expect(existsSync(join(out, 'a/x/2025-01-01.csv'))).toBe(false);
      expect(readdirSync(join(out, 'a/x'))).toEqual([]);
    } finally {
      held.release();
    }
  });
});

describe('row 10: the diff tool reads only versions listed under the sources folder', () => {
  const base = temp('diff-');
  const sources = join(base, 'deep/er/data/sources');
  mkdirSync(join(sources, 'epoch/notable'), { recursive: true });
  writeFileSync(join(sources, 'epoch/notable/2025-01-01.csv'), 'model,x\nm,1\n');
  writeFileSync(join(sources, 'epoch/notable/2025-02-01.csv'), 'model,x\nm,2\n');
  mkdirSync(join(base, 'somewhere'));
  writeFileSync(join(base, 'somewhere/secrets.csv'), 'password\nhunter2\n');
  writeFileSync(join(base, 'somewhere/new.csv'), 'password\nhunter3\n');
  symlinkSync(join(base, 'somewhere/secrets.csv'), join(sources, 'epoch/notable/2025-03-01.csv'));
  const climb = relative(join(sources, '..'), join(base, 'somewhere'));

  it.each([
    ['..', climb, 'secrets', 'new', /no source "\.\."/],
    ['epoch', `../../${climb}`, 'secrets', 'new', /no dataset/],
    ['epoch', 'notable', '../../../../somewhere/secrets', '2025-01-01', /no version/],
    ['epoch', 'notable', join(base, 'somewhere/secrets'), '2025-01-01', /no version/],
    ['epoch', 'notable', '2025-03-01', '2025-01-01', /not a regular file/],
  ])('%s %s %s %s is refused', (source, dataset, a, b, message) => {
    expect(() => diffVersions(sources, source, dataset, a, b)).toThrow(message);
  });

  it('the versions that exist still diff', () => {
    expect(versionFile(sources, 'epoch', 'notable', '2025-01-01')).toBe(join(sources, 'epoch/notable/2025-01-01.csv'));
    expect(diffVersions(sources, 'epoch', 'notable', '2025-01-01', '2025-02-01').changed).toHaveLength(1);
  });

  it('the command prints no outside CSV and exits 1', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'normalize/diff.ts'), '--sources', sources, '..', climb, 'secrets', 'new'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/hunter/);
  });
});

describe('row 8, for version files: real calendar dates, none after the capture', () => {
  const schema = z.object({ name: z.string() });
  it('a version named for a day that does not exist is an error naming it', () => {
    const dir = temp('src-');
    mkdirSync(join(dir, 's/d'), { recursive: true });
    for (const d of ['2026-01-01', '2026-02-30', '2026-99-99']) writeFileSync(join(dir, `s/d/${d}.csv`), 'name\nm\n');
    expect(() => listVersions(dir, 's', 'd')).toThrow(/2026-02-30\.csv, 2026-99-99\.csv not named for a calendar date/);
  });

  it('a version dated after its sidecar\'s capture is an error', () => {
    const dir = temp('src-');
    mkdirSync(join(dir, 's/d'), { recursive: true });
    writeFileSync(join(dir, 's/d/2099-12-31.csv'), 'name\nm\n');
    writeFileSync(join(dir, 's/d/2099-12-31.meta.json'), JSON.stringify({ captured: '2026-01-01', fetched_at: '2026-01-01T00:00:00Z' }));
    expect(() => readVersion(dir, 's', 'd', '2099-12-31', schema)).toThrow(/after the capture date 2026-01-01/);
  });
});
