/**
 * Loads and checks the reviewed reference files in data/reference/. Contradictions fail
 * here, with the file and row named: an alias mapped to two ids, an alias to an unknown lab,
 * a licence with an SPDX id that is not on the SPDX list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import spdx from 'spdx-license-list';
import { CONTRACTS, type TableRow } from '../lib/tables/index.ts';
import { parseTable } from '../lib/tables/io.ts';

// The rows' contracts (columns, types, per-cell checks) are in lib/tables/reference.ts and
// reference-inputs.ts; the names below are kept for the modules that import them.
export type Lab = TableRow<'labs'>;
export type Licence = TableRow<'licences'> & { osi_approved: boolean | null };
export type LicenceAlias = TableRow<'licence_aliases'>;
export type ModelAlias = TableRow<'model_aliases'>;
export type OpenSourceEvidence = TableRow<'open_source_models'>;
export type TrainingCodeReading = TableRow<'training_code'>;
export type ExtraModel = TableRow<'extra_models'>;
export type ParameterCount = TableRow<'parameter_counts'>;
export type Hardware = TableRow<'hardware'>;
export type ProviderClassRow = TableRow<'providers'>;
export { PROVIDER_CLASSES, type ProviderClass } from '../lib/tables/enums.ts';

/** An organisation's page is not a licence: a reference row that asserts terms must link the text it read them from. */
const isOrganisationPage = (url: string) => /^https?:\/\/(huggingface\.co|github\.com)\/[^/]+\/?$/i.test(url);

type ReferenceName = 'labs' | 'licences' | 'lab_aliases' | 'licence_aliases' | 'model_aliases' | 'open_source_models' | 'training_code' | 'extra_models' | 'parameter_counts' | 'hardware' | 'providers';

/** One reviewed file, read and checked by its contract; an optional file that is absent has no rows. */
function readRef<N extends ReferenceName>(dir: string, name: N, optional = false): TableRow<N>[] {
  const contract = CONTRACTS[name];
  const file = contract.path.slice('reference/'.length);
  const path = join(dir, file);
  if (optional && !existsSync(path)) return [];
  return parseTable(contract, readFileSync(path), `data/reference/${file}`);
}

export interface Reference {
  labs: Map<string, Lab>;
  /** source → lower-case spelling → lab_id */
  labAliases: Map<string, Map<string, string>>;
  licences: Map<string, Licence>;
  licenceAliases: LicenceAlias[];
  modelAliases: ModelAlias[];
  openSource: Map<string, OpenSourceEvidence>;
  trainingCode: Map<string, TrainingCodeReading>;
  extraModels: ExtraModel[];
  parameterCounts: Map<string, ParameterCount>;
  hardware: Hardware[];
  /** source → provider id (as the source spells it, lower case) → its class */
  providerClasses: Map<string, Map<string, ProviderClassRow>>;
}

