/**
 * The words a reader sees for the codes the views return, one table per code. Views, claims'
 * rules and figures' filters work on codes (a board id, 'near-video', 'open', a metric id);
 * a figure's rows, a chart's axis and a sentence turn them into words here, at render. A new
 * code without a label is a type error, not a silently raw id on the page.
 */

/** The leaderboards of the one-year-on grid: a source, a metric and which side of the race. */
export type BoardId = 'lmarena-closed' | 'lmarena-open' | 'aa-closed' | 'aa-open' | 'models-dev-most-hosted';

/** A board's row label in the one-year-on grid (and its CSV). */
export const BOARD_LABEL: Record<BoardId, string> = {
  'lmarena-closed': 'LMArena, best closed model',
  'lmarena-open': 'LMArena, best open model',
  'aa-closed': 'Artificial Analysis, best closed',
  'aa-open': 'Artificial Analysis, best open',
  'models-dev-most-hosted': 'Most-hosted open model (models.dev)',
};

/** How a sentence names an open board ("on every open-model chart we could draw (…)"). */
export const BOARD_NAME: Record<BoardId, string> = {
  'lmarena-closed': 'LMArena',
  'lmarena-open': 'LMArena',
  'aa-closed': 'Artificial Analysis’s index',
  'aa-open': 'Artificial Analysis’s index',
  'models-dev-most-hosted': 'the most-hosted list of models.dev',
};

/** The two columns of the one-year-on grid: the capture nearest the video, and the latest one. */
export type Period = 'near-video' | 'latest';
export const PERIOD_LABEL: Record<Period, string> = {
  'near-video': 'Capture nearest the video',
  latest: 'Latest capture',
};

/** Which side of the race a frontier point is on. */
export type Side = 'open' | 'closed';
export const SIDE_LABEL = {
  open: 'Best open model',
  closed: 'Best closed model',
} as const satisfies Record<Side, string>;
export type SideLabel = (typeof SIDE_LABEL)[Side];

/** A scoring method id (data/reference/scoring_methods.csv) as a chart names it; an unlisted id shows as itself. */
const METHOD_LABEL: Record<string, string> = { 'lmarena-online-elo': 'online Elo', 'lmarena-bradley-terry': 'Bradley–Terry', 'lmarena-bradley-terry-style-control': 'Bradley–Terry, style-controlled' };
export const methodLabel = (method: string) => METHOD_LABEL[method] ?? method;

/** How a sentence names an LMArena scoring method in the history of its methods ("under the online Elo it used first"). */
const METHOD_PHRASE: Record<string, string> = { 'lmarena-online-elo': 'the online Elo it used first', 'lmarena-bradley-terry': 'the Bradley–Terry ratings it has used since' };
export const methodPhrase = (method: string) => METHOD_PHRASE[method] ?? method;

/** Which copy of LMArena's leaderboard a snapshot comes from (its dataset id), as the gap chart's symbol key names it. */
const ARENA_COPY_LABEL: Record<string, string> = { 'text-history': 'History (community archive)', 'text-raw-fboulnois': 'Leaderboard CSV copies', 'text-raw': 'LMArena dumps' };
export const arenaCopyLabel = (dataset: string) => ARENA_COPY_LABEL[dataset] ?? dataset;

/** An endpoint's stated precision (FP8, FP4…), or the words for none. */
export const NOT_STATED = 'not stated';
export const precisionLabel = (precision: string | null) => precision ?? NOT_STATED;

/** The parts of a model a release can include (the openness spectrum's columns). */
export type SpectrumPart = 'weights' | 'training-code' | 'training-data' | 'licence';
export const SPECTRUM_PART_LABEL = {
  weights: 'Weights',
  'training-code': 'Training code',
  'training-data': 'Training data',
  licence: 'Licence',
} as const satisfies Record<SpectrumPart, string>;

/** The vendor verifier's metric ids (vendor_verifier.csv) as the charts and CSVs name them; an unlisted id shows as itself. */
const VERIFIER_METRIC_LABEL: Record<string, string> = {
  schema_accuracy_pct: 'Schema accuracy', tool_call_f1_pct: 'Tool-call F1', tool_call_similarity_pct: 'Tool-call similarity',
  deepswe_pct: 'DeepSWE', beam_1m_pct: 'BEAM (1M)', ocrbench_pct: 'OCRBench', mmmu_pro_vision_pct: 'MMMU-Pro vision',
};
export const verifierMetricLabel = (metric: string) => VERIFIER_METRIC_LABEL[metric] ?? metric;

/** A verifier listing's vendor as the chart names it: the route is part of the name when it was tested through a router. */
export const vendorLabel = (r: { vendor: string; route: string | null }) => (r.route === 'via OpenRouter' ? `${r.vendor} (via OpenRouter)` : r.vendor);
