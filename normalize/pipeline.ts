/**
 * The pipeline graph in one place: which source datasets (data/sources/<source>/<dataset>/<as_of>.csv)
 * each published table is built from, and which datasets are scraped but feed no table, and why.
 * normalize/cli.ts reads datasets through these ids, so a misspelt or undeclared dataset is a type
 * error, and tests/unit/pipeline.test.ts checks this file against cli.ts and data/sources/.
 * The score metric ids each table carries are defined once in lib/metrics.ts.
 *
 *   epoch/notable ───────────────────────────────▶ notable_open_share
 *   artificialanalysis/models ─┐
 *   models-dev/api (open-weights votes) ─┤
 *   openrouter/models (HF repos) ─┤
 *   epoch/notable (evidence) ─┤
 *   model-cards/card__* config__* licence__* ─┤
 *   hf-api/<org>__<repo> (checkpoint sizes) ─┤
 *   epoch/eci, lmarena boards (newest dates) ─┴──▶ models
 *   artificialanalysis/models, lmarena boards + metadata, epoch/eci ──▶ scores ──▶ best_by_date
 *   artificialanalysis/providers, models-dev/api, openrouter/models ──▶ hosting, providers_by_model
 *   k2-vendor-verifier/kimi-k2 + unmerged-third-party, kimi-k3 ──▶ vendor_verifier
 */

/** Every scraped source, by the folder its versions live in. */
export const SOURCE_IDS = ['artificialanalysis', 'epoch', 'lmarena', 'models-dev', 'openrouter', 'k2-vendor-verifier', 'model-cards', 'hf-api'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** The LMArena boards that are one text leaderboard under its several names and copies over time. */
export const LMARENA_BOARDS = ['text-style-control', 'text-raw', 'text-raw-fboulnois', 'arena-top', 'text-history'] as const;

/**
 * The datasets of each source. Per-repository datasets are families named by prefix
 * (model-cards `card__<org>__<repo>`, hf-api `<org>__<repo>`), listed as their pattern.
 */
export const DATASETS = {
  artificialanalysis: ['models', 'models-api', 'providers'],
  epoch: ['notable', 'all', 'large_scale', 'frontier', 'eci'],
  lmarena: [...LMARENA_BOARDS, 'metadata'],
  'models-dev': ['api'],
  openrouter: ['models', 'tools-subset'],
  'k2-vendor-verifier': ['kimi-k2', 'unmerged-third-party', 'kimi-k3'],
  'model-cards': ['card__*', 'config__*', 'licence__*'],
  'hf-api': ['*'],
} as const satisfies Record<SourceId, readonly string[]>;

/** A dataset id of one source, checked by the compiler. */
export type DatasetId<S extends SourceId> = (typeof DATASETS)[S][number];
export type DatasetRef = { [S in SourceId]: `${S}/${DatasetId<S>}` }[SourceId];

/** The published tables (normalize/schema.ts) built from source datasets, and what each reads. */
export const TABLE_INPUTS = {
  notable_open_share: ['epoch/notable'],
  models: [
    'artificialanalysis/models', 'models-dev/api', 'openrouter/models', 'epoch/notable', 'epoch/eci',
    ...LMARENA_BOARDS.map((d) => `lmarena/${d}` as const),
    'model-cards/card__*', 'model-cards/config__*', 'model-cards/licence__*', 'hf-api/*',
  ],
  scores: ['artificialanalysis/models', ...LMARENA_BOARDS.map((d) => `lmarena/${d}` as const), 'lmarena/metadata', 'epoch/eci'],
  /** Built from the scores table and data/reference/scoring_methods.csv, no source dataset directly. */
  best_by_date: [],
  hosting: ['artificialanalysis/providers', 'models-dev/api', 'openrouter/models'],
  providers_by_model: ['artificialanalysis/providers', 'models-dev/api', 'openrouter/models'],
  vendor_verifier: ['k2-vendor-verifier/kimi-k2', 'k2-vendor-verifier/unmerged-third-party', 'k2-vendor-verifier/kimi-k3'],
} as const satisfies Record<string, readonly DatasetRef[]>;

/** Scraped and published as source versions, but read by no table: why each is kept. */
export const FEEDS_NOTHING = {
  'artificialanalysis/models-api': 'the API v2 copy of the leaderboard (needs a key live); its fields differ from the page\'s, and the tables are built from the page captures (models), which reach further back',
  'epoch/all': 'a superset of notable; the article counts notable models only',
  'epoch/large_scale': 'a subset of all by training compute; no figure uses it',
  'epoch/frontier': 'Epoch\'s frontier subset; the frontier figure uses the ECI (eci) instead',
  'openrouter/tools-subset': 'a third party\'s copy keeping only models that support tools: a subset of models, which hosting reads',
} as const satisfies Partial<Record<DatasetRef, string>>;
