/**
 * Issue 13's classes as generators, not single cases: replay paths (row 1), symlinks in and out
 * of the replay folder (row 2), decompression ratios (row 11) and pathological text for every
 * reader of untrusted text (row 12). Each property holds for any input the generator makes.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseAaModelsPage, parseAaProviders } from '../../scrapers/artificialanalysis.ts';
import { parseK2vvReadme, parseKvvReadme } from '../../scrapers/k2-vendor-verifier.ts';
import { htmlTables as k2HtmlTables, pipeTables as k2PipeTables } from '../../scrapers/k2-vendor-verifier/tables.ts';
import { withoutCodeAndComments } from '../../scrapers/lib/markdown.ts';
import { isInside } from '../../lib/output.ts';
import { containedPath, OutsideReplayError, ReplayTransport } from '../../scrapers/lib/transport.ts';
import { parseLicenceText, parseModelCard, type DocInfo } from '../../scrapers/model-cards.ts';
import { allTables, inlineText, proseSentences } from '../../scrapers/model-cards/markdown.ts';
import { maybeGunzip } from '../../scrapers/models-dev.ts';
import { checkDirect } from './helpers/invariant.ts';
import { fc } from './helpers/setup.ts';

const temp = (p: string) => mkdtempSync(join(tmpdir(), p));

// ---------------------------------------------------------------- row 1: paths

/** Paths an attacker or a careless copy could write in a manifest: climbs, absolutes, encodings, separators. */
const segment = fc.constantFrom('..', '.', 'a', 'b', 'x.csv', '%2e%2e', '%2E%2e', '..%2f..', '...', '', 'a\\..\\..', '\u0000', '..\\', 'C:', '~');
const hostilePath = fc.tuple(
  fc.constantFrom('', '/', '//', './', '/etc/', 'C:\\'),
  fc.array(segment, { maxLength: 4 }),
  // Climbs that land on the file planted beside the replay folder, as written or encoded.
  fc.array(fc.constantFrom('..', '%2e%2e', '..\\'), { maxLength: 3 }),
  fc.constantFrom('x.csv', 'a/x.csv', 'secret.csv', ''),
).map(([lead, segs, climbs, last]) => lead + [...segs, ...climbs, last].filter((p, i, all) => p !== '' || i === all.length - 1).join('/'));

