/**
 * Loads and checks the reviewed reference files in data/reference/. Contradictions fail
 * here, with the file and row named: an alias mapped to two ids, an alias to an unknown lab,
 * a licence with an SPDX id that is not on the SPDX list.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import spdx from 'spdx-license-list';
import { z } from 'zod';

const yesNo = z.enum(['yes', 'no', 'unknown']);
const flag = z.string().transform((s) => (s === '' ? null : s === 'true'));
const blankNull = z.string().transform((s) => (s.trim() === '' ? null : s.trim()));

const labRow = z.object({
  lab_id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lab_id must be lower-case letters, digits and dashes'),
  name: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}(;[A-Z]{2})*$/, 'country must be ISO alpha-2 codes joined by ;'),
  kind: z.enum(['company', 'academic', 'non-profit', 'government', 'collaboration']),
  country_source: z.string().min(1, 'say where the country comes from'),
  notes: blankNull,
});
export type Lab = z.infer<typeof labRow>;

const labAliasRow = z.object({ source: z.string().min(1), name: z.string().min(1), lab_id: z.string().min(1) });

const licenceRow = z.object({
  licence_id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  name: z.string().min(1),
  spdx_id: blankNull,
  commercial_use: yesNo,
  restrictiveness: z.enum(['permissive', 'conditional', 'restricted', 'non-commercial', 'unknown']),
  user_threshold: blankNull,
  regions_excluded: blankNull,
  attribution_display: flag,
  use_policy: flag,
  url: blankNull,
  notes: blankNull,
});
export type Licence = z.infer<typeof licenceRow> & { osi_approved: boolean | null };

/**
 * A licence spelling is bound to the source that writes it and to a lab (or `*` for a name that
 * can only mean one licence, such as an SPDX name), optionally narrowed to the model ids that
 * start with model_prefix: "Modified MIT" means one text for Moonshot and another for MiniMax.
 */
const licenceAliasRow = z.object({
  source: z.string().min(1),
  lab_id: z.string().min(1),
  model_prefix: blankNull,
  spelling: z.string().min(1),
  licence_id: z.string().min(1),
  note: blankNull.optional(),
});
export type LicenceAlias = z.infer<typeof licenceAliasRow>;

/** An organisation's page is not a licence: a reference row that asserts terms must link the text it read them from. */
const isOrganisationPage = (url: string) => /^https?:\/\/(huggingface\.co|github\.com)\/[^/]+\/?$/i.test(url);
const modelAliasRow = z.object({ source: z.string().min(1), name: z.string().min(1), model_id: z.string().min(1), note: blankNull.optional() });
export type ModelAlias = z.infer<typeof modelAliasRow>;
const openSourceRow = z.object({
  model_id: z.string().min(1),
  weights: z.string().min(1),
  training_code: z.string().min(1),
  training_data: z.string().min(1),
  evidence_url: z.string().url(),
  note: blankNull,
});
export type OpenSourceEvidence = z.infer<typeof openSourceRow>;
/**
 * A reviewed reading of a source's training-code field: Epoch's "Open" can point at fine-tuning
 * or inference code, which does not let anyone rebuild the model.
 */
const trainingCodeRow = z.object({
  model_id: z.string().min(1),
  training_code_released: z.enum(['true', 'false']).transform((s) => s === 'true'),
  code_released: z.string().min(1),
  evidence_url: z.string().url(),
  note: blankNull,
});
export type TrainingCodeReading = z.infer<typeof trainingCodeRow>;
/**
 * A model that a figure names but Artificial Analysis never listed (an LMArena checkpoint, an
 * Epoch-only version): reviewed facts, each row naming the source row it stands for.
 */
const extraModelRow = z.object({
  model_id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'model_id must be lower-case letters, digits, dots and dashes'),
  name: z.string().min(1),
  lab_id: z.string().min(1),
  release_date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected YYYY-MM-DD or empty').transform((s) => s || null),
  open_weights: z.enum(['true', 'false']).transform((s) => s === 'true'),
  total_parameters: z.string().transform((s) => (s ? Number(s) : null)).pipe(z.number().positive().nullable()),
  source: z.enum(['epoch eci', 'lmarena']),
  source_name: z.string().min(1),
  note: blankNull,
});
export type ExtraModel = z.infer<typeof extraModelRow>;
/**
 * Parameter counts restated to the project's convention (data/reference/README.md): the main
 * model's weights, without modules inference does not need (multi-token-prediction heads).
 */
const parameterCountRow = z.object({
  model_id: z.string().min(1),
  total_parameters: z.string().transform(Number).pipe(z.number().positive()),
  active_parameters: z.string().transform((s) => (s ? Number(s) : null)).pipe(z.number().positive().nullable()),
  evidence_url: z.string().url(),
  note: z.string().min(1, 'say why the count differs from the source'),
});
export type ParameterCount = z.infer<typeof parameterCountRow>;
const hardwareRow = z.object({
  hardware_id: z.string().min(1),
  name: z.string().min(1),
  memory_gb: z.string().transform(Number).pipe(z.number().positive()),
  kind: z.enum(['consumer-gpu', 'desktop', 'datacentre-gpu', 'server']),
  /** Year the hardware could be bought: the chart and sentences date each line. */
  available: z.string().regex(/^\d{4}$/, 'expected a year').transform(Number),
  example: z.string(),
  source_url: z.string().url(),
  notes: blankNull,
});
export type Hardware = z.infer<typeof hardwareRow>;
export const PROVIDER_CLASSES = ['serves-weights', 'gateway-or-router', 'model-lab', 'runs-locally'] as const;
export type ProviderClass = (typeof PROVIDER_CLASSES)[number];
const providerRow = z.object({
  source: z.string().min(1),
  provider_id: z.string().min(1),
  name: z.string().min(1),
  class: z.enum(PROVIDER_CLASSES),
  decided_by: z.enum(['hand', 'rule']),
  evidence: z.string().min(1),
});
export type ProviderClassRow = z.infer<typeof providerRow>;

