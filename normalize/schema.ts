/**
 * data/datapackage.json (Frictionless Data Package with Table Schemas), generated from the
 * tables' contracts (lib/tables/: one zod schema per table gives its type, its Table Schema and
 * its reader/writer) and the sources each table derives from.
 */
import { licenceJson, licencesOf, sourceJson, SOURCES, type SourceSpec } from './sources.ts';
import { fieldsOf, PUBLISHED, tableSchemaField, type FieldSpec, type PublishedName } from '../lib/tables/index.ts';

export type { FieldSpec, FieldType } from '../lib/tables/index.ts';

/**
 * A published table as datapackage.json describes it: its contract's fields (derived), title,
 * keys, and the sources its rows derive from (they give the resource its `sources` and
 * `licenses`; they are attribution, kept here beside normalize/sources.ts, not in the contract).
 */
export interface TableSpec {
  name: string;
  path: string;
  title: string;
  description: string;
  fields: FieldSpec[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  sources: SourceSpec[];
}

const SOURCES_OF: Record<PublishedName, SourceSpec[]> = {
  models: [SOURCES.aa, SOURCES.epoch, SOURCES.modelsDev, SOURCES.modelCards, SOURCES.ref],
  scores: [SOURCES.aa, SOURCES.lmarena, SOURCES.epoch],
  best_by_date: [SOURCES.aa, SOURCES.lmarena, SOURCES.epoch],
  hosting: [SOURCES.aa, SOURCES.modelsDev, SOURCES.openrouter],
  providers_by_model: [SOURCES.modelsDev],
  vendor_verifier: [SOURCES.k2vv],
  notable_open_share: [SOURCES.epoch],
  labs: [SOURCES.ref, SOURCES.aa, SOURCES.epoch],
  licences: [SOURCES.ref],
  scoring_methods: [SOURCES.ref, SOURCES.lmarena, SOURCES.aa, SOURCES.epoch],
  training_disclosure: [SOURCES.ref, SOURCES.aa],
  video: [SOURCES.ref],
  reported_figures: [SOURCES.reported],
};

/** The published tables, in datapackage.json's order, each from its contract in lib/tables/. */
export const TABLES: TableSpec[] = PUBLISHED.map((c) => ({
  name: c.name,
  path: c.path,
  title: c.title,
  description: c.description,
  fields: fieldsOf(c),
  primaryKey: c.primaryKey,
  ...(c.foreignKeys ? { foreignKeys: c.foreignKeys } : {}),
  sources: SOURCES_OF[c.name],
}));

/** What only exists once the tables are written: the data version and each file's size and hash (normalize/release.ts). */
export interface Release {
  version: string;
  created: string;
  homepage: string;
  files: Record<string, { bytes: number; hash: string }>;
}

export function dataPackage(specs: TableSpec[], release?: Release) {
  const fileOf = (name: string) => {
    const file = release?.files[name];
    if (release && !file) throw new Error(`datapackage: no size/hash for resource ${name}; was its CSV written?`);
    return file ? { bytes: file.bytes, hash: file.hash } : {};
  };
  return {
    profile: 'tabular-data-package',
    name: 'open-weight-race',
    title: 'Is China winning the open-weight AI race? Tables behind the report',
    ...(release ? { version: release.version, created: release.created, homepage: release.homepage } : {}),
    description: 'Tidy tables normalised from versioned scrapes of Artificial Analysis, LMArena, Epoch AI, models.dev, OpenRouter, the Kimi vendor verifier and model cards. Source versions live in sources/<source>/<dataset>/<as_of>.csv with provenance sidecars. Each resource lists the licences that apply to its rows: this project’s CC BY 4.0 for what it adds, and the terms of every source the rows derive from.',
    licenses: [licenceJson(licencesOf([])[0]!)],
    sources: Object.values(SOURCES).map(sourceJson),
    resources: specs.map((s) => ({
      name: s.name,
      path: s.path,
      profile: 'tabular-data-resource',
      title: s.title,
      description: s.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...fileOf(s.name),
      dialect: { delimiter: ',', lineTerminator: '\n', header: true },
      sources: s.sources.map(sourceJson),
      licenses: licencesOf(s.sources).map(licenceJson),
      schema: {
        fields: s.fields.map(tableSchemaField),
        missingValues: [''],
        primaryKey: s.primaryKey,
        ...(s.foreignKeys ? { foreignKeys: s.foreignKeys } : {}),
      },
    })),
  };
}