describe('row 1: any manifest path either stays inside the replay folder or is refused', () => {
  const base = temp('paths-');
  const root = join(base, 'replay');
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  writeFileSync(join(root, 'a', 'x.csv'), 'name,score\nin,1\n');
  writeFileSync(join(root, 'x.csv'), 'name,score\nin,1\n');
  // Beside the replay folder, where a climb of one lands (never in the shared temp folder itself).
  writeFileSync(join(base, 'x.csv'), 'name,score\nOUTSIDE,1\n');
  writeFileSync(join(base, 'secret.csv'), 'name,score\nOUTSIDE,1\n');
  const real = realpathSync(root);

  it('containedPath returns a path inside, or throws', () => {
    fc.assert(fc.property(hostilePath, (p) => {
      let got: string | undefined;
      try {
        got = containedPath(root, p);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        expect(err instanceof OutsideReplayError || code === 'ENOENT' || code === 'ENOTDIR' || code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE', `${p}: ${(err as Error).message}`).toBe(true);
        return;
      }
      expect(isInside(real, got), `${p} → ${got}`).toBe(true);
    }), { numRuns: 400 });
  });

  it('a manifest naming such a path is refused whole, or replays only a file from inside', async () => {
    await fc.assert(fc.asyncProperty(hostilePath, async (p) => {
      writeFileSync(join(root, 'manifest.json'), JSON.stringify({ entries: [{
        source: 's', format: 'f', dataset: 'd', as_of: '2025-01-01', captured: '2025-01-01', file: p, sha256: null, bytes: null, live_url: 'https://example.test/d',
      }] }));
      let transport: ReplayTransport;
      try {
        transport = new ReplayTransport(root);
      } catch (err) {
        expect((err as Error).message).toMatch(/inside the replay folder|invalid/);
        return;
      }
      try {
        const [capture] = await transport.fetch('s', { dataset: 'd', format: 'f', url: 'https://example.test/d' }, { allDates: false });
        expect(new TextDecoder().decode(capture!.bytes)).not.toContain('OUTSIDE');
      } catch (err) {
        expect((err as Error).message).toMatch(/refused capture|captured file missing/);
      }
    }), { numRuns: 200 });
  });
});

// ---------------------------------------------------------------- row 2: links

/**
 * A chain of symlinks from the capture's path: each hop lands inside or outside the folder, on a
 * file, a folder, another link, or nothing. The capture is read only if every hop stays inside.
 */
const hop = fc.constantFrom('inside-file', 'outside-file', 'inside-dir', 'outside-dir', 'dangling');
const chain = fc.record({ hops: fc.array(fc.constantFrom<'inside' | 'outside'>('inside', 'outside'), { maxLength: 3 }), last: hop, asTree: fc.boolean() });

describe('row 2: any chain of symlinks that leaves the folder is refused, naming the link', () => {
  it('fetch returns inside bytes, or fails saying which link leads out', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(chain, async ({ hops, last, asTree }) => {
      const base = temp('links-');
      const root = join(base, 'replay');
      const outside = join(base, 'outside');
      mkdirSync(root);
      mkdirSync(join(outside, 'dir'), { recursive: true });
      mkdirSync(join(root, 'dir'));
      writeFileSync(join(outside, 'secret.csv'), 'OUTSIDE');
      writeFileSync(join(outside, 'dir', 'secret.csv'), 'OUTSIDE');
      writeFileSync(join(root, 'ok.csv'), 'inside');
      writeFileSync(join(root, 'dir', 'ok.csv'), 'inside');
      const target = { 'inside-file': join(root, 'ok.csv'), 'outside-file': join(outside, 'secret.csv'), 'inside-dir': join(root, 'dir'), 'outside-dir': join(outside, 'dir'), dangling: join(root, 'missing') }[last];
      // Build the chain backwards: link_k → ... → target, each link inside or outside the folder.
      let to = target;
      hops.forEach((where, i) => {
        const link = join(where === 'inside' ? root : outside, `hop${n}-${i}`);
        symlinkSync(to, link);
        to = link;
      });
      n++;
      const entryDir = asTree ? join(root, 'tree') : root;
      mkdirSync(entryDir, { recursive: true });
      symlinkSync(to, join(entryDir, 'capture'));
      writeFileSync(join(root, 'manifest.json'), JSON.stringify({ entries: [{
        source: 's', format: 'f', dataset: 'd', as_of: '2025-01-01', captured: '2025-01-01', file: asTree ? 'tree' : 'capture', sha256: null, bytes: null, live_url: 'https://example.test/d',
      }] }));
      try {
        const [capture] = await new ReplayTransport(root).fetch('s', { dataset: 'd', format: 'f', url: 'https://example.test/d' }, { allDates: false });
        const all = [capture!.bytes, ...Object.values(capture!.files ?? {})].map((b) => new TextDecoder().decode(b)).join('');
        expect(all).not.toContain('OUTSIDE');
      } catch (err) {
        expect((err as Error).message).toMatch(/outside the replay folder|symlink to a folder|captured file missing/);
      }
    }), { numRuns: 120 });
  });
});

// ---------------------------------------------------------------- row 11: decompression

/** Content of any compressibility (zeros, a repeated phrase, noise) and a limit, small or large against it. */
const bomb = fc.record({
  size: fc.integer({ min: 0, max: 3 * 1024 * 1024 }),
  limit: fc.integer({ min: 1, max: 2 * 1024 * 1024 }),
  kind: fc.constantFrom('zeros', 'phrase', 'noise'),
  seed: fc.integer({ min: 0, max: 255 }),
});