export function loadReference(dir: string): Reference {
  const labs = new Map<string, Lab>();
  for (const lab of readRef(dir, 'labs')) {
    if (labs.has(lab.lab_id)) throw new Error(`data/reference/labs.csv: lab_id "${lab.lab_id}" appears twice`);
    labs.set(lab.lab_id, lab);
  }
  const labAliases = new Map<string, Map<string, string>>();
  for (const a of readRef(dir, 'lab_aliases')) {
    if (!labs.has(a.lab_id)) throw new Error(`data/reference/lab_aliases.csv: "${a.name}" (${a.source}) points to unknown lab "${a.lab_id}": add it to labs.csv`);
    const bySource = labAliases.get(a.source) ?? new Map<string, string>();
    const key = a.name.toLowerCase();
    const prev = bySource.get(key);
    if (prev && prev !== a.lab_id) throw new Error(`data/reference/lab_aliases.csv: collision, "${a.name}" (${a.source}) maps to both ${prev} and ${a.lab_id}`);
    bySource.set(key, a.lab_id);
    labAliases.set(a.source, bySource);
  }
  const licences = new Map<string, Licence>();
  for (const l of readRef(dir, 'licences')) {
    if (licences.has(l.licence_id)) throw new Error(`data/reference/licences.csv: licence_id "${l.licence_id}" appears twice`);
    let osi: boolean | null = null;
    if (l.spdx_id) {
      const entry = (spdx as Record<string, { osiApproved: boolean }>)[l.spdx_id];
      if (!entry) throw new Error(`data/reference/licences.csv: "${l.spdx_id}" is not an SPDX licence id (licence ${l.licence_id})`);
      osi = entry.osiApproved;
    } else {
      osi = false;
    }
    licences.set(l.licence_id, { ...l, osi_approved: osi });
  }
  for (const l of licences.values()) {
    const asserts = l.commercial_use !== 'unknown' || l.restrictiveness !== 'unknown';
    if (asserts && (!l.url || isOrganisationPage(l.url))) {
      throw new Error(`data/reference/licences.csv: "${l.licence_id}" states its terms (commercial_use=${l.commercial_use}, ${l.restrictiveness}) but its url ${l.url ? `(${l.url}) is an organisation page` : 'is empty'}: link the licence text the terms were read from, or set both to unknown`);
    }
  }
  const licenceAliases = readRef(dir, 'licence_aliases');
  const seenSpelling = new Map<string, string>();
  licenceAliases.forEach((a, i) => {
    if (!licences.has(a.licence_id)) throw new Error(`data/reference/licence_aliases.csv row ${i + 2}: "${a.spelling}" points to unknown licence "${a.licence_id}"`);
    if (a.lab_id !== '*' && !labs.has(a.lab_id)) throw new Error(`data/reference/licence_aliases.csv row ${i + 2}: "${a.spelling}" is bound to unknown lab "${a.lab_id}"`);
    const key = [a.source, a.lab_id, a.model_prefix ?? '', a.spelling.toLowerCase()].join('\u0000');
    const prev = seenSpelling.get(key);
    if (prev && prev !== a.licence_id) throw new Error(`data/reference/licence_aliases.csv: collision, "${a.spelling}" (${a.source}, ${a.lab_id}${a.model_prefix ? `, ${a.model_prefix}` : ''}) maps to both ${prev} and ${a.licence_id}`);
    seenSpelling.set(key, a.licence_id);
  });
  const modelAliases = readRef(dir, 'model_aliases', true);
  const seen = new Map<string, string>();
  for (const a of modelAliases) {
    const key = `${a.source}\u0000${a.name.toLowerCase()}`;
    const prev = seen.get(key);
    if (prev && prev !== a.model_id) throw new Error(`data/reference/model_aliases.csv: collision, "${a.name}" (${a.source}) maps to both ${prev} and ${a.model_id}`);
    seen.set(key, a.model_id);
  }
  const openSource = new Map(readRef(dir, 'open_source_models', true).map((r) => [r.model_id, r]));
  const hardware = readRef(dir, 'hardware');
  const providerClasses = new Map<string, Map<string, ProviderClassRow>>();
  for (const p of readRef(dir, 'providers')) {
    const bySource = providerClasses.get(p.source) ?? providerClasses.set(p.source, new Map()).get(p.source)!;
    const key = p.provider_id.toLowerCase();
    if (bySource.has(key)) throw new Error(`data/reference/providers.csv: provider "${p.provider_id}" (${p.source}) appears twice`);
    bySource.set(key, p);
  }
  const trainingCode = new Map(readRef(dir, 'training_code', true).map((r) => [r.model_id, r]));
  const extraModels = readRef(dir, 'extra_models', true);
  extraModels.forEach((m, i) => {
    if (!labs.has(m.lab_id)) throw new Error(`data/reference/extra_models.csv row ${i + 2}: "${m.model_id}" names unknown lab "${m.lab_id}": add it to labs.csv`);
  });
  const parameterCounts = new Map(readRef(dir, 'parameter_counts', true).map((r) => [r.model_id, r]));
  return { labs, labAliases, licences, licenceAliases, modelAliases, openSource, trainingCode, extraModels, parameterCounts, hardware, providerClasses };
}

/** Where a licence spelling was read: which source, for which lab and model. */
export interface LicenceContext { source: string; labId: string | null; modelId: string }

const prefixMatches = (prefix: string | null, modelId: string) => !prefix || modelId === prefix || modelId.startsWith(`${prefix}-`);

/**
 * Finds a licence id for a source's licence spelling: the most specific alias of that source (a
 * model prefix over a lab over `*`), then a licence's own id or SPDX id. A licence's display name
 * is not matched: "Modified MIT License" names several texts.
 */
export function resolveLicence(ref: Reference, spelling: string | null, ctx: LicenceContext): string | null {
  if (!spelling) return null;
  const key = spelling.trim().toLowerCase();
  const candidates = ref.licenceAliases
    .filter((a) => a.source === ctx.source && a.spelling.toLowerCase() === key && (a.lab_id === '*' || a.lab_id === ctx.labId) && prefixMatches(a.model_prefix, ctx.modelId))
    .sort((a, b) => (b.model_prefix?.length ?? 0) - (a.model_prefix?.length ?? 0) || Number(b.lab_id !== '*') - Number(a.lab_id !== '*'));
  if (candidates[0]) return candidates[0].licence_id;
  for (const l of ref.licences.values()) {
    if (l.licence_id === key || l.spdx_id?.toLowerCase() === key) return l.licence_id;
  }
  return null;
}

/** Finds a lab id for a source's spelling of an organisation. */
export function resolveLab(ref: Reference, source: string, name: string | null): string | null {
  if (!name) return null;
  const key = name.trim().toLowerCase();
  const alias = ref.labAliases.get(source)?.get(key) ?? ref.labAliases.get('*')?.get(key);
  if (alias) return alias;
  if (ref.labs.has(key)) return key;
  for (const lab of ref.labs.values()) if (lab.name.toLowerCase() === key) return lab.lab_id;
  return null;
}
