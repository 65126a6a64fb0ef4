/**
 * The contracts of the reviewed reference files normalize reads but does not publish as tables
 * of their own: the aliases that join the sources' spellings, the evidence behind openness and
 * parameter counts, the hardware the memory figure draws, and the class of every provider.
 * Cross-file rules (an alias to an unknown lab, a collision) stay in normalize/reference.ts.
 */
import { bool, defineTable, int, isUrl, matches, num, oneOf, text, date } from './contract.ts';
import { DECIDED_BY, EXTRA_MODEL_SOURCES, HARDWARE_KINDS, PROVIDER_CLASSES } from './enums.ts';

const MODEL_ID = matches(/^[a-z0-9][a-z0-9.-]*$/, 'model_id must be lower-case letters, digits, dots and dashes');

export const lab_aliases = defineTable({
  name: 'lab_aliases', path: 'reference/lab_aliases.csv', handEdited: true,
  row: {
    source: text('Source that spells the lab this way (* for every source)'),
    name: text('The spelling'),
    lab_id: text('Lab it means (labs.csv)'),
  },
});

/**
 * A licence spelling is bound to the source that writes it and to a lab (or `*` for a name that
 * can only mean one licence, such as an SPDX name), optionally narrowed to the model ids that
 * start with model_prefix: "Modified MIT" means one text for Moonshot and another for MiniMax.
 */
export const licence_aliases = defineTable({
  name: 'licence_aliases', path: 'reference/licence_aliases.csv', handEdited: true,
  row: {
    source: text('Source that spells the licence this way'),
    lab_id: text('Lab whose models it is read for, or * for any'),
    model_prefix: text('Only model ids starting with this prefix').nullable(),
    spelling: text('The spelling'),
    licence_id: text('Licence it means (licences.csv)'),
    note: text('Why').nullable(),
  },
});

export const model_aliases = defineTable({
  name: 'model_aliases', path: 'reference/model_aliases.csv', handEdited: true,
  row: {
    source: text('Source that spells the model this way'),
    name: text('The spelling'),
    model_id: text('Canonical model id it means'),
    note: text('Why').nullable(),
  },
});

export const open_source_models = defineTable({
  name: 'open_source_models', path: 'reference/open_source_models.csv', handEdited: true,
  row: {
    model_id: text('Model'),
    weights: text('How the weights are released'),
    training_code: text('How the training code is released'),
    training_data: text('How the training data is released'),
    evidence_url: text('Evidence', { check: isUrl }),
    note: text('Notes').nullable(),
  },
});

/**
 * A reviewed reading of a source's training-code field: Epoch's "Open" can point at fine-tuning
 * or inference code, which does not let anyone rebuild the model.
 */
export const training_code = defineTable({
  name: 'training_code', path: 'reference/training_code.csv', handEdited: true,
  row: {
    model_id: text('Model'),
    training_code_released: bool('Whether code that rebuilds the model is released'),
    code_released: text('What the released code is'),
    evidence_url: text('Evidence', { check: isUrl }),
    note: text('Notes').nullable(),
  },
});

/**
 * A model that a figure names but Artificial Analysis never listed (an LMArena checkpoint, an
 * Epoch-only version): reviewed facts, each row naming the source row it stands for.
 */
export const extra_models = defineTable({
  name: 'extra_models', path: 'reference/extra_models.csv', handEdited: true,
  row: {
    model_id: text('Canonical model id', { check: MODEL_ID }),
    name: text('Model name'),
    lab_id: text('Developer (labs.csv)'),
    release_date: date('Release date').nullable(),
    open_weights: bool('Weights downloadable'),
    total_parameters: num('Total parameters (count)', { positive: true }).nullable(),
    source: oneOf(EXTRA_MODEL_SOURCES, 'Source whose row it stands for'),
    source_name: text('The name that source gives it'),
    note: text('Notes').nullable(),
  },
});

/**
 * Parameter counts restated to the project's convention (data/reference/README.md): the main
 * model's weights, without modules inference does not need (multi-token-prediction heads).
 */
export const parameter_counts = defineTable({
  name: 'parameter_counts', path: 'reference/parameter_counts.csv', handEdited: true,
  row: {
    model_id: text('Model'),
    total_parameters: num('Total parameters (count)', { positive: true }),
    active_parameters: num('Active parameters per token (count)', { positive: true }).nullable(),
    evidence_url: text('Evidence', { check: isUrl }),
    note: text('Why the count differs from the source'),
  },
});

export const hardware = defineTable({
  name: 'hardware', path: 'reference/hardware.csv', handEdited: true,
  row: {
    hardware_id: text('Hardware id'),
    name: text('Display name'),
    memory_gb: num('Memory that can hold weights, GB', { positive: true }),
    kind: oneOf(HARDWARE_KINDS, 'consumer-gpu, desktop, datacentre-gpu or server'),
    /** Year the hardware could be bought: the chart and sentences date each line. */
    available: int('Year it could be bought', { min: 1000, max: 9999 }),
    example: text('An example product'),
    source_url: text('Where the memory size is stated', { check: isUrl }),
    notes: text('Notes').nullable(),
  },
});

export const providers = defineTable({
  name: 'providers', path: 'reference/providers.csv', handEdited: true,
  row: {
    source: text('Catalogue that lists the provider'),
    provider_id: text('Provider id as the catalogue spells it'),
    name: text('Provider name'),
    class: oneOf(PROVIDER_CLASSES, 'What the provider is'),
    decided_by: oneOf(DECIDED_BY, 'hand (reviewed) or rule'),
    evidence: text('How we know'),
  },
});

/** Country spellings the ISO list (i18n-iso-countries) misses; a blank iso2 means "no single country". */
export const country_aliases = defineTable({
  name: 'country_aliases', path: 'reference/country_aliases.csv', handEdited: true,
  row: {
    name: text('Country name as a source spells it'),
    iso2: text('ISO 3166-1 alpha-2 code; blank for no single country (an international organisation)', { pattern: /^[A-Z]{2}$/ }).nullable(),
    note: text('Whose spelling, and why').nullable(),
  },
});

/**
 * The models (or machines) the article's sentences are about, by role: the site asks for a role
 * (src/lib/subjects.ts checks every role it asks for is here once, of its kind, naming a known id).
 */
export const article_subjects = defineTable({
  name: 'article_subjects', path: 'reference/article_subjects.csv', handEdited: true,
  row: {
    role: text('What the article means by it (video-open-pick: the open model the video singled out)', { pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/ }),
    kind: oneOf(['model', 'hardware'] as const, 'What the id names'),
    id: text('A models.csv model_id or a hardware.csv hardware_id'),
    why: text('The step and sentence that ask for it, and the evidence'),
  },
});
