/**
 * normalize/pipeline.ts is the readable graph of the pipeline; these checks keep it true: every
 * dataset on disk is declared, every declared dataset feeds a table or says why not, every table
 * is in the graph, and every dataset normalize reads by name is an input of some table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, FEEDS_NOTHING, SOURCE_IDS, TABLE_INPUTS, type DatasetRef } from '../../normalize/pipeline.ts';
import { TABLES } from '../../normalize/schema.ts';
import { MODEL_CARD_PREFIX } from '../../lib/source-rows/model-cards.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const declared = SOURCE_IDS.flatMap((s) => (DATASETS[s] as readonly string[]).map((d) => `${s}/${d}`));
const inputs = new Set<string>(Object.values(TABLE_INPUTS).flat());
const unused = new Set(Object.keys(FEEDS_NOTHING));

/** "model-cards/card__x" matches the declared "model-cards/card__*"; "hf-api/a__b" matches "hf-api/*". */
const declaredAs = (ref: string) => declared.find((d) => d === ref || (d.endsWith('*') && ref.startsWith(d.slice(0, -1))));

describe('the pipeline graph (normalize/pipeline.ts)', () => {
  it("declares model-cards' datasets by the prefixes the scraper names them with (one per format)", () => {
    expect([...DATASETS['model-cards']].sort()).toEqual(Object.values(MODEL_CARD_PREFIX).map((p) => `${p}*`).sort());
  });

  it('declares every dataset scraped into data/sources', () => {
    // data/sources/<source>/<dataset>/<as_of>.csv
    const dirs = (path: string) => readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const onDisk = dirs(join(ROOT, 'data/sources')).flatMap((src) => dirs(join(ROOT, 'data/sources', src)).map((d) => `${src}/${d}`));
    expect(onDisk.length).toBeGreaterThan(20);
    const undeclared = [...new Set(onDisk)].filter((ref) => !declaredAs(ref));
    expect(undeclared, 'datasets on disk missing from DATASETS in normalize/pipeline.ts').toEqual([]);
  });

  it('every declared dataset feeds a table or says why it feeds nothing, not both', () => {
    expect(declared.filter((d) => !inputs.has(d) && !unused.has(d)), 'neither an input nor in FEEDS_NOTHING').toEqual([]);
    expect(declared.filter((d) => inputs.has(d) && unused.has(d)), 'an input and in FEEDS_NOTHING').toEqual([]);
  });

  it('lists every published table built from sources (reference tables excepted)', () => {
    const built = TABLES.filter((t) => !t.path.startsWith('reference/')).map((t) => t.name).sort();
    expect(Object.keys(TABLE_INPUTS).sort()).toEqual(built);
  });

  it('every dataset normalize reads by name is an input of some table', () => {
    // Literal (source, dataset) pairs in calls such as allVersions(src, 'epoch', 'eci', …) or listVersions(dir, 'hf-api', dataset).
    const files = ['normalize/cli.ts', ...readdirSync(join(ROOT, 'normalize/steps')).map((f) => `normalize/steps/${f}`)];
    const reads = files.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/\b(?:allVersions|latest|readLatest|listVersions|readVersion)\(\s*[\w.]+,\s*'([\w-]+)',\s*(?:'([\w-]+)')?/g)]
      .map((m) => ({ file: f, ref: `${m[1]}/${m[2] ?? '*'}` })));
    expect(reads.length).toBeGreaterThan(8);
    const family = (ref: string) => [...inputs].some((i) => i === ref || (ref.endsWith('/*') && i.startsWith(ref.slice(0, -1))));
    expect(reads.filter((r) => !family(r.ref)).map((r) => `${r.file}: ${r.ref}`)).toEqual([]);
  });

  it('says why for each unused dataset', () => {
    for (const [ref, why] of Object.entries(FEEDS_NOTHING) as [DatasetRef, string][]) expect(why.length, ref).toBeGreaterThan(20);
  });
});
