/**
 * Every table's contract, by name. PUBLISHED lists the resources of data/datapackage.json in
 * their published order; REFERENCE_INPUTS the reviewed files normalize (or, for article_subjects, the site) reads besides. Import a
 * row type as `TableRow<'models'>`, read with readTable (lib/tables/io.ts).
 */
import type { RowOf, TableContract } from './contract.ts';
import { models } from './models.ts';
import { best_by_date, notable_open_share, scores } from './scores.ts';
import { hosting, providers_by_model, vendor_verifier } from './hosting.ts';
import { labs, licences, reported_figures, scoring_methods, training_disclosure, video } from './reference.ts';
import { article_subjects, country_aliases, extra_models, hardware, lab_aliases, licence_aliases, model_aliases, open_source_models, parameter_counts, providers, training_code } from './reference-inputs.ts';

/** In datapackage.json's order: this order is part of the published bytes. */
export const PUBLISHED = [models, scores, best_by_date, hosting, providers_by_model, vendor_verifier, notable_open_share, labs, licences, scoring_methods, training_disclosure, video, reported_figures] as const;

export const REFERENCE_INPUTS = [lab_aliases, licence_aliases, model_aliases, open_source_models, training_code, extra_models, parameter_counts, hardware, providers, country_aliases, article_subjects] as const;

type AnyContract = (typeof PUBLISHED)[number] | (typeof REFERENCE_INPUTS)[number];
export type TableName = AnyContract['name'];
export type PublishedName = (typeof PUBLISHED)[number]['name'];

export const CONTRACTS = Object.fromEntries([...PUBLISHED, ...REFERENCE_INPUTS].map((c) => [c.name, c])) as { [C in AnyContract as C['name']]: C };

/** The typed row of a table: its columns, a blank cell as null, enums as their literal unions. */
export type TableRow<N extends TableName> = RowOf<(typeof CONTRACTS)[N]>;

export function contractOf<N extends TableName>(name: N): (typeof CONTRACTS)[N] {
  const c = CONTRACTS[name] as TableContract | undefined;
  if (!c) throw new Error(`no table contract named "${name}" in lib/tables/index.ts`);
  return CONTRACTS[name];
}

export { columnsOf, fieldsOf, tableSchemaField, type FieldSpec, type FieldType, type PublishedContract, type TableContract } from './contract.ts';