function readRef<S extends z.ZodType>(dir: string, file: string, schema: S, optional = false): z.infer<S>[] {
  const path = join(dir, file);
  if (optional && !existsSync(path)) return [];
  const records = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return records.map((r, i) => {
    const res = schema.safeParse(r);
    if (!res.success) {
      const issue = res.error.issues[0]!;
      throw new Error(`data/reference/${file} row ${i + 2}, column ${issue.path.join('.')}: ${issue.message} (value ${JSON.stringify(r[String(issue.path[0])])})`);
    }
    return res.data;
  });
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
  for (const lab of readRef(dir, 'labs.csv', labRow)) {
    if (labs.has(lab.lab_id)) throw new Error(`data/reference/labs.csv: lab_id "${lab.lab_id}" appears twice`);
    labs.set(lab.lab_id, lab);
  }
  const labAliases = new Map<string, Map<string, string>>();
  for (const a of readRef(dir, 'lab_aliases.csv', labAliasRow)) {
    if (!labs.has(a.lab_id)) throw new Error(`data/reference/lab_aliases.csv: "${a.name}" (${a.source}) points to unknown lab "${a.lab_id}": add it to labs.csv`);
    const bySource = labAliases.get(a.source) ?? new Map<string, string>();
    const key = a.name.toLowerCase();
    const prev = bySource.get(key);
    if (prev && prev !== a.lab_id) throw new Error(`data/reference/lab_aliases.csv: collision, "${a.name}" (${a.source}) maps to both ${prev} and ${a.lab_id}`);
    bySource.set(key, a.lab_id);
    labAliases.set(a.source, bySource);
  }
  const licences = new Map<string, Licence>();
  for (const l of readRef(dir, 'licences.csv', licenceRow)) {
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
  const licenceAliases = readRef(dir, 'licence_aliases.csv', licenceAliasRow);
  const seenSpelling = new Map<string, string>();
  licenceAliases.forEach((a, i) => {
    if (!licences.has(a.licence_id)) throw new Error(`data/reference/licence_aliases.csv row ${i + 2}: "${a.spelling}" points to unknown licence "${a.licence_id}"`);
    if (a.lab_id !== '*' && !labs.has(a.lab_id)) throw new Error(`data/reference/licence_aliases.csv row ${i + 2}: "${a.spelling}" is bound to unknown lab "${a.lab_id}"`);
    const key = [a.source, a.lab_id, a.model_prefix ?? '', a.spelling.toLowerCase()].join('\u0000');
    const prev = seenSpelling.get(key);
    if (prev && prev !== a.licence_id) throw new Error(`data/reference/licence_aliases.csv: collision, "${a.spelling}" (${a.source}, ${a.lab_id}${a.model_prefix ? `, ${a.model_prefix}` : ''}) maps to both ${prev} and ${a.licence_id}`);
    seenSpelling.set(key, a.licence_id);
  });
  const modelAliases = readRef(dir, 'model_aliases.csv', modelAliasRow, true);
  const seen = new Map<string, string>();
  for (const a of modelAliases) {
    const key = `${a.source}\u0000${a.name.toLowerCase()}`;
    const prev = seen.get(key);
    if (prev && prev !== a.model_id) throw new Error(`data/reference/model_aliases.csv: collision, "${a.name}" (${a.source}) maps to both ${prev} and ${a.model_id}`);
    seen.set(key, a.model_id);
  }
  const openSource = new Map(readRef(dir, 'open_source_models.csv', openSourceRow, true).map((r) => [r.model_id, r]));
  const hardware = readRef(dir, 'hardware.csv', hardwareRow);
  const providerClasses = new Map<string, Map<string, ProviderClassRow>>();
  for (const p of readRef(dir, 'providers.csv', providerRow)) {
    const bySource = providerClasses.get(p.source) ?? providerClasses.set(p.source, new Map()).get(p.source)!;
    const key = p.provider_id.toLowerCase();
    if (bySource.has(key)) throw new Error(`data/reference/providers.csv: provider "${p.provider_id}" (${p.source}) appears twice`);
    bySource.set(key, p);
  }
  const trainingCode = new Map(readRef(dir, 'training_code.csv', trainingCodeRow, true).map((r) => [r.model_id, r]));
  const extraModels = readRef(dir, 'extra_models.csv', extraModelRow, true);
  extraModels.forEach((m, i) => {
    if (!labs.has(m.lab_id)) throw new Error(`data/reference/extra_models.csv row ${i + 2}: "${m.model_id}" names unknown lab "${m.lab_id}": add it to labs.csv`);
  });
  const parameterCounts = new Map(readRef(dir, 'parameter_counts.csv', parameterCountRow, true).map((r) => [r.model_id, r]));
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
