/**
 * The contracts of the leaderboard tables: scores.csv (every score as the source gives it),
 * best_by_date.csv (the best open and closed model per snapshot) and notable_open_share.csv
 * (Epoch's notable models by year). normalize/steps/scores.ts, series.ts and open-share.ts build them.
 */
import { COUNTRY_GROUPS, OPENNESS_CLASSES } from '../countries.ts';
import { SCORE_METRICS } from '../metrics.ts';
import { definePublished, text, oneOf, num, int, bool, date } from './contract.ts';
import { BEST_COUNTRY_GROUPS, BEST_OPENNESS, ISO_LIST, MATCH_KINDS } from './enums.ts';

export const scores = definePublished({
  name: 'scores', path: 'scores.csv', title: 'Leaderboard scores',
  description: 'One row per (source, dataset, as_of, model as the source names it, metric). Metrics are on different scales: never plot two metrics, or two Artificial Analysis as_of dates, on one axis.',
  primaryKey: ['source', 'dataset', 'as_of', 'source_model', 'metric'],
  foreignKeys: [{ fields: ['model_id'], reference: { resource: 'models', fields: ['model_id'] } }, { fields: ['lab_id'], reference: { resource: 'labs', fields: ['lab_id'] } }],
  row: {
    source: text('artificialanalysis, lmarena or epoch'),
    dataset: text('Source dataset (data/sources/<source>/<dataset>/)'),
    as_of: date('Date of the leaderboard snapshot'),
    source_model: text('Model name as the source spells it'),
    model_id: text('Canonical model id, where the name matched (see data/reports/coverage.md)').nullable(),
    match_kind: oneOf(MATCH_KINDS, 'How source_model joined model_id: exact (its own name), alias (data/reference/model_aliases.csv) or family (the source gives a family name; accepted only where its release date and modality agree). Empty when unmatched').nullable(),
    lab_id: text('Developer').nullable(),
    country: text("Lab's country, ISO alpha-2", { pattern: ISO_LIST }).nullable(),
    country_group: oneOf(COUNTRY_GROUPS, 'Country group'),
    openness: oneOf(OPENNESS_CLASSES, 'Openness class as decided for this row').nullable(),
    openness_basis: text('What decided the openness (models.csv or the source licence column)').nullable(),
    metric: oneOf(SCORE_METRICS, 'aa_intelligence_index, aa_coding_index, aa_agentic_index (0-100, re-based between AA captures); lmarena_text_rating[_style_control] (Elo-like); epoch_eci'),
    value: num('Score'),
    ci_lower: num('Lower bound of the 95% interval, where given').nullable(),
    ci_upper: num('Upper bound of the 95% interval, where given').nullable(),
    votes: int('Votes behind an LMArena rating', { min: 0 }).nullable(),
    style_control: bool('LMArena style control applied').nullable(),
    release_date: date("The model's release date (Epoch's own for ECI rows, else models.csv)").nullable(),
  },
});

export const best_by_date = definePublished({
  name: 'best_by_date', path: 'best_by_date.csv', title: 'Best open and best closed model per leaderboard snapshot',
  description: 'For every (source, dataset, metric, as_of): the best open (open-weight or open-source) and best closed model, overall (country_group All) and per country group.',
  primaryKey: ['source', 'dataset', 'metric', 'as_of', 'openness', 'country_group'],
  row: {
    source: text('Leaderboard'),
    dataset: text('Source dataset'),
    metric: text('Metric (see scores.csv)'),
    as_of: date('Snapshot date'),
    openness: oneOf(BEST_OPENNESS, 'open (open-weight or open-source) or closed'),
    country_group: oneOf(BEST_COUNTRY_GROUPS, 'All, or a country group'),
    best_model: text('Best model as the source names it'),
    model_id: text('Canonical id, where matched').nullable(),
    lab_id: text('Developer').nullable(),
    value: num('Its score'),
    scoring_method: text('How the leaderboard scored this snapshot (reference/scoring_methods.csv): values of two methods are not comparable'),
    ci_lower: num('Lower bound of its 95% interval').nullable(),
    ci_upper: num('Upper bound of its 95% interval').nullable(),
    models_compared: int('Models of this openness and group in the snapshot', { min: 1 }),
    models_unknown_openness: int('Models in the snapshot left out because their openness is unknown', { min: 0 }),
  },
});

export const notable_open_share = definePublished({
  name: 'notable_open_share', path: 'notable_open_share.csv', title: 'Notable models released with open weights, by country group and year',
  description: "Epoch AI's notable models (latest version), by publication year and the lab's country group: how many, how many with open weights, how many closed, how many of unknown access.",
  primaryKey: ['year', 'country_group'],
  row: {
    year: int('Publication year', { min: 1950 }),
    country_group: oneOf(COUNTRY_GROUPS, 'Country group (a collaboration across groups counts as Other)'),
    models: int('Notable models', { min: 0 }),
    open_weight_models: int('Released with downloadable weights', { min: 0 }),
    closed_models: int('API, hosted access or unreleased', { min: 0 }),
    unknown_access_models: int('Access not recorded by Epoch', { min: 0 }),
    open_weight_share: num('open / (open + closed), unknown left out', { min: 0, max: 1 }).nullable(),
    source: text('Source dataset'),
    source_as_of: date('Version of the source dataset'),
  },
});
