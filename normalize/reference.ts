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

const licenceAliasRow = z.object({ spelling: z.string().min(1), licence_id: z.string().min(1) });
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
  licenceAliases: Map<string, string>;
  modelAliases: ModelAlias[];
  openSource: Map<string, OpenSourceEvidence>;
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
  const licenceAliases = new Map<string, string>();
  for (const a of readRef(dir, 'licence_aliases.csv', licenceAliasRow)) {
    if (!licences.has(a.licence_id)) throw new Error(`data/reference/licence_aliases.csv: "${a.spelling}" points to unknown licence "${a.licence_id}"`);
    const key = a.spelling.toLowerCase();
    const prev = licenceAliases.get(key);
    if (prev && prev !== a.licence_id) throw new Error(`data/reference/licence_aliases.csv: collision, "${a.spelling}" maps to both ${prev} and ${a.licence_id}`);
    licenceAliases.set(key, a.licence_id);
  }
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
  return { labs, labAliases, licences, licenceAliases, modelAliases, openSource, hardware, providerClasses };
}

/** Finds a licence id for a source's licence spelling: alias table, then SPDX id, then a licence's own name. */
export function resolveLicence(ref: Reference, spelling: string | null): string | null {
  if (!spelling) return null;
  const key = spelling.trim().toLowerCase();
  const alias = ref.licenceAliases.get(key);
  if (alias) return alias;
  for (const l of ref.licences.values()) {
    if (l.licence_id === key || l.spdx_id?.toLowerCase() === key || l.name.toLowerCase() === key) return l.licence_id;
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