describe('row 11: any gzip either decompresses exactly within the limit or is refused naming it', () => {
  it('maybeGunzip', () => {
    fc.assert(fc.property(bomb, ({ size, limit, kind, seed }) => {
      const raw = Buffer.alloc(size, kind === 'zeros' ? 0 : 0x61);
      if (kind === 'phrase') raw.write('{"a":1},'.repeat(Math.ceil(size / 8)).slice(0, size));
      if (kind === 'noise') for (let i = 0, x = seed + 1; i < size; i++) { x = (x * 1103515245 + 12345) >>> 0; raw[i] = x >>> 24; }
      const gz = gzipSync(raw, { level: 1 });
      const out = checkDirect(() => maybeGunzip(gz, limit));
      if (size <= limit) {
        expect(out.kind).toBe('value');
        if (out.kind === 'value') expect(Buffer.from(out.value).equals(raw)).toBe(true);
      } else {
        expect(out.kind).toBe('error');
        if (out.kind === 'error') expect(out.error.message).toMatch(new RegExp(`expands past the ${limit}-byte limit`));
      }
    }), { numRuns: 40 });
  });
});

// ---------------------------------------------------------------- row 12: pathological text

/**
 * Long runs of what the readers' patterns open on and never close, with a little real text
 * around: tens of thousands of repeats, so a quadratic reader needs minutes where a linear one
 * needs milliseconds (the shared parse budget in helpers/invariant.ts catches the former).
 */
const OPENERS = ['[', '![', '](', '[a](', '(', '<', '<a ', '<!--', '<table', '&', '1,', '1.', ' ', '\t', '\n', '\n\n- a=', '|', '| - ', '-', '*', '**', '__', '`', '"', '“',
  'model: ', 'thinking effort:', 'license:', ' and ', 'excluding the territory of ', 'does not apply in ', '1 million USD ', '$1 million ', '1 million ', ' logo'];
const hostileText = fc.record({
  unit: fc.constantFrom(...OPENERS),
  count: fc.integer({ min: 20_000, max: 60_000 }),
  before: fc.string({ maxLength: 20 }),
  after: fc.constantFrom('', ']', ')', '>', '-->', '\n| a | b |\n|---|---|\n| 1 | 2 |\n', ' million monthly active users'),
}).map(({ unit, count, before, after }) => `${before}${unit.repeat(Math.ceil(count / unit.length))}${after}`);

const doc: DocInfo = { repo: 'lab/model', repoHost: 'huggingface', documentUrl: 'https://huggingface.co/lab/model/blob/main/README.md' };
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Every reader of untrusted text in the scrapers, by the public function that reaches its regexes. */
const READERS: [string, (s: string) => unknown][] = [
  ['inlineText', inlineText],
  ['withoutCodeAndComments', withoutCodeAndComments],
  ['model-card tables', allTables],
  ['model-card sentences', proseSentences],
  ['parseModelCard', (s) => parseModelCard(s, doc)],
  ['parseModelCard (front matter)', (s) => parseModelCard(`---\nlicense: other\n---\n${s}`, doc)],
  ['parseLicenceText', (s) => parseLicenceText(s, doc)],
  ['k2vv pipe tables', k2PipeTables],
  ['k2vv html tables', k2HtmlTables],
  ['parseK2vvReadme', (s) => parseK2vvReadme(s, { unmergedThirdParty: false })],
  ['parseKvvReadme', parseKvvReadme],
  ['AA models page', (s) => parseAaModelsPage(utf8(s))],
  ['AA providers table', (s) => parseAaProviders(utf8(`<table><tr><th>Provider</th></tr><tr><td><img alt="${s.replace(/"/g, '')}"></td></tr></table>`))],
];

describe('row 12: every reader of untrusted text finishes on pathological text (linear, no backtracking)', () => {
  it.each(READERS)('%s', (name, read) => {
    fc.assert(fc.property(hostileText, (s) => {
      checkDirect(() => read(s), name);
    }), { numRuns: 10 });
    // And every opener at least once, whatever the seed draws.
    for (const unit of OPENERS) checkDirect(() => read(unit.repeat(Math.ceil(40_000 / unit.length))), name);
  }, 120_000);
});
