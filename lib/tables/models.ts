/**
 * The contract of models.csv: one row per canonical model, with the evidence for its openness
 * class, its licence, parameters and memory. normalize/steps/models.ts builds the rows.
 */
import { COUNTRY_GROUPS, OPENNESS_CLASSES } from '../countries.ts';
import { definePublished, text, oneOf, num, int, bool, date } from './contract.ts';
import { COMMERCIAL_USE, ISO_LIST, LICENCE_RESTRICTIVENESS } from './enums.ts';

export const models = definePublished({
  name: 'models', path: 'models.csv', title: 'Models',
  description: 'One row per canonical model (every model Artificial Analysis has listed in any capture, plus the models a figure names that it never listed: data/reference/extra_models.csv), with lab, country, openness class and the evidence for it, licence, parameters and the memory needed to hold the weights.',
  primaryKey: ['model_id'],
  foreignKeys: [{ fields: ['lab_id'], reference: { resource: 'labs', fields: ['lab_id'] } }, { fields: ['licence_id'], reference: { resource: 'licences', fields: ['licence_id'] } }],
  row: {
    model_id: text('Canonical model id (the Artificial Analysis slug)', { pattern: /^[a-z0-9][a-z0-9.-]*$/ }),
    name: text('Model name as Artificial Analysis shows it, including the reasoning/effort variant'),
    family: text('Model name without the reasoning/effort variant in parentheses'),
    lab_id: text('Developer (data/reference/labs.csv)').nullable(),
    lab_name: text('Developer display name').nullable(),
    country: text("Lab's country, ISO 3166-1 alpha-2; several joined by ;", { pattern: ISO_LIST }).nullable(),
    country_group: oneOf(COUNTRY_GROUPS, 'China (incl. Hong Kong, Macao), United States, Europe or Other (incl. mixed collaborations)'),
    release_date: date('Release date (Artificial Analysis)').nullable(),
    openness: oneOf(OPENNESS_CLASSES, 'open-source: weights, training code and data released; open-weight: weights downloadable; closed: API/hosted only or unreleased'),
    openness_decided_by: text('Which source and value decided the openness class'),
    weights_downloadable: bool('Weights can be downloaded'),
    training_code_released: bool('Training code released (reference file or Epoch), empty when unknown').nullable(),
    training_code_basis: text("What decided training_code_released: the reference files or Epoch's training-code field, and the reviewed reading where Epoch's \"Open\" points at fine-tuning code only").nullable(),
    training_data_released: bool('Training data released (reference file), empty when unknown').nullable(),
    aa_open_weights: bool('Artificial Analysis open_weights flag').nullable(),
    aa_openness_index: num('Artificial Analysis Openness Index (0-100: how much of weights, data and methodology is released)', { min: 0, max: 100 }).nullable(),
    epoch_model: text('The Epoch AI notable-models row the Epoch fields come from (a join refused when its date or size contradicts the model)').nullable(),
    epoch_accessibility: text("Epoch's model accessibility, where the model matched an Epoch row").nullable(),
    models_dev_open_weights: bool('models.dev open_weights flag (any provider), where matched').nullable(),
    openness_disagreement: text('Sources that disagree with the decided class, and which one wins').nullable(),
    licence_id: text("Licence (data/reference/licences.csv), open models only: from the captured licence text where there is one, else from Artificial Analysis's licence name").nullable(),
    licence_name_in_source: text('Licence name as Artificial Analysis spells it').nullable(),
    licence_restrictiveness: oneOf(LICENCE_RESTRICTIVENESS, 'permissive, conditional, restricted or non-commercial').nullable(),
    commercial_use: oneOf(COMMERCIAL_USE, "Commercial use allowed: the licence text where captured, else Artificial Analysis's flag, else licences.csv").nullable(),
    licence_source: text("Where the licence was read: the licence file captured from the model's repository (model-cards/<dataset>/<as_of>) or Artificial Analysis's licence name").nullable(),
    licence_url: text('The licence text: the captured document, else the URL Artificial Analysis links').nullable(),
    licence_disagreement: text('Sources that disagree on the licence or commercial use, and which one wins (the licence text over a catalogue, a catalogue over licences.csv)').nullable(),
    huggingface_repo: text('Hugging Face repository of the weights, owner/name', { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/ }).nullable(),
    huggingface_repo_source: text('Which source gave the repository id').nullable(),
    total_parameters: num('Total parameters (count)', { min: 0 }).nullable(),
    active_parameters: num('Parameters active per token for mixture-of-experts models (count)', { min: 0 }).nullable(),
    parameters_source: text('Where the parameter counts come from').nullable(),
    native_precision: text('Precision the weights are published in (bf16, fp8, mxfp4), where known').nullable(),
    native_precision_source: text('Where the native precision comes from').nullable(),
    parameters_kept_16bit: int('Parameters the published checkpoint stores at 16 bits (BF16/F16 in Hugging Face safetensors metadata), counted at 16 bits in every memory column; empty where not captured', { min: 0 }).nullable(),
    memory_gb_16bit: num('GB (1e9 bytes) to hold the weights at 16 bits per parameter; KV cache and activations come on top', { min: 0 }).nullable(),
    memory_gb_8bit: num('GB to hold the weights at 8 bits per parameter (parameters_kept_16bit at 16)', { min: 0 }).nullable(),
    memory_gb_4bit: num('GB to hold the weights at 4 bits per parameter plus one 8-bit scale per 32 weights (4.25 bits), parameters_kept_16bit at 16 bits; without that count, a lower bound', { min: 0 }).nullable(),
    memory_gb_native: num('GB to hold the weights at their native precision, by the same rule', { min: 0 }).nullable(),
    source: text('Source of the row'),
    source_dataset: text('Source dataset'),
    source_as_of: date('Version (as_of) of the source row'),
  },
});
