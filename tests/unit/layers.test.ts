/**
 * Layers look down. lib/ (shared domain code: country groups, CSV, atomic writes, dates, parse
 * errors, and the source row schemas in lib/source-rows/ with their CSV codec) sits below
 * everything; scrapers/ and normalize/ sit on lib/. A scraper's row schema lives in lib/ because
 * both sides use it: the scraper validates the rows it writes, normalize reads them back with it,
 * so normalize never needs scrapers/. The site (src/) reads normalize's table contracts but never
 * the scrapers' runtime; tools/ sit on top and may use all.
 * Each import is read from source (TypeScript's own pre-processor, so comments and strings are
 * not mistaken for imports), resolved to a repository folder, and checked against the rule.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** For each layer, the layers it may import from (itself always allowed). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  lib: [],
  scrapers: ['lib'],
  normalize: ['lib'],
  src: ['lib', 'normalize'],
  tools: ['lib', 'scrapers', 'normalize', 'src'],
};
const LAYERS = Object.keys(MAY_IMPORT);

function layerOf(path: string): string | null {
  const top = relative(ROOT, path).split(sep)[0]!;
  return LAYERS.includes(top) ? top : (relative(ROOT, path).startsWith('..') ? null : 'root');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}

/** Relative import specifiers of one file: static, type-only, re-exports and dynamic import(). */
export function relativeImports(text: string): string[] {
  // .astro files: the imports live in the frontmatter and the script blocks; the pre-processor reads them fine as TS.
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'));
}

interface Violation { file: string; imports: string; rule: string }

export function violationsOf(file: string, text: string): Violation[] {
  const from = layerOf(file);
  if (!from || !(from in MAY_IMPORT)) return [];
  const out: Violation[] = [];
  for (const spec of relativeImports(text)) {
    const to = layerOf(resolve(dirname(file), spec));
    // Root files are configuration (site.config.mjs: site URL, release), readable from every layer.
    if (to === from || to === null || to === 'root') continue;
    if (!MAY_IMPORT[from]!.includes(to ?? '')) {
      out.push({ file: relative(ROOT, file), imports: spec, rule: `${from}/ may import only ${[from, ...MAY_IMPORT[from]!].join(', ')}/ — ${to}/ is above or beside it` });
    }
  }
  return out;
}

describe('layers look down', () => {
  const files = LAYERS.flatMap((l) => sourceFiles(join(ROOT, l)));

  it('finds the source files and their imports (so an empty scan cannot pass)', () => {
    expect(files.length).toBeGreaterThan(100);
    const imports = files.flatMap((f) => relativeImports(readFileSync(f, 'utf8')));
    expect(imports.length).toBeGreaterThan(300);
  });

  it('no file imports a layer above or beside its own', () => {
    const bad = files.flatMap((f) => violationsOf(f, readFileSync(f, 'utf8')));
    expect(bad, bad.map((v) => `${v.file} imports ${v.imports}: ${v.rule}`).join('\n')).toEqual([]);
  });

  it('the checker catches each kind of upward or sideways import', () => {
    const at = (p: string) => join(ROOT, p);
    expect(violationsOf(at('normalize/steps/x.ts'), "import { countryGroup } from '../../src/charts/scales.ts';")).toHaveLength(1);
    expect(violationsOf(at('scrapers/x.ts'), "export * from '../normalize/schema.ts';")).toHaveLength(1);
    expect(violationsOf(at('src/lib/x.ts'), "import type { X } from '../../scrapers/lib/run.ts';")).toHaveLength(1);
    expect(violationsOf(at('lib/x.ts'), "const m = await import('../scrapers/lib/http.ts');")).toHaveLength(1);
    expect(violationsOf(at('src/pages/x.astro'), "---\nimport { TABLES } from '../../normalize/schema.ts';\n---")).toEqual([]);
    expect(violationsOf(at('tests/x.test.ts'), "import { a } from '../src/lib/views.ts';")).toEqual([]);
    // A source's row contract is read from lib/source-rows/, never from the scraper that re-exports it.
    expect(violationsOf(at('normalize/steps/x.ts'), "import { aaPageModelRow } from '../../scrapers/artificialanalysis/models-page.ts';")).toHaveLength(1);
    expect(violationsOf(at('normalize/steps/x.ts'), "import { aaPageModelRow } from '../../lib/source-rows/artificialanalysis.ts';")).toEqual([]);
    expect(violationsOf(at('lib/source-rows/x.ts'), "export { nullableText } from '../../scrapers/lib/checks.ts';")).toHaveLength(1);
    expect(violationsOf(at('normalize/x.ts'), "// import { a } from '../src/y.ts'\nconst s = \"from '../src/y.ts'\";")).toEqual([]);
  });
});
