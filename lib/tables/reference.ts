/**
 * The contracts of the reviewed reference files (data/reference/*.csv), hand-edited and read by
 * normalize/reference.ts and the site. The first six are published in datapackage.json; the rest
 * are inputs of normalize only (lib/tables/reference-inputs.ts).
 */
import { COUNTRY_GROUPS } from '../countries.ts';
import { definePublished, matches, text, oneOf, num, int, bool, date } from './contract.ts';
import { COMMERCIAL_USE, ISO_LIST, LAB_KINDS, LICENCE_RESTRICTIVENESS, REPORTED_UNITS } from './enums.ts';

export const labs = definePublished({
  name: 'labs', handEdited: true, path: 'reference/labs.csv', title: 'Labs (reference)',
  description: 'Model developers with country, kind and where the country comes from. Reviewed by hand.',
  primaryKey: ['lab_id'],
  row: {
    lab_id: text('Lab id', { check: matches(/^[a-z0-9][a-z0-9-]*$/, 'lab_id must be lower-case letters, digits and dashes') }),
    name: text('Display name'),
    country: text('ISO 3166-1 alpha-2, several joined by ;', { pattern: ISO_LIST }),
    kind: oneOf(LAB_KINDS, 'company, academic, non-profit, government or collaboration'),
    country_source: text('Where the country was read'), // required: say where the country comes from
    notes: text('Notes').nullable(),
  },
});

export const licences = definePublished({
  name: 'licences', handEdited: true, path: 'reference/licences.csv', title: 'Licences (reference)',
  description: 'Licences of open-weight models: SPDX id where one exists, commercial use, restrictions. Reviewed by hand; OSI approval comes from the SPDX list.',
  primaryKey: ['licence_id'],
  row: {
    licence_id: text('Licence id', { check: matches(/^[a-z0-9][a-z0-9.-]*$/, 'licence_id must be lower-case letters, digits, dots and dashes') }),
    name: text('Name'),
    spdx_id: text('SPDX identifier, where one exists').nullable(),
    commercial_use: oneOf(COMMERCIAL_USE, 'Commercial use allowed'),
    restrictiveness: oneOf(LICENCE_RESTRICTIVENESS, 'permissive, conditional, restricted, non-commercial'),
    user_threshold: text('User or revenue threshold above which terms change').nullable(),
    regions_excluded: text('Territories where the licence does not apply').nullable(),
    attribution_display: bool('Requires displaying attribution in the product').nullable(),
    use_policy: bool('Incorporates an acceptable-use policy').nullable(),
    url: text('Licence text').nullable(),
    notes: text('Notes').nullable(),
  },
});

export const scoring_methods = definePublished({
  name: 'scoring_methods', handEdited: true, path: 'reference/scoring_methods.csv', title: 'Scoring methods of the leaderboards (reference)',
  description: 'Which method scored each span of leaderboard snapshots, with the evidence. A gap or a level is compared only within one method; the charts mark the breaks.',
  primaryKey: ['source', 'dataset', 'metric', 'from'],
  row: {
    source: text('Leaderboard'),
    dataset: text('Source dataset'),
    metric: text('Metric (see scores.csv)'),
    'from': date('First snapshot scored this way'),
    to: date('Last snapshot scored this way (blank: still in use)').nullable(),
    scoring_method: text('Method id'),
    evidence: text('How we know'),
  },
});

export const training_disclosure = definePublished({
  name: 'training_disclosure', handEdited: true, path: 'reference/training_disclosure.csv', title: 'Training data and methodology disclosure (reference)',
  description: 'How much of its training data and methodology a model’s developer publishes, read from the components of Artificial Analysis’s Openness Index (0 none, 1–2 partly, 3 fully), reviewed by hand. A model with no row is drawn as "not recorded", never as "not released".',
  primaryKey: ['model_id'],
  row: {
    model_id: text('Model (models.csv)'),
    pretraining_data: int('Pre-training data access, 0 (none) to 3 (fully released)', { min: 0, max: 3 }),
    posttraining_data: int('Post-training data access, 0 to 3', { min: 0, max: 3 }),
    methodology: int('Methodology disclosure, 0 to 3', { min: 0, max: 3 }),
    source: text('Source and dataset the levels were read from (data/sources/<source>/<dataset>/): the Openness Index components of the Artificial Analysis models capture'),
    source_as_of: date('Capture they were read from'),
    evidence_url: text('Evidence').nullable(),
    note: text('What the levels mean for this model').nullable(),
  },
});

export const video = definePublished({
  name: 'video', handEdited: true, path: 'reference/video.csv', title: 'The video the report retells (reference)',
  description: 'The date window of the video essay, with the evidence: every "since the video" in the article is computed from it.',
  primaryKey: ['event_id'],
  row: {
    event_id: text('Id'),
    title: text('Title and author'),
    date_earliest: date('Earliest date the video can be of'),
    date_latest: date('Latest date it can be of'),
    evidence: text('How the window was set, and what is uncertain'),
    url: text('Where it is published').nullable(),
  },
});

export const reported_figures = definePublished({
  name: 'reported_figures', handEdited: true, path: 'reference/reported_figures.csv', title: 'Figures reported by others (reference)',
  description: 'Published measurements the report cites but does not compute (no captured source gives them): attributed and dated. Not this project’s data.',
  primaryKey: ['figure_id', 'country_group'],
  row: {
    figure_id: text('Which published figure'),
    publisher: text('Who published it'),
    title: text('Publication'),
    published: text('Publication month (YYYY-MM)', { pattern: /^\d{4}-\d{2}$/ }),
    country_group: oneOf(COUNTRY_GROUPS, 'Country group the value is for'),
    metric: text('What was measured'),
    value: num('Value as published'),
    unit: oneOf(REPORTED_UNITS, 'downloads or percent'),
    url: text('Where it was published').nullable(),
    note: text('Notes').nullable(),
  },
});
